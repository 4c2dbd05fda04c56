"""Running the room in Chromium: the trainer closes a poll, learners see it closed and cannot
vote, the trainer opens it again; the results so far download while the session is live."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
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
WORDS = load_course(ROOT).interface


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("closing")
    course = copy_course(base / "course")
    add_try_modules(course, [FIXTURES / "kinds" / "try-poll.yml"])
    running = start_server(course, base / "data", class_size=4)
    yield running
    stop_server(running.process)


def _poll(page: Any) -> Any:
    box = page.locator(".cp-exercise", has=page.get_by_role("heading", name=POLL, exact=True))
    expect(box).to_be_visible(timeout=15_000)
    return box


def test_a_closed_poll_takes_no_votes_until_the_trainer_opens_it_again(
    room: Server, browser: Any
) -> None:
    words = WORDS.questions
    trainer = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    trainer.goto(room.trainer_link)
    trainer.get_by_text(f"Session code: {room.code}").wait_for(timeout=60_000)
    early = open_learner_app(browser, room.link, DESKTOP)
    late = open_learner_app(browser, room.link, PHONE)
    trainer.get_by_label("Move the room to").select_option(label=POLL)
    trainer.get_by_role("button", name="Move the room", exact=True).click()

    early_poll = _poll(early)
    early_poll.get_by_label(CHOICE).check()
    early_poll.get_by_role("button", name="Vote").click()
    expect(early_poll).to_contain_text(f"Your vote: {CHOICE}")

    heading = trainer.get_by_role("heading", name=POLL, exact=True)
    result = trainer.locator(".widget-vbox", has=heading).last
    result.get_by_role("button", name=words.close, exact=True).click()
    expect(result).to_contain_text(words.closed_state, timeout=15_000)
    assert axe_violations(trainer) == []
    shot(trainer, "trainer-app-question-closed.png")

    closed_sentence = words.closed.split(".")[0]
    for page in (early, late):
        expect(page.locator(".cp-closed-notice")).to_contain_text(closed_sentence, timeout=15_000)
    late_poll = _poll(late)
    late_poll.get_by_label(CHOICE).check()
    late_poll.get_by_role("button", name="Vote").click()
    expect(late_poll).to_contain_text(words.not_saved)
    expect(late_poll).not_to_contain_text("Your vote:")
    assert axe_violations(late) == []
    shot(late, "learner-poll-closed-phone.png")

    result.get_by_role("button", name=words.reopen, exact=True).click()
    expect(result).to_contain_text(words.open, timeout=15_000)
    expect(late.locator(".cp-closed-notice")).to_have_text("", timeout=15_000)
    late_poll.get_by_role("button", name="Vote").click()
    expect(late_poll).to_contain_text(f"Your vote: {CHOICE}")
    for page in (trainer, early, late):
        page.context.close()


def test_the_trainer_downloads_the_results_so_far_while_live(room: Server, browser: Any) -> None:
    words = WORDS.export
    trainer = browser.new_context(
        viewport={"width": 1280, "height": 1000}, accept_downloads=True
    ).new_page()
    trainer.goto(room.trainer_link)
    trainer.get_by_text(f"Session code: {room.code}").wait_for(timeout=60_000)
    trainer.get_by_role("button", name=words.button).click()
    link = trainer.get_by_role("link", name=words.csv)
    expect(link).to_be_visible(timeout=15_000)
    with trainer.expect_download() as caught:
        link.click()
    download = caught.value
    assert download.suggested_filename == f"session-{room.code}-results.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert rows and {"exercise", "shown", "value"} <= set(rows[0])
    assert axe_violations(trainer) == []
    shot(trainer, "trainer-app-results-so-far.png")
    trainer.context.close()
