"""The course as the learner app loads it, once for all the kinds' tests: a view's words come
from its catalogue (course/interface.yml), so a view is built with the course as context."""

from __future__ import annotations

import functools
from pathlib import Path

from coproduce.content.course import CourseContent
from coproduce.content.interface import InterfaceText
from coproduce.content.loader import load_course
from coproduce.kinds.common.frame import ExerciseContext

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def course() -> CourseContent:
    return load_course(ROOT)


def context() -> ExerciseContext:
    return ExerciseContext(course())


def words() -> InterfaceText:
    return course().interface
