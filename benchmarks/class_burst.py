"""A whole class opening the link in the same minute, against plain Voila in the same run.

Each simulated learner does, over HTTP and the kernel websocket, what a browser does: fetch the
page, fetch every static file a real Chromium fetched for that page (recorded once, before the
burst, with compression on as browsers ask for it), open the kernel websocket and wait for the
widget state (the page is then ready to use), then, in the learner app, press Join and wait for
the first module's controls. Once the last is in and the class has read part 1 for a while
(--read-for, 30 s), they all move to the second module at the same moment, as when the trainer
moves the room (--switch-in-burst: each right after joining, as before). A few real Chromium
learners join in the same burst, to check that the simulation matches what a person sees, and
the trainer's own page is open in Chromium, to see how soon it counts each learner in.

The baseline is plain Voila (`python -m voila`, default settings) serving the first module's
notebook to the same burst: page, static files, widget state.

Printed: p50 / p95 / max of page HTML, page ready, Join to first module, module switch; bytes per
learner (on the wire); peak and settled kernels and their memory; CPU seconds of each server.

Run: python benchmarks/class_burst.py [--learners 40] [--spread 5] [--class-size N] [--browsers 2]
     python benchmarks/class_burst.py --hundred      (100 learners within 10 s)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import secrets
import statistics
import tempfile
import threading
import time
import uuid
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course_server import (
    CHROMIUM,
    FLAGS,
    ROOT,
    TIMEOUT_S,
    cpu_seconds,
    kernel_memory_mb,
    kernel_pss_mb,
    server_cpu_seconds,
    settle,
    start_course,
    start_plain_voila,
    stop,
    trainer_link,
)
from jupyter_server.services.kernels.connection.base import (
    deserialize_msg_from_ws_v1,
    serialize_msg_to_ws_v1,
)
from playwright.sync_api import sync_playwright
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


@dataclass
class Run:
    name: str
    learners: list[Learner] = field(default_factory=list)
    kernels_peak: int = 0
    memory_peak_mb: float = 0.0
    kernels_settled: int = 0
    memory_settled_mb: float = 0.0
    shared_settled_mb: float = 0.0  # the same kernels, each shared page once, and their zygote
    cpu_s: float = 0.0
    client_cpu_s: float = 0.0  # the simulated learners' own share of the machine
    relay_cpu_s: float = 0.0  # the server processes without their kernels
    browser_ready_s: list[float] = field(default_factory=list)
    trainer_lag_s: list[float] = field(default_factory=list)
    switch_in_burst: bool = False
    read_for: float = 0.0
    move_cpu_s: tuple[float, float] | None = None  # the room move's CPU: all, the servers alone


# -- what a browser fetches ------------------------------------------------------------------


def record_statics(link: str) -> list[str]:
    """The files a real Chromium fetches for this page, beside the page itself."""
    urls: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.on("request", lambda request: urls.append(request.url))
        page.goto(link)
        page.locator(".cp-join-text input, .widget-radio-box input, textarea").first.wait_for(
            timeout=120_000
        )
        page.wait_for_timeout(1000)
        browser.close()
    base = link.split("?", 1)[0]
    return [url for url in urls if url.startswith(base) and url.split("?", 1)[0] != base]


def browser_learners(link: str, count: int, start_at: float, results: list[float]) -> None:
    """Real Chromium learners: seconds from opening the link to a usable join form."""
    if count == 0:
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        time.sleep(max(0.0, start_at - time.monotonic()))
        for _ in range(count):
            context = browser.new_context()
            page = context.new_page()
            began = time.monotonic()
            page.goto(link, timeout=300_000)
            page.locator(".cp-join-text input, .widget-radio-box input, textarea").first.wait_for(
                timeout=300_000
            )
            results.append(time.monotonic() - began)
            context.close()
        browser.close()


def trainer_screen(
    link: str, pattern: str, nobody: str, ready: Any, done: Any, seen: list[Any]
) -> None:
    """The trainer's own page on the serving machine, as in a real room: every change of the
    'N people joined' line it shows during the burst, with the wall-clock time it showed it."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.goto(link, timeout=300_000)
        page.get_by_text(nobody).wait_for(timeout=300_000)
        page.evaluate(
            """pattern => {
                const found = new RegExp(pattern);
                window.cpSeen = [];
                let last = -1;
                setInterval(() => {
                    const match = document.body.innerText.match(found);
                    const count = match ? Number(match.slice(1).find(n => n)) : 0;
                    if (count !== last) { last = count; window.cpSeen.push([Date.now(), count]); }
                }, 50);
            }""",
            pattern,
        )
        ready.set()
        done.wait()
        page.wait_for_timeout(5000)  # the last joins reach the screen
        seen.extend(page.evaluate("window.cpSeen"))
        browser.close()


def joined_pattern(words: dict[str, str]) -> str:
    """A regular expression for the trainer's 'N people joined' line in each plural form."""
    forms = [re.escape(text).replace(re.escape("{total}"), r"(\d+)") for text in words.values()]
    return "|".join(forms)


