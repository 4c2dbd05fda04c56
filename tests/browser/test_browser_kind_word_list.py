"""Word list in Chromium: labelled boxes, kind notes for long words, cleaned and kept."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from ..browser_support import (
    DESKTOP,
    PHONE,
    axe_violations,
    open_learner_app,
    open_module,
    reload_app,
    shot,
)
from ..conftest import Server

pytestmark = pytest.mark.browser


def _frame(page: Any) -> Any:
    """This exercise's own box: a module can hold several exercises."""
    title = page.get_by_role("heading", name="Three words", exact=True)
    return page.locator(".cp-exercise", has=title)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_write_submit_and_refresh_by_keyboard(
    kinds_server: tuple[Server, dict[str, str]], browser: Any, viewport: Any
) -> None:
    server, titles = kinds_server
    page = open_learner_app(browser, server.link, viewport)
    open_module(page, titles["try-word-list"])
    frame = _frame(page)
    first = frame.get_by_role("textbox", name="Word 1 of 3")
    first.wait_for()
    assert axe_violations(page) == []

    first.focus()
    page.keyboard.type("  Shared   power ")
    page.keyboard.press("Tab")
    page.keyboard.insert_text("<script>window.hacked = 1</script> " + "long " * 10)
    page.keyboard.press("Tab")
    frame.get_by_text("Word 2 is a little long.").wait_for()
    page.keyboard.type("shared power")
    page.keyboard.press("Tab")
    expect(frame.get_by_role("button", name="Submit")).to_be_focused()
    page.keyboard.press("Enter")
    frame.get_by_text("Thank you. Your words are in.").wait_for()
    frame.get_by_text("Word 2 was longer than 30 characters.").wait_for()
    frame.get_by_text("A word you wrote twice is kept once.").wait_for()
    expect(first).to_have_value("Shared power")
    expect(frame.get_by_role("textbox", name="Word 2 of 3")).to_have_value(
        "<script>window.hacked = 1</scr"
    )
    expect(frame.get_by_role("textbox", name="Word 3 of 3")).to_have_value("")
    assert page.evaluate("window.hacked") is None
    assert axe_violations(page) == []
    name = "phone" if viewport == PHONE else "desktop"
    shot(page, f"kind-word-list-{name}.png")

    reload_app(page)
    open_module(page, titles["try-word-list"])
    frame = _frame(page)
    first = frame.get_by_role("textbox", name="Word 1 of 3")
    expect(first).to_have_value("Shared power")
    expect(frame.get_by_role("textbox", name="Word 2 of 3")).to_have_value(
        "<script>window.hacked = 1</scr"
    )
    frame.get_by_text("Thank you. Your words are in.").wait_for()
    assert axe_violations(page) == []
    page.context.close()
