"""Exercise widgets without a browser: what they sync, how they save and restore."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from coproduce.content.loader import load_course
from coproduce.kinds.common.frame import ExerciseContext
from coproduce.kinds.knowledge_check.view import KnowledgeCheckView
from coproduce.kinds.reflection.view import ReflectionView
from coproduce.live.learner_ids import token_for
from coproduce.live.learner_session import TOO_LARGE, LearnerSession
from coproduce.live.store import Store

ROOT = Path(__file__).resolve().parents[2]
LEARNER = "0123456789abcdef0123456789abcdef"
TOKEN = token_for(LEARNER)  # what the browser holds: the learner id, signed


def _synced_state(root: widgets.Widget) -> str:
    """Every trait value of every widget under `root`: what a browser can read."""
    seen: list[dict[str, Any]] = []

    def walk(widget: widgets.Widget) -> None:
        seen.append(widget.get_state())
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(root)
    return json.dumps(seen, default=str)


def _context() -> ExerciseContext:
    return ExerciseContext(load_course(ROOT))


def _knowledge_check() -> Any:
    return load_course(ROOT).exercises["coproduction-or-not"]


def test_no_feedback_or_explanation_is_synced_before_an_answer() -> None:
    exercise = _knowledge_check()
    view = KnowledgeCheckView(exercise, lambda *_: None, _context())
    state = _synced_state(view.widget)
    assert exercise.explanation not in state
    for option in exercise.options:
        assert option.feedback not in state
    assert '"correct"' not in state


def test_checking_shows_feedback_for_the_choice_only_and_saves_it() -> None:
    exercise = _knowledge_check()
    saved: list[tuple[str, dict[str, Any]]] = []
    view = KnowledgeCheckView(exercise, lambda eid, answer: saved.append((eid, answer)), _context())
    wrong = next(i for i, option in enumerate(exercise.options) if not option.correct)
    view.choices.value = [wrong]
    view.check()
    assert exercise.options[wrong].feedback.split(".")[0] in view.feedback.html
    assert exercise.explanation not in _synced_state(view.widget)
    assert saved == [(exercise.id, {"selected": [wrong], "attempts": 1, "correct": False})]
    view.show_why()
    assert exercise.explanation.split(".")[0] in view.why.value
    view.try_again()
    assert view.choices.value == [] and not view.choices.disabled


def test_feedback_is_escaped() -> None:
    exercise = _knowledge_check()
    view = KnowledgeCheckView(exercise, lambda *_: None, _context())
    view.choices.value = [0]
    view.check()
    assert "<script" not in view.feedback.html


def test_a_reflection_restores_text_and_sharing_choice() -> None:
    exercise = load_course(ROOT).exercises["speak-freely"]
    view = ReflectionView(exercise, lambda *_: None, _context())
    view.restore({"text": "<b>mine</b>", "shared": True, "skipped": False})
    assert view.text.value == "<b>mine</b>"
    assert view.share.value is True
    assert "11 of 600" in view.count.value


def test_answers_given_before_the_browser_says_who_it_is_are_kept(tmp_path: Path) -> None:
    store = Store(tmp_path)
    session = LearnerSession(store)
    assert session.save("speak-freely", {"text": "early"}) is None
    assert store.load_answers(LEARNER) == {}
    assert session.identify(TOKEN)
    assert store.load_answers(LEARNER) == {"speak-freely": {"text": "early"}}


def test_a_returning_learner_gets_their_answers_back(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save_answer(LEARNER, "speak-freely", {"text": "from before", "shared": False})
    session = LearnerSession(store)
    view = ReflectionView(load_course(ROOT).exercises["speak-freely"], session.save, _context())
    session.register("speak-freely", view)
    session.identify(TOKEN)
    assert view.text.value == "from before"


def test_a_hostile_learner_id_is_ignored(tmp_path: Path) -> None:
    session = LearnerSession(Store(tmp_path))
    assert not session.identify("'; DROP TABLE answers; --")
    assert session.learner_id is None


def test_a_huge_answer_gets_a_kind_message(tmp_path: Path) -> None:
    session = LearnerSession(Store(tmp_path))
    session.identify(TOKEN)
    assert session.save("speak-freely", {"text": "x" * 100_000}) == TOO_LARGE
