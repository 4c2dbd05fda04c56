"""A real JupyterHub with the course's recipe: who gets a server, and what a learner can reach.

One hub for the module (configurable-http-proxy, PostgreSQL for the hub and the store, PgBouncer
in front of the store). A stranger without a valid code gets no hub user and so no server. A
learner's credentials reach their learner app and nothing else: no /lab, /tree, terminals,
contents or kernel API, no trainer's server, and the kernel websocket carries widget messages
only; an `execute_request` runs nothing. No page a learner reaches holds the store's password.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text
from tornado.httpclient import HTTPRequest
from tornado.ioloop import IOLoop
from tornado.websocket import websocket_connect

from tests.hub.hub_server import Hub, join_link, running_hub

pytestmark = pytest.mark.hub

LEARNER_CANNOT_REACH = [
    ("GET", "lab"),
    ("GET", "tree"),
    ("GET", "terminals/1"),
    ("GET", "api/terminals"),
    ("POST", "api/terminals"),
    ("GET", "api/kernels"),
    ("POST", "api/kernels"),
    ("GET", "api/sessions"),
    ("POST", "api/sessions"),
    ("GET", "api/contents"),
    ("GET", "api/contents/learner.ipynb"),
    ("GET", "api/kernelspecs"),
    ("GET", "files/learner.ipynb"),
    ("GET", "learner.ipynb"),
    ("GET", "voila/tree"),
    ("GET", "voila/render/learner.ipynb"),
    ("GET", "notebooks/learner.ipynb"),
    ("GET", "edit/learner.ipynb"),
    ("GET", "api/status"),
]


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    with running_hub(tmp_path_factory.mktemp("hub")) as running:
        yield running


def hub_users(hub: Hub) -> set[str]:
    engine = create_engine(hub.hub_db)
    try:
        with engine.connect() as connection:
            return {row[0] for row in connection.execute(text("SELECT name FROM users"))}
    finally:
        engine.dispose()


def join(hub: Hub) -> tuple[requests.Session, str, requests.Response]:
    """A learner follows the link; returns their browser, hub name and their app's page."""
    learner = requests.Session()
    answer = learner.get(join_link(hub, hub.code), timeout=120)
    deadline = time.monotonic() + 120
    while "/spawn-pending/" in answer.url and time.monotonic() < deadline:
        time.sleep(1)
        name = answer.url.split("/spawn-pending/")[1].split("?")[0]
        answer = learner.get(f"{hub.url}user/{name}/?code={hub.code}", timeout=120)
    name = answer.url.split("/user/")[1].split("/")[0]
    assert answer.status_code == 200, answer.text[:500]
    return learner, name, answer


def sign_in_trainer(hub: Hub) -> requests.Session:
    trainer = requests.Session()
    trainer.get(f"{hub.url}hub/login", timeout=30)
    form = {
        "username": hub.trainer,
        "password": hub.trainer_password,
        "_xsrf": trainer.cookies.get("_xsrf", path="/hub/"),
    }
    answer = trainer.post(f"{hub.url}hub/login", data=form, timeout=30)
    assert answer.status_code == 200 and "login" not in answer.url, answer.url
    return trainer


def test_a_stranger_without_a_valid_code_gets_no_server(hub: Hub) -> None:
    before = hub_users(hub)
    stranger = requests.Session()
    for link in (join_link(hub, "ZZZZZZ"), join_link(hub, ""), f"{hub.url}hub/join"):
        answer = stranger.get(link, timeout=30)
        assert answer.status_code == 403
        assert "This link does not open a session" in answer.text
    # Nor through the sign-in form, with a code or a made-up trainer.
    stranger.get(f"{hub.url}hub/login", timeout=30)
    xsrf = stranger.cookies.get("_xsrf", path="/hub/")
    forms = [
        {"username": "stranger", "password": "", "code": hub.code},  # the form takes no code
        {"username": hub.trainer, "password": "guess"},
    ]
    for form in forms:
        answer = stranger.post(f"{hub.url}hub/login", data={**form, "_xsrf": xsrf}, timeout=30)
        assert answer.status_code == 403
    answer = stranger.get(f"{hub.url}hub/spawn", timeout=30)
    assert answer.url.startswith(f"{hub.url}hub/login")
    assert hub_users(hub) == before


