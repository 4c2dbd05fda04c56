"""Activity timer in Chromium: keyboard only, speaks once per phase, kept on refresh, axe clean."""

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

EXERCISE = "try-timer"

# Records every text the status region and the clock show from now on.
WATCH = """() => {
  const status = document.querySelector(".cp-timer-status");
  const face = document.querySelector(".cp-timer-clock");
  window.__statusTexts = [];
  window.__clockTexts = [];
  new MutationObserver(() => window.__statusTexts.push(status.textContent))
    .observe(status, { childList: true, characterData: true, subtree: true });
  new MutationObserver(() => window.__clockTexts.push(face.textContent))
    .observe(face, { childList: true, characterData: true, subtree: true });
}"""


@pytest.fixture
def timer(kinds_server: tuple[Server, dict[str, str]]) -> tuple[Server, str]:
    server, titles = kinds_server
    return server, titles[EXERCISE]


def _open(browser: Any, timer: tuple[Server, str], viewport: dict[str, int]) -> Any:
    server, title = timer
    page = open_learner_app(browser, server.link, viewport)
    open_module(page, title)
    page.locator(".cp-timer-start").wait_for()
    return page


def test_phases_change_and_are_announced_once_each(timer: tuple[Server, str], browser: Any) -> None:
    page = _open(browser, timer, DESKTOP)
    box = page.locator(".cp-timer")
    status = page.locator(".cp-timer-status")
    face = page.locator(".cp-timer-clock")
    assert face.get_attribute("role") == "timer" and face.get_attribute("aria-live") == "off"
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    expect(box.locator(".cp-timer-count")).to_have_text("Phase 1 of 4")
    expect(face).to_have_text("00:06")
    for name in ["Start", "Pause", "Next phase", "Reset"]:
        size = page.get_by_role("button", name=name, exact=True).bounding_box()
        assert size is not None and size["height"] >= 44, f"{name} is too small to tap"
    assert axe_violations(page) == []

    page.evaluate(WATCH)
    page.get_by_role("button", name="Start", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Pause")).to_be_focused()
    expect(box.locator(".cp-timer-count")).to_have_text("Phase 2 of 4", timeout=15_000)
    expect(status).to_contain_text("Phase 2 of 4: In pairs. 6 seconds.")
    expect(box.locator(".cp-timer-name")).to_have_text("In pairs")
    page.wait_for_timeout(2_500)
    texts = page.evaluate("window.__statusTexts")
    ticks = page.evaluate("window.__clockTexts")
    assert len(ticks) >= 7, f"the clock did not tick in the browser: {ticks}"
    assert texts == [status.inner_text()], f"the live region changed more than once: {texts}"
    assert axe_violations(page) == []
    shot(page, "kind-activity-timer-desktop.png")

    # Pause with the keyboard: the clock stops, focus moves to Start.
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_focused()
    stopped = face.inner_text()
    page.wait_for_timeout(1_500)
    assert face.inner_text() == stopped, "the clock kept running after Pause"

    # A refresh comes back at the same phase, paused, with its full time, and says nothing.
    reload_app(page)
    open_module(page, timer[1])
    expect(page.locator(".cp-timer-count")).to_have_text("Phase 2 of 4")
    expect(page.locator(".cp-timer-clock")).to_have_text("00:06")
    expect(page.get_by_role("button", name="Pause")).to_be_disabled()
    expect(page.locator(".cp-timer-status")).to_have_text("")

    # Skip ahead, start, and let the last two phases run out: the end is said out loud.
    page.get_by_role("button", name="Next phase").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".cp-timer-count")).to_have_text("Phase 3 of 4")
    expect(page.locator(".cp-timer-status")).to_contain_text("Phase 3 of 4: In fours.")
    page.get_by_role("button", name="Start", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".cp-timer-status")).to_contain_text("Time is up", timeout=20_000)
    expect(page.locator(".cp-timer-count")).to_have_text("All 4 phases done")
    expect(page.locator(".cp-timer-clock")).to_have_text("00:00")
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_disabled()
    expect(page.get_by_role("button", name="Reset")).to_be_focused()
    assert axe_violations(page) == []
    shot(page, "kind-activity-timer-finished.png")

    page.keyboard.press("Enter")
    expect(page.locator(".cp-timer-count")).to_have_text("Phase 1 of 4")
    expect(page.locator(".cp-timer-clock")).to_have_text("00:06")
    page.context.close()


def test_fits_a_phone_and_does_not_move_for_reduced_motion(
    timer: tuple[Server, str], browser: Any
) -> None:
    page = _open(browser, timer, PHONE)
    page.emulate_media(reduced_motion="reduce")
    fill = page.locator(".cp-timer-bar-fill")
    assert fill.evaluate("node => getComputedStyle(node).transitionDuration") == "0s"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px wide)"
    page.get_by_role("button", name="Start", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".cp-timer-clock")).not_to_have_text("00:06", timeout=5_000)
    page.get_by_role("button", name="Pause").press("Enter")
    assert axe_violations(page) == []
    shot(page, "kind-activity-timer-phone.png")
    page.emulate_media(reduced_motion="no-preference")
    assert fill.evaluate("node => getComputedStyle(node).transitionDuration") != "0s"
    page.context.close()
