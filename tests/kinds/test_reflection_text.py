"""A reflection is kept and shared without the direction codes that would scramble a screen."""

from __future__ import annotations

from pathlib import Path

from coproduce.content.model import Reflection
from coproduce.kinds.reflection.view import ReflectionView
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

from .course_words import context

LEARNER = "0123456789abcdef0123456789abcdef"
EXERCISE = Reflection.model_validate(
    {
        "id": "one-thought",
        "kind": "reflection",
        "title": "One thought",
        "prompt": "What will you take away?",
        "can_share": True,
    }
)


def test_a_shared_reflection_is_stored_without_direction_overrides(tmp_path: Path) -> None:
    store = Store(tmp_path)
    room = SessionStore(store)
    code = room.create_session()
    view = ReflectionView(
        EXERCISE,
        lambda eid, answer: store.save_answer(LEARNER, eid, answer, session=code),
        context(),
    )
    view.text.value = "we \u202eagree\u202c on \u2067this\u2069"
    view.share.value = True
    view.save_now()
    kept = store.load_answers(LEARNER, session=code)["one-thought"]
    assert kept["text"] == "we agree on this" and kept["shared"] is True
    (shared,) = room.shared_answers(code, "one-thought", consent_needed=True)
    assert shared.payload["text"] == "we agree on this"