def test_a_learner_reaches_the_learner_app_and_nothing_else(hub: Hub) -> None:
    learner, name, page = join(hub)
    assert name.startswith(f"l-{hub.code.lower()}-")
    assert "cp-learner" in page.text or "kernelId" in page.text
    for text_seen in (page.text, learner.get(f"{hub.url}hub/home", timeout=30).text):
        assert hub.store_password not in text_seen
        assert "postgresql" not in text_seen
    base = f"{hub.url}user/{name}/"
    reached = {}
    for method, path in LEARNER_CANNOT_REACH:
        # Voila sends unknown paths to its /voila/files/, where every file is refused.
        answer = learner.request(method, base + path, timeout=30)
        reached[f"{method} {path}"] = answer.status_code
        assert hub.store_password not in answer.text
    assert {where: code for where, code in reached.items() if code not in {403, 404, 405}} == {}
    # Following the link again brings the learner back to their own server, not a new one.
    again = learner.get(join_link(hub, hub.code), timeout=60)
    assert f"/user/{name}/" in again.url


def test_a_learner_cannot_reach_a_trainers_server(hub: Hub) -> None:
    trainer = sign_in_trainer(hub)
    started = trainer.get(f"{hub.url}hub/spawn/{hub.trainer}?session={hub.code}", timeout=120)
    # The hub gives a server start_seconds (120) to answer; wait past that, so a slow start on a
    # busy machine is told apart from a failed one by the hub's own log.
    deadline = time.monotonic() + 180
    while "spawn-pending" in started.url and time.monotonic() < deadline:
        time.sleep(1)
        started = trainer.get(f"{hub.url}user/{hub.trainer}/", timeout=120)
    assert started.status_code == 200 and f"/user/{hub.trainer}/" in started.url, (
        f"the trainer's server did not start; the hub's log ends:\n{hub.log.read_text()[-4000:]}"
    )
    assert hub.store_password not in started.text
    learner, _, _ = join(hub)
    answer = learner.get(f"{hub.url}user/{hub.trainer}/", timeout=30)
    assert answer.status_code == 403


def _kernel_id(page: str) -> str:
    found = re.search(r"kernelId[\"']?\s*[:=]\s*[\"']([0-9a-f-]{36})", page)
    assert found, "no kernel id in the learner's page"
    return found.group(1)


def _message(msg_type: str, content: dict[str, object]) -> dict[str, object]:
    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": msg_type,
        "username": "learner",
        "session": uuid.uuid4().hex,
        "date": "2026-01-01T00:00:00Z",
        "version": "5.3",
    }
    return {
        "header": header,
        "parent_header": {},
        "metadata": {},
        "content": content,
        "channel": "shell",
        "buffers": [],
    }


async def _talk(url: str, cookie: str, origin: str, messages: list[dict[str, object]]) -> list:
    request = HTTPRequest(url, headers={"Cookie": cookie, "Origin": origin})
    socket = await websocket_connect(request)
    for message in messages:
        await socket.write_message(json.dumps(message))
    received = []
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        try:
            import asyncio

            raw = await asyncio.wait_for(socket.read_message(), timeout=1)
        except TimeoutError:
            continue
        if raw is None:
            break
        if isinstance(raw, str):
            received.append(json.loads(raw))
    socket.close()
    return received


def test_the_kernel_websocket_runs_no_code(hub: Hub, tmp_path: Path) -> None:
    learner, name, page = join(hub)
    kernel = _kernel_id(page.text)
    marker = tmp_path / "ran"
    code = f"open({str(marker)!r}, 'w').write(__import__('os').environ.get('COPRODUCE_STORE'))"
    execute = _message(
        "execute_request",
        {
            "code": code,
            "silent": False,
            "store_history": False,
            "user_expressions": {},
            "allow_stdin": False,
        },
    )
    info = _message("kernel_info_request", {})
    url = f"ws{hub.url[4:]}user/{name}/api/kernels/{kernel}/channels"
    cookie = "; ".join(f"{c.name}={c.value}" for c in learner.cookies)
    received = IOLoop.current().run_sync(
        lambda: _talk(url, cookie, hub.url.rstrip("/"), [execute, info])
    )
    replies: dict[str, set[str]] = {}
    for message in received:
        replies.setdefault(message["parent_header"].get("msg_id"), set()).add(message["msg_type"])
    # The socket is open and the kernel answers (so the test can tell "refused" from "broken").
    assert "kernel_info_reply" in replies.get(info["header"]["msg_id"], set())  # type: ignore[index]
    assert execute["header"]["msg_id"] not in replies  # type: ignore[index]
    assert all(hub.store_password not in json.dumps(m) for m in received)
    time.sleep(1)
    assert not marker.exists()
