"""The jargon buster without a browser: live figures, what it syncs, saving and restoring."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
import yaml
from pydantic import TypeAdapter

from coproduce.content.course import CourseContent
from coproduce.content.interface import InterfaceText
from coproduce.content.model import Course, Exercise, Glossary, JargonBuster
from coproduce.content.yaml_lines import load_yaml
from coproduce.kinds.common.frame import ExerciseContext
from coproduce.kinds.jargon_buster import view as jargon_buster
from coproduce.kinds.jargon_buster.view import JargonBusterView

INTERFACE = InterfaceText.model_validate(
    load_yaml(Path(__file__).resolve().parents[2] / "course" / "interface.yml")
)
ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "course"
FIXTURE = ROOT / "tests" / "fixtures" / "kinds" / "try-jargon.yml"
PLAIN = "We will ask people who use the service what they think. We will tell them what we find."


def _course_data() -> CourseContent:
    """Only the course-wide file this kind draws on, so an exercise another author is still
    editing cannot break these tests."""
    course = Course.model_validate(load_yaml(COURSE / "course.yml"))
    return CourseContent(
        ROOT,
        course,
        INTERFACE,
        glossary=Glossary.model_validate(load_yaml(COURSE / "glossary.yml")),
    )


def _exercise() -> JargonBuster:
    exercise = TypeAdapter(Exercise).validate_python(yaml.safe_load(FIXTURE.read_text()))
    assert isinstance(exercise, JargonBuster)
    return exercise


def _synced_state(root: widgets.Widget) -> str:
    seen: list[dict[str, Any]] = []

    def walk(widget: widgets.Widget) -> None:
        seen.append(widget.get_state())
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(root)
    return json.dumps(seen, default=str)


def _view(saved: list[tuple[str, dict[str, Any]]] | None = None) -> JargonBusterView:
    store = saved if saved is not None else []
    context = ExerciseContext(_course_data())
    return JargonBusterView(_exercise(), lambda eid, answer: store.append((eid, answer)), context)


def test_it_starts_with_the_passage_and_its_figures() -> None:
    view = _view()
    exercise = _exercise()
    assert view.text.value == exercise.passage
    assert "How your version compares" in view.figures.value
    assert "Aim for 60 or more. You are at 0: shorter sentences will help." in view.advice.value
    assert "steering group" in view.advice.value and "the group that guides the project" in (
        view.advice.value
    )


def test_only_glossary_words_in_the_text_reach_the_browser() -> None:
    view = _view()
    glossary = _course_data().glossary
    assert glossary is not None
    state = _synced_state(view.widget)
    absent = [t for t in glossary.terms if t.term in ("peer buddy", "honorarium", "jargon")]
    assert absent
    for term in absent:
        assert term.explanation[:40] not in state, f"{term.term} was sent without being used"


def test_figures_follow_the_text_as_it_is_typed() -> None:
    view = _view()
    view.text.value = PLAIN
    assert "That meets the aim of 60 or more" in view.advice.value
    assert "No words from the course glossary are left" in view.advice.value
    assert "<td>0</td>" in view.figures.value  # no glossary words left in "Yours"
    view.text.value = ""
    assert "Write your plain version" in view.advice.value
    assert "<td>-</td>" in view.figures.value


def test_it_saves_the_text_after_a_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jargon_buster, "SAVE_AFTER_QUIET_SECONDS", 0.05)
    saved: list[tuple[str, dict[str, Any]]] = []
    view = _view(saved)
    view.text.value = "We will"
    view.text.value = PLAIN
    deadline = time.monotonic() + 5
    while not saved and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.2)
    assert saved == [("try-jargon", {"text": PLAIN})]
    assert "Saved." in view.status.html


def test_save_now_caps_the_text_and_says_so() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = _view(saved)
    view.text.value = "word " * 1000
    view.save_now()
    assert saved[-1] == ("try-jargon", {"text": ("word " * 1000)[:2000]})
    assert "Saved the first 2000 characters." in view.status.html


def test_a_save_problem_is_shown_kindly() -> None:
    context = ExerciseContext(_course_data())
    view = JargonBusterView(_exercise(), lambda *_: "Please make it shorter.", context)
    view.save_now()
    assert "Please make it shorter." in view.status.html


def test_learner_markup_is_escaped() -> None:
    view = _view()
    view.text.value = "<script>alert(1)</script> stakeholders <b>and</b> " + "more words " * 20
    assert "<script>" not in view.advice.value and "<b>and</b>" not in view.advice.value
    assert "&lt;b&gt;and&lt;/b&gt;" in view.advice.value  # the longest sentence, quoted
    assert "<script>" not in view.figures.value


def test_restore_brings_back_the_text_and_its_figures() -> None:
    view = _view()
    view.restore({"text": PLAIN})
    assert view.text.value == PLAIN
    assert "That meets the aim" in view.advice.value


@pytest.mark.parametrize(
    "answer",
    [
        {},
        {"text": None},
        {"text": 42},
        {"text": ["a"]},
        {"text": {"nested": "x"}},
        {"other": "key"},
        "not a dict",
        None,
    ],
)
def test_restore_ignores_malformed_answers(answer: Any) -> None:
    view = _view()
    view.restore(answer)
    assert view.text.value == _exercise().passage


def test_restore_cleans_and_caps_hostile_text() -> None:
    view = _view()
    view.restore({"text": "\x00\x07\u05e9\u05dc\u05d5\u05dd \U0001f642 <script>" + "x" * 100_000})
    assert view.text.value.startswith("\u05e9\u05dc\u05d5\u05dd \U0001f642 <script>")
    assert len(view.text.value) == 2000
    assert "<script>" not in view.advice.value


def test_restore_does_not_save_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jargon_buster, "SAVE_AFTER_QUIET_SECONDS", 0.05)
    saved: list[tuple[str, dict[str, Any]]] = []
    view = _view(saved)
    view.restore({"text": PLAIN})
    time.sleep(0.3)
    assert saved == []


def test_without_a_glossary_it_still_works() -> None:
    course = Course.model_validate(load_yaml(COURSE / "course.yml"))
    context = ExerciseContext(CourseContent(ROOT, course, INTERFACE))
    view = JargonBusterView(_exercise(), lambda *_: None, context)
    assert "No words from the course glossary are left" in view.advice.value
