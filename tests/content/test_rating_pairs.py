"""A rating asked at the start and the end: `before` names the earlier rating, same scale."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduce.content.errors import ContentError
from coproduce.content.loader import load_course

AFTER = Path("exercises") / "evaluation-confidence-after.yml"


def _problems(course: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_course(course)
    return str(caught.value)


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_the_course_pairs_its_confidence_rating() -> None:
    content = load_course(Path(__file__).resolve().parents[2])
    after = content.exercises["evaluation-confidence-after"]
    assert after.kind == "rating_scale" and after.before == "confidence-before"


def test_a_before_that_is_not_an_exercise_names_the_file_line_and_a_near_name(
    course_dir: Path,
) -> None:
    path = course_dir / AFTER
    _edit(path, "before: confidence-before", "before: confidence-befor")
    message = _problems(course_dir)
    line = _line(path, "before:")
    assert (
        f"{AFTER.as_posix()}:{line}: error: before: 'confidence-befor' is not an exercise"
        in message
    )
    assert "confidence-before" in message.split("confidence-befor'", 1)[1]


def test_a_before_that_is_not_a_rating_is_refused(course_dir: Path) -> None:
    _edit(course_dir / AFTER, "before: confidence-before", "before: coproduction-so-far")
    assert "before: 'coproduction-so-far' is not a rating scale" in _problems(course_dir)


def test_a_before_with_another_scale_is_refused(course_dir: Path) -> None:
    _edit(course_dir / "exercises" / "confidence-before.yml", "  - Very sure", "  - Totally sure")
    assert "the scale is not the same as the scale of 'confidence-before'" in _problems(course_dir)
