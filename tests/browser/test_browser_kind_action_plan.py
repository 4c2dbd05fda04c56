"""Action plan in Chromium: keyboard only, kept on refresh, and a downloaded file that is safe,
readable and holds the learner's plan and their own reflection from earlier in the course."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from coproduce.kinds.action_plan.checks import format_date

from ..browser_support import (
    DESKTOP,
    PHONE,
    axe_violations,
    join_session,
    open_module,
    reload_app,
    shot,
)
from ..conftest import Server

pytestmark = pytest.mark.browser

EXERCISE = "try-action-plan"
WELCOME = "Welcome and ground rules"
REFLECTION = "<script>window.hacked = 1</script> I need time to think first. שלום 🙂"
CHANGE = "Ask contributors <b>how</b> they want to be paid, before the project starts."
WHO = "My team lead & our public contributors"
FOLLOW_UP = "On what day will you look back at your plan?"


def _day_like_month(first: date, last: date) -> date:
    """A day whose day and month are the same number: it types the same in either order."""
    day = first
    while day.day != day.month:
        day += timedelta(days=1)
    assert day <= last
    return day


def _typed(day: date) -> str:
    return f"{day.day:02d}{day.month:02d}{day.year}"


@pytest.fixture
def plan(kinds_server: tuple[Server, dict[str, str]]) -> tuple[Server, str]:
    server, titles = kinds_server
    return server, titles[EXERCISE]


def _learner(browser: Any, link: str, viewport: dict[str, int]) -> Any:
    """A new learner, with downloads allowed."""
    context = browser.new_context(
        viewport=viewport, is_mobile=viewport == PHONE, locale="en-GB", accept_downloads=True
    )
    page = context.new_page()
    page.goto(link)
    join_session(page)
    return page


def _type_into(page: Any, box: Any, text: str) -> None:
    box.focus()
    page.keyboard.insert_text(text)


def test_write_refresh_and_download_a_safe_plan(
    plan: tuple[Server, str], browser: Any, tmp_path: Path
) -> None:
    server, title = plan
    page = _learner(browser, server.link, DESKTOP)

    # First the real reflection exercise, answered in this same browser.
    open_module(page, WELCOME)
    reflection = page.get_by_role("textbox", name="What would help you feel able to speak freely")
    _type_into(page, reflection, REFLECTION)
    page.get_by_text("Saved.").wait_for(timeout=15_000)

    open_module(page, title)
    plan_box = page.locator(".cp-action-plan")
    change = page.get_by_role("textbox", name="What is one thing you will do differently?")
    change.wait_for()
    _type_into(page, change, CHANGE)
    page.keyboard.press("Tab")
    expect(page.get_by_role("textbox", name="Who will you talk to about it?")).to_be_focused()
    page.keyboard.type(WHO)
    page.keyboard.press("Tab")
    when = page.get_by_label("By when will you do it?")
    expect(when).to_be_focused()
    # Day and month are the same, so the date reads the same in day-first and month-first order
    # (the date box follows Chromium's own language, whatever the page's locale).
    page.keyboard.type("03032027")
    expect(when).to_have_value("2027-03-03")
    page.keyboard.press("Tab")
    plan_box.get_by_text("Saved.").wait_for(timeout=15_000)

    # The follow-up day: a day gone by is refused, kindly, by the kernel; then a good one.
    today = date.today()
    follow_up = page.get_by_label(FOLLOW_UP)
    follow_up.focus()
    gone = _day_like_month(today - timedelta(days=366), today - timedelta(days=1))
    page.keyboard.type(_typed(gone))
    expect(follow_up).to_have_value(gone.isoformat())
    expect(plan_box.get_by_text("That day has passed.")).to_be_visible(timeout=15_000)
    chosen = _day_like_month(today + timedelta(days=1), today + timedelta(days=365))
    follow_up.fill(chosen.isoformat())
    expect(follow_up).to_have_value(chosen.isoformat())
    expect(plan_box.get_by_text("That day has passed.")).to_have_count(0, timeout=15_000)
    plan_box.get_by_text("Saved.").wait_for(timeout=15_000)
    assert axe_violations(page) == []
    shot(page, "kind-action-plan-desktop.png")

    download_button = page.get_by_role("button", name="Download my plan")
    assert (download_button.bounding_box() or {}).get("height", 0) >= 44
    download_button.focus()
    with page.expect_download() as started:
        page.keyboard.press("Enter")
    download = started.value
    assert download.suggested_filename == "my-action-plan.html"
    # Saved under its own name: Chromium reads a file:// page by its extension.
    saved_file = tmp_path / download.suggested_filename
    download.save_as(saved_file)
    source = saved_file.read_text(encoding="utf-8")
    assert "&lt;script&gt;window.hacked = 1&lt;/script&gt;" in source
    assert "<script" not in source.lower()
    plan_box.get_by_text("Your plan is on its way").wait_for()
    expect(plan_box.get_by_role("link", name="save my-action-plan.html")).to_be_visible()

    # The file on its own, in Chromium: the plan, the reflection, nothing run, axe clean.
    kept = page.context.new_page()
    kept.goto(saved_file.as_uri())
    expect(kept).to_have_title("My action plan: Co-producing health and social care research")
    assert kept.evaluate("document.documentElement.lang") == "en"
    body = kept.locator("main")
    expect(body).to_contain_text(CHANGE)
    expect(body).to_contain_text(WHO)
    expect(body).to_contain_text("3 March 2027")
    expect(body).to_contain_text(format_date(chosen))
    expect(body).to_contain_text(REFLECTION)
    expect(kept.get_by_role("heading", level=3, name="What would help you feel")).to_be_visible()
    assert kept.evaluate("window.hacked") is None
    assert kept.locator("button, script, input").count() == 0
    assert axe_violations(kept) == []
    shot(kept, "kind-action-plan-file.png")
    kept.emulate_media(media="print")
    size = kept.locator("p").first.evaluate("node => parseFloat(getComputedStyle(node).fontSize)")
    assert size >= 18, f"printed text is too small ({size}px)"
    assert axe_violations(kept) == []
    shot(kept, "kind-action-plan-file-print.png")
    kept.close()

    # The follow-up day as a calendar file to keep: the day, and the plan in the learner's words.
    calendar_button = page.get_by_role("button", name="Add the day to my calendar")
    assert (calendar_button.bounding_box() or {}).get("height", 0) >= 44
    calendar_button.focus()
    with page.expect_download() as started:
        page.keyboard.press("Enter")
    calendar_file = started.value
    assert calendar_file.suggested_filename == "my-action-plan-follow-up.ics"
    saved_calendar = tmp_path / calendar_file.suggested_filename
    calendar_file.save_as(saved_calendar)
    ics = saved_calendar.read_bytes().decode("utf-8")  # as written: lines end in CRLF
    assert ics.startswith("BEGIN:VCALENDAR\r\n")
    events = Calendar.from_ical(ics).walk("VEVENT")
    assert len(events) == 1 and events[0].decoded("DTSTART") == chosen
    description = str(events[0]["DESCRIPTION"])
    assert CHANGE in description and WHO in description
    expect(plan_box.get_by_text("Your calendar file is on its way")).to_be_visible()

    # A refresh keeps every answer.
    reload_app(page)
    open_module(page, title)
    change = page.get_by_role("textbox", name="What is one thing you will do differently?")
    change.wait_for()
    expect(change).to_have_value(CHANGE)
    expect(page.get_by_role("textbox", name="Who will you talk to about it?")).to_have_value(WHO)
    expect(page.get_by_label("By when will you do it?")).to_have_value("2027-03-03")
    expect(page.get_by_label(FOLLOW_UP)).to_have_value(chosen.isoformat())
    assert page.evaluate("window.hacked") is None
    page.context.close()


def test_fits_a_phone(plan: tuple[Server, str], browser: Any) -> None:
    server, title = plan
    page = _learner(browser, server.link, PHONE)
    open_module(page, title)
    page.get_by_role("button", name="Download my plan").wait_for()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px wide)"
    assert axe_violations(page) == []
    shot(page, "kind-action-plan-phone.png")
    page.context.close()
