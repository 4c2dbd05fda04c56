"""The ladder placement view without a browser: what it syncs, saves and restores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
import yaml

from coproduce.content.course import CourseContent
from coproduce.content.interface import InterfaceText
from coproduce.content.model import Course, LadderPlacement, Ladders
from coproduce.content.yaml_lines import load_yaml
from coproduce.kinds.common.frame import ExerciseContext
from coproduce.kinds.ladder_placement.view import LadderPlacementView

INTERFACE = InterfaceText.model_validate(
    load_yaml(Path(__file__).resolve().parents[2] / "course" / "interface.yml")
)
ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "course"
FIXTURE = ROOT / "tests" / "fixtures" / "kinds" / "try-ladder.yml"


def _course_data() -> CourseContent:
    """Only the course-wide file this kind draws on, so an exercise another author is still
    editing cannot break these tests."""
    course = Course.model_validate(load_yaml(COURSE / "course.yml"))
    return CourseContent(
        ROOT,
        course,
        INTERFACE,
        ladders={
            ladder.id: ladder
            for ladder in Ladders.model_validate(load_yaml(COURSE / "ladders.yml")).ladders
        },
    )


def _synced_state(root: widgets.Widget) -> str:
    """Every trait value of every widget under `root`: what a browser can read."""
    seen: list[dict[str, Any]] = []

    def walk(widget: widgets.Widget) -> None:
        seen.append(widget.get_state())
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(root)
    return json.dumps(seen, default=str)


def _exercise() -> LadderPlacement:
    return LadderPlacement.model_validate(yaml.safe_load(FIXTURE.read_text()))


def _view(saved: list[tuple[str, dict[str, Any]]] | None = None) -> LadderPlacementView:
    def save(exercise_id: str, answer: dict[str, Any]) -> None:
        if saved is not None:
            saved.append((exercise_id, answer))

    return LadderPlacementView(_exercise(), save, ExerciseContext(_course_data()))


def _secrets() -> list[str]:
    return [situation.explanation[:40] for situation in _exercise().situations] + ["We would"]


def test_no_explanation_or_verdict_is_synced_before_checking() -> None:
    view = _view()
    state = _synced_state(view.widget)
    for secret in _secrets():
        assert secret not in state
    # The rungs themselves are teaching, not secrets: the ladder is shown in full.
    assert "Citizen control" in state and "Manipulation" in state
    for situation in _exercise().situations:
        assert json.dumps(situation.text)[1:30] in state


def test_each_change_is_saved_and_the_explanations_stay_hidden() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = _view(saved)
    view.selects[0].value = "informing"
    view.selects[2].value = "partnership"
    assert saved[-1] == (
        "try-ladder",
        {"placements": ["informing", None, "partnership"], "checked": False},
    )
    view.check()
    assert "still needs a rung" in view.status.html
    state = _synced_state(view.widget)
    for secret in _secrets():
        assert secret not in state


def test_checking_shows_each_explanation_kindly_and_saves() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = _view(saved)
    placements = ["informing", "manipulation", "partnership"]
    for select, rung in zip(view.selects, placements, strict=True):
        select.value = rung
    view.check()
    assert saved[-1] == (
        "try-ladder",
        {
            "placements": ["informing", "manipulation", "partnership"],
            "checked": True,
            "matched": 2,
        },
    )
    assert "We would put it on Consultation" in view.results[0].value
    assert "We would put it there too" in view.results[1].value
    assert "You placed 2 of 3" in view.status.html
    state = _synced_state(view.widget)
    for secret in _secrets():
        assert secret in state

    view.selects[0].value = "consultation"
    assert "You changed this one" in view.results[0].value
    assert saved[-1][1]["placements"][0] == "consultation"
    view.check()
    assert "You placed every situation where we would" in view.status.html


def test_shown_text_is_escaped() -> None:
    data = yaml.safe_load(FIXTURE.read_text())
    data["situations"][0]["text"] = "<script>alert(1)</script> A & B"
    data["situations"][0]["explanation"] = "<img src=x onerror=alert(1)>"
    exercise = LadderPlacement.model_validate(data)
    view = LadderPlacementView(exercise, lambda *_: None, ExerciseContext(_course_data()))
    for select in view.selects:
        select.value = "therapy"
    view.check()
    state = _synced_state(view.widget)
    assert "<script>" not in state and "<img" not in state
    assert "&lt;script&gt;" in state


def test_restore_brings_back_placements_and_checked_results() -> None:
    view = _view()
    view.restore(
        {"placements": ["consultation", "therapy", "partnership"], "checked": True, "matched": 2}
    )
    assert [select.value for select in view.selects] == ["consultation", "therapy", "partnership"]
    assert "We would put it there too" in view.results[0].value
    assert "You placed 2 of 3" in view.status.html


def test_restore_of_an_unchecked_answer_reveals_nothing() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = _view(saved)
    view.restore({"placements": ["consultation", "therapy", "partnership"], "checked": False})
    assert [select.value for select in view.selects] == ["consultation", "therapy", "partnership"]
    assert saved == [], "restoring must not save again"
    state = _synced_state(view.widget)
    for secret in _secrets():
        assert secret not in state


@pytest.mark.parametrize(
    "answer",
    [
        {},
        {"placements": None, "checked": True},
        {"placements": "consultation", "checked": "yes"},
        {"placements": [1, 2, 3], "checked": True},
        {"placements": ["<script>", "x" * 100_000, "🙂"], "checked": True},
        {"placements": {"a": 1}},
        {"placements": ["consultation"] * 1000, "checked": 1},
        [],
        None,
    ],
)
def test_restore_tolerates_malformed_answers(answer: Any) -> None:
    view = _view()
    view.restore(answer)
    assert all(select.value in {"", "consultation"} for select in view.selects)
    state = _synced_state(view.widget)
    for secret in _secrets():
        assert secret not in state


def test_a_missing_ladder_gives_a_kind_note_instead_of_an_error() -> None:
    data = yaml.safe_load(FIXTURE.read_text())
    data["ladder"] = "no-such-ladder"
    view = LadderPlacementView(
        LadderPlacement.model_validate(data), lambda *_: None, ExerciseContext(_course_data())
    )
    assert "ladder is missing" in _synced_state(view.widget)
    view.restore({"placements": ["consultation"]})
    view.check()


def test_a_save_problem_is_shown_to_the_learner() -> None:
    view = LadderPlacementView(
        _exercise(), lambda *_: "Too long to keep.", ExerciseContext(_course_data())
    )
    view.selects[0].value = "therapy"
    assert "Too long to keep." in view.status.html


def test_the_rung_list_takes_only_known_rungs_from_the_browser() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = _view(saved)
    select = view.selects[0]
    for content in [None, "therapy", {"placed": "the-top"}, {"placed": ["therapy"]}, {"x": 1}]:
        select._placed(select, content, [])
    assert select.value == "" and saved == []
    select._placed(select, {"placed": "therapy"}, [])
    assert select.value == "therapy"
    assert saved[-1][1]["placements"][0] == "therapy"
