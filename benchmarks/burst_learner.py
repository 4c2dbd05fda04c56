"""One simulated learner of benchmarks/class_burst.py: over HTTP and the kernel websocket, what a
browser does, timed, and the room's move to part 2 that all of them make together."""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import time
import uuid
import zlib
from dataclasses import dataclass
from typing import Any

from course_server import (
    TIMEOUT_S,
    cpu_seconds,
    server_cpu_seconds,
)
from jupyter_server.services.kernels.connection.base import (
    deserialize_msg_from_ws_v1,
    serialize_msg_to_ws_v1,
)
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

BROWSER_CONNECTIONS = 6  # a browser fetches at most six files at once from one host


@dataclass
class Learner:
    html_s: float | None = None
    statics_s: float | None = None
    ready_s: float | None = None
    join_s: float | None = None
    switch_s: float | None = None
    bytes: int = 0
    error: str = ""
    join_messages: int = 0
    join_bytes: int = 0
    switch_bytes: int = 0
    joined_at: float | None = None  # wall clock, to set against the trainer's screen
    arrived: bool = False  # joined, or failed: the room's move no longer waits for them


# Browsers speak the kernel websocket's binary protocol, which the server relays without
# decoding each message; the learners here speak it too, so they cost the server what a browser
# does (the older JSON protocol costs it a decode and an encode of every message).
PROTOCOL = "v1.kernel.websocket.jupyter.org"


def message(
    msg_type: str, content: dict[str, Any], session: str, metadata: dict[str, Any] | None = None
) -> bytes:
    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": msg_type,
        "session": session,
        "username": "",
        "date": "",
        "version": "5.3",
    }
    parts = [json.dumps(part).encode() for part in (header, {}, metadata or {}, content)]
    return serialize_msg_to_ws_v1(parts, "shell")


class WireSize:
    """What a message from the server takes on the wire: compressed as permessage-deflate does
    (one stream per connection, flushed at each message) when the server agreed to it."""

    def __init__(self, socket: Any) -> None:
        agreed = "permessage-deflate" in socket.headers.get("Sec-WebSocket-Extensions", "")
        self.deflate = zlib.compressobj(6, zlib.DEFLATED, -15) if agreed else None

    def __call__(self, frame: bytes) -> int:
        if self.deflate is None:
            return len(frame)
        return len(self.deflate.compress(frame) + self.deflate.flush(zlib.Z_SYNC_FLUSH)) - 4


def send(socket: Any, frame: bytes) -> None:
    socket.write_message(frame, binary=True)


def decode(frame: bytes) -> dict[str, Any]:
    channel, parts = deserialize_msg_from_ws_v1(frame)
    header = json.loads(parts[0])
    return {"channel": channel, "msg_type": header["msg_type"], "content": json.loads(parts[3])}


async def fetch(client: AsyncHTTPClient, url: str, read: bool = True) -> tuple[int, str]:
    request = HTTPRequest(
        url,
        headers={"Accept-Encoding": "gzip"},
        decompress_response=False,
        request_timeout=TIMEOUT_S,
    )
    response = await client.fetch(request, raise_error=False)
    if response.code != 200:
        raise RuntimeError(f"HTTP {response.code} for {url.split('?')[0]}")
    body = response.body or b""
    size = len(body)
    if not read:  # a static file: only its size matters, and decompressing it costs our CPU
        return size, ""
    if response.headers.get("Content-Encoding") == "gzip":
        import gzip

        body = gzip.decompress(body)
    return size, body.decode("utf-8", "replace")


class RoomMove:
    """When the learners move to part 2: together, once the last is in, as when the trainer
    moves the room after the class has joined (every page switching at the same moment); or
    with --switch-in-burst each right after joining, in the middle of the others' arrival (the
    sequencing before: 100 switches then shared the processor with the pages still loading)."""

    def __init__(self, learners: int, together: bool, read_for: float, pid: int) -> None:
        self.waiting = learners
        self.together = together
        self.read_for = read_for  # seconds the class reads part 1 before the move
        self.all_in = asyncio.Event()
        self.pid = pid
        self.moving = 0  # learners who joined and have not finished moving
        self.began: tuple[float, float] | None = None  # CPU of all, of the servers, at the move
        self.used: tuple[float, float] | None = None  # what the move took of each

    def arrived(self, result: Learner) -> None:
        if result.arrived:
            return
        result.arrived = True
        self.waiting -= 1
        if self.waiting <= 0:
            self.all_in.set()

    async def wait(self) -> None:
        self.moving += 1
        if self.together:
            await self.all_in.wait()
            await asyncio.sleep(self.read_for)
            if self.began is None:  # the first to wake: the moment the whole room moves
                self.began = (cpu_seconds(self.pid), server_cpu_seconds(self.pid))

    def moved(self) -> None:
        """One learner is on part 2, or failed to get there; the last notes the CPU it took."""
        self.moving -= 1
        if self.moving == 0 and self.began is not None:
            total, servers = cpu_seconds(self.pid), server_cpu_seconds(self.pid)
            self.used = (total - self.began[0], servers - self.began[1])


