"""The action plan's follow-up day: the kernel's check of the day, its polite refusals, the day in
the plan file, and the calendar file (RFC 5545) that holds the learner's words safely."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from icalendar import Calendar

from coproduce.authoring.builders.paper_exercise import exercise_on_paper
from coproduce.content.course import CourseContent
from coproduce.content.interface import InterfaceText
from coproduce.content.model import ActionPlan, Course
from coproduce.content.yaml_lines import load_yaml
from coproduce.kinds.action_plan import view as action_plan
from coproduce.kinds.action_plan.checks import PlanEntry
from coproduce.kinds.action_plan.follow_up import (
    ICS_FILENAME,
    build_ics,
    check_follow_up,
    event_description,
)
from coproduce.kinds.action_plan.view import ActionPlanView
from coproduce.kinds.common.frame import ExerciseContext

from .page_script import send_from_page, set_from_page

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "kinds" / "try-action-plan.yml"
INTERFACE = InterfaceText.model_validate(load_yaml(ROOT / "course" / "interface.yml"))
WORDS = INTERFACE.follow_up
TODAY = date(2027, 3, 3)
# Everything RFC 5545 must escape or fold, and what a learner might type or paste.
HOSTILE = (
    "Ask, then listen; really\\listen.\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:hacked\r\n"
    'DESCRIPTION;X=1:"quoted" <b>bold</b> שלום 🙂 ' + "long " * 40
)


@pytest.mark.parametrize(
    ("raw", "day", "problem"),
    [
        (None, None, ""),
        ("", None, ""),
        (TODAY, TODAY, ""),
        ("2027-03-03", TODAY, ""),
        (TODAY + timedelta(days=365), TODAY + timedelta(days=365), ""),
        (TODAY - timedelta(days=1), None, "in_the_past"),
        ("1999-12-31", None, "in_the_past"),
        (date(1, 1, 1), None, "in_the_past"),
        (TODAY + timedelta(days=366), None, "too_far"),
        (date(9999, 12, 31), None, "too_far"),
        ("2027-02-30", None, "not_a_date"),
        ("03/03/2027", None, "not_a_date"),
        ("2027-03-03T10:00", None, "not_a_date"),
        (datetime(2027, 3, 3, 10), None, "not_a_date"),
        (20270303, None, "not_a_date"),
        ({"year": 2027}, None, "not_a_date"),
    ],
)
def test_the_kernel_checks_the_day(raw: Any, day: date | None, problem: str) -> None:
    check = check_follow_up(raw, TODAY, 365)
    assert (check.day, check.problem) == (day, problem)


def test_hostile_learner_text_round_trips_through_the_calendar_file() -> None:
    plan = [
        PlanEntry("What will you do differently?", HOSTILE),
        PlanEntry("Who can help you?", ""),
    ]
    description = event_description("You made this plan, on a course; today.", plan)
    assert "Who can help you?" not in description, "an empty answer is left out"
    assert "\r" not in description and "SUMMARY:hacked\nDESCRIPTION" in description
    stamp = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
    ics = build_ics(
        day=TODAY, title="Look back, at my plan; now", description=description, now=stamp, uid="x"
    )
    lines = ics.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2:] == ["END:VCALENDAR", ""]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines), "a line is not folded"
    assert "\n" not in ics.replace("\r\n", ""), "a bare line break"
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20270303" in lines and "DTEND;VALUE=DATE:20270304" in lines
    assert "Ask\\, then listen\\; really\\\\listen.\\nEND:VEVENT" in ics.replace("\r\n ", "")
    calendar = Calendar.from_ical(ics)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["DESCRIPTION"]) == description
    assert str(event["SUMMARY"]) == "Look back, at my plan; now"
    assert event.decoded("DTSTART") == TODAY
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    alarms = event.walk("VALARM")
    assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == timedelta(hours=9)


# The view, in the kernel


def _course() -> CourseContent:
    course = Course.model_validate(
        {
            "title": "Co-producing research; a course, with commas",
            "audience": "Tests",
            "outcomes": ["Pass"],
            "start_time": "09:30",
            "duration_minutes": 5,
            "agenda": [{"module": "01-try"}],
            "branding": {"name": "Tests"},
            "leads": {"trainer": "Trainer"},
        }
    )
    return CourseContent(ROOT, course, INTERFACE)


def _view(
    **changes: Any,
) -> tuple[ActionPlanView, list[tuple[str, dict[str, Any]]], list[dict[str, Any]]]:
    data = yaml.safe_load(FIXTURE.read_text())
    data.update({"include_reflections": False, **changes})  # reflections: test_action_plan_widget
    saved: list[tuple[str, dict[str, Any]]] = []
    view = ActionPlanView(
        ActionPlan.model_validate(data),
        lambda eid, answer: saved.append((eid, answer)),
        ExerciseContext(_course()),
    )
    sent: list[dict[str, Any]] = []
    assert view.follow_up is not None
    view.follow_up.download.send = (  # type: ignore[method-assign]
        lambda content, buffers=None: sent.append(content)
    )
    return view, saved, sent


def _day(view: ActionPlanView) -> Any:
    assert view.follow_up is not None
    return view.follow_up


def test_the_follow_up_day_is_a_labelled_date_box_with_words_from_the_interface() -> None:
    view, _saved, _sent = _view()
    part = _day(view)
    assert part.picker.description == "On what day will you look back at your plan?"
    today = date.today()
    assert (part.picker.min, part.picker.max) == (today, today + timedelta(days=365))
    assert part.download.label == WORDS.calendar_button
    assert part.download.filename == ICS_FILENAME and part.download.mime.startswith("text/cal")
    assert f"{today.year + 1}" in part.hint.value
    for control in (part.picker, part.hint, part.download):
        assert control in view.widget.children


@pytest.mark.parametrize(
    ("offset", "problem"),
    [(-1, "That day has passed"), (400, "That day is too far ahead")],
)
def test_a_day_outside_the_window_is_refused_politely_and_not_kept(
    offset: int, problem: str
) -> None:
    view, saved, sent = _view()
    part = _day(view)
    chosen = date.today() + timedelta(days=offset)
    from_page = {"year": chosen.year, "month": chosen.month - 1, "date": chosen.day}
    set_from_page(part.picker, value=from_page)
    assert part.picker.value == chosen, "the learner's choice is left as they made it"
    view.save_now()
    assert saved[-1][1]["follow_up"] == ""
    assert problem in part.status.html
    assert problem.split()[0] in WORDS.in_the_past + WORDS.too_far
    send_from_page(part.download, {"action": "download"})
    assert sent == [] and problem in part.download_status.html
    label = part.follow_up.label
    assert f'<h3 dir="auto">{label}</h3><p class="empty">Not written yet.</p>' in view.plan_html()


def test_no_day_yet_asks_for_one_before_the_calendar_file() -> None:
    view, _saved, sent = _view()
    part = _day(view)
    send_from_page(part.download, {"action": "download"})
    assert sent == []
    assert WORDS.choose_first in part.download_status.html


def test_a_good_day_is_kept_put_in_the_plan_and_sent_as_a_calendar_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(action_plan, "SAVE_AFTER_QUIET_SECONDS", 0.05)
    view, saved, sent = _view()
    part = _day(view)
    chosen = date.today() + timedelta(days=30)
    view.inputs["change"].value = HOSTILE
    part.picker.value = chosen
    assert view._timer is not None, "choosing a day saves, a moment later"
    view._timer.join(2)
    assert saved[-1][1]["follow_up"] == chosen.isoformat()
    assert part.status.html == ""
    page = view.plan_html()
    assert "On what day will you look back at your plan?" in page
    assert f"{chosen.day} " in page and str(chosen.year) in page
    send_from_page(part.download, {"action": "download"})
    assert len(sent) == 1 and sent[0]["kind"] == "plan-file"
    ics = sent[0]["text"]
    event = Calendar.from_ical(ics).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == chosen
    assert str(event["SUMMARY"]) == WORDS.event_title
    description = str(event["DESCRIPTION"])
    assert description.startswith(WORDS.event_intro.format(course=_course().course.title))
    assert HOSTILE.replace("\r\n", "\n").rstrip() in description
    assert ICS_FILENAME in part.download_status.html


def test_restore_puts_the_day_back_and_drops_one_that_is_no_date() -> None:
    view, saved, _sent = _view()
    part = _day(view)
    chosen = date.today() + timedelta(days=10)
    view.restore({"answers": {"change": "Ask first"}, "follow_up": chosen.isoformat()})
    assert part.picker.value == chosen and saved == []
    for raw in ["2027-02-30", 5, ["x"], {"year": 2027}]:
        view.restore({"answers": {}, "follow_up": raw})
        assert part.picker.value is None
    view.restore({"answers": {}})
    assert part.picker.value is None


def test_a_page_cannot_rename_the_calendar_file_or_change_its_type() -> None:
    view, _saved, _sent = _view()
    part = _day(view)
    set_from_page(part.download, filename="plan.exe", mime="text/html", label="")
    assert part.download.filename == ICS_FILENAME
    assert part.download.mime.startswith("text/calendar") and part.download.label


def test_without_a_follow_up_the_plan_is_as_before() -> None:
    data = yaml.safe_load(FIXTURE.read_text())
    data.pop("follow_up")
    saved: list[tuple[str, dict[str, Any]]] = []
    view = ActionPlanView(
        ActionPlan.model_validate(data),
        lambda eid, answer: saved.append((eid, answer)),
        ExerciseContext(_course()),
    )
    assert view.follow_up is None
    view.save_now()
    assert set(saved[-1][1]) == {"answers"}


def test_the_follow_up_day_has_a_line_in_the_paper_workbook() -> None:
    exercise = ActionPlan.model_validate(yaml.safe_load(FIXTURE.read_text()))
    paper = exercise_on_paper(exercise, _course())
    assert paper.count("write-line") == 3 * len(exercise.questions) + 1
    assert "On what day will you look back at your plan?" in paper
