"""A learner who has joined before opens the link again: straight back, no join form on the way."""

from __future__ import annotations

from typing import Any

import pytest

from ..browser_support import axe_violations, join_session
from ..conftest import Server

pytestmark = pytest.mark.browser
KEY = "coproduce-learner-id"
# Checks every frame whether the join form's heading is on screen, and remembers if it ever was.
WATCH_FOR_THE_JOIN_FORM = """
window.cpJoinFormSeen = false;
const look = () => {
  const heading = document.querySelector(".cp-join h2");
  if (heading && heading.getClientRects().length > 0) window.cpJoinFormSeen = true;
  requestAnimationFrame(look);
};
requestAnimationFrame(look);
"""


def _browser_that_knows(browser: Any, learner_id: str) -> Any:
    context = browser.new_context()
    context.add_init_script(f"window.localStorage.setItem('{KEY}', '{learner_id}')")
    context.add_init_script(WATCH_FOR_THE_JOIN_FORM)
    return context


def test_a_returning_learner_never_sees_the_join_form(server: Server, browser: Any) -> None:
    first = browser.new_context()
    page = first.new_page()
    page.goto(server.link)
    join_session(page)
    learner_id = page.evaluate(f"window.localStorage.getItem('{KEY}')")
    first.close()
    assert learner_id

    context = _browser_that_knows(browser, learner_id)
    page = context.new_page()
    page.goto(server.link)
    page.locator(".cp-agenda-item").first.wait_for(timeout=60_000)
    assert page.evaluate("window.cpJoinFormSeen") is False
    assert axe_violations(page) == []
    context.close()


def test_a_browser_known_from_another_session_is_asked_to_join(
    server: Server, browser: Any
) -> None:
    context = _browser_that_knows(browser, "f" * 32)  # an id this session has never seen
    page = context.new_page()
    page.goto(server.link)
    code = page.get_by_role("textbox", name="Session code")
    code.wait_for(timeout=60_000)
    assert page.evaluate("window.cpJoinFormSeen") is True
    assert page.locator(".cp-join-returning").is_hidden()
    assert axe_violations(page) == []
    context.close()
