"""Marking is a course-level choice, off by default: then nothing is marked after the session."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from coproduce.grading import command


def _grade(course: Path, data: Path, *args: str) -> int:
    parser = argparse.ArgumentParser()
    command.add_parser(parser.add_subparsers())
    return command.run(parser.parse_args(["grade", *args]), course, data)


@pytest.mark.parametrize("args", [["--export"], ["abc234"]])
def test_with_marking_off_grading_is_refused_and_says_how_to_turn_it_on(
    course_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    out = tmp_path / "grades.csv"
    assert _grade(course_dir, tmp_path / "data", *args, "--out", str(out)) == 2
    message = capsys.readouterr().err
    assert "Marking is off" in message and "marking: true" in message
    assert not out.exists()
    assert not (course_dir / "grading").exists()  # no nbgrader folders made either
