"""Jargon buster in Chromium: rewrite by keyboard, see the figures change, kept on refresh."""

from __future__ import annotations

import re
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

TITLE = "Bust the jargon"
BOX = "Your plain version (change the words in this box)"
FIRST_TRY = "We will talk to key stakeholders. We will ask them what they think."
# Markup typed as text stays text: nothing here may become an element on the page.
PLAIN = "We will ask people who use the service what they think. <b>We</b> will share it."


def _frame(page: Any) -> Any:
    """This exercise's own box: a module can hold several exercises."""
    title = page.get_by_role("heading", name=TITLE, exact=True)
    return page.locator(".cp-exercise", has=title)


def _replace_text(page: Any, box: Any, text: str) -> None:
    box.focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    page.keyboard.type(text)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_rewrite_by_keyboard_and_keep_it_after_refresh(
    kinds_server: tuple[Server, dict[str, str]], browser: Any, viewport: Any
) -> None:
    server, titles = kinds_server
    page = open_learner_app(browser, server.link, viewport)
    open_module(page, titles["try-jargon"])
    frame = _frame(page)
    box = frame.get_by_role("textbox", name=BOX)
    box.wait_for()
    expect(box).to_have_value(re.compile("co-produced study"))
    table = frame.get_by_role("table", name="How your version compares")
    expect(table).to_be_visible()
    assert axe_violations(page) == []

    _replace_text(page, box, FIRST_TRY)
    frame.get_by_text("One word from the glossary is still here.").wait_for()
    expect(frame.locator(".cp-jargon-list")).to_contain_text(
        "try \u201cpeople with an interest\u201d"
    )
    frame.get_by_text("Saved. Reading ease").wait_for()

    _replace_text(page, box, PLAIN)
    frame.get_by_text("No words from the course glossary are left. Nice work.").wait_for()
    frame.get_by_text("That meets the aim of 60 or more. Well done.").wait_for()
    expect(frame.locator(".cp-jargon-list")).to_have_count(0)
    expect(frame.locator("b")).to_have_count(0)
    # The last save, of the whole text: an earlier one may have caught it half typed.
    status = frame.locator(".cp-live", has_text="Saved.")
    expect(status).to_have_text("Saved. Reading ease 100.", timeout=15_000)
    expect(box).to_have_value(PLAIN)
    assert axe_violations(page) == []
    name = "phone" if viewport == PHONE else "desktop"
    shot(page, f"kind-jargon-buster-{name}.png")

    reload_app(page)
    open_module(page, titles["try-jargon"])
    box = _frame(page).get_by_role("textbox", name=BOX)
    expect(box).to_have_value(PLAIN)
    _frame(page).get_by_text("No words from the course glossary are left.").wait_for()
    assert axe_violations(page) == []
    page.context.close()
