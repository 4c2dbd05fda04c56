"""The room follower's thread and a language change take turns: the trainer moving the room
while a learner switches language leaves the page in the new language, showing the room's part,
built in that language (before, the move could land in the middle of the change and put a part
built in the old language on show)."""

from __future__ import annotations

import html
import threading
from pathlib import Path
from typing import Any

import pytest

from coproduce.apps import learner_app
from coproduce.apps.learner_app import LearnerApp
from coproduce.content.course import CourseContent
from coproduce.content.loader import in_language, load_course
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

from ..kinds.page_script import send_from_page, set_from_page
from ..support.two_languages import TRANSLATED, two_language_course

UNTRANSLATED = "02-what-coproduction-is"  # no Welsh content: shown with the Welsh note
FOLLOWER = "room-follower-under-test"


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> CourseContent:
    return load_course(two_language_course(tmp_path_factory.mktemp("race") / "course"))


def _words(widget: Any) -> str:
    found = [getattr(widget, "value", "")] if isinstance(getattr(widget, "value", ""), str) else []
    for child in getattr(widget, "children", ()):
        found.append(_words(child))
    return "\n".join(found)


def test_a_room_move_during_a_language_change_is_shown_in_the_new_language(
    course: CourseContent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path)
    sessions = SessionStore(store)
    code = sessions.create_session()
    app = LearnerApp(course, store, code)
    set_from_page(app.identity, link_code=code, learner_id="none")
    app.join.code.value = code
    app.join.submit()
    assert app.follower is not None and app.switch is not None
    app.follower.stop()  # this test plays the follower's thread itself, at a chosen moment
    assert app.shown == TRANSLATED

    # The follower's build of the room's new part pauses half-way, long enough for a page
    # message to come in.
    built, go = threading.Event(), threading.Event()
    real_build = learner_app.build_module_view

    def slow_build(*args: Any, **kwargs: Any) -> Any:
        view = real_build(*args, **kwargs)
        if threading.current_thread().name == FOLLOWER:
            built.set()
            go.wait(timeout=30)
        return view

    monkeypatch.setattr(learner_app, "build_module_view", slow_build)
    sessions.move_room(code, UNTRANSLATED)
    follower = threading.Thread(target=app.follower.check, name=FOLLOWER)
    follower.start()
    assert built.wait(timeout=30)
    switching = threading.Thread(target=send_from_page, args=(app.switch, {"chosen": [1]}))
    switching.start()
    switching.join(timeout=0.5)  # the change waits its turn (without one, it is done by now)
    go.set()
    follower.join(timeout=30)
    switching.join(timeout=30)

    welsh = in_language(course, "cy")
    assert app.content.course.language == "cy"
    assert app.shown == UNTRANSLATED
    on_show = app.area.children[0]
    assert on_show is app._views[UNTRANSLATED]
    note = welsh.interface.moving.not_translated.split("{", 1)[0]
    assert note in html.unescape(_words(on_show))  # built in Welsh: the part's note says so