async def one_learner(
    delay: float,
    link: str,
    statics: list[str],
    code: str,
    join_text: str,
    app: bool,
    move: RoomMove,
) -> Learner:
    result = Learner()
    await asyncio.sleep(delay)
    # A client of its own, as each browser has: tornado's shared client would queue the whole
    # class behind ten connections.
    client = AsyncHTTPClient(force_instance=True, max_clients=BROWSER_CONNECTIONS)
    began = time.monotonic()
    try:
        size, page = await fetch(client, link)
        result.html_s = time.monotonic() - began
        result.bytes += size
        limit = asyncio.Semaphore(BROWSER_CONNECTIONS)

        async def one(url: str) -> int:
            async with limit:
                return (await fetch(client, url, read=False))[0]

        result.bytes += sum(await asyncio.gather(*(one(url) for url in statics)))
        result.statics_s = time.monotonic() - began
        found = re.search(r'"kernelId":\s*"([0-9a-f-]+)"', page)
        if not found:
            raise RuntimeError("no kernel in the page")
        base = link.split("?", 1)[0].replace("http://", "ws://")
        session = uuid.uuid4().hex
        socket = await websocket_connect(
            f"{base}api/kernels/{found.group(1)}/channels?session_id={session}",
            max_message_size=50 * 1024 * 1024,
            subprotocols=[PROTOCOL],
            compression_options={},  # as browsers offer it
        )
        states, wire = await widget_states(socket, session)
        result.ready_s = time.monotonic() - began
        if app:
            await join_and_switch(socket, states, session, code, join_text, result, wire, move)
        socket.close()
    except Exception as error:  # a failed learner is reported, not fatal
        result.error = f"{type(error).__name__}: {error} at {_where(error)}"[:200]
    finally:
        move.arrived(result)  # a learner who failed is not waited for
        client.close()
    return result


async def widget_states(socket: Any, session: str) -> tuple[dict[str, Any], WireSize]:
    """Ask for every widget's state, as a page's widget manager does, and wait for it: the page
    is then ready to use. Also what it took on the wire, from then on."""
    control = uuid.uuid4().hex
    opening = {"comm_id": control, "target_name": "jupyter.widget.control", "data": {}}
    send(socket, message("comm_open", opening, session, {"version": "1.0.0"}))  # its protocol
    asking = {"comm_id": control, "data": {"method": "request_states"}}
    send(socket, message("comm_msg", asking, session))
    states: dict[str, Any] = {}
    wire = WireSize(socket)
    deadline = time.monotonic() + TIMEOUT_S
    while not states:
        incoming = await _next(socket, deadline)
        if incoming is None:
            raise RuntimeError("the kernel websocket closed")
        wire(incoming)  # the compressor's memory of earlier messages shapes later sizes
        data = decode(incoming)
        if data.get("msg_type") == "comm_msg":
            payload = data["content"]["data"]
            if payload.get("method") == "update_states":
                states = payload["states"]
    return states, wire


def _where(error: BaseException) -> str:
    """The benchmark's own line where a learner failed."""
    import traceback

    frames = [f for f in traceback.extract_tb(error.__traceback__) if "class_burst" in f.filename]
    frames = [f for f in frames if f.name != "_next"] or frames
    return f"line {frames[-1].lineno}" if frames else "?"


async def _next(socket: Any, deadline: float) -> Any:
    """The next message, or TimeoutError once the whole wait has passed its deadline."""
    return await asyncio.wait_for(socket.read_message(), max(0.1, deadline - time.monotonic()))


def _find(states: dict[str, Any], test: Any) -> str | None:
    for model_id, item in states.items():
        if test(item.get("state", {})):
            return model_id
    return None


async def join_and_switch(
    socket: Any,
    states: dict[str, Any],
    session: str,
    code: str,
    join_text: str,
    result: Learner,
    wire: WireSize,
    move: RoomMove | None = None,  # None: move to part 2 right after joining
) -> None:
    identity = _find(states, lambda state: "link_code" in state)
    button = _find(states, lambda state: state.get("description") == join_text)
    if identity is None or button is None:
        raise RuntimeError("no join form in the widget state")
    learner_id = secrets.token_hex(16)
    update = {"method": "update", "state": {"link_code": code, "learner_id": learner_id}}
    send(
        socket,
        message("comm_msg", {"comm_id": identity, "data": {**update, "buffer_paths": []}}, session),
    )
    await asyncio.sleep(0.3)  # the kernel fills the code box from the link
    pressed = time.monotonic()
    click = {"method": "custom", "content": {"event": "click"}}
    send(socket, message("comm_msg", {"comm_id": button, "data": click}, session))
    # Joining swaps the join form for the course in the app's outermost box, last of all (the
    # learner never sees an empty course), so that box's new children are the sign the module is
    # there.
    app = _find(states, lambda state: "cp-learner-app" in state.get("_dom_classes", []))
    agenda = _find(states, lambda state: "items" in state and "current" in state)
    count, size = 0, 0
    deadline = time.monotonic() + TIMEOUT_S
    while True:
        incoming = await _next(socket, deadline)
        if incoming is None:
            raise RuntimeError("the kernel websocket closed after Join")
        count += 1
        size += wire(incoming)
        data = decode(incoming)
        content = data.get("content", {})
        state = content.get("data", {}).get("state", {}) if "data" in content else {}
        if content.get("comm_id") == app and "children" in state:
            break
    result.join_s = time.monotonic() - pressed
    result.joined_at = time.time()
    result.join_messages, result.join_bytes = count, size
    if move is not None:
        move.arrived(result)
    if agenda is None:
        return
    if move is not None:
        await move.wait()
    try:
        switched = time.monotonic()
        current = {"current": "02-what-coproduction-is"}
        update = {"method": "update", "state": current, "buffer_paths": []}
        send(socket, message("comm_msg", {"comm_id": agenda, "data": update}, session))
        size = 0
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            incoming = await _next(socket, deadline)
            if incoming is None:
                return
            size += wire(incoming)
            state = decode(incoming).get("content", {}).get("data", {}).get("state", {})
            if "children" in state:  # the module area now holds the second module's view
                break
        result.switch_s = time.monotonic() - switched
        result.switch_bytes = size
    finally:
        if move is not None:
            move.moved()
