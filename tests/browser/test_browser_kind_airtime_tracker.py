"""Airtime tracker in Chromium: keyboard toggles, pressed state, kernel timing, kept on refresh."""

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


def _press(page: Any, name: str) -> Any:
    control = page.get_by_role("button", name=name, exact=True)
    control.focus()
    page.keyboard.press("Enter")
    return control


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_track_speakers_by_keyboard_see_shares_refresh_and_keep(
    kinds_server: tuple[Server, dict[str, str]], browser: Any, viewport: Any
) -> None:
    server, titles = kinds_server
    page = open_learner_app(browser, server.link, viewport)
    open_module(page, titles["try-airtime"])
    group = page.get_by_role("group", name="Who is speaking now?")
    group.wait_for()
    pause = group.get_by_role("button", name="Nobody is speaking (pause)")
    expect(pause).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_text("No speaking time yet.")).to_be_visible()

    researcher = _press(page, "Researcher is speaking")
    expect(researcher).to_have_attribute("aria-pressed", "true")
    expect(pause).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_text("Speaking now: Researcher.")).to_be_visible()
    # The kernel refreshes the chart every few seconds while someone speaks.
    table = page.locator(".cp-airtime-chart table")
    expect(
        table.get_by_role("row", name=re.compile(r"^Researcher 100% [1-9]\d* s$"))
    ).to_be_visible(timeout=15_000)
    expect(
        page.get_by_text("Researcher spoke 100% of the time; an equal share is 33%.")
    ).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Equal share: 33%"))).to_be_visible()

    page.keyboard.press("Tab")  # the next toggle: Practitioner
    page.keyboard.press("Enter")
    practitioner = group.get_by_role("button", name="Practitioner is speaking")
    expect(practitioner).to_have_attribute("aria-pressed", "true")
    expect(researcher).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_text("Speaking now: Practitioner.")).to_be_visible()
    page.wait_for_timeout(1500)
    _press(page, "Nobody is speaking (pause)")
    expect(page.get_by_text("Paused. Nobody is speaking.")).to_be_visible()
    expect(pause).to_have_attribute("aria-pressed", "true")
    expect(table.get_by_role("row", name=re.compile(r"^Practitioner [1-9]\d*% "))).to_be_visible()
    rows_before = table.locator("tbody").text_content() or ""
    assert axe_violations(page) == []
    name = "phone" if viewport == PHONE else "desktop"
    shot(page, f"kind-airtime-tracker-{name}.png")

    reload_app(page)
    open_module(page, titles["try-airtime"])
    table = page.locator(".cp-airtime-chart table")
    table.wait_for()
    expect(table.locator("tbody")).to_have_text(rows_before)
    expect(page.get_by_text("Nobody is speaking.", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Nobody is speaking (pause)")).to_have_attribute(
        "aria-pressed", "true"
    )

    # Reset asks first, keeping focus on the same button; the second press clears.
    reset = page.locator(".cp-airtime-reset button, button.cp-airtime-reset")
    expect(reset).to_have_text("Reset")
    reset.focus()
    page.keyboard.press("Enter")
    expect(reset).to_have_text("Yes, clear all the times")
    expect(reset).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("All times cleared.")).to_be_visible()
    expect(page.get_by_text("No speaking time yet.")).to_be_visible()
    assert axe_violations(page) == []
    page.context.close()
