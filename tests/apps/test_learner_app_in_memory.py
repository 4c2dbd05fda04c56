"""The learner app built in memory: joining a live session, then the first module."""

from __future__ import annotations

from pathlib import Path

from coproduce.apps.chrome.connection_watch import ConnectionWatch
from coproduce.apps.learner_app import LearnerApp
from coproduce.content.loader import load_course
from coproduce.content.timings import run_exercises
from coproduce.live.learner_ids import token_for
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
LEARNER = "0123456789abcdef0123456789abcdef"
TOKEN = token_for(LEARNER)  # what the browser holds: the learner id, signed


def _room(tmp_path: Path) -> tuple[Store, SessionStore, str]:
    """A store with one live session in it: the store, its sessions, the session's code."""
    store = Store(tmp_path)
    sessions = SessionStore(store)
    return store, sessions, sessions.create_session()


def _identified(app: LearnerApp, code: str) -> LearnerApp:
    """The browser says who it is, having opened the session's link."""
    app.identity.link_code = code
    app.identity.learner_id = TOKEN
    return app


def _live_app(tmp_path: Path) -> tuple[LearnerApp, SessionStore, str]:
    store, sessions, code = _room(tmp_path)
    return _identified(LearnerApp(CONTENT, store, code), code), sessions, code


def _shown_module(app: LearnerApp) -> str:
    (view,) = app.area.children
    return next(name for name in view._dom_classes if name.startswith("cp-module-"))


def test_the_join_page_builds_no_module_until_the_learner_is_in(tmp_path: Path) -> None:
    app, _sessions, code = _live_app(tmp_path)
    assert app.widget.children[1] is app.join.widget
    assert app.area.children == ()
    assert app.join.code.value == code
    assert app._join(code, "", "Researcher") is None
    assert app.widget.children[1] is app.course
    assert _shown_module(app) == f"cp-module-{CONTENT.course.module_slugs[0]}"
    if app.follower:
        app.follower.stop()


def test_a_learner_who_joins_late_lands_where_the_room_is(tmp_path: Path) -> None:
    app, sessions, code = _live_app(tmp_path)
    sessions.move_room(code, "03-power")
    assert app._join(code, "", "") is None
    assert _shown_module(app) == "cp-module-03-power"
    if app.follower:
        app.follower.stop()


def test_a_wrong_code_keeps_the_join_page(tmp_path: Path) -> None:
    app, _sessions, _code = _live_app(tmp_path)
    message = app._join("NOPE12", "", "")
    assert message is not None and "NOPE12" in message
    assert app.widget.children[1] is app.join.widget


def test_without_a_session_the_first_module_shows_at_once(tmp_path: Path) -> None:
    app = LearnerApp(CONTENT, Store(tmp_path), None)
    assert _shown_module(app) == f"cp-module-{CONTENT.course.module_slugs[0]}"


def test_the_connection_watch_comes_with_the_course_once(tmp_path: Path) -> None:
    app, _sessions, code = _live_app(tmp_path)
    assert not any(isinstance(child, ConnectionWatch) for child in app.course.children)
    app._join(code, "", "")
    app._enter()  # a second entry (a reconnect) adds no second watch
    watches = [child for child in app.course.children if isinstance(child, ConnectionWatch)]
    assert len(watches) == 1
    if app.follower:
        app.follower.stop()


def test_a_learner_who_joined_before_goes_straight_back_to_the_course(tmp_path: Path) -> None:
    store, sessions, code = _room(tmp_path)
    sessions.join(code, LEARNER, "", "Researcher")
    app = LearnerApp(CONTENT, store, code)
    app.identity.link_code = code
    app.identity.learner_id = TOKEN
    assert app.widget.children[1] is app.course
    # The code box is left empty: nothing on the join page changes as it goes away.
    assert app.join.code.value == ""
    if app.follower:
        app.follower.stop()


def test_the_part_built_before_anyone_came_gets_a_returning_learners_answers(
    tmp_path: Path,
) -> None:
    """The room's part is built in the kernel pool, before the browser says who it is; a
    learner who comes back (a refresh, a new kernel) still finds their answers in it."""
    store, _sessions, code = _room(tmp_path)
    first = _identified(LearnerApp(CONTENT, store, code), code)
    assert first._join(code, "", "Researcher") is None
    assert first.session.save("ground-rules", {"words": ["listen", "respect"]}) is None
    if first.follower:
        first.follower.stop()

    again = LearnerApp(CONTENT, store, code)  # a fresh kernel from the pool
    prebuilt = again._views[CONTENT.course.module_slugs[0]]
    boxes = again.session.views["ground-rules"].boxes  # type: ignore[attr-defined]
    assert [box.value for box in boxes[:2]] == ["", ""]
    again.identity.learner_id = TOKEN  # the browser says who it is
    assert again.entered and again.area.children == (prebuilt,)
    assert [box.value for box in boxes[:2]] == ["listen", "respect"]
    if again.follower:
        again.follower.stop()


def test_a_room_that_moved_before_the_kernel_started_has_that_part_ready(tmp_path: Path) -> None:
    store, sessions, code = _room(tmp_path)
    sessions.move_room(code, "03-power")
    app = LearnerApp(CONTENT, store, code)
    assert list(app._views) == ["03-power"] and app.area.children == ()


def test_a_part_that_shows_the_rooms_ideas_waits_for_join(tmp_path: Path) -> None:
    """A page that has not given the session's code holds none of what the room shared: a
    part with an ideas question is not built ahead in the pool."""
    store, sessions, code = _room(tmp_path)
    part = "06-sharing-power-in-practice"
    assert any(
        CONTENT.exercises[e].kind == "ideas" for e in run_exercises(CONTENT, CONTENT.modules[part])
    )
    sessions.move_room(code, part)
    app = LearnerApp(CONTENT, store, code)
    assert app._views == {} and app.session.views == {}
    app.identity.link_code = code
    app.identity.learner_id = TOKEN
    assert app._join(code, "", "") is None
    assert _shown_module(app) == f"cp-module-{part}"
    if app.follower:
        app.follower.stop()
