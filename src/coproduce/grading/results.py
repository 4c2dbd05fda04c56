"""What nbgrader's gradebook says about each learner, read only.

The learner app reads it too (for "My feedback"), so nothing here writes: the gradebook is opened
read-only and a missing or busy gradebook simply means "no results yet".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nbformat
from sqlalchemy import create_engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from coproduce.content.course import CourseContent
from coproduce.content.model import KnowledgeCheck
from coproduce.grading.generate import NOTEBOOK_ID, cell_id, choice_variable, marked_modules
from coproduce.grading.literals import read_choices
from coproduce.grading.paths import GRADEBOOK_FILE, assignment_id, usable_student_id

NO_RESPONSE = "No response."  # nbgrader's comment on an answer cell left as released


@dataclass(frozen=True)
class ExerciseResult:
    exercise: Any
    notebook_id: str
    score: float | None  # None: the trainer has not marked it yet
    max_score: float
    answered: bool
    comment: str  # what the trainer wrote in the formgrader
    chosen: list[int] | None  # knowledge checks: option numbers from 1


@dataclass(frozen=True)
class LearnerResult:
    session: str
    learner_id: str
    submitted_at: datetime | None
    exercises: list[ExerciseResult]

    @property
    def score(self) -> float:
        return sum(result.score or 0 for result in self.exercises)

    @property
    def max_score(self) -> float:
        return sum(result.max_score for result in self.exercises)

    @property
    def waiting(self) -> int:
        """Answers the trainer still has to mark."""
        return sum(result.score is None for result in self.exercises)

    @property
    def completed(self) -> bool:
        """Every graded exercise answered (a certificate marks taking part, not a pass mark)."""
        return bool(self.exercises) and all(result.answered for result in self.exercises)


def learner_result(
    content: CourseContent, folder: Path, session_code: str, learner_id: str
) -> LearnerResult | None:
    """One learner's results in one session, or None if they have not been graded."""
    if not usable_student_id(learner_id):
        return None
    assignment = assignment_id(session_code)
    found = _read(content, folder, assignment, [learner_id])
    return found[0] if found else None


def session_results(content: CourseContent, folder: Path, session_code: str) -> list[LearnerResult]:
    return _read(content, folder, assignment_id(session_code), None)


def all_results(content: CourseContent, folder: Path) -> list[LearnerResult]:
    return _read(content, folder, None, None)


def _read(
    content: CourseContent, folder: Path, assignment: str | None, learner_ids: list[str] | None
) -> list[LearnerResult]:
    from nbgrader.api import Assignment, SubmittedAssignment

    gradebook = folder / GRADEBOOK_FILE
    if not gradebook.is_file():
        return []
    engine = create_engine(f"sqlite:///file:{gradebook.resolve()}?mode=ro&uri=true")
    query = select(SubmittedAssignment).join(Assignment)
    if assignment is not None:
        query = query.where(Assignment.name == assignment)
    if learner_ids is not None:
        query = query.where(SubmittedAssignment.student_id.in_(learner_ids))
    try:
        with Session(engine) as session:
            submissions = session.execute(query).scalars().all()
            found = [_result(content, folder, submission) for submission in submissions]
    except SQLAlchemyError:
        return []
    finally:
        engine.dispose()
    return sorted(found, key=lambda result: (result.session, result.learner_id))


def _result(content: CourseContent, folder: Path, submission: Any) -> LearnerResult:
    assignment = submission.assignment.name
    learner = submission.student_id
    grades: dict[tuple[str, str], Any] = {}
    comments: dict[tuple[str, str], Any] = {}
    for notebook in submission.notebooks:
        for grade in notebook.grades:
            grades[(notebook.name, grade.cell.name)] = grade
        for comment in notebook.comments:
            comments[(notebook.name, comment.cell.name)] = comment
    exercises = []
    for marked in marked_modules(content):
        notebook_id = NOTEBOOK_ID
        submitted = folder / "submitted" / learner / assignment / f"{notebook_id}.ipynb"
        for exercise in marked.exercises:
            is_choice = isinstance(exercise, KnowledgeCheck)
            graded_cell = cell_id(exercise.id, "marks" if is_choice else "answer")
            grade = grades.get((notebook_id, graded_cell))
            comment = comments.get((notebook_id, cell_id(exercise.id, "answer")))
            if grade is None:
                continue  # not in this submission (the exercise is newer than the grading)
            answered = comment is not None and comment.auto_comment != NO_RESPONSE
            waiting = grade.manual_score is None and grade.auto_score is None
            exercises.append(
                ExerciseResult(
                    exercise,
                    notebook_id,
                    None if waiting else float(grade.score),
                    float(grade.max_score),
                    answered,
                    (comment.manual_comment or "").strip() if comment is not None else "",
                    _chosen(submitted, exercise) if is_choice and answered else None,
                )
            )
    stamp = submission.timestamp
    if stamp is not None and stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return LearnerResult(assignment, learner, stamp, exercises)


def _chosen(path: Path, exercise: KnowledgeCheck) -> list[int] | None:
    if not path.is_file():
        return None
    notebook = nbformat.read(path, as_version=4)
    grade_id = cell_id(exercise.id, "answer")
    for cell in notebook.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
            return read_choices(cell.source, choice_variable(exercise.id))
    return None
