"""`coproduce check` on a course offered in several languages (course.yml's `languages:`): each
language needs its catalogue (an error naming course.yml); a part without its content in a
language is a warning naming the file to write (the part falls back to the course's own
language); a translation must show the same exercises as content.md; and the server's parsed
modules hold each translation, so a learner kernel need not parse it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coproduce.authoring.check import run_checks
from coproduce.content import loader
from coproduce.content.errors import ContentProblem
from coproduce.content.loader import in_language, load_course
from coproduce.content.module_notebook import read_blocks, text_digest
from coproduce.content.parsed_modules import read_parsed_modules, write_parsed_modules
from coproduce.content.readability import words_per_sentence

from ..support.two_languages import TRANSLATED, offer_languages


def _line(problem: ContentProblem) -> str:
    assert problem.line is not None, problem.render()
    return problem.path.read_text(encoding="utf-8").splitlines()[problem.line - 1]


def test_each_part_without_its_welsh_content_is_a_warning_naming_the_file(
    course_dir: Path,
) -> None:
    offer_languages(course_dir)
    report = run_checks(course_dir)
    assert report.errors == [], [p.render() for p in report.errors]
    content = load_course(course_dir)
    missing = {
        module.folder / "content.cy.md"
        for module in content.ordered_modules()
        if module.slug != TRANSLATED
    }
    warned = {p.path for p in report.warnings if "content in it" in p.message}
    assert warned == missing
    for problem in report.warnings:
        if problem.path in missing:
            assert "'cy'" in problem.message and "content.md" in problem.message
            assert problem.render(content.root).startswith("modules/")


def test_a_language_without_a_catalogue_is_an_error_naming_course_yml(course_dir: Path) -> None:
    offer_languages(course_dir, ["en", "pl"])
    report = run_checks(course_dir)
    assert len(report.errors) == 1, [p.render() for p in report.errors]
    problem = report.errors[0]
    assert problem.path.name == "course.yml"
    assert _line(problem).startswith("languages:")
    assert "'pl'" in problem.message and "interface.pl.yml" in problem.message


def test_the_default_language_comes_first(course_dir: Path) -> None:
    offer_languages(course_dir, ["cy", "en"])
    report = run_checks(course_dir)
    assert report.errors, "language: en with languages: [cy, en] should be refused"
    assert report.errors[0].path.name == "course.yml"
    assert "first" in report.errors[0].message


def test_languages_alone_name_the_default(course_dir: Path) -> None:
    path = course_dir / "course" / "course.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["language"]
    data["languages"] = ["cy", "en"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    content = load_course(course_dir)
    assert content.course.language == "cy"
    assert content.interface.join.language_label == "Iaith"


def test_a_translation_must_show_the_same_exercises(course_dir: Path) -> None:
    offer_languages(course_dir)
    translated = course_dir / "modules" / TRANSLATED / "content.cy.md"
    text = translated.read_text(encoding="utf-8")
    cell = '```{code-cell} ipython3\nexercise("speak-freely")\n```\n'
    assert cell in text
    translated.write_text(text.replace(cell, ""), encoding="utf-8")
    report = run_checks(course_dir)
    named = [p for p in report.errors if p.path.name == "content.cy.md"]
    assert named, [p.render() for p in report.problems]
    assert "speak-freely" in named[0].message


def test_a_translations_headings_are_checked(course_dir: Path) -> None:
    offer_languages(course_dir)
    translated = course_dir / "modules" / TRANSLATED / "content.cy.md"
    text = translated.read_text(encoding="utf-8")
    assert "## Eich tro chi" in text
    translated.write_text(text.replace("## Eich tro chi", "#### Eich tro chi"), "utf-8")
    report = run_checks(course_dir)
    assert any(p.path.name == "content.cy.md" for p in report.problems), [
        p.render() for p in report.problems
    ]


def test_the_server_parses_each_translation_once_for_the_kernels(
    course_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offer_languages(course_dir)
    content = load_course(course_dir)
    path = write_parsed_modules(content, tmp_path / "parsed.json")
    parsed = read_parsed_modules(path)
    translated = course_dir / "modules" / TRANSLATED / "content.cy.md"
    text = translated.read_text(encoding="utf-8")
    blocks, _problems = read_blocks(translated, text)
    assert parsed[text_digest(text)] == blocks
    # A kernel given them reads the Welsh part from them, without parsing the file.

    def no_parsing(*_args: object) -> None:
        raise AssertionError("a kernel parsed a notebook the server had parsed")

    monkeypatch.setattr(loader, "read_blocks", no_parsing)
    welsh = in_language(content, "cy", parsed=parsed)
    assert welsh.modules[TRANSLATED].blocks == blocks
    assert welsh.modules[TRANSLATED].translation == "cy"


def test_a_translation_whose_sentences_run_far_longer_than_its_source_is_a_warning(
    course_dir: Path,
) -> None:
    """Reading ease is measured for English only; sentence length carries to any language."""
    offer_languages(course_dir)
    welsh = course_dir / "modules" / TRANSLATED / "content.cy.md"
    assert not [p for p in run_checks(course_dir).warnings if p.path == welsh]
    text = welsh.read_text(encoding="utf-8")
    first = "Croeso. "  # the part's first sentence, made to ramble on and on
    assert first in text
    rambling = " ".join(["Croeso"] + ["a hefyd rhywbeth arall i feddwl amdano"] * 40) + ". "
    welsh.write_text(text.replace(first, rambling, 1), encoding="utf-8")
    (found,) = [p for p in run_checks(course_dir).warnings if p.path == welsh]
    assert "content.md" in found.message and "words on average" in found.message


def test_sentence_length_is_counted_in_urdu_and_welsh_too() -> None:
    full_stop = "\u06d4"  # Urdu's own
    assert words_per_sentence(f"یہ ایک جملہ ہے{full_stop} یہ دوسرا ہے{full_stop}") == 3.5
    assert words_per_sentence("Mae hyn yn frawddeg. Dyma un arall, ŵyr.") == 4.0
    assert words_per_sentence("") == 0.0


def test_yaml_files_without_a_translation_are_one_warning_a_part(course_dir: Path) -> None:
    offer_languages(course_dir)
    report = run_checks(course_dir)
    content = load_course(course_dir)
    gaps = [p for p in report.warnings if "have no translation" in p.message]
    # 01-welcome's module.yml and exercises have theirs (module.cy.yml, ground-rules.cy.yml...),
    # and so has course.yml (course.cy.yml); the course-wide warning is on the first without.
    assert {p.path for p in gaps} == {
        module.folder / "module.yml"
        for module in content.ordered_modules()
        if module.slug != TRANSLATED
    } | {course_dir / "course" / "glossary.yml"}
    (course_wide,) = [p for p in gaps if p.path.parent.name == "course"]
    assert "course/ladders.yml" in course_wide.message
    assert "course/course.yml" not in course_wide.message
    (power,) = [p for p in gaps if p.path.parent.name == "03-power"]
    assert "exercises/my-sources-of-power.yml" in power.message and "'cy'" in power.message
    assert "my-sources-of-power.cy.yml" not in power.message and "module.cy.yml" in power.fix


def test_a_translation_that_leaves_words_out_is_a_warning_naming_them(course_dir: Path) -> None:
    offer_languages(course_dir)
    path = course_dir / "exercises" / "speak-freely.cy.yml"
    kept = [line for line in path.read_text(encoding="utf-8").splitlines() if "prompt" not in line]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    (found,) = [p for p in run_checks(course_dir).warnings if p.path == path]
    assert "leaves 1 of speak-freely.yml's texts in 'en': prompt" in found.message


def test_a_translation_that_changes_what_is_not_words_is_an_error_at_its_line(
    course_dir: Path,
) -> None:
    offer_languages(course_dir)
    path = course_dir / "exercises" / "ground-rules.cy.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nnoun: rheol sylfaenol\n" in text
    path.write_text(text + "max_words: 5\n", encoding="utf-8")
    errors = run_checks(course_dir).errors
    assert {p.path for p in errors} == {path}, [p.render() for p in errors]
    (number,) = errors
    assert "max_words: only words can be translated" in number.message
    assert _line(number) == "max_words: 5"
    # Once it holds only words, a word too long for its place is named there too.
    long = "noun: " + "rheol sylfaenol " * 5
    path.write_text(text.replace("noun: rheol sylfaenol", long), encoding="utf-8")
    (long_noun,) = run_checks(course_dir).errors
    assert long_noun.path == path and _line(long_noun).startswith("noun:")


def test_a_translation_with_no_source_beside_it_is_a_warning(course_dir: Path) -> None:
    """A misspelt name (ground-rule.cy.yml) would never be read: the checker says so, whether
    or not the course offers the language yet."""
    misspelt = course_dir / "exercises" / "ground-rule.cy.yml"
    misspelt.write_text("title: Ein rheolau\n", encoding="utf-8")
    stray = course_dir / "modules" / "01-welcome" / "modul.cy.yml"
    stray.write_text("title: Croeso\n", encoding="utf-8")
    report = run_checks(course_dir)
    assert report.errors == []
    warned = {p.path: p for p in report.warnings if "nothing reads it" in p.message}
    assert set(warned) == {misspelt, stray}
    assert "ground-rule.yml" in warned[misspelt].message and "'cy'" in warned[misspelt].message
