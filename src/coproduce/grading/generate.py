"""Exercise YAML -> nbgrader source notebooks, with solution cells and hidden test cells.

One notebook per session (nbgrader starts a kernel for every notebook it grades, so one notebook
keeps grading to one kernel per learner), with a section per module that holds graded exercises,
in agenda order. Knowledge checks become an answer cell (the solution: the right option numbers)
and a hidden test cell worth the exercise's points. Other graded exercises (reflections and the
like) become manually graded answer cells, so the trainer reads and comments on them in
nbgrader's formgrader. Files are only rewritten when their content changes, so regenerating is
idempotent.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode

from coproduce.content.course import CourseContent, Module
from coproduce.content.model import KnowledgeCheck, Reflection
from coproduce.content.timings import run_exercises
from coproduce.grading.paths import CONFIG_FILE, COURSE_ID

NOTEBOOK_ID = "course"
DEFAULT_TIMEOUT_SECONDS = 30
NBGRADER_SCHEMA = 3
ANSWER_STUB = "# No answer was saved.\nraise NotImplementedError()"
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
CONFIG_TEXT = f'''"""nbgrader settings for the course `coproduce grade` made from exercises/*.yml.

`coproduce grade` rewrites this file. nbgrader's own commands work from this folder:
    nbgrader generate_assignment CODE --force
    nbgrader autograde CODE
    nbgrader generate_feedback CODE
    nbgrader export
and the formgrader (jupyter server with nbgrader installed, started here) for comments.
"""

c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "{COURSE_ID}"
# A learner's answers are data, so nothing should run for long; anything that does is stopped.
c.Execute.timeout = {DEFAULT_TIMEOUT_SECONDS}
c.Execute.interrupt_on_timeout = True
c.ClearSolutions.code_stub = {{"python": {ANSWER_STUB!r}}}
'''
# Everything here is generated or holds learner data: never commit it, in any repository.
GITIGNORE_TEXT = "# Made by `coproduce grade`: solutions, submissions and the gradebook.\n*\n"


@dataclass(frozen=True)
class MarkedModule:
    """A module's graded exercises: one section of the notebook."""

    module: Module
    exercises: list[Any]


@dataclass(frozen=True)
class Generated:
    notebooks: list[str]
    changed: bool


def marked_modules(content: CourseContent) -> list[MarkedModule]:
    """Modules in agenda order with the graded exercises they show (each exercise once)."""
    seen: set[str] = set()
    marked = []
    for module in content.ordered_modules():
        graded = []
        for exercise_id in run_exercises(content, module):
            exercise = content.exercises.get(exercise_id)
            if exercise is not None and exercise.graded and exercise_id not in seen:
                seen.add(exercise_id)
                graded.append(exercise)
        if graded:
            marked.append(MarkedModule(module, graded))
    return marked


def variable(exercise_id: str, prefix: str) -> str:
    return f"{prefix}_{exercise_id.replace('-', '_')}"


def choice_variable(exercise_id: str) -> str:
    return variable(exercise_id, "chosen")


def answer_variable(exercise_id: str) -> str:
    return variable(exercise_id, "answer")


def cell_id(exercise_id: str, role: str) -> str:
    """nbgrader's grade id for one cell of an exercise (also the notebook cell id)."""
    name = f"{exercise_id}-{role}"
    if len(name) <= 64:
        return name
    digest = hashlib.sha256(exercise_id.encode()).hexdigest()[:10]
    return f"{exercise_id[: 63 - len(role) - 11]}-{digest}-{role}"


def source_notebook(title: str, marked: list[MarkedModule]) -> NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata["language_info"] = {"name": "python"}
    header = (
        f"# {_md(title)}\n\n"
        "Made by `coproduce grade` from the exercise files. Edit the exercises, not this "
        "notebook: it is rewritten on every run."
    )
    notebook.cells = [_markdown("header", header)]
    for section in marked:
        notebook.cells.append(
            _markdown(f"module-{section.module.slug}"[:64], f"## {_md(section.module.meta.title)}")
        )
        for exercise in section.exercises:
            notebook.cells += _exercise_cells(exercise)
    return notebook


def _exercise_cells(exercise: Any) -> list[NotebookNode]:
    question = f"### {_md(exercise.title)}\n\n{_md(exercise.prompt)}"
    if isinstance(exercise, KnowledgeCheck):
        numbered = "\n".join(
            f"{number}. {_md(option.text)}" for number, option in enumerate(exercise.options, 1)
        )
        how_many = "Choose all that apply." if exercise.multiple else "Choose one."
        question += f"\n\n{how_many}\n\n{numbered}"
        return [
            _markdown(cell_id(exercise.id, "question"), question, locked=True),
            _knowledge_check_answer(exercise),
            _knowledge_check_marks(exercise),
        ]
    if isinstance(exercise, Reflection):
        note = "# The learner's words, kept as text. Give marks and a comment in the formgrader."
    else:
        note = "# The learner's saved answer, kept as data. Give marks and a comment."
    source = (
        f"{note}\n### BEGIN SOLUTION\n"
        f'{answer_variable(exercise.id)} = "There is no single right answer: mark the '
        "learner's own words.\"\n### END SOLUTION"
    )
    return [
        _markdown(cell_id(exercise.id, "question"), question, locked=True),
        _code(cell_id(exercise.id, "answer"), source, solution=True, points=exercise.points),
    ]


def _knowledge_check_answer(exercise: KnowledgeCheck) -> NotebookNode:
    right = [number for number, option in enumerate(exercise.options, 1) if option.correct]
    source = (
        "# The option numbers the learner chose, as listed above.\n"
        "### BEGIN SOLUTION\n"
        f"{choice_variable(exercise.id)} = {right!r}\n"
        "### END SOLUTION"
    )
    return _code(cell_id(exercise.id, "answer"), source, solution=True)


def _knowledge_check_marks(exercise: KnowledgeCheck) -> NotebookNode:
    right = sorted(number for number, option in enumerate(exercise.options, 1) if option.correct)
    plural = "s" if exercise.points != 1 else ""
    source = (
        f"# {exercise.points} point{plural} when the options chosen are exactly the right ones.\n"
        "### BEGIN HIDDEN TESTS\n"
        f"assert sorted(set({choice_variable(exercise.id)})) == {right!r}, "
        '"not the right option(s)"\n'
        "### END HIDDEN TESTS"
    )
    return _code(cell_id(exercise.id, "marks"), source, points=exercise.points, locked=True)


def _md(text: str) -> str:
    return html.escape(text, quote=False)


def _nbgrader(
    grade_id: str, *, grade: bool, solution: bool, locked: bool, points: int | None
) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": NBGRADER_SCHEMA,
        "solution": solution,
        "task": False,
    }
    if grade:
        meta["points"] = points
    return meta


def _markdown(grade_id: str, source: str, *, locked: bool = False) -> NotebookNode:
    cell = nbformat.v4.new_markdown_cell(source)
    cell.id = grade_id
    if locked:
        cell.metadata["nbgrader"] = _nbgrader(
            grade_id, grade=False, solution=False, locked=True, points=None
        )
    return cell


def _code(
    grade_id: str,
    source: str,
    *,
    solution: bool = False,
    locked: bool = False,
    points: int | None = None,
) -> NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.id = grade_id
    cell.metadata["nbgrader"] = _nbgrader(
        grade_id, grade=points is not None, solution=solution, locked=locked, points=points
    )
    return cell


def write_if_changed(path: Path, text: str) -> bool:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def write_course_files(folder: Path) -> bool:
    changed = write_if_changed(folder / ".gitignore", GITIGNORE_TEXT)
    return write_if_changed(folder / CONFIG_FILE, CONFIG_TEXT) or changed


def generate_sources(content: CourseContent, folder: Path, assignment: str) -> Generated:
    """Write the course files and the assignment's source notebooks; report what changed."""
    changed = write_course_files(folder)
    source_dir = folder / "source" / assignment
    notebooks = []
    marked = marked_modules(content)
    if marked:
        text = nbformat.writes(source_notebook(content.course.title, marked))
        changed = write_if_changed(source_dir / f"{NOTEBOOK_ID}.ipynb", text) or changed
        notebooks.append(NOTEBOOK_ID)
    if source_dir.is_dir():
        for stale in source_dir.glob("*.ipynb"):
            if stale.stem not in notebooks:
                stale.unlink()
                changed = True
    return Generated(notebooks, changed)


def release_is_current(folder: Path, assignment: str, generated: Generated) -> bool:
    release_dir = folder / "release" / assignment
    present = {path.stem for path in release_dir.glob("*.ipynb")}
    return not generated.changed and present == set(generated.notebooks)
