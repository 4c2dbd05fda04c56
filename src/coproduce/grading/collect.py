"""Stored answers -> each learner's nbgrader submission, keyed by their pseudonymous id.

A submission is the release notebook with its answer cells filled in. Answers are validated the
same way the widgets validate them and written as Python literals (data); an exercise with no
usable answer keeps the release stub, so nbgrader records "No response." for it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nbformat
from sqlalchemy import select

from coproduce.content.course import CourseContent
from coproduce.content.model import KnowledgeCheck, Reflection
from coproduce.grading.generate import (
    NOTEBOOK_ID as COURSE_NOTEBOOK,
)
from coproduce.grading.generate import (
    answer_variable,
    cell_id,
    choice_variable,
    marked_modules,
    write_if_changed,
)
from coproduce.grading.literals import choices_literal, text_literal, value_literal
from coproduce.grading.paths import usable_student_id
from coproduce.kinds.knowledge_check.checks import valid_choices
from coproduce.live.store import Store, answers, learners
from coproduce.text.clean import clean_text

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f %Z"


@dataclass
class LearnerAnswers:
    learner_id: str
    answers: dict[str, Any] = field(default_factory=dict)
    last_saved: datetime | None = None


@dataclass(frozen=True)
class Collected:
    submitted: list[str]  # learner ids with a submission, in a stable order
    changed: list[str]  # those whose submission is new or different
    skipped: list[str]  # ids that cannot be a folder name (reported, never used)


def session_answers(store: Store, session_code: str) -> dict[str, LearnerAnswers]:
    """Every learner who joined the session or saved an answer in it, with their answers."""
    found: dict[str, LearnerAnswers] = {}
    joined = select(learners.c.learner_id, learners.c.joined_at).where(
        learners.c.session_code == session_code
    )
    saved = select(
        answers.c.learner_id, answers.c.exercise_id, answers.c.payload, answers.c.updated_at
    ).where(answers.c.session_code == session_code)
    with store.engine.connect() as connection:
        for row in connection.execute(joined):
            found.setdefault(row.learner_id, LearnerAnswers(row.learner_id))
            _later(found[row.learner_id], row.joined_at)
        for saved_row in connection.execute(saved):
            learner = found.setdefault(saved_row.learner_id, LearnerAnswers(saved_row.learner_id))
            try:
                learner.answers[saved_row.exercise_id] = json.loads(saved_row.payload)
            except ValueError:
                continue
            _later(learner, saved_row.updated_at)
    return found


def _later(learner: LearnerAnswers, moment: datetime | None) -> None:
    if moment is None:
        return
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if learner.last_saved is None or moment > learner.last_saved:
        learner.last_saved = moment


def answer_source(exercise: Any, release_source: str, answer: Any) -> str:
    """The answer cell for one exercise: the release stub, or the answer as a literal."""
    if not isinstance(answer, dict):
        return release_source
    comment = release_source.splitlines()[0] if release_source.startswith("#") else ""
    if isinstance(exercise, KnowledgeCheck):
        selected = valid_choices(answer.get("selected"), len(exercise.options))
        if not exercise.multiple:
            selected = selected[:1]
        if not selected:
            return release_source
        line = f"{choice_variable(exercise.id)} = {choices_literal(selected)}"
    elif isinstance(exercise, Reflection):
        text = clean_text(answer.get("text"), exercise.max_chars).text
        if not text.strip():
            return release_source
        line = f"{answer_variable(exercise.id)} = {text_literal(text)}"
    else:
        line = f"{answer_variable(exercise.id)} = {value_literal(answer)}"
    return f"{comment}\n{line}" if comment else line


def fill_release(
    content: CourseContent, release: nbformat.NotebookNode, learner: LearnerAnswers
) -> nbformat.NotebookNode:
    notebook = nbformat.from_dict(json.loads(json.dumps(release)))
    by_cell = {cell_id(exercise_id, "answer"): exercise_id for exercise_id in content.exercises}
    for cell in notebook.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        exercise_id = by_cell.get(grade_id or "")
        if exercise_id is None or cell.cell_type != "code":
            continue
        exercise = content.exercises[exercise_id]
        cell.source = answer_source(exercise, cell.source, learner.answers.get(exercise_id))
    return notebook


def collect(
    content: CourseContent,
    folder: Path,
    assignment: str,
    found: dict[str, LearnerAnswers],
) -> Collected:
    """Write submitted/LEARNER/ASSIGNMENT/*.ipynb; files are only touched when they change."""
    release_dir = folder / "release" / assignment
    notebooks = [COURSE_NOTEBOOK] if marked_modules(content) else []
    releases = {nb: nbformat.read(release_dir / f"{nb}.ipynb", as_version=4) for nb in notebooks}
    submitted, changed, skipped = [], [], []
    for learner_id in sorted(found):
        if not usable_student_id(learner_id):
            skipped.append(learner_id)
            continue
        learner = found[learner_id]
        target = folder / "submitted" / learner_id / assignment
        different = False
        for notebook_id, release in releases.items():
            filled = nbformat.writes(fill_release(content, release, learner))
            different = write_if_changed(target / f"{notebook_id}.ipynb", filled) or different
        stamp = target / "timestamp.txt"
        if different or not stamp.is_file():
            stamp.write_text(_timestamp(learner.last_saved, stamp, different))
            changed.append(learner_id)
        submitted.append(learner_id)
    return Collected(submitted, changed, skipped)


def _timestamp(last_saved: datetime | None, stamp: Path, different: bool) -> str:
    """When the learner last saved; later than before if only the notebook changed.

    nbgrader regrades a submission whose timestamp is newer than the graded copy's.
    """
    moment = last_saved or datetime.now(UTC)
    if different and stamp.is_file():
        before = stamp.read_text().strip()
        if before >= moment.strftime(TIMESTAMP_FORMAT):
            moment = datetime.now(UTC)
    return moment.strftime(TIMESTAMP_FORMAT)
