"""The room's next part is built while the learner reads, so a room move only swaps it in; a
part that shows what the room shared is built when shown, never ahead."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduce.apps.build_ahead import NextPart, reads_the_room
from coproduce.apps.learner_app import LearnerApp
from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

from ..kinds.page_script import set_from_page

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def course() -> CourseContent:
    return load_course(ROOT)


def _joined(course: CourseContent, tmp_path: Path, room: str) -> LearnerApp:
    store = Store(tmp_path)
    sessions = SessionStore(store)
    code = sessions.create_session()
    sessions.move_room(code, room)
    app = LearnerApp(course, store, code)
    set_from_page(app.identity, link_code=code, learner_id="none")
    app.join.code.value = code
    app.join.submit()
    assert app.follower is not None and app.entered
    app.follower.stop()  # the test plays the follower's looks itself
    return app


def test_the_next_part_is_built_while_the_learner_reads_and_a_move_swaps_it_in(
    course: CourseContent, tmp_path: Path
) -> None:
    first, second = course.course.module_slugs[:2]
    app = _joined(course, tmp_path, first)
    app._tick()
    assert second not in app._views  # not yet: the class is still joining
    app.next_part.due_at = 0.0  # its moment has come
    app._tick()
    ahead = app._views[second]
    assert app.shown == first and app.area.children[0] is app._views[first]
    app.room_moved(second)
    assert app.shown == second
    assert app.area.children[0] is ahead  # swapped in, not built again


def test_a_part_that_shows_what_the_room_shared_is_not_built_ahead(
    course: CourseContent, tmp_path: Path
) -> None:
    slugs = course.course.module_slugs
    sharing = next(slug for slug in slugs if reads_the_room(course, slug))
    before = slugs[slugs.index(sharing) - 1]
    app = _joined(course, tmp_path, before)
    app.next_part.due_at = 0.0
    app._tick()
    assert sharing not in app._views
    app.room_moved(sharing)  # built when shown, with the room's latest
    assert app.area.children[0] is app._views[sharing]


def test_nothing_is_built_ahead_before_join_or_past_the_last_part(
    course: CourseContent,
) -> None:
    ahead = NextPart()
    slugs = course.course.module_slugs
    assert ahead.to_build(course, slugs[0], set()) is None  # not joined: no moment set
    ahead.due_at = 0.0
    assert ahead.to_build(course, slugs[0], set()) == slugs[1]
    assert ahead.to_build(course, slugs[0], {slugs[1]}) is None  # built already
    assert ahead.to_build(course, slugs[-1], set()) is None
    assert ahead.to_build(course, None, set()) is None
