"""Knowledge checks whose right answer gives itself away by its length.

Learners soon learn that the longest, most careful option is the right one. Two warnings: one for
a check whose right option is far longer than the others, one for a course where the right option
is the longest in most checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coproduce.content.author_messages import problem
from coproduce.content.course import CourseContent
from coproduce.content.errors import ContentProblem
from coproduce.content.model import KnowledgeCheck
from coproduce.content.yaml_lines import line_of, load_yaml

EXERCISES_FOLDER = Path("exercises")
LONG_RIGHT_RATIO = 1.5  # a right option this many times the others' mean length stands out
MIN_OPTIONS_TO_COUNT = 3  # with two options, one of them is always the longer


@dataclass(frozen=True)
class RightOption:
    path: Path
    line: int | None
    exercise_id: str
    length: int
    others_mean: float
    longest: bool  # longer than every other option
    option_count: int


def check_answer_lengths(content: CourseContent) -> list[ContentProblem]:
    rights = [right_option(content.root, check) for check in _knowledge_checks(content)]
    problems = [_too_long(right) for right in rights if _stands_out(right)]
    return problems + _mostly_longest(rights)


def _knowledge_checks(content: CourseContent) -> list[KnowledgeCheck]:
    checks = [e for e in content.exercises.values() if isinstance(e, KnowledgeCheck)]
    return sorted(checks, key=lambda check: check.id)


def right_option(root: Path, check: KnowledgeCheck) -> RightOption:
    """The longest right option of a check, measured against the options around it."""
    lengths = [len(option.text.strip()) for option in check.options]
    index = max(
        (i for i, option in enumerate(check.options) if option.correct), key=lengths.__getitem__
    )
    others = lengths[:index] + lengths[index + 1 :]
    path = root / EXERCISES_FOLDER / f"{check.id}.yml"
    return RightOption(
        path,
        _option_line(path, index),
        check.id,
        lengths[index],
        sum(others) / len(others),
        longest=all(lengths[index] > other for other in others),
        option_count=len(lengths),
    )


def _option_line(path: Path, index: int) -> int | None:
    if not path.is_file():
        return None
    return line_of(load_yaml(path), ("options", index))


def _stands_out(right: RightOption) -> bool:
    return bool(right.others_mean) and right.length > LONG_RIGHT_RATIO * right.others_mean


def _too_long(right: RightOption) -> ContentProblem:
    return problem(
        "answer.right_too_long",
        right.path,
        right.line,
        severity="warning",
        ratio=right.length / right.others_mean,
        length=right.length,
        mean=right.others_mean,
    )


def _mostly_longest(rights: list[RightOption]) -> list[ContentProblem]:
    counted = [right for right in rights if right.option_count >= MIN_OPTIONS_TO_COUNT]
    longest = [right for right in counted if right.longest]
    if len(longest) * 2 <= len(counted):
        return []
    names = ", ".join(right.exercise_id for right in longest)
    first = longest[0]
    return [
        problem(
            "answer.right_mostly_longest",
            first.path,
            first.line,
            severity="warning",
            longest=len(longest),
            counted=len(counted),
            names=names,
        )
    ]