def trainer_lags(seen: list[Any], learners: list[Learner]) -> list[float]:
    """For the k-th learner in, how long after they were in the trainer's screen counted k."""
    joined = sorted(x.joined_at for x in learners if x.joined_at is not None)
    lags = []
    for k, at in enumerate(joined, start=1):
        shown = next((ms / 1000 for ms, count in seen if count >= k), None)
        if shown is not None:
            lags.append(max(0.0, shown - at))
    return lags


# -- one simulated learner --------------------------------------------------------------------


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
        control = uuid.uuid4().hex
        send(
            socket,
            message(
                "comm_open",
                {"comm_id": control, "target_name": "jupyter.widget.control", "data": {}},
                session,
                {"version": "1.0.0"},  # ipywidgets' control protocol
            ),
        )
        send(
            socket,
            message(
                "comm_msg", {"comm_id": control, "data": {"method": "request_states"}}, session
            ),
        )
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
    move: RoomMove,
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
    move.arrived(result)
    if agenda is None:
        return
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
        move.moved()


# -- the burst -------------------------------------------------------------------------------


def burst(
    name: str,
    pid: int,
    link: str,
    statics: list[str],
    args: Any,
    app: bool,
    join_text: str,
    trainer: tuple[str, str, str] | None = None,
) -> Run:
    run = Run(name, switch_in_burst=args.switch_in_burst, read_for=args.read_for)

    seen: list[Any] = []
    trainer_ready, burst_done = threading.Event(), threading.Event()
    watcher_thread = None
    if trainer is not None:
        watcher_thread = threading.Thread(
            target=trainer_screen, args=(*trainer, trainer_ready, burst_done, seen)
        )
        watcher_thread.start()
        trainer_ready.wait(timeout=TIMEOUT_S)
        settle(pid)
    code = link.split("code=", 1)[1] if "code=" in link else ""
    cpu_before = cpu_seconds(pid)
    own_cpu_before = time.process_time()
    relay_before = server_cpu_seconds(pid)
    peak = [0, 0.0]
    done = asyncio.Event()

    async def watch() -> None:
        while not done.is_set():
            kernels_now, memory = kernel_memory_mb(pid)
            peak[0], peak[1] = max(peak[0], kernels_now), max(peak[1], memory)
            await asyncio.sleep(0.5)

    async def everyone() -> list[Learner]:
        watcher = asyncio.create_task(watch())
        gap = args.spread / max(1, args.learners - 1)
        move = RoomMove(args.learners, not args.switch_in_burst, args.read_for, pid)
        learners = await asyncio.gather(
            *(
                one_learner(i * gap, link, statics, code, join_text, app, move)
                for i in range(args.learners)
            )
        )
        done.set()
        await watcher
        run.move_cpu_s = move.used
        return learners

    browser_results: list[float] = []
    browsers = threading.Thread(
        target=browser_learners,
        args=(
            link,
            args.browsers if app else 0,
            time.monotonic() + args.spread / 2,
            browser_results,
        ),
    )
    browsers.start()
    run.learners = asyncio.run(everyone())
    browsers.join()
    burst_done.set()
    if watcher_thread is not None:
        watcher_thread.join()
        run.trainer_lag_s = trainer_lags(seen, run.learners)
    run.browser_ready_s = browser_results
    run.cpu_s = cpu_seconds(pid) - cpu_before
    run.client_cpu_s = time.process_time() - own_cpu_before
    run.relay_cpu_s = server_cpu_seconds(pid) - relay_before
    run.kernels_peak, run.memory_peak_mb = peak[0], peak[1]
    settle(pid)
    run.kernels_settled, run.memory_settled_mb = kernel_memory_mb(pid)
    run.shared_settled_mb = kernel_pss_mb(pid)
    return run


def watch_for_full_pool(log: Path, seen: list[float]) -> None:
    """Note when the learner server's log says its pool is filled (its lines carry no time)."""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if log.exists() and "learner.ipynb is filled with" in log.read_text():
            seen.append(time.time())
            return
        time.sleep(0.2)


def quantiles(values: list[float]) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered):6.2f} / {p95:6.2f} / {ordered[-1]:6.2f} s"


