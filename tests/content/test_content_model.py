"""Loading the course: the real content loads; each kind of mistake is named with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduce.content.errors import ContentError
from coproduce.content.loader import load_course
from coproduce.content.model import KnowledgeCheck, Reflection

ROOT = Path(__file__).resolve().parents[2]


def _problems(course: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_course(course)
    return caught.value.render()


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def test_the_real_course_loads_with_every_module_and_exercise() -> None:
    content = load_course(ROOT)
    assert [m.slug for m in content.ordered_modules()] == content.course.module_slugs
    assert len(content.modules) >= 2
    kinds = {type(exercise) for exercise in content.exercises.values()}
    assert {KnowledgeCheck, Reflection} <= kinds
    for module in content.modules.values():
        assert module.notes_path.is_file()


def test_bad_yaml_names_the_file_and_line(course_dir: Path) -> None:
    path = course_dir / "exercises" / "speak-freely.yml"
    _edit(path, "title: What would help", "title: [What would help")
    message = _problems(course_dir)
    assert "exercises/speak-freely.yml:" in message
    assert "not valid YAML" in message
    assert "Traceback" not in message


def test_an_unknown_key_is_named_with_its_line_and_a_suggestion(course_dir: Path) -> None:
    path = course_dir / "modules" / "01-welcome" / "module.yml"
    _edit(path, "minutes: 20\n", "minuts: 20\n")
    message = _problems(course_dir)
    line = _line(path, "minuts: 20")
    assert f"modules/01-welcome/module.yml:{line}: error: unknown key 'minuts'" in message
    assert "did you mean 'minutes'?" in message


def test_a_missing_module_is_named_in_the_agenda(course_dir: Path) -> None:
    course_file = course_dir / "course" / "course.yml"
    _edit(course_file, "module: 01-welcome", "module: 01-welcom")
    message = _problems(course_dir)
    assert f"course/course.yml:{_line(course_file, '01-welcom')}: error:" in message
    assert "'01-welcom'" in message and "did you mean '01-welcome'?" in message


def test_an_exercise_named_but_not_defined_is_reported(course_dir: Path) -> None:
    (course_dir / "exercises" / "speak-freely.yml").unlink()
    message = _problems(course_dir)
    assert "modules/01-welcome/module.yml:" in message
    assert "'speak-freely' is named here but nobody defined it" in message
    assert "create exercises/speak-freely.yml" in message


def test_timings_that_do_not_add_up_are_reported(course_dir: Path) -> None:
    course_file = course_dir / "course" / "course.yml"
    planned = load_course(course_dir).course.duration_minutes
    _edit(course_file, f"duration_minutes: {planned}", f"duration_minutes: {planned + 15}")
    line = _line(course_file, "duration_minutes:")
    expected = (
        f"course.yml:{line}: error: the agenda adds up to {planned} minutes "
        f"but duration_minutes is {planned + 15}"
    )
    assert expected in _problems(course_dir)


def test_a_knowledge_check_without_a_right_answer_is_refused(course_dir: Path) -> None:
    _edit(course_dir / "exercises" / "coproduction-or-not.yml", "correct: true", "correct: false")
    assert "no option is marked correct" in _problems(course_dir)


def test_an_unknown_exercise_kind_lists_the_kinds(course_dir: Path) -> None:
    _edit(course_dir / "exercises" / "speak-freely.yml", "kind: reflection", "kind: essay")
    message = _problems(course_dir)
    assert "exercises/speak-freely.yml" in message
    assert "unknown kind 'essay'" in message and "reflection" in message
    assert "nobody defined it" not in message


def test_code_in_a_module_notebook_is_refused(course_dir: Path) -> None:
    path = course_dir / "modules" / "02-what-coproduction-is" / "content.md"
    _edit(path, 'exercise("coproduction-or-not")', 'import os; os.remove("x")')
    message = _problems(course_dir)
    assert "content.md:" in message and "a code cell may only show an exercise" in message


def test_missing_facilitator_notes_are_reported(course_dir: Path) -> None:
    (course_dir / "facilitator_notes" / "01-welcome.md").unlink()
    assert "facilitator notes for this module are missing" in _problems(course_dir)


def test_a_bad_time_gets_a_plain_fix(course_dir: Path) -> None:
    course_file = course_dir / "course" / "course.yml"
    _edit(course_file, 'start_time: "09:30"', 'start_time: "half nine"')
    message = _problems(course_dir)
    assert f"course/course.yml:{_line(course_file, 'start_time')}: error: start_time" in message
    assert "HH:MM" in message


def test_a_bare_no_that_yaml_reads_as_false_gets_a_quoting_fix(course_dir: Path) -> None:
    path = course_dir / "exercises" / "speak-freely.yml"
    text = path.read_text()
    start = text.index("placeholder:")
    end = text.index("\n", start) if "\n" in text[start:] else len(text)
    path.write_text(text[:start] + "placeholder: No" + text[end:])
    message = _problems(course_dir)
    assert f"speak-freely.yml:{_line(path, 'placeholder: No')}: error" in message
    assert "reads as false, not as text" in message and 'in quotes, for example "No"' in message
