"""A dropped connection in Chromium: the learner is told, keeps working, and loses nothing.

Playwright sits between the page and Voila's kernel websocket, so the test can cut it (and
refuse reconnects for a while) as a failing Wi-Fi would, then let the page reconnect.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from coproduce.content.loader import load_course

from ..browser_support import axe_violations, join_session, reload_app, shot
from ..conftest import Server

pytestmark = pytest.mark.browser
WORDS = load_course(Path(__file__).resolve().parents[2]).interface.connection
LOST, BACK = WORDS.lost, WORDS.back
QUESTION = "What would help you feel able to speak freely in this group today?"
KEPT_IN_BROWSER = "Object.keys(window.localStorage).some((k) => k.startsWith('coproduce-kept:'))"


class Link:
    """Forwards the kernel websocket to Voila until cut; while cut, refuses reconnects."""

    def __init__(self) -> None:
        self.up = True
        self.routes: list[Any] = []

    def handle(self, route: Any) -> None:
        if not self.up:
            route.close()
            return
        route.connect_to_server()
        self.routes.append(route)

    def cut(self) -> None:
        self.up = False
        for route in self.routes:
            route.close()


def test_a_dropped_connection_is_announced_and_loses_no_answer(
    server: Server, browser: Any
) -> None:
    link = Link()
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.route_web_socket("**/api/kernels/**", link.handle)
    page.goto(server.link)
    join_session(page)
    answer = page.get_by_role("textbox", name=QUESTION)
    answer.fill("Being asked first.")
    page.get_by_text("Saved.").first.wait_for(timeout=15_000)

    link.cut()
    notice = page.get_by_role("status").filter(has_text=LOST)
    notice.wait_for(timeout=20_000)
    answer.fill("Being asked first, and time to think.")
    answer.blur()
    assert page.evaluate(KEPT_IN_BROWSER), "what was typed is not kept in the browser"
    # The earlier "Saved." would be untrue for the new text, so it goes while the link is down.
    saved = page.locator(".cp-saved").filter(has_text="Saved.").first
    expect(saved).to_be_hidden()
    _put_behind_the_notice(page, answer)
    answer.focus()
    assert not _overlaps(page, answer), "the notice covers the control that has focus"
    answer.blur()
    assert axe_violations(page) == []
    shot(page, "learner-connection-dropped.png", full_page=False)

    link.up = True
    page.get_by_role("status").filter(has_text=BACK).wait_for(timeout=30_000)
    expect(notice).to_have_count(0)
    expect(saved).to_be_visible()
    # The kernel said the store holds it, so the browser keeps it no longer.
    page.wait_for_function(f"!({KEPT_IN_BROWSER})", timeout=15_000)
    reload_app(page)
    expect(page.get_by_role("textbox", name=QUESTION)).to_have_value(
        "Being asked first, and time to think.", timeout=15_000
    )
    context.close()


NOTICE = ".cp-connection"


def _put_behind_the_notice(page: Any, control: Any) -> None:
    """Scroll so that the control sits where the notice floats, at the bottom of the window."""
    notice = page.locator(NOTICE).bounding_box()
    box = control.bounding_box()
    page.mouse.wheel(0, box["y"] - notice["y"])
    page.wait_for_timeout(300)
    assert _overlaps(page, control), "the test could not put the control behind the notice"


def _overlaps(page: Any, control: Any) -> bool:
    notice = page.locator(NOTICE).bounding_box()
    box = control.bounding_box()
    top, bottom = box["y"], box["y"] + box["height"]
    return bool(bottom > notice["y"] and top < notice["y"] + notice["height"])
