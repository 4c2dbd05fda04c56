"""`coproduce check`: the lesson checker. Loads everything, runs every check, reports.

Exit codes: 0 when there are no errors (warnings allowed), 1 when there are errors (or, with
--strict, warnings), 2 when no course is found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from coproduce.authoring.answer_lengths import check_answer_lengths
from coproduce.authoring.catalogue_checks import check_catalogues
from coproduce.authoring.lesson_checks import (
    PLAIN_WORDS_FILE,
    check_brand_colours,
    check_cards_plain,
    check_day_fits,
    check_headings,
    check_images_and_links,
    check_interface_plain,
    check_jargon,
    check_plain_language,
    check_rates_plain,
    check_statement,
    check_translation_plain,
    known_words,
    read_markdown,
)
from coproduce.authoring.translation_gaps import orphan_translations, translation_gaps
from coproduce.content.author_messages import problem, say
from coproduce.content.course import CourseContent, module_content_name
from coproduce.content.errors import ContentError, ContentProblem
from coproduce.content.loader import in_language, load_course


@dataclass
class CheckReport:
    root: Path
    problems: list[ContentProblem] = field(default_factory=list)

    @property
    def errors(self) -> list[ContentProblem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def warnings(self) -> list[ContentProblem]:
        return [problem for problem in self.problems if problem.severity == "warning"]


def run_checks(root: Path) -> CheckReport:
    report = CheckReport(root)
    try:
        content = load_course(root)
    except ContentError as error:
        report.problems += error.problems
        return report
    report.problems += lesson_problems(content)
    # A catalogue the translation checks found wrong is not reported twice.
    reported = {problem.path for problem in report.problems}
    report.problems += [p for p in language_problems(content) if p.path not in reported]
    return report


def language_problems(content: CourseContent) -> list[ContentProblem]:
    """The course as each other language it names reads it: its catalogue loads, and each
    module's content in a language learners may choose is there and sound."""
    problems: list[ContentProblem] = []
    for language in _other_languages(content):
        if language == content.course.language:
            continue
        try:
            translated = in_language(content, language)
        except ContentError as error:
            problems += error.problems
            continue
        if language not in content.course.languages:
            continue  # the trainer's alone: no learner reads the modules in it
        for module in translated.ordered_modules():
            if module.translation != language:
                problems.append(_untranslated(content, module.content_path, language))
                continue
            doc = read_markdown(module.content_path)
            problems += check_headings(doc)
            problems += check_images_and_links(doc)
            source = read_markdown(content.modules[module.slug].content_path)
            problems += check_translation_plain(source, doc)
        problems += translation_gaps(content, language)
    return problems


def _untranslated(content: CourseContent, content_md: Path, language: str) -> ContentProblem:
    """A warning, not an error: the part is still there for a learner who chose `language`, in
    the course's own language, and the page says so (see docs/languages.md)."""
    wanted = content_md.with_name(module_content_name(language))
    return problem(
        "translation.part_missing",
        wanted,
        None,
        severity="warning",
        language=language,
        source=content_md.name,
        default=content.course.language,
        wanted=wanted.name,
    )


def lesson_problems(content: CourseContent) -> list[ContentProblem]:
    problems = check_day_fits(content)
    problems += check_brand_colours(content)
    problems += check_interface_plain(content)
    problems += check_catalogues(content.root, content.course.language, _other_languages(content))
    problems += check_rates_plain(content)
    problems += check_cards_plain(content)
    problems += check_statement(content)
    problems += check_answer_lengths(content)
    problems += orphan_translations(content.root)
    known = known_words(content, _plain_words(content.root))
    for module in content.ordered_modules():
        doc = read_markdown(module.content_path)
        problems += check_headings(doc)
        problems += check_images_and_links(doc)
        problems += check_plain_language(doc, module)
        problems += check_jargon(doc, known)
    return problems


def _other_languages(content: CourseContent) -> dict[str, str]:
    """The languages course.yml names besides its own, by the key that names them."""
    course = content.course
    others = {language: "languages" for language in course.languages}
    if course.trainer_language:
        others[course.trainer_language] = "trainer_language"
    return others


def _plain_words(root: Path) -> list[str]:
    path = root / PLAIN_WORDS_FILE
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [str(word) for word in data.get("words", [])]


def check_course(root: Path, strict: bool = False) -> int:
    report = run_checks(root)
    for found in [*report.errors, *report.warnings]:
        print(found.render(root))
    errors, warnings = len(report.errors), len(report.warnings)
    counted = say("check.warnings", count=warnings)
    if errors or (strict and warnings):
        print(
            "\n" + say("check.failed", errors=say("check.errors", count=errors), warnings=counted)
        )
        return 1
    print("\n" + say("check.passed", warnings=counted))
    return 0
