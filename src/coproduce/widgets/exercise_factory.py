"""Build the right widget for an exercise definition."""

from __future__ import annotations

from typing import Any

from ..content_model import KnowledgeCheck, Reflection
from .exercise_base import ExerciseView, SaveAnswer
from .knowledge_check import KnowledgeCheckView
from .reflection import ReflectionView


def build_exercise(exercise: Any, save: SaveAnswer) -> ExerciseView:
    if isinstance(exercise, KnowledgeCheck):
        return KnowledgeCheckView(exercise, save)
    if isinstance(exercise, Reflection):
        return ReflectionView(exercise, save)
    raise TypeError(f"no widget for exercise kind {type(exercise).__name__}")
