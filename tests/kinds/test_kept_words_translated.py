"""Roles, expense types and recognition options read in the learner's language, while every
answer stays keyed by the source's words: a Welsh learner's airtime seconds, expenses and
recognition land in the same room results as an English learner's."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from coproduce.content.errors import ContentProblem
from coproduce.content.model import AirtimeTracker, Exercise, PaymentPlanner
from coproduce.content.translations import read_translation
from coproduce.kinds.airtime_tracker.view import AirtimeTrackerView
from coproduce.kinds.common.frame import ExerciseContext
from coproduce.kinds.payment_planner.view import PaymentPlannerView
from coproduce.live.sessions import SharedAnswer
from coproduce.reports.live_results import airtime_html

from .course_words import context
from .test_payment_planner_widget import _course_data

FIXTURES = Path(__file__).parents[1] / "fixtures" / "kinds"
WELSH_ROLES = ["Ymchwilydd", "Ymarferydd", "Cyfrannwr cyhoeddus"]
Saved = list[tuple[str, dict[str, Any]]]


def _welsh(tmp_path: Path, name: str, translation: dict[str, Any]) -> Any:
    source = tmp_path / f"{name}.yml"
    shutil.copy(FIXTURES / f"{name}.yml", source)
    (tmp_path / f"{name}.cy.yml").write_text(
        yaml.safe_dump(translation, allow_unicode=True), encoding="utf-8"
    )
    problems: list[ContentProblem] = []
    exercise = read_translation(source, "cy", TypeAdapter(Exercise).validate_python, problems)
    assert problems == []
    return exercise


def test_a_welsh_airtime_tracker_shows_welsh_roles_and_keeps_the_english_ones(
    tmp_path: Path,
) -> None:
    exercise = _welsh(tmp_path, "try-airtime", {"roles": WELSH_ROLES})
    assert isinstance(exercise, AirtimeTracker)
    assert exercise.roles == ["Researcher", "Practitioner", "Public contributor"]
    saved: Saved = []
    view = AirtimeTrackerView(exercise, lambda eid, answer: saved.append((eid, answer)), context())
    now = [1000.0]
    view.clock = lambda: now[0]
    assert view.buttons.labels[:3] == [f"{role} is speaking" for role in WELSH_ROLES]
    view.buttons.value = 2  # Cyfrannwr cyhoeddus
    now[0] += 30
    view.buttons.value = 3  # pause
    assert saved[-1][1]["seconds"] == {
        "Researcher": 0,
        "Practitioner": 0,
        "Public contributor": 30,
    }
    chart = view.chart.value
    assert "Cyfrannwr cyhoeddus" in chart and "Public contributor" not in chart
    # Restored from an answer an English page saved: the same role, in Welsh words.
    view.restore({"seconds": {"Researcher": 12.0}})
    assert "Ymchwilydd" in view.chart.value and "Researcher" not in view.chart.value


def test_the_room_chart_names_roles_in_its_own_language_from_answers_in_any(
    tmp_path: Path,
) -> None:
    welsh = _welsh(tmp_path, "try-airtime", {"roles": WELSH_ROLES})
    english = AirtimeTracker.model_validate(
        yaml.safe_load((FIXTURES / "try-airtime.yml").read_text())
    )
    answers = [
        SharedAnswer(f"learner-{n}", {"seconds": {"Public contributor": 20}}, hidden=False)
        for n in range(2)
    ]
    content = context().content
    assert "Cyfrannwr cyhoeddus" in airtime_html(content, welsh, answers)
    assert "Public contributor" in airtime_html(content, english, answers)


def test_a_welsh_payment_plan_shows_welsh_words_and_saves_the_english_ones(
    tmp_path: Path,
) -> None:
    exercise = _welsh(
        tmp_path,
        "try-payment",
        {
            "expense_types": ["Teithio", "Costau gofal plant neu ofalwr"],
            "recognition_options": ["Tystysgrif am yr hyfforddiant"],
        },
    )
    assert isinstance(exercise, PaymentPlanner)
    saved: Saved = []
    view = PaymentPlannerView(
        exercise, lambda eid, answer: saved.append((eid, answer)), ExerciseContext(_course_data())
    )
    assert "Teithio" in view.expenses["Travel"].description
    assert "Food and drinks" in view.expenses["Food and drinks"].description  # not translated
    assert view.recognition.options[0] == "Tystysgrif am yr hyfforddiant"
    assert view.recognition.options[1] == exercise.recognition_options[1]
    view.expenses["Travel"].value = "12"
    view.expenses["Childcare or carer costs"].value = "-1"
    assert "Costau gofal plant neu ofalwr" in view.expense_notes.value
    view.recognition.value = [0]
    answer = saved[-1][1]
    assert answer["expenses"] == {"Travel": "12.00"}
    assert answer["recognition"] == ["A certificate for the training they take part in"]


def test_the_course_roles_name_who_came_in_the_readers_language(tmp_path: Path) -> None:
    content = _course_data()
    assert content.role_name("Not given") == content.interface.results.no_role
    assert content.role_name("Researcher") == "Researcher"
    course = content.course.model_copy()
    course._shown = {"roles": {"Researcher": "Ymchwilydd"}}
    assert replace(content, course=course).role_name("Researcher") == "Ymchwilydd"
