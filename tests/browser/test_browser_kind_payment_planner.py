"""Payment planner in Chromium: plan by keyboard, see the total, kept on refresh."""

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

TITLE = "Plan the cost of involvement"
RECOGNITION = "Other ways to recognise people's work (tick all you will offer)"


def _frame(page: Any) -> Any:
    """This exercise's own box: a module can hold several exercises."""
    title = page.get_by_role("heading", name=TITLE, exact=True)
    return page.locator(".cp-exercise", has=title)


def _type_into(page: Any, box: Any, text: str) -> None:
    """Replace a box's text by keyboard; Tab leaves the box, which sends the value."""
    box.focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    page.keyboard.type(text)
    page.keyboard.press("Tab")


def _press(page: Any, control: Any) -> None:
    control.focus()
    page.keyboard.press("Enter")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_plan_by_keyboard_and_keep_it_after_refresh(
    kinds_server: tuple[Server, dict[str, str]], browser: Any, viewport: Any
) -> None:
    server, titles = kinds_server
    page = open_learner_app(browser, server.link, viewport)
    open_module(page, titles["try-payment"])
    frame = _frame(page)
    activity = frame.get_by_role("combobox", name="Activity 1")
    activity.wait_for()
    expect(frame.locator(".cp-pay-total")).to_contain_text("Total: \u00a313.80")
    expect(frame).to_contain_text("Being paid can affect welfare benefits and tax.")
    rates = load_course(ROOT).payment_rates
    assert rates is not None
    expect(frame).to_contain_text(rates.words.heading)
    assert axe_violations(page) == []

    # The second rate (a meeting, by the hour), for 3 people.
    activity.focus()
    page.keyboard.press("ArrowDown")
    people = frame.get_by_role("spinbutton", name="People (activity 1)")
    _type_into(page, people, "3")
    expect(frame.locator(".cp-pay-row-cost").first).to_contain_text(
        "3 people, 1 hour each, at \u00a327.50 an hour: \u00a382.50"
    )

    _press(page, frame.get_by_role("button", name="Add a row"))
    expect(frame.get_by_role("combobox", name="Activity 2")).to_be_visible()
    frame.get_by_text("Activity 2 added, above these buttons.").wait_for()

    food = frame.get_by_role("textbox", name="Food and drinks (\u00a3)")
    _type_into(page, food, "<script>alert(1)</script>")
    notes = frame.locator(".cp-pay-expense-notes")
    expect(notes).to_have_text("Food and drinks: Please type a number, like 12.50.")
    _type_into(page, food, "")
    _type_into(page, frame.get_by_role("textbox", name="Travel (\u00a3)"), "12.50")

    group = frame.get_by_role("group", name=RECOGNITION)
    group.get_by_role("checkbox").first.focus()
    page.keyboard.press("Space")
    expect(group.get_by_role("checkbox").first).to_be_checked()

    total = frame.locator(".cp-pay-total")
    expect(total).to_contain_text("Payment for time: \u00a396.30")  # 82.50 + 13.80
    expect(total).to_contain_text("Expenses: \u00a312.50")
    expect(total).to_contain_text("Total: \u00a3108.80")
    expect(notes).to_have_text("")
    page.wait_for_timeout(500)  # the last change reaches the kernel and is saved
    assert axe_violations(page) == []
    name = "phone" if viewport == PHONE else "desktop"
    shot(page, f"kind-payment-planner-{name}.png")

    reload_app(page)
    open_module(page, titles["try-payment"])
    frame = _frame(page)
    expect(frame.locator(".cp-pay-total")).to_contain_text("Total: \u00a3108.80")
    expect(frame.get_by_role("spinbutton", name="People (activity 1)")).to_have_value("3")
    expect(frame.get_by_role("combobox", name="Activity 2")).to_be_visible()
    expect(frame.get_by_role("textbox", name="Travel (\u00a3)")).to_have_value("12.50")
    expect(
        frame.get_by_role("group", name=RECOGNITION).get_by_role("checkbox").first
    ).to_be_checked()
    assert axe_violations(page) == []
    page.context.close()
