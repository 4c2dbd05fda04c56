"""The grades CSV writes no live spreadsheet formula, whatever the gradebook holds."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from coproduce.content.loader import load_course
from coproduce.grading import export
from coproduce.grading.results import LearnerResult
from coproduce.text.spreadsheet import FORMULA_STARTS


def test_no_cell_of_the_grades_csv_starts_a_formula(
    course_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = [
        LearnerResult("=1+1", "-abcdefghijklmnop", None, []),
        LearnerResult("@SUM(1,1)", "+abcdefghijklmnop", None, []),
    ]
    monkeypatch.setattr(export, "all_results", lambda _content, _folder: hostile)
    out = tmp_path / "grades.csv"
    assert export.export_grades(load_course(course_dir), out) == 2
    with out.open(newline="", encoding="utf-8") as source:
        rows = list(csv.reader(source))
    live = [cell for row in rows for cell in row if cell[:1] in FORMULA_STARTS]
    assert not live, f"cells a spreadsheet would run as formulas: {live}"
    assert [row[:2] for row in rows[1:]] == [
        ["'=1+1", "'-abcdefghijklmnop"],
        ["'@SUM(1,1)", "'+abcdefghijklmnop"],
    ]
