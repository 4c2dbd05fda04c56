"""Moving between parts sends focus to the new part's heading, only when the learner moved.

The browser half, that focus and scroll really land there, is
tests/browser/test_browser_focus_moves.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coproduce.apps.learner_app import LearnerApp
from coproduce.content.loader import load_course
from coproduce.live.store import Store

from ..kinds.page_script import click_from_page, set_from_page

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
SLUGS = CONTENT.course.module_slugs


def _app(tmp_path: Path) -> tuple[LearnerApp, list[dict[str, Any]]]:
    app = LearnerApp(CONTENT, Store(tmp_path), None)
    asked: list[dict[str, Any]] = []
    app.focus.send = lambda content, buffers=None: asked.append(content)  # type: ignore[method-assign]
    return app, asked


def test_next_previous_and_the_agenda_send_focus_to_the_new_heading(tmp_path: Path) -> None:
    app, asked = _app(tmp_path)
    assert asked == []  # the first part, on opening: focus stays where the browser puts it
    click_from_page(app.next)
    set_from_page(app.nav, current=SLUGS[4])
    click_from_page(app.previous)
    assert [ask["selector"] for ask in asked] == [
        f".cp-module-{SLUGS[1]} h2",
        f".cp-module-{SLUGS[4]} h2",
        f".cp-module-{SLUGS[3]} h2",
    ]
    assert all(ask["block"] == "start" for ask in asked)
    assert app.focus in app.course.children


def test_the_room_moving_does_not_take_the_learners_focus(tmp_path: Path) -> None:
    app, asked = _app(tmp_path)
    app.room_moved(SLUGS[2])
    assert app.shown == SLUGS[2]
    assert asked == []


def test_going_to_where_the_room_is_sends_focus_to_that_heading(tmp_path: Path) -> None:
    app, asked = _app(tmp_path)
    app.room_moved(SLUGS[0])
    click_from_page(app.next)  # the learner looks ahead
    app.room_moved(SLUGS[3])  # the room moves without them: a notice, no move, no focus
    assert app.shown == SLUGS[1] and len(asked) == 1
    click_from_page(app.go_to_room)
    assert app.shown == SLUGS[3]
    assert asked[-1]["selector"] == f".cp-module-{SLUGS[3]} h2"
