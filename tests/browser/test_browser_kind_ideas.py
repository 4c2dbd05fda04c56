"""Ideas with votes in Chromium: three learners add ideas by keyboard, see the room's list once
three are in, vote within their limit; the trainer sees the top ideas, hides one, and the
learners' lists and the projector follow. axe-core finds nothing on any page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from coproduce.content.loader import load_course
from coproduce.content.plurals import plural

from ..browser_support import DESKTOP, PHONE, axe_violations, open_learner_app, shot
from ..conftest import ROOT, Server, add_try_modules, copy_course, start_server, stop_server

pytestmark = pytest.mark.browser

TITLE = "Ideas to try"
COURSE = load_course(ROOT)
WORDS = COURSE.interface.ideas
HOSTILE = '<img src=x onerror="document.title=1">Pay on the day'


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("ideas")
    course = copy_course(base / "course")
    add_try_modules(course, [ROOT / "tests" / "fixtures" / "kinds" / "try-ideas.yml"])
    running = start_server(course, base / "data", class_size=4)
    yield running
    stop_server(running.process)


def _frame(page: Any) -> Any:
    box = page.locator(".cp-exercise", has=page.get_by_role("heading", name=TITLE, exact=True))
    expect(box).to_be_visible(timeout=30_000)
    return box


def _add(page: Any, text: str) -> Any:
    frame = _frame(page)
    box = frame.get_by_label(WORDS.idea_label, exact=True)
    box.focus()
    page.keyboard.type(text)
    page.keyboard.press("Tab")  # leave the box: its words go to the kernel
    button = frame.get_by_role("button", name=WORDS.add)
    button.focus()
    page.keyboard.press("Enter")
    expect(frame).to_contain_text(WORDS.added, timeout=15_000)
    return frame


def test_ideas_votes_and_the_trainer_hiding_one(room: Server, browser: Any) -> None:
    trainer = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    trainer.goto(room.trainer_link)
    trainer.get_by_text(f"Session code: {room.code}").wait_for(timeout=60_000)
    trainer.get_by_label("Move the room to").select_option(label=TITLE)
    trainer.get_by_role("button", name="Move the room", exact=True).click()

    first = open_learner_app(browser, room.link, DESKTOP)
    frame = _add(first, "Ask finance for a fast route")
    waiting = plural(WORDS.waiting, 3, "en").format(needed=3)
    expect(frame).to_contain_text(waiting)
    assert axe_violations(first) == []

    second = open_learner_app(browser, room.link, PHONE)
    _add(second, "A named person in finance")
    third = open_learner_app(browser, room.link, DESKTOP)
    third_frame = _add(third, HOSTILE)
    # The third idea makes three authors: the third learner's own list is there at once.
    ideas = third_frame.get_by_role("group", name=WORDS.room_legend).get_by_role("checkbox")
    expect(ideas).to_have_count(3, timeout=15_000)
    # Shown as text (in "Your ideas" and in the room's list), never as markup.
    expect(third_frame.get_by_text(HOSTILE)).to_have_count(2)
    expect(third_frame.locator("img")).to_have_count(0)
    assert third.title() != "1"

    # The first learner is told (politely, not moved) that new ideas are in, then asks for them.
    expect(frame.locator(".cp-note", has_text=WORDS.new_ideas)).to_be_visible(timeout=30_000)
    show = frame.get_by_role("button", name=WORDS.show_new)
    show.focus()
    first.keyboard.press("Enter")
    boxes = frame.get_by_role("group", name=WORDS.room_legend).get_by_role("checkbox")
    expect(boxes).to_have_count(3, timeout=15_000)
    for index in (0, 1):
        boxes.nth(index).focus()
        first.keyboard.press("Space")
    expect(frame).to_contain_text(WORDS.votes_left.format(left=0, votes=2), timeout=15_000)
    boxes.nth(2).focus()
    first.keyboard.press("Space")
    expect(frame).to_contain_text(WORDS.too_many_votes.format(votes=2), timeout=15_000)
    expect(boxes.nth(2)).not_to_be_checked()
    assert axe_violations(first) == []
    shot(first, "learner-ideas-voted.png")

    # The trainer sees the top ideas with their votes, hides the hostile one.
    heading = trainer.get_by_role("heading", name=TITLE, exact=True)
    result = trainer.locator(".widget-vbox", has=heading).last
    table = result.locator("table.cp-bar-table")
    expect(table).to_contain_text("Ask finance for a fast route", timeout=30_000)
    expect(table).to_contain_text(HOSTILE)
    opener = result.get_by_role("button", name=WORDS.moderate_heading)
    opener.focus()
    trainer.keyboard.press("Enter")
    hostile_row = result.locator(".cp-idea-row", has_text=HOSTILE)
    hostile_row.get_by_role("button").focus()
    trainer.keyboard.press("Enter")
    # With it hidden, two people have an idea on show: under K, so the result waits again.
    held = COURSE.interface.results.waiting.format(needed=3, count=2)
    expect(result).to_contain_text(held, timeout=15_000)
    expect(table).to_have_count(0)
    expect(result.locator(".cp-idea-row", has_text=WORDS.hidden_tag)).to_have_count(1)
    assert axe_violations(trainer) == []
    shot(trainer, "trainer-app-ideas.png")

    # On the projector: the top ideas, never the hide and merge controls.
    trainer.get_by_label(COURSE.interface.trainer.projector).check()
    expect(result.locator(".cp-idea-row").first).to_be_hidden(timeout=15_000)
    expect(result.get_by_role("button", name=WORDS.moderate_heading)).to_be_hidden()
    expect(result).to_contain_text(held)

    # The second learner asks for the latest ideas: with the hidden one gone, two people have
    # an idea on show, so the list waits for a third again and shows nobody's idea.
    second_frame = _frame(second)
    second_frame.get_by_role("button", name=WORDS.show_new).click()
    expect(second_frame).to_contain_text(waiting, timeout=15_000)
    expect(second_frame.get_by_role("checkbox")).to_have_count(0)
    expect(second_frame).not_to_contain_text("Pay on the day")
    assert axe_violations(second) == []
    shot(second, "learner-ideas-phone.png")
    for page in (trainer, first, second, third):
        page.context.close()
