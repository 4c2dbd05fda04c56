"""The payment planner without a browser: running total, saving each change, restoring."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
import yaml
from pydantic import TypeAdapter

from coproduce.content.course import CourseContent
from coproduce.content.formats import day
from coproduce.content.interface import InterfaceText
from coproduce.content.model import Course, Exercise, PaymentPlanner
from coproduce.content.payment_rates import PaymentRates
from coproduce.content.yaml_lines import load_yaml
from coproduce.kinds.common.frame import ExerciseContext
from coproduce.kinds.payment_planner.checks import MAX_PEOPLE
from coproduce.kinds.payment_planner.view import PaymentPlannerView

INTERFACE = InterfaceText.model_validate(
    load_yaml(Path(__file__).resolve().parents[2] / "course" / "interface.yml")
)
ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "course"
FIXTURE = ROOT / "tests" / "fixtures" / "kinds" / "try-payment.yml"
Saved = list[tuple[str, dict[str, Any]]]


def _course_data() -> CourseContent:
    """Only the course-wide file this kind draws on, so an exercise another author is still
    editing cannot break these tests."""
    course = Course.model_validate(load_yaml(COURSE / "course.yml"))
    return CourseContent(
        ROOT,
        course,
        INTERFACE,
        payment_rates=PaymentRates.model_validate(load_yaml(COURSE / "payment-rates.yml")),
    )


def _exercise() -> PaymentPlanner:
    exercise = TypeAdapter(Exercise).validate_python(yaml.safe_load(FIXTURE.read_text()))
    assert isinstance(exercise, PaymentPlanner)
    return exercise


def _synced_state(root: widgets.Widget) -> str:
    seen: list[dict[str, Any]] = []

    def walk(widget: widgets.Widget) -> None:
        seen.append(widget.get_state())
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(root)
    return json.dumps(seen, default=str)


def _view(saved: Saved | None = None) -> PaymentPlannerView:
    store = saved if saved is not None else []
    context = ExerciseContext(_course_data())
    return PaymentPlannerView(_exercise(), lambda eid, answer: store.append((eid, answer)), context)


def test_it_starts_with_one_row_the_reminder_and_the_source() -> None:
    view = _view()
    exercise = _exercise()
    state = _synced_state(view.widget)
    assert len(view.rows) == 1
    assert exercise.reminder[:40] in state
    assert "version 1.6" in state and "course/payment-rates.yml" in state
    assert "examples for practice" in state
    rates = _course_data().payment_rates
    assert rates is not None
    assert f"These rates were last checked on {day(rates.checked, 'en')}." in state
    # Each source with its web address and the day it was read; an example rate says so.
    for source in rates.sources:
        assert source.title in state and source.url in state
        assert f"Read on {day(source.read_on, 'en')}." in state
    assert "https://www.nihr.ac.uk/payment-guidance-researchers-and-professionals" in state
    assert "(example, not checked)" in state
    assert "Total: \\u00a313.80" in state or "Total: \u00a313.80" in view.total.html


def test_every_control_has_a_label() -> None:
    view = _view()
    controls = [view.rows[0].activity, view.rows[0].people, view.rows[0].units]
    controls += list(view.expenses.values())
    for control in controls:
        assert control.description.strip()
    assert view.rows[0].units.description == "Tasks each (activity 1)"
    assert view.recognition.legend


def test_rows_add_up_and_each_change_is_saved() -> None:
    saved: Saved = []
    view = _view(saved)
    row = view.rows[0]
    row.activity.value = "hourly"
    row.people.value = 3
    row.units.value = 2
    assert row.units.description == "Hours each (activity 1)"
    assert "3 people, 2 hours each, at \u00a327.50 an hour: \u00a3165.00" in row.cost.value
    assert "Total: \u00a3165.00" in view.total.html
    assert saved[-1] == (
        "try-payment",
        {"rows": [{"rate": "hourly", "people": 3, "units": 2}], "expenses": {}, "recognition": []},
    )
    assert len(saved) == 3


def test_expenses_count_and_bad_amounts_are_refused_kindly() -> None:
    saved: Saved = []
    view = _view(saved)
    view.expenses["Travel"].value = "\u00a345.50"
    assert "Expenses: \u00a345.50" in view.total.html
    assert saved[-1][1]["expenses"] == {"Travel": "45.50"}
    view.expenses["Food and drinks"].value = "-10"
    assert "Food and drinks: An amount cannot be less than zero." in view.expense_notes.value
    assert "Food and drinks: An amount cannot be less than zero." in view.status.html, "announced"
    assert "Expenses: \u00a345.50" in view.total.html
    assert saved[-1][1]["expenses"] == {"Travel": "45.50"}
    view.expenses["Food and drinks"].value = "<script>alert(1)</script>"
    assert "Please type a number" in view.expense_notes.value
    assert "<script>" not in _synced_state(view.widget).replace(
        json.dumps(view.expenses["Food and drinks"].value)[1:-1], ""
    )
    view.expenses["Food and drinks"].value = "20"
    assert view.expense_notes.value == ""
    assert "Total: \u00a379.30" in view.total.html  # 13.80 + 45.50 + 20


def test_recognition_choices_are_saved_by_their_words() -> None:
    saved: Saved = []
    view = _view(saved)
    view.recognition.value = [0, 3]
    options = _exercise().recognition_options
    assert saved[-1][1]["recognition"] == [options[0], options[3]]


def test_rows_can_be_added_up_to_the_limit_and_removed_down_to_one() -> None:
    saved: Saved = []
    view = _view(saved)
    exercise = _exercise()
    for _ in range(exercise.max_rows + 2):
        view.add_row()
    assert len(view.rows) == exercise.max_rows
    assert f"room for {exercise.max_rows} rows" in view.status.html
    assert len(saved[-1][1]["rows"]) == exercise.max_rows
    assert view.rows[-1].activity.description == f"Activity {exercise.max_rows}"
    for _ in range(exercise.max_rows + 2):
        view.remove_row()
    assert len(view.rows) == 1 and len(view.rows_box.children) == 1
    assert "The plan needs one row" in view.status.html
    assert len(saved[-1][1]["rows"]) == 1


def test_a_count_at_its_limit_gets_a_note() -> None:
    view = _view()
    view.rows[0].people.value = 10**6  # the widget itself keeps it within bounds
    assert view.rows[0].people.value == MAX_PEOPLE
    assert f"{MAX_PEOPLE} people is the most one row can hold" in view.status.html


def test_a_save_problem_is_shown_kindly() -> None:
    context = ExerciseContext(_course_data())
    view = PaymentPlannerView(_exercise(), lambda *_: "We could not save just now.", context)
    view.add_row()
    assert "We could not save just now." in view.status.html


def test_restore_brings_back_the_whole_plan_without_saving() -> None:
    saved: Saved = []
    view = _view(saved)
    options = _exercise().recognition_options
    answer = {
        "rows": [
            {"rate": "full-day", "people": 4, "units": 2},
            {"rate": "hourly", "people": 6, "units": 10},
        ],
        "expenses": {"Travel": "120.00", "Interpreters or signers": "300"},
        "recognition": [options[1]],
    }
    view.restore(answer)
    assert saved == []
    assert [controls.row.rate_id for controls in view.rows] == ["full-day", "hourly"]
    assert view.expenses["Travel"].value == "120.00"
    assert view.expenses["Interpreters or signers"].value == "300.00"
    assert view.recognition.value == [1]
    assert "Total: \u00a33,390.00" in view.total.html  # 4*2*165 + 6*10*27.50 + 420
    assert view.answer() == {
        "rows": answer["rows"],
        "expenses": {"Travel": "120.00", "Interpreters or signers": "300.00"},
        "recognition": [options[1]],
    }
    view.restore({"rows": [{"rate": "hourly", "people": 1, "units": 1}]})
    assert len(view.rows) == 1 and view.expenses["Travel"].value == ""


@pytest.mark.parametrize(
    "answer",
    [
        {},
        {"rows": "lots", "expenses": [1, 2], "recognition": {"a": 1}},
        {"rows": [None, 3, {"rate": {"x": 1}}], "expenses": {"Travel": -5}},
        {"rows": [{"rate": "hourly", "people": "9", "units": None}] * 1000},
        {"expenses": {"Travel": "x" * 100_000, "<script>": "5"}},
        {"recognition": ["<script>alert(1)</script>", 7, None]},
        "not a dict",
        None,
    ],
)
def test_restore_tolerates_malformed_answers(answer: Any) -> None:
    view = _view()
    view.restore(answer)
    assert 1 <= len(view.rows) <= _exercise().max_rows
    assert all(controls.row.people <= MAX_PEOPLE for controls in view.rows)
    assert "<script>" not in _synced_state(view.widget)
    assert "Total:" in view.total.html


def test_without_payment_rates_it_says_so_kindly() -> None:
    course = _course_data()
    view = PaymentPlannerView(
        _exercise(), lambda *_: None, ExerciseContext(replace(course, payment_rates=None))
    )
    assert "payment rates are missing" in view.status.html
    view.restore({"rows": []})
