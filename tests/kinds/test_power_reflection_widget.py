"""The power reflection view without a browser: what it syncs, saves and restores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
import yaml

from coproduce.content.model import PowerReflection
from coproduce.kinds.common.choice_group import ChoiceGroup
from coproduce.kinds.power_reflection.view import PowerReflectionView

from .course_words import context

FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "try-power.yml"


def _synced_state(root: widgets.Widget) -> str:
    seen: list[dict[str, Any]] = []

    def walk(widget: widgets.Widget) -> None:
        seen.append(widget.get_state())
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(root)
    return json.dumps(seen, default=str, ensure_ascii=False)


def _exercise(**changes: Any) -> PowerReflection:
    data = yaml.safe_load(FIXTURE.read_text())
    data.update(changes)
    return PowerReflection.model_validate(data)


def _view() -> tuple[PowerReflectionView, list[tuple[str, dict[str, Any]]]]:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = PowerReflectionView(
        _exercise(), lambda eid, answer: saved.append((eid, answer)), context()
    )
    return view, saved


def test_one_labelled_group_per_statement_with_the_scale_as_options() -> None:
    view, _ = _view()
    exercise = view.exercise
    groups = [w for w in view.widget.children[2].children if isinstance(w, ChoiceGroup)]
    assert len(groups) == len(exercise.statements)
    for group, statement in zip(groups, exercise.statements, strict=True):
        assert group.legend == statement.text
        assert group.options == exercise.scale
        assert group.multiple is False


def _all_widgets(root: widgets.Widget) -> list[widgets.Widget]:
    found = [root]
    for child in getattr(root, "children", ()):
        found += _all_widgets(child)
    return found


def test_it_says_it_is_private_and_offers_no_sharing() -> None:
    view, _ = _view()
    assert "Only you can see this." in _synced_state(view.widget)
    for widget in _all_widgets(view.widget):
        assert not isinstance(widget, widgets.Checkbox | widgets.Button)
        assert "share" not in str(getattr(widget, "description", "")).lower()


def test_no_prompt_or_profile_is_synced_before_any_rating() -> None:
    view, _ = _view()
    state = _synced_state(view.widget)
    for prompt in view.exercise.prompts:
        assert prompt.text not in state
    assert "<svg" not in state and view.chart.value == ""


def test_each_rating_saves_and_shows_the_profile_and_matching_prompts() -> None:
    view, saved = _view()
    exercise = view.exercise
    view.groups[0].value = [3]  # Job and position: Very like me
    assert saved == [(exercise.id, {"ratings": {"0": 3}})]
    view.groups[3].value = [0]  # Lived experience: Not like me
    assert saved[-1] == (exercise.id, {"ratings": {"0": 3, "3": 0}})
    assert "Job and position" in view.chart.value and "Lived experience" in view.chart.value
    assert 'role="img"' in view.chart.value and "<table" in view.chart.value
    assert "4 of 4" in view.chart.value and "1 of 4" in view.chart.value
    high = next(p for p in exercise.prompts if p.source == "Job and position" and p.when == "high")
    low = next(p for p in exercise.prompts if p.source == "Lived experience" and p.when == "low")
    unearned = [p for p in exercise.prompts if p not in (high, low)]
    prompts = view.prompts.value.replace("&#x27;", "'")
    assert high.text in prompts and low.text in prompts
    state = _synced_state(view.widget).replace("&#x27;", "'")
    for prompt in unearned:
        assert prompt.text not in state
    assert "You have rated 2 of 7 sentences." in view.status.html


def test_a_save_problem_is_shown_kindly() -> None:
    view = PowerReflectionView(_exercise(), lambda *_: "We could not save just now.", context())
    view.groups[1].value = [2]
    assert "We could not save just now." in view.status.html


def test_restore_sets_the_ratings_and_the_profile_without_saving_again() -> None:
    view, saved = _view()
    view.restore({"ratings": {"0": 2, "6": 0, "2": 1}})
    assert [group.value for group in view.groups] == [[2], [], [1], [], [], [], [0]]
    assert saved == []
    assert "Confidence" in view.chart.value
    assert "3 of 7" in view.status.html


@pytest.mark.parametrize(
    "answer",
    [
        {},
        {"ratings": None},
        {"ratings": "0=3"},
        {"ratings": [3, 2, 1]},
        {"ratings": {"0": "<script>alert(1)</script>"}},
        {"ratings": {"<script>": 1, "0" * 100_000: 2, "99": 1, "-1": 0}},
        {"ratings": {"0": 1e309, "1": True, "2": None, "3": 17}},
        {"ratings": {"0": 1}, "extra": "x" * 1_000_000},
        {"ratings": {"\u202e0": 1, "٣": 2}},
    ],
)
def test_restore_tolerates_malformed_answers(answer: dict[str, Any]) -> None:
    view, saved = _view()
    view.groups[4].value = [1]
    view.restore(answer)
    assert saved[1:] == []
    kept = answer.get("ratings") == {"0": 1}
    assert view.groups[0].value == ([1] if kept else [])
    assert view.groups[4].value == []
    assert "<script" not in _synced_state(view.widget)


def test_restore_tolerates_something_that_is_not_a_dict() -> None:
    view, _ = _view()
    view.restore(["not", "a", "dict"])  # type: ignore[arg-type]
    assert all(group.value == [] for group in view.groups)


def test_hostile_content_is_escaped_in_the_chart_and_prompts() -> None:
    hostile = "<script>alert(1)</script> שלום 🙂"
    exercise = _exercise(
        statements=[
            {"source": hostile, "text": "One sentence."},
            {"source": "Plain", "text": "Two sentence."},
        ],
        prompts=[{"source": hostile, "when": "high", "text": hostile}],
    )
    view = PowerReflectionView(exercise, lambda *_: None, context())
    view.groups[0].value = [3]
    assert "<script" not in view.chart.value and "<script" not in view.prompts.value
    assert "&lt;script&gt;" in view.prompts.value and "שלום 🙂" in view.chart.value
