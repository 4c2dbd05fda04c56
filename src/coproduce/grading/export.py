"""The grades CSV: one row per learner per session, one column per graded exercise."""

from __future__ import annotations

import csv
from pathlib import Path

from coproduce.content.course import CourseContent
from coproduce.grading.generate import marked_modules
from coproduce.grading.paths import grading_root
from coproduce.grading.results import LearnerResult, all_results, session_results
from coproduce.live.private_files import open_private
from coproduce.text.spreadsheet import spreadsheet_safe

FIXED_COLUMNS = [
    "session",
    "learner_id",
    "submitted_at",
    "score",
    "max_score",
    "waiting_for_marks",
    "completed",
]


def export_grades(content: CourseContent, out: Path, session_code: str | None = None) -> int:
    """Write the CSV; returns the number of learner rows. Blank marks: not marked yet."""
    folder = grading_root(content.root)
    if session_code:
        results = session_results(content, folder, session_code)
    else:
        results = all_results(content, folder)
    exercise_ids = [ex.id for marked in marked_modules(content) for ex in marked.exercises]
    out.parent.mkdir(parents=True, exist_ok=True)
    with open_private(out, newline="") as sink:  # marks of named learners: the owner's only
        writer = csv.writer(sink)
        writer.writerow([spreadsheet_safe(name) for name in FIXED_COLUMNS + exercise_ids])
        for result in results:
            writer.writerow([spreadsheet_safe(cell) for cell in _row(result, exercise_ids)])
    return len(results)


def _row(result: LearnerResult, exercise_ids: list[str]) -> list[str]:
    scores = {item.exercise.id: item.score for item in result.exercises}
    return [
        result.session,
        result.learner_id,
        result.submitted_at.isoformat() if result.submitted_at else "",
        f"{result.score:g}",
        f"{result.max_score:g}",
        str(result.waiting),
        "yes" if result.completed else "no",
        *("" if scores.get(name) is None else f"{scores[name]:g}" for name in exercise_ids),
    ]
