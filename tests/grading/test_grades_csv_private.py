"""The grades CSV names learners' marks: its file is the owner's only, whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coproduce.content.loader import load_course
from coproduce.grading import export
from coproduce.grading.results import LearnerResult


def test_the_grades_csv_is_the_owners_only(
    course_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = [LearnerResult("K7M2QX", "learner-0000000001", None, [])]
    monkeypatch.setattr(export, "all_results", lambda _content, _folder: results)
    out = tmp_path / "grades.csv"
    before = os.umask(0o022)
    try:
        assert export.export_grades(load_course(course_dir), out) == 1
    finally:
        os.umask(before)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
