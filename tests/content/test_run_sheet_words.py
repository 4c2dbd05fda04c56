"""The run-sheet's words are the catalogue's (`run_sheet:`), in the course's language, with
clock times through Babel: the trainer app's run-sheet and the facilitator pack's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from coproduce.authoring.builders.facilitator_pack import run_sheet
from coproduce.content.loader import load_course
from coproduce.live.sessions import Move
from coproduce.reports.run_sheet import build_run_sheet, run_sheet_html


def _in(course: Path, language: str) -> Path:
    path = course / "course" / "course.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    path.write_text(text.replace("\nlanguage: en\n", f"\nlanguage: {language}\n"), "utf-8")
    return course


def _trainer_sheet(course: Path, over: int) -> str:
    content = load_course(course)
    start = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
    minutes = {entry.slug: entry.minutes for entry in build_run_sheet(content, [], start).rows}
    now = start + timedelta(minutes=minutes["01-welcome"] + over, seconds=30)
    return run_sheet_html(build_run_sheet(content, [Move("01-welcome", start)], now))


def test_a_welsh_course_has_a_welsh_run_sheet(course_dir: Path) -> None:
    content = load_course(_in(course_dir, "cy"))
    pack = run_sheet(content)
    assert "<h2>Taflen redeg</h2>" in pack and "Yn ôl y cynllun" in pack
    assert "Yn yr ystafell: yn dechrau am 09:30, 200 munud i gyd." in pack
    assert "(Egwyl)" in pack and "Run-sheet" not in pack
    trainer = _trainer_sheet(course_dir, 5)
    assert "Mewn gwirionedd" in trainer and "(nawr)" in trainer
    assert "mae&#x27;r rhan hon 5 munud dros ei chynllun" in trainer


def test_an_urdu_course_writes_its_clock_times_as_babel_does(course_dir: Path) -> None:
    pack = run_sheet(load_course(_in(course_dir, "ur")))
    assert "<h2>رن شیٹ</h2>" in pack
    assert "<td>9:30 AM</td>" in pack  # CLDR's Urdu short time
    assert "<td>09:30</td>" not in pack


def test_a_minute_over_is_one_minute() -> None:
    root = Path(__file__).resolve().parents[2]
    sheet = _trainer_sheet(root, 1)
    assert "this part has gone 1 minute past its plan." in sheet
    assert "Running over: this part has gone 2 minutes" in _trainer_sheet(root, 2)


def test_the_run_sheet_needs_no_file_of_its_own(course_dir: Path) -> None:
    """Its words were course/run-sheet.yml, in English only; now they are the catalogue's."""
    assert not (course_dir / "course" / "run-sheet.yml").exists()
    words = load_course(course_dir).run_sheet_words
    assert words.heading == "Run-sheet" and words.columns.lead == "Led by"
