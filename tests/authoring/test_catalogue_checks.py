"""`coproduce check` on translations: keys, {slots} and plural forms, each with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduce.authoring.check import run_checks

SOURCE = Path("course/interface.yml")


def _translation(course: Path, language: str, *edits: tuple[str, str]) -> Path:
    """interface.<language>.yml: the English source with some lines changed."""
    text = (course / SOURCE).read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = course / "course" / f"interface.{language}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _line(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def _report(course: Path) -> list[str]:
    report = run_checks(course)
    return [problem.render(course) for problem in report.errors]


def test_the_course_as_it_comes_has_no_catalogue_problems() -> None:
    root = Path(__file__).resolve().parents[2]
    assert not [p for p in run_checks(root).errors if "interface" in p.path.name]


def test_a_missing_key_is_named_at_its_section(course_dir: Path) -> None:
    path = _translation(course_dir, "de", ("  skip_link: Skip to the course\n", ""))
    (problem,) = _report(course_dir)
    assert problem.startswith(f"course/interface.de.yml:{_line(path, 'page:')}: error: ")
    assert "'page.skip_link' is missing" in problem


def test_an_extra_key_is_named_at_its_line(course_dir: Path) -> None:
    path = _translation(course_dir, "de", ("  skip_link: ", "  skip_lnk: "))
    problems = _report(course_dir)
    extra = next(p for p in problems if "skip_lnk" in p)
    assert extra.startswith(f"course/interface.de.yml:{_line(path, 'skip_lnk')}: error: ")
    assert "'page.skip_lnk' is not in interface.yml" in extra and "skip_link" in extra
    assert any("'page.skip_link' is missing" in p for p in problems)


def test_a_lost_slot_is_named(course_dir: Path) -> None:
    path = _translation(course_dir, "de", ("with the code {code}.", "with the code."))
    (problem,) = _report(course_dir)
    assert problem.startswith(f"course/interface.de.yml:{_line(path, 'wrong_code')}: error: ")
    assert "'join.wrong_code' has lost {code}" in problem


def test_an_added_slot_is_named(course_dir: Path) -> None:
    path = _translation(course_dir, "de", ("  button: Join\n", "  button: Join {name}\n"))
    (problem,) = _report(course_dir)
    assert problem.startswith(f"course/interface.de.yml:{_line(path, 'Join {name}')}: error: ")
    assert "'join.button' has {name}, which interface.yml does not" in problem


def test_a_lost_slot_in_the_other_form_of_a_plural_is_named(course_dir: Path) -> None:
    path = _translation(
        course_dir, "de", ('    other: "{total} people joined."', '    other: "Many joined."')
    )
    (problem,) = _report(course_dir)
    assert problem.startswith(f"course/interface.de.yml:{_line(path, '  joined:')}: error: ")
    assert "'trainer.joined' has lost {total}" in problem


def test_a_brace_on_its_own_is_named(course_dir: Path) -> None:
    path = _translation(course_dir, "de", ("  button: Join\n", "  button: Join {\n"))
    (problem,) = _report(course_dir)
    assert problem.startswith(f"course/interface.de.yml:{_line(path, 'Join {')}: error: ")
    assert "brace on its own" in problem


def test_a_plural_missing_forms_the_language_needs_is_named(course_dir: Path) -> None:
    """Welsh needs zero, one, two, few, many and other: English's one and other are not enough."""
    path = _translation(course_dir, "cy")
    problems = _report(course_dir)
    joined = next(p for p in problems if "trainer.joined" in p)
    assert joined.startswith(f"course/interface.cy.yml:{_line(path, '  joined:')}: error: ")
    assert "'cy' needs the forms zero, two, few, many as well" in joined
    assert any("server.pool_ready" in p for p in problems)


def test_a_plain_text_serves_every_number_in_any_language(course_dir: Path) -> None:
    _translation(
        course_dir,
        "cy",
        ('    one: "{total} person joined."\n', ""),
        ('    other: "{total} people joined."\n', ""),
        ("  joined:\n", '  joined: "Wedi ymuno: {total}"\n'),
        ('    one: "Ready for {ready} more person', '    zero: "Ready for {ready} more person'),
    )
    problems = _report(course_dir)
    assert not any("trainer.joined" in p for p in problems)
    # Every other English plural text (one and other only) misses Welsh forms too; this test
    # looks at the two it changed.
    (pool,) = [p for p in problems if "'server.pool_ready'" in p]
    assert "one, two, few, many" in pool


def test_a_form_that_is_no_plural_category_is_named(course_dir: Path) -> None:
    path = _translation(
        course_dir, "de", ('    one: "{total} person', '    single: "{total} person')
    )
    (problem,) = _report(course_dir)
    assert problem.startswith(f"course/interface.de.yml:{_line(path, '  joined:')}: error: ")
    assert "forms named single" in problem


def test_the_english_source_needs_its_own_forms(course_dir: Path) -> None:
    path = course_dir / SOURCE
    text = path.read_text(encoding="utf-8")
    old = '    one: "{total} person joined."\n'
    path.write_text(text.replace(old, '    zero: "Nobody joined yet {total}."\n'), "utf-8")
    (problem,) = _report(course_dir)
    assert problem.startswith(f"course/interface.yml:{_line(path, '  joined:')}: error: ")
    assert "'en' needs the forms one as well" in problem


@pytest.mark.parametrize("language", ["qq", "not-a-tag"])
def test_a_language_babel_does_not_know_is_named(course_dir: Path, language: str) -> None:
    _translation(course_dir, language)
    problems = _report(course_dir)
    assert any(
        p.startswith(f"course/interface.{language}.yml: error: ") and "Babel" in p for p in problems
    )
    course = course_dir / "course" / "course.yml"
    course.write_text(
        course.read_text("utf-8").replace("\nlanguage: en\n", f"\nlanguage: {language}\n"),
        "utf-8",
    )
    problems = _report(course_dir)
    assert any(
        p.startswith(f"course/course.yml:{_line(course, 'language:')}: error: the language")
        for p in problems
    )
