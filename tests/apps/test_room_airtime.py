"""The room's speaking time: kept by the trainer app, through a restart, into the report and CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import ipywidgets as widgets
import pytest

from coproduce.apps.room_airtime import room_airtime_view
from coproduce.content.errors import ContentError
from coproduce.content.loader import load_course
from coproduce.kinds.airtime_tracker.view import AirtimeTrackerView
from coproduce.kinds.common.frame import ExerciseContext
from coproduce.live.sessions import SessionStore
from coproduce.live.store import ROOM_TRACKER, Store
from coproduce.reports.results_csv import results_csv_text
from coproduce.reports.session_report import report_html

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
ROOM = CONTENT.course.room_airtime or ""
WORDS = CONTENT.interface.room_airtime


def _tracker(view: widgets.Widget) -> widgets.Widget:
    frame = view.children[1]
    assert "cp-airtime-tracker" in frame._dom_classes
    return frame


def test_the_course_keeps_the_rooms_speaking_time_trainers_included() -> None:
    exercise = CONTENT.exercises[ROOM]
    assert exercise.kind == "airtime_tracker" and {"Trainer", "Co-trainer"} <= set(exercise.roles)


def test_the_times_are_kept_restored_and_reported_without_waiting_for_k(tmp_path: Path) -> None:
    store = Store(tmp_path)
    code = SessionStore(store).create_session()
    view = room_airtime_view(CONTENT, store, code)
    assert view is not None
    _tracker(view)
    # Pressed as the tracker's own kernel code does, with a clock we control.
    exercise = CONTENT.exercises[ROOM]
    tracker = AirtimeTrackerView(
        exercise,
        lambda eid, answer: store.save_answer(ROOM_TRACKER, eid, answer, session=code),
        ExerciseContext(CONTENT),
    )
    moments = iter([0.0, 90.0, 90.0, 120.0, 120.0, 120.0])
    tracker.clock = lambda: next(moments)
    tracker.set_speaker("Trainer")
    tracker.set_speaker("Public contributor")
    tracker.set_speaker(None)
    kept = store.load_answers(ROOM_TRACKER, session=code)[ROOM]["seconds"]
    assert kept["Trainer"] == 90.0 and kept["Public contributor"] == 30.0
    # A restarted trainer app shows the times kept.
    again = room_airtime_view(CONTENT, store, code)
    assert again is not None and "Trainer" in _tracker(again).children[-1].value
    report = report_html(CONTENT, SessionStore(store), code)
    assert WORDS.report_heading in report
    # One room, one measure: shown although K is 3 (it is no learner's answer).
    assert report.index(WORDS.report_heading) < report.index("did you feel heard")
    rows = list(csv.DictReader(io.StringIO(results_csv_text(CONTENT, SessionStore(store), code))))
    room = {row["item"]: row["value"] for row in rows if row["exercise"] == ROOM}
    assert room["Trainer"] == "90" and room["Public contributor"] == "30"


def test_no_room_tracker_means_no_part_and_no_report_section(tmp_path: Path) -> None:
    content = replace(CONTENT, course=CONTENT.course.model_copy(update={"room_airtime": None}))
    store = Store(tmp_path)
    code = SessionStore(store).create_session()
    assert room_airtime_view(content, store, code) is None
    assert WORDS.report_heading not in report_html(content, SessionStore(store), code)


def test_a_room_tracker_that_is_no_airtime_tracker_is_named(course_dir: Path) -> None:
    path = course_dir / "course" / "course.yml"
    path.write_text(
        path.read_text().replace("room_airtime: room-airtime", "room_airtime: ground-rules")
    )
    with pytest.raises(ContentError) as caught:
        load_course(course_dir)
    assert "room_airtime: 'ground-rules' is not an airtime tracker" in str(caught.value)
    assert "room-airtime" in str(caught.value)
