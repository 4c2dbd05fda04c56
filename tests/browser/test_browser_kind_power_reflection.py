"""Power reflection in Chromium: keyboard only, private, profile and prompts, kept on refresh."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
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

FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "try-power.yml"


def _exercise() -> dict[str, Any]:
    return dict(yaml.safe_load(FIXTURE.read_text()))


def _prompt(exercise: dict[str, Any], source: str, when: str) -> str:
    return next(
        str(p["text"]) for p in exercise["prompts"] if p["source"] == source and p["when"] == when
    )


def _rate(page: Any, group: int, choice: int) -> None:
    """Rate one sentence with the keyboard: focus its first option, Space, then arrows."""
    radios = page.locator(".cp-power-statement").nth(group).locator("input[type=radio]")
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(choice):
        page.keyboard.press("ArrowDown")
    expect(radios.nth(choice)).to_be_checked()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_rate_by_keyboard_see_profile_and_prompts_refresh_and_keep(
    kinds_server: tuple[Server, dict[str, str]], browser: Any, viewport: Any
) -> None:
    server, titles = kinds_server
    exercise = _exercise()
    page = open_learner_app(browser, server.link, viewport)
    open_module(page, titles["try-power"])
    groups = page.get_by_role("group")
    first = page.get_by_role("group", name=exercise["statements"][0]["text"])
    first.wait_for()
    assert groups.count() >= len(exercise["statements"])
    expect(page.get_by_text("Only you can see this.")).to_be_visible()
    assert page.get_by_role("checkbox").count() == 0, "a power reflection offers no sharing"
    before = page.content()
    for prompt in exercise["prompts"]:
        assert prompt["text"][:40].replace("'", "&#x27;") not in before
        assert prompt["text"][:40] not in before

    # Job and position: "Very like me", then "Quite like me" (high); knowledge: "Not like me" (low).
    _rate(page, 0, 3)
    page.keyboard.press("Tab")
    expect(page.locator(".cp-power-statement").nth(1).locator("input").first).to_be_focused()
    _rate(page, 1, 2)
    _rate(page, 2, 0)
    page.get_by_text("You have rated 3 of 7 sentences.").wait_for()
    chart = page.get_by_role("img", name="Bar chart.")
    expect(chart).to_be_visible()
    table = page.locator(".cp-power-profile table")
    expect(table.get_by_role("row", name="Job and position 3.5 of 4")).to_be_visible()
    expect(table.get_by_role("row", name="Knowledge and training 1 of 4")).to_be_visible()
    high = _prompt(exercise, "Job and position", "high")
    low = _prompt(exercise, "Knowledge and training", "low")
    expect(page.get_by_text(high)).to_be_visible()
    expect(page.get_by_text(low)).to_be_visible()
    assert page.get_by_text(_prompt(exercise, "Job and position", "low")).count() == 0
    assert axe_violations(page) == []
    name = "phone" if viewport == PHONE else "desktop"
    shot(page, f"kind-power-reflection-{name}.png")

    reload_app(page)
    open_module(page, titles["try-power"])
    page.get_by_text(high).wait_for()
    statements = page.locator(".cp-power-statement")
    expect(statements.nth(0).locator("input").nth(3)).to_be_checked()
    expect(statements.nth(1).locator("input").nth(2)).to_be_checked()
    expect(statements.nth(2).locator("input").nth(0)).to_be_checked()
    expect(statements.nth(3).locator("input:checked")).to_have_count(0)
    expect(page.get_by_text("You have rated 3 of 7 sentences.")).to_be_visible()
    assert axe_violations(page) == []
    page.context.close()
