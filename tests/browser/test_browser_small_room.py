"""Anonymity in a small room, in Chromium: a trainer and three learners in their own contexts.

The course keeps its default K = 3: with two votes the trainer's page says it is waiting and holds
no count at all (the kernel never sent one); the third vote brings the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from coproduce.content.loader import load_course

from ..browser_support import DESKTOP, PHONE, axe_violations, open_learner_app, shot
from ..conftest import ROOT, Server, add_try_modules, copy_course, start_server, stop_server

pytestmark = pytest.mark.browser

FIXTURES = ROOT / "tests" / "fixtures"
POLL = "A quick poll"
CHOICE = "None yet."


@pytest.fixture(scope="module")
def small_room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("small-room")
    course = copy_course(base / "course")
    add_try_modules(course, [FIXTURES / "kinds" / "try-poll.yml"])
    running = start_server(course, base / "data", class_size=4)
    yield running
    stop_server(running.process)


def _vote(page: Any) -> None:
    box = page.locator(".cp-exercise", has=page.get_by_role("heading", name=POLL, exact=True))
    expect(box).to_be_visible(timeout=15_000)
    box.get_by_label(CHOICE).check()
    box.get_by_role("button", name="Vote").click()
    page.get_by_text("Votes are shared with the room").first.wait_for()


def test_the_trainer_waits_for_three_answers_then_sees_the_result(
    small_room: Server, browser: Any
) -> None:
    words = load_course(ROOT).interface.results
    assert load_course(ROOT).course.min_answers_shown == 3
    trainer = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    trainer.goto(small_room.trainer_link)
    trainer.get_by_text(f"Session code: {small_room.code}").wait_for(timeout=60_000)
    learners = [
        open_learner_app(browser, small_room.link, DESKTOP, role="Public contributor"),
        open_learner_app(browser, small_room.link, PHONE, role="Researcher"),
        open_learner_app(browser, small_room.link, DESKTOP, role="Researcher"),
    ]
    trainer.get_by_text("3 people joined.").wait_for(timeout=15_000)
    # One public contributor and two researchers: no role is shown apart, all are "others".
    attendance = trainer.locator("p", has_text="3 people joined.")
    expect(attendance).to_contain_text(f"{words.others}: 3")
    expect(attendance).not_to_contain_text("Public contributor")
    expect(attendance).not_to_contain_text("Researcher")

    trainer.get_by_label("Move the room to").select_option(label=POLL)
    trainer.get_by_role("button", name="Move the room", exact=True).click()
    _vote(learners[0])
    _vote(learners[1])
    waiting = words.waiting.format(needed=3, count=2)
    heading = trainer.get_by_role("heading", name=POLL, exact=True)
    poll_result = trainer.locator(".widget-vbox", has=heading).last  # the poll's own box
    expect(poll_result).to_contain_text(waiting, timeout=15_000)
    expect(poll_result).to_contain_text("Waiting for 3 answers")
    # Held back in the kernel: the page holds no count, no chart, no table of votes.
    page_html = trainer.content()
    assert not re.search(r"\d+ votes? so far", page_html)
    # (The room's speaking-time tracker has a chart of its own; the poll's box has none.)
    assert '<figure class="cp-bar-chart"' not in poll_result.inner_html()
    assert CHOICE not in poll_result.inner_html()
    assert axe_violations(trainer) == []
    shot(trainer, "trainer-app-waiting-for-answers.png")

    _vote(learners[2])
    expect(poll_result).to_contain_text("3 votes so far", timeout=15_000)
    expect(poll_result.locator(".cp-results-waiting")).to_have_count(0)
    chart = poll_result.locator(".cp-bar-chart", has_text="3 votes so far")
    expect(chart).to_contain_text(CHOICE)
    shot(trainer, "trainer-app-result-at-three.png")
    for page in (trainer, *learners):
        page.context.close()
