"""The trainer app, small things seen in a real room: no empty Timers heading, no Break (break)."""

from __future__ import annotations

from pathlib import Path

import yaml

from coproduce.apps.trainer_app import TrainerApp
from coproduce.content.loader import load_course
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _trainer(course: Path, data: Path) -> TrainerApp:
    store = Store(data)
    code = SessionStore(store).create_session()
    return TrainerApp(load_course(course), store, code, "http://localhost:8866/")


def test_the_timers_heading_has_something_under_it_before_the_room_starts(
    tmp_path: Path,
) -> None:
    app = _trainer(ROOT, tmp_path)
    assert app.current() is None
    texts = [child.value for child in app.timers.children if hasattr(child, "value")]
    assert texts and all(text.strip() for text in texts)


def test_a_break_called_break_is_not_labelled_break_twice(course_dir: Path, tmp_path: Path) -> None:
    app = _trainer(ROOT, tmp_path)
    sheet = app.run_sheet.value
    assert "Break (break)" not in sheet
    assert ">Break<" in sheet or "Break</td>" in sheet
    # A break with a name of its own still says that it is a break.
    course_file = course_dir / "course" / "course.yml"
    data = yaml.safe_load(course_file.read_text())
    for slot in data["agenda"]:
        if "break" in slot:
            slot["break"] = "Lunch"
    course_file.write_text(yaml.safe_dump(data, sort_keys=False))
    lunch = _trainer(course_dir, tmp_path / "other")
    assert "Lunch (break)" in lunch.run_sheet.value