def report(run: Run) -> dict[str, Any]:
    ok = [learner for learner in run.learners if not learner.error]
    errors = [learner.error for learner in run.learners if learner.error]
    print(f"\n== {run.name}: {len(run.learners)} learners, {len(errors)} errors")
    for error in sorted(set(errors))[:5]:
        print(f"   error x{errors.count(error)}: {error}")
    print(f"  page HTML        p50 / p95 / max  {quantiles([x.html_s for x in ok if x.html_s])}")
    statics = [x.statics_s for x in ok if x.statics_s]
    print(f"  static files in  p50 / p95 / max  {quantiles(statics)}")
    print(f"  page ready       p50 / p95 / max  {quantiles([x.ready_s for x in ok if x.ready_s])}")
    joins = [x.join_s for x in ok if x.join_s is not None]
    switches = [x.switch_s for x in ok if x.switch_s is not None]
    if joins:
        print(f"  Join -> module 1 p50 / p95 / max  {quantiles(joins)}")
        when = (
            "each right after joining"
            if run.switch_in_burst
            else f"all at once, {run.read_for:.0f} s after the last Join"
        )
        print(f"  module switch    p50 / p95 / max  {quantiles(switches)} ({when})")
        join_kb = statistics.median([x.join_bytes for x in ok if x.join_s is not None]) / 1e3
        switch_kb = statistics.median([x.switch_bytes for x in ok if x.switch_s is not None] or [0])
        print(f"  join: {join_kb:.0f} KB, module switch: {switch_kb / 1e3:.0f} KB (median)")
        if run.move_cpu_s is not None and switches:
            total, servers = run.move_cpu_s
            print(
                f"  the move took {total:.1f} CPU-seconds, the servers {servers:.1f} of them: "
                f"{total / len(switches) * 1e3:.0f} ms a learner, {total / 2:.1f} s of two cores"
            )
    if run.browser_ready_s:
        print(f"  real Chromium, link to join form: {quantiles(run.browser_ready_s)}")
    if run.trainer_lag_s:
        print(f"  trainer's screen counts a join    {quantiles(run.trainer_lag_s)} after it")
    wire = statistics.median([x.bytes for x in ok]) / 1e6 if ok else 0
    print(f"  bytes per new learner on the wire: {wire:.2f} MB (median)")
    print(
        f"  kernels peak {run.kernels_peak} ({run.memory_peak_mb / 1e3:.1f} GB), settled "
        f"{run.kernels_settled} ({run.memory_settled_mb / 1e3:.1f} GB resident, "
        f"{run.shared_settled_mb / 1e3:.1f} GB with shared pages once); "
        f"CPU: server and kernels {run.cpu_s:.0f} s, of it the servers alone "
        f"{run.relay_cpu_s:.0f} s; simulated learners {run.client_cpu_s:.0f} s"
    )
    return {
        "name": run.name,
        "errors": len(errors),
        "html": [x.html_s for x in ok],
        "ready": [x.ready_s for x in ok],
        "join": joins,
        "switch": switches,
        "kernels_peak": run.kernels_peak,
        "memory_peak_mb": run.memory_peak_mb,
        "shared_settled_mb": run.shared_settled_mb,
        "cpu_s": run.cpu_s,
        "trainer_lag": run.trainer_lag_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument("--spread", type=float, default=5.0, help="seconds the arrivals span")
    parser.add_argument("--class-size", type=int, default=None, help="default: serve's default")
    parser.add_argument("--browsers", type=int, default=2, help="real Chromium learners too")
    parser.add_argument("--hundred", action="store_true", help="100 learners within 10 s")
    parser.add_argument("--no-baseline", action="store_true", help="skip plain Voila")
    parser.add_argument(
        "--read-for",
        type=float,
        default=30.0,
        help="seconds the class reads part 1, once the last is in, before all move to part 2",
    )
    parser.add_argument(
        "--switch-in-burst",
        action="store_true",
        help="each learner moves to part 2 right after joining, not all once the last is in",
    )
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--keep-log", type=Path, default=None, help="copy the server's log here")
    args = parser.parse_args()
    if args.hundred:
        args.learners, args.spread = 100, 10.0
    from coproduce.content.loader import load_course

    words = load_course(ROOT).interface
    join_text = words.join.button
    joined = words.trainer.joined
    forms = joined if isinstance(joined, dict) else {"other": joined}
    results = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "app").mkdir()
        (work / "app" / "course").mkdir()
        filled: list[float] = []
        log = work / "app" / "serve.log"
        threading.Thread(target=watch_for_full_pool, args=(log, filled), daemon=True).start()
        started = time.time()
        process, link, _ = start_course(work / "app", args.class_size, [])
        if filled:
            warming, used = filled[0] - started, cpu_seconds(process.pid)
            print(
                f"pool filled {warming:.0f} s after `coproduce serve` started, using {used:.0f} "
                f"CPU-seconds ({used / warming:.1f} of the two cores on average)"
            )
        try:
            trainer = (trainer_link(process), joined_pattern(forms), words.trainer.nobody_joined)
            statics = record_statics(link)
            settle(process.pid)
            label = f"learner app, class size {args.class_size or 'default'}"
            run = burst(label, process.pid, link, statics, args, True, join_text, trainer)
            results.append(report(run))
        finally:
            stop(process)
            if args.keep_log:
                args.keep_log.write_bytes((work / "app" / "serve.log").read_bytes())
        if not args.no_baseline:
            (work / "plain").mkdir()
            (work / "plain" / "course").mkdir()
            process, link = start_plain_voila(work / "plain")
            try:
                statics = record_statics(link)
                run = burst(
                    "plain Voila, first module", process.pid, link, statics, args, False, ""
                )
                results.append(report(run))
            finally:
                stop(process)
    if len(results) == 2 and results[0]["ready"] and results[1]["ready"]:
        ours = sorted(results[0]["ready"])[round(0.95 * (len(results[0]["ready"]) - 1))]
        plain = sorted(results[1]["ready"])[round(0.95 * (len(results[1]["ready"]) - 1))]
        print(
            f"\npage ready p95, learner app / plain Voila: {ours:.2f} / {plain:.2f} = "
            f"{ours / plain:.2f}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
