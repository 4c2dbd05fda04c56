"""The learner app's own controls check the state they need: a page script can press any of them.

Before a learner has joined a live session, the course's controls already exist in the page
(hidden, not yet shown). Nothing they do may open a part, save a place or show feedback.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from coproduce.apps.learner_app import LearnerApp
from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course
from coproduce.live.learner_ids import token_for
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

from ..kinds.page_script import click_from_page, set_from_page

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
LEARNER = "0123456789abcdef0123456789abcdef"
TOKEN = token_for(LEARNER)  # what the browser holds: the learner id, signed


def _marked(content: CourseContent) -> CourseContent:
    """The course as an assessed cohort runs it: marking on."""
    return replace(content, course=content.course.model_copy(update={"marking": True}))


def _app_before_joining(
    tmp_path: Path, content: CourseContent | None = None
) -> tuple[LearnerApp, SessionStore, str]:
    store = Store(tmp_path)
    sessions = SessionStore(store)
    code = sessions.create_session()
    app = LearnerApp(content or _marked(CONTENT), store, code)
    app.identity.learner_id = TOKEN
    return app, sessions, code


def test_before_joining_no_control_opens_a_part_or_saves_a_place(tmp_path: Path) -> None:
    app, _sessions, _code = _app_before_joining(tmp_path)
    slugs = CONTENT.course.module_slugs
    set_from_page(app.nav, current=slugs[2])
    click_from_page(app.next)
    click_from_page(app.previous)
    click_from_page(app.go_to_room)
    assert app.area.children == ()
    assert app.session.place() is None
    assert app.widget.children[1] is app.join.widget


def test_before_joining_my_feedback_shows_nothing(tmp_path: Path) -> None:
    app, _sessions, _code = _app_before_joining(tmp_path)
    click_from_page(app.feedback_button)
    assert app.feedback.value == ""


def test_once_in_the_join_button_does_nothing_more(tmp_path: Path) -> None:
    app, sessions, code = _app_before_joining(tmp_path)
    assert app._join(code, "", "Researcher") is None
    try:
        app.join.code.value = code
        app.join.role.value = [CONTENT.course.roles.index("Practitioner")]
        click_from_page(app.join.join_button)
        assert sessions.joined_role(code, LEARNER) == "Researcher"
    finally:
        if app.follower:
            app.follower.stop()


def test_an_unknown_part_from_the_page_leaves_the_pager_working(tmp_path: Path) -> None:
    app = LearnerApp(CONTENT, Store(tmp_path), None)
    slugs = CONTENT.course.module_slugs
    set_from_page(app.nav, current="no-such-part")
    assert app.nav.current == slugs[0]
    click_from_page(app.next)
    assert app.nav.current == slugs[1]
    assert f"cp-module-{slugs[1]}" in app.area.children[0]._dom_classes


def test_once_in_the_controls_move_between_parts(tmp_path: Path) -> None:
    app, _sessions, code = _app_before_joining(tmp_path)
    slugs = CONTENT.course.module_slugs
    assert app._join(code, "", "") is None
    try:
        set_from_page(app.nav, current=slugs[2])
        assert f"cp-module-{slugs[2]}" in app.area.children[0]._dom_classes
        click_from_page(app.next)
        assert app.session.place() == slugs[3]
        click_from_page(app.feedback_button)
        assert app.feedback.value
    finally:
        if app.follower:
            app.follower.stop()


def test_with_marking_off_no_feedback_is_offered_and_a_page_script_gets_none(
    tmp_path: Path,
) -> None:
    assert CONTENT.course.marking is False  # the course's default: nothing marked afterwards
    app, _sessions, code = _app_before_joining(tmp_path, CONTENT)
    assert app._join(code, "", "") is None
    try:
        assert app.feedback_button not in app.course.children
        assert app.feedback not in app.course.children
        click_from_page(app.feedback_button)  # a script in the page presses it anyway
        assert app.feedback.value == ""
    finally:
        if app.follower:
            app.follower.stop()


def test_the_page_cannot_rewrite_the_agenda(tmp_path: Path) -> None:
    app = LearnerApp(CONTENT, Store(tmp_path), None)
    items = list(app.nav.items)
    set_from_page(app.nav, items=[{"time": "9:00", "title": "Free lunch", "slug": "x"}], label="")
    assert app.nav.items == items and app.nav.label
