"""`coproduce check`: load everything and say what is wrong, or that all is well."""

from __future__ import annotations

from pathlib import Path

from .content_loader import load_course


def check_course(root: Path) -> int:
    """0 when the content loads cleanly; a ContentError propagates otherwise."""
    content = load_course(root)
    course = content.course
    print(
        f"All good: '{course.title}' has {len(content.modules)} modules, "
        f"{len(content.exercises)} exercises and {course.duration_minutes} minutes on the agenda."
    )
    return 0
