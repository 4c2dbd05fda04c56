"""Rating scale in Chromium: rate by keyboard, told it is kept, change it, kept on refresh."""

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

WORDS = load_course(ROOT).interface.rating


def _frame(page: Any) -> Any:
    title = page.get_by_role("heading", name="A quick rating", exact=True)
    return page.locator(".cp-exercise", has=title)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_rate_change_and_refresh_by_keyboard(
    kinds_server: tuple[Server, dict[str, str]], browser: Any, viewport: Any
) -> None:
    server, titles = kinds_server
    page = open_learner_app(browser, server.link, viewport)
    open_module(page, titles["try-rating"])
    frame = _frame(page)
    group = frame.get_by_role("group", name="How sure do you feel about paying")
    radios = group.get_by_role("radio")
    radios.first.wait_for()
    expect(radios).to_have_count(5)
    expect(group).to_contain_text(WORDS.point.format(number=1, label="Not sure at all"))
    assert axe_violations(page) == []

    frame.get_by_role("button", name=WORDS.button).focus()
    page.keyboard.press("Enter")
    frame.get_by_text(WORDS.choose_first).wait_for()

    radios.first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(radios.nth(2)).to_be_checked()
    frame.get_by_role("button", name=WORDS.button).focus()
    page.keyboard.press("Enter")
    kept = WORDS.saved.format(point=WORDS.point.format(number=3, label="Fairly sure"))
    frame.get_by_text(kept).wait_for()
    assert axe_violations(page) == []
    name = "phone" if viewport == PHONE else "desktop"
    shot(page, f"kind-rating-{name}.png")

    radios.nth(2).focus()
    page.keyboard.press("ArrowDown")
    frame.get_by_role("button", name=WORDS.change).focus()
    page.keyboard.press("Enter")
    frame.get_by_text(
        WORDS.saved.format(point=WORDS.point.format(number=4, label="Quite sure"))
    ).wait_for()

    reload_app(page)
    open_module(page, titles["try-rating"])
    frame = _frame(page)
    frame.get_by_text(
        WORDS.saved.format(point=WORDS.point.format(number=4, label="Quite sure"))
    ).wait_for()
    expect(frame.get_by_role("radio").nth(3)).to_be_checked()
    page.context.close()
