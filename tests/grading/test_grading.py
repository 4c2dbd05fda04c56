"""The nbgrader bridge without running nbgrader: answers as data, generation, the CSV."""

from __future__ import annotations

import ast
import io
import json
from pathlib import Path

import nbformat
import pytest

from coproduce.content.loader import load_course
from coproduce.content.model import KnowledgeCheck
from coproduce.grading.collect import LearnerAnswers, fill_release
from coproduce.grading.generate import (
    CONFIG_FILE,
    NOTEBOOK_ID,
    cell_id,
    choice_variable,
    generate_sources,
    marked_modules,
)
from coproduce.grading.literals import read_choices, text_literal, value_literal
from coproduce.grading.paths import assignment_id, grading_root, usable_student_id
from coproduce.grading.progress import Progress

HOSTILE_TEXTS = [
    'end"""; import os; os.system("echo pwned")',
    "'''\n__import__('os').remove('x')\n'''",
    'trailing quote"',
    "back\\slash at the end\\",
    "<script>alert(1)</script> {{ jinja }} ${shell} `tick`",
    "line\r\nbreaks\rand\ttabs\x00and a nul",
    "😀 non-ASCII ünïcode \u2028 separator",
    "x" * 60_000,
]


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_learner_text_is_only_ever_a_string_literal(text: str) -> None:
    literal = text_literal(text)
    tree = ast.parse(f"words = {literal}")
    assert len(tree.body) == 1 and isinstance(tree.body[0], ast.Assign)
    assert isinstance(tree.body[0].value, ast.Constant)
    assert ast.literal_eval(literal) == text


def test_odd_answers_stay_data() -> None:
    for value in [{"a": [1, 2], "b": None, "c": True}, {"n": float("nan")}, ["x", {"y": 1.5}]]:
        literal = value_literal(value)
        parsed = ast.literal_eval(literal)
        assert parsed == value or json.loads(parsed) is not None


def test_chosen_options_are_read_back_without_running_anything() -> None:
    assert read_choices("# note\nchosen_x = [2, 3]", "chosen_x") == [2, 3]
    assert read_choices("chosen_x = __import__('os')", "chosen_x") is None
    assert read_choices("chosen_x = [1, 'a']", "chosen_x") is None
    assert read_choices("raise NotImplementedError()", "chosen_x") is None


def test_ids_that_cannot_be_folder_names_are_refused() -> None:
    assert usable_student_id("a" * 22)
    for bad in ["../../etc", "a/b", "", "x" * 65, "a b"]:
        assert not usable_student_id(bad)
    assert assignment_id(" k7m2pq ") == "K7M2PQ"
    with pytest.raises(LookupError):
        assignment_id("../X")


def test_sources_hold_solutions_hidden_tests_and_points_from_the_yaml(course_dir: Path) -> None:
    content = load_course(course_dir)
    folder = grading_root(course_dir)
    generated = generate_sources(content, folder, "ABC234")
    assert generated.notebooks == [NOTEBOOK_ID] and generated.changed
    notebook = nbformat.read(folder / "source" / "ABC234" / "course.ipynb", as_version=4)
    cells = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell for cell in notebook.cells}
    graded = [exercise for marked in marked_modules(content) for exercise in marked.exercises]
    assert graded, "the course has graded exercises"
    for exercise in graded:
        if not isinstance(exercise, KnowledgeCheck):
            continue
        right = [n for n, option in enumerate(exercise.options, 1) if option.correct]
        answer = cells[cell_id(exercise.id, "answer")]
        marks = cells[cell_id(exercise.id, "marks")]
        assert "### BEGIN SOLUTION" in answer.source and repr(right) in answer.source
        assert "### BEGIN HIDDEN TESTS" in marks.source and repr(right) in marks.source
        assert marks.metadata.nbgrader["points"] == exercise.points
        assert marks.metadata.nbgrader["grade"] and marks.metadata.nbgrader["locked"]
    assert (folder / CONFIG_FILE).is_file()
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"


def test_regenerating_changes_nothing(course_dir: Path) -> None:
    content = load_course(course_dir)
    folder = grading_root(course_dir)
    generate_sources(content, folder, "ABC234")
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files}
    again = generate_sources(load_course(course_dir), folder, "ABC234")
    assert not again.changed
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files} == before


def test_answers_fill_only_answer_cells_as_literals(course_dir: Path) -> None:
    content = load_course(course_dir)
    folder = grading_root(course_dir)
    generate_sources(content, folder, "ABC234")
    source = nbformat.read(folder / "source" / "ABC234" / "course.ipynb", as_version=4)
    check = next(
        exercise
        for marked in marked_modules(content)
        for exercise in marked.exercises
        if isinstance(exercise, KnowledgeCheck)
    )
    learner = LearnerAnswers(
        "L" * 22,
        {check.id: {"selected": [0, 99, "1; import os"]}, "not-an-exercise": {"x": 1}},
    )
    filled = fill_release(content, source, learner)
    sources = [cell.source for cell in filled.cells]
    answer = next(
        cell
        for cell in filled.cells
        if cell.metadata.get("nbgrader", {}).get("grade_id") == cell_id(check.id, "answer")
    )
    assert answer.source.splitlines()[-1] == f"{choice_variable(check.id)} = [1]"
    assert len(sources) == len(source.cells)
    assert "import os" not in "".join(sources)


def test_progress_prints_a_line_per_step_when_not_a_terminal() -> None:
    sink = io.StringIO()
    progress = Progress(2, sink, "Grading ")
    progress.step("one")
    progress.note("  a problem")
    progress.step("two")
    lines = sink.getvalue().splitlines()
    assert lines[0].startswith("Grading [") and lines[0].endswith("1/2 one")
    assert lines[1] == "  a problem" and lines[2].endswith("2/2 two")


def test_nbgrader_finds_its_alembic_command_without_an_activated_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil

    from coproduce.grading import nbgrader_apps

    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    nbgrader_apps._put_own_commands_on_path()
    assert shutil.which("alembic") is not None
