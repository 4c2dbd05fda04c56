"""Poll in Chromium: vote by keyboard, thanked, change the vote, kept on refresh."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from coproduce.content.loader import load_course

from ..browser_support import (
    DESKTOP,
    PHONE,
    axe_violations,
    open_learner_app,
    open_module,
    reload_app,
    shot,
)
from ..conftest import ROOT, Server

pytestmark = pytest.mark.browser


def _frame(page: Any) -> Any:
    """This exercise's own box: a module can hold several exercises."""
    title = page.get_by_role("heading", name="A quick poll", exact=True)
    return page.locator(".cp-exercise", has=title)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_vote_change_and_refresh_by_keyboard(
    kinds_server: tuple[Server, dict[str, str]], browser: Any, viewport: Any
) -> None:
    server, titles = kinds_server
    page = open_learner_app(browser, server.link, viewport)
    open_module(page, titles["try-poll"])
    frame = _frame(page)
    group = frame.get_by_role("group", name="How much say do public contributors have")
    radios = group.get_by_role("radio")
    radios.first.wait_for()
    assert axe_violations(page) == []

    frame.get_by_role("button", name="Vote").focus()
    page.keyboard.press("Enter")
    frame.get_by_text("Choose an answer first, then press Vote.").wait_for()

    radios.first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(radios.nth(1)).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    frame.get_by_text("Your vote is counted. Thank you.").wait_for()
    frame.get_by_text("Your vote: Some. We ask them and often act on it.").wait_for()
    assert axe_violations(page) == []
    name = "phone" if viewport == PHONE else "desktop"
    shot(page, f"kind-poll-{name}.png")

    radios.nth(1).focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(radios.nth(3)).to_be_checked()
    frame.get_by_role("button", name="Change my vote").focus()
    page.keyboard.press("Enter")
    frame.get_by_text("Your vote: None yet.").wait_for()

    reload_app(page)
    open_module(page, titles["try-poll"])
    frame = _frame(page)
    frame.get_by_text("Your vote: None yet.").wait_for()
    expect(frame.get_by_role("radio").nth(3)).to_be_checked()
    assert axe_violations(page) == []
    page.context.close()


def test_rather_not_say_by_keyboard_is_kept_on_refresh(
    kinds_server: tuple[Server, dict[str, str]], browser: Any
) -> None:
    words = load_course(ROOT).interface.passing
    server, titles = kinds_server
    page = open_learner_app(browser, server.link, PHONE)
    open_module(page, titles["try-poll"])
    frame = _frame(page)
    choice = frame.get_by_role("radio").first
    choice.wait_for()
    choice.focus()
    page.keyboard.press("Space")
    frame.get_by_role("button", name="Vote").click()
    frame.get_by_text("Your vote is counted. Thank you.").wait_for()

    frame.get_by_role("button", name=words.button).focus()
    page.keyboard.press("Enter")
    frame.get_by_text(words.saved).wait_for()
    expect(frame.get_by_role("radio", checked=True)).to_have_count(0)  # the vote is taken back
    assert axe_violations(page) == []
    shot(page, "kind-poll-rather-not-say-phone.png", full_page=False)

    reload_app(page)
    open_module(page, titles["try-poll"])
    _frame(page).get_by_text(words.saved).wait_for(timeout=15_000)
    page.context.close()
