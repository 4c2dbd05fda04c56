"""In Chromium: the server dies mid-session, the learner keeps typing, the server comes back.

The learner's kernel died with the server, so nothing typed meanwhile could wait in it. The page
keeps it in the browser until the server says it is saved; once the server answers again, the
page sees its kernel is gone for good, gets a new one, and puts what was typed back into the
box, to be saved the ordinary way. The test reads the store, not the notice.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

import psutil
import pytest
from playwright.sync_api import expect

from coproduce.content.loader import load_course
from coproduce.live.store import Store

from ..browser_support import DESKTOP, axe_violations, join_session, shot
from ..conftest import Server, copy_course, free_port, start_server, stop_server

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
WORDS = load_course(ROOT).interface.connection
QUESTION = "What would help you feel able to speak freely in this group today?"
EXERCISE = "speak-freely"
BEFORE = "Being asked first."
DURING = " And time to think, typed while the server was down."
KEPT_PREFIX = "coproduce-kept:"


def _crash(server: Server) -> None:
    """SIGKILL the server's whole process group, and any kernel that left it: no tidying up."""
    root = psutil.Process(server.process.pid)
    family = [root, *root.children(recursive=True)]
    os.killpg(server.process.pid, signal.SIGKILL)
    for process in family:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            continue
    server.process.wait()
    psutil.wait_procs(family, timeout=10)


def _saved_text(data: Path, code: str, learner: str) -> str:
    store = Store(data)
    try:
        answer = store.load_answers(learner, session=code).get(EXERCISE, {})
    finally:
        store.close()
    return str(answer.get("text", ""))


def _wait_for_store(data: Path, code: str, learner: str, wanted: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    text = _saved_text(data, code, learner)
    while text != wanted and time.monotonic() < deadline:
        time.sleep(0.5)
        text = _saved_text(data, code, learner)
    return text


def _kept_entries(page: Any) -> list[str]:
    return list(
        page.evaluate(
            f"Object.keys(window.localStorage).filter((k) => k.startsWith('{KEPT_PREFIX}'))"
        )
    )


def test_what_is_typed_while_the_server_is_down_is_saved_after_it_restarts(
    tmp_path: Path, browser: Any
) -> None:
    course = copy_course(tmp_path / "course")
    data = tmp_path / "data"
    ports = ("--port", str(free_port()), "--trainer-port", str(free_port()))
    first = start_server(course, data, extra=ports)
    again: Server | None = None
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(first.link)
        join_session(page)
        token = page.evaluate("window.localStorage.getItem('coproduce-learner-id')")
        learner = str(token).split(".", 1)[0]
        answer = page.get_by_role("textbox", name=QUESTION)
        answer.fill(BEFORE)
        page.get_by_text("Saved.").first.wait_for(timeout=15_000)
        assert _wait_for_store(data, first.code, learner, BEFORE, 15) == BEFORE

        _crash(first)
        page.get_by_role("status").filter(has_text=WORDS.lost).wait_for(timeout=30_000)
        answer.click()
        page.keyboard.press("End")
        page.keyboard.type(DURING)
        answer.blur()
        assert _kept_entries(page), "what was typed is not kept in the browser"
        shot(page, "learner-server-down.png", full_page=False)
        assert axe_violations(page) == []

        again = start_server(course, data, extra=ports)
        assert again.code == first.code, "the restart did not resume the session"
        # The page notices its kernel is gone, gets a new one and puts the text back.
        expect(page.get_by_role("textbox", name=QUESTION)).to_have_value(
            BEFORE + DURING, timeout=90_000
        )
        saved = _wait_for_store(data, again.code, learner, BEFORE + DURING, 30)
        assert saved == BEFORE + DURING
        page.get_by_role("status").filter(has_text=WORDS.restored).wait_for(timeout=30_000)
        shot(page, "learner-server-restarted.png", full_page=False)
        assert axe_violations(page) == []
        # Acknowledged by the server, so the browser keeps it no longer.
        page.wait_for_function(
            f"!Object.keys(window.localStorage).some((k) => k.startsWith('{KEPT_PREFIX}'))",
            timeout=15_000,
        )
    finally:
        context.close()
        for server in (first, again):
            if server is not None:
                stop_server(server.process)
