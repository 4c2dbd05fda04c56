"""A live session in Chromium: one trainer, three learners, each in their own browser context."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from ..browser_support import DESKTOP, PHONE, axe_violations, open_learner_app, shot
from ..conftest import (
    ROOT,
    Server,
    add_try_modules,
    copy_course,
    show_every_result,
    start_server,
    stop_server,
)

pytestmark = pytest.mark.browser

FIXTURES = ROOT / "tests" / "fixtures"
POLL = "A quick poll"
THOUGHT = "One thought to share"
MARKUP = "<b>bold</b><img src=x onerror=alert(1)> we need plain words"
PRIVATE = "this stays with me"


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("live")
    course = copy_course(base / "course")
    add_try_modules(
        course, [FIXTURES / "kinds" / "try-poll.yml", FIXTURES / "report" / "report-thoughts.yml"]
    )
    # One shared reflection and a role of one, shown at once (K = 1); the threshold of 3 has
    # its own test in test_browser_small_room.py.
    show_every_result(course)
    running = start_server(course, base / "data", class_size=4)
    yield running
    stop_server(running.process)


def _open_trainer(browser: Any, server: Server) -> Any:
    page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    page.goto(server.trainer_link)
    page.get_by_text(f"Session code: {server.code}").wait_for(timeout=60_000)
    return page


def _move_room(trainer: Any, title: str) -> None:
    trainer.get_by_label("Move the room to").select_option(label=title)
    trainer.get_by_role("button", name="Move the room", exact=True).click()


def _current(page: Any) -> Any:
    return page.locator('.cp-agenda-item[aria-current="step"]')


def _typed_code_learner(browser: Any, server: Server) -> Any:
    """A learner who opens the bare link and types the code, wrong first."""
    page = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    page.goto(server.base)
    code_box = page.get_by_role("textbox", name="Session code")
    code_box.wait_for(timeout=60_000)
    code_box.fill("ZZZ 999")
    page.get_by_role("button", name="Join").click()
    page.get_by_text("We could not find a session").wait_for(timeout=30_000)
    assert axe_violations(page) == []
    shot(page, "learner-join-wrong-code-phone.png")
    code_box.fill(server.code.lower())
    page.get_by_role("group", name="Your role (optional)").get_by_label(
        "Public contributor"
    ).check()
    page.get_by_role("button", name="Join").click()
    page.locator(".cp-agenda-item").first.wait_for(timeout=30_000)
    return page


def _vote(page: Any, option: str) -> None:
    box = page.locator(".cp-exercise", has=page.get_by_role("heading", name=POLL, exact=True))
    box.get_by_label(option).check()
    box.get_by_role("button", name="Vote").click()
    page.get_by_text("Votes are shared with the room").first.wait_for()


def _reflect(page: Any, text: str, share: bool) -> None:
    box = page.get_by_role("textbox", name="What is one thing you will take away today?")
    box.fill(text)
    if share:
        page.get_by_label("Share my answer with the room, without my name").check()
    page.get_by_text("Saved.").wait_for(timeout=15_000)


def test_a_trainer_runs_the_room_and_sees_live_anonymous_results(
    live_server: Server, browser: Any
) -> None:
    trainer = _open_trainer(browser, live_server)
    trainer.get_by_text("Nobody has joined yet.").wait_for()
    first = open_learner_app(browser, live_server.link, DESKTOP, role="Researcher")
    second = _typed_code_learner(browser, live_server)
    third = open_learner_app(browser, live_server.link, DESKTOP, role="Practitioner")
    trainer.get_by_text("3 people joined.").wait_for(timeout=15_000)
    expect(trainer.get_by_text("Public contributor: 1")).to_be_visible()

    # The room moves to the poll; every learner's app follows.
    _move_room(trainer, POLL)
    for learner in (first, second, third):
        expect(_current(learner)).to_contain_text(POLL, timeout=15_000)
        learner.get_by_text(f"The room has moved on to “{POLL}”").wait_for()
    _vote(first, "None yet.")
    _vote(second, "None yet.")
    _vote(third, "Some. We ask them and often act on it.")
    results = trainer.locator(".cp-exercise-results, .widget-vbox", has_text=POLL).first
    trainer.get_by_text("3 votes so far").wait_for(timeout=15_000)
    assert "Votes" in results.inner_text()

    # The room moves on; a learner looking back stays where they are and is told.
    third.get_by_role("navigation", name="Course agenda").get_by_role("button").first.click()
    _move_room(trainer, THOUGHT)
    for learner in (first, second):
        expect(_current(learner)).to_contain_text(THOUGHT, timeout=15_000)
    third.get_by_role("button", name="Go to where the room is").wait_for(timeout=15_000)
    expect(_current(third)).not_to_contain_text(THOUGHT)
    third.get_by_role("button", name="Go to where the room is").click()
    expect(_current(third)).to_contain_text(THOUGHT, timeout=15_000)

    # Shared text reaches the trainer as text, without a name; private text never does.
    _reflect(first, MARKUP, share=True)
    _reflect(second, PRIVATE, share=False)
    trainer.get_by_text("we need plain words").wait_for(timeout=15_000)
    quoted = trainer.locator(".cp-shared-texts blockquote").first.inner_text()
    assert quoted == MARKUP, "learner markup was not shown as plain text"
    assert trainer.locator(".cp-shared-texts img").count() == 0
    page_text = trainer.content()
    assert PRIVATE not in page_text
    assert "Name" not in trainer.locator(".cp-shared-texts").inner_text()

    # The trainer hides the shared answer from the projected view.
    # The folded panel opens from the keyboard (a button, not an Accordion header).
    opener = trainer.get_by_role("button", name="Hide or show answers")
    opener.focus()
    trainer.keyboard.press("Enter")
    trainer.get_by_role("button", name="Hide answer 1 on the projected view").click()
    expect(trainer.locator(".cp-shared-texts")).to_have_count(0, timeout=15_000)
    trainer.get_by_role("button", name="Show answer 1 on the projected view").wait_for()

    assert axe_violations(trainer) == []
    shot(trainer, "trainer-app.png")

    # On the projector: the code and the room's results stay; the trainer's notes go.
    trainer.get_by_role("checkbox", name="Projector view: hide the run-sheet and my notes").check()
    expect(trainer.get_by_role("heading", name="Notes for this part")).to_be_hidden()
    expect(trainer.get_by_role("heading", name="Live results")).to_be_visible()
    expect(trainer.get_by_text(f"Session code: {live_server.code}")).to_be_visible()
    assert axe_violations(trainer) == []
    shot(trainer, "trainer-app-projector.png")
    shot(second, "learner-joined-by-typing-phone.png")
    for page in (trainer, first, second, third):
        page.context.close()
