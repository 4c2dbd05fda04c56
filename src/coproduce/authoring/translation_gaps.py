"""`coproduce check` on what a language the course offers still shows in the course's own: the
YAML files (module.yml, the exercises, course.yml and the course-wide lists) with no
translation beside them, and the words a translation leaves out. Warnings, not errors: a
learner who chose the language still gets every part, partly in the course's own language.
And a translation with no source beside it (a misspelt name), which nothing would ever read."""

from __future__ import annotations

from pathlib import Path

from coproduce.content.author_messages import problem, say
from coproduce.content.catalogues import translations as catalogues
from coproduce.content.course import (
    COURSE_FILE,
    GLOSSARY_FILE,
    LADDERS_FILE,
    MODULE_META,
    TECHNIQUES_FILE,
    CourseContent,
    Module,
)
from coproduce.content.errors import ContentError, ContentProblem
from coproduce.content.timings import run_exercises
from coproduce.content.translations import is_translation, translation_of, untranslated
from coproduce.content.yaml_lines import load_yaml

SHOWN_KEYS = 4  # untranslated keys named in one warning; the rest are counted


def translation_gaps(content: CourseContent, language: str) -> list[ContentProblem]:
    """Every part's files, then the course's own, in `language`."""
    root = content.root
    problems: list[ContentProblem] = []
    for module in content.ordered_modules():
        problems += _gaps(content, _module_files(content, module), language)
    course_files = [root / COURSE_FILE] + [
        root / name for name in (GLOSSARY_FILE, LADDERS_FILE, TECHNIQUES_FILE)
    ]
    problems += _gaps(content, [path for path in course_files if path.is_file()], language)
    return problems


def _module_files(content: CourseContent, module: Module) -> list[Path]:
    exercises = content.root / "exercises"
    return [module.folder / MODULE_META] + [
        exercises / f"{exercise_id}.yml" for exercise_id in run_exercises(content, module)
    ]


def _gaps(content: CourseContent, paths: list[Path], language: str) -> list[ContentProblem]:
    """One warning on the first file for those with no translation; one per translation that
    leaves words in the course's own language."""
    problems: list[ContentProblem] = []
    missing = [path for path in paths if not translation_of(path, language).is_file()]
    if missing:
        problems.append(_missing(content, missing, language))
    for path in paths:
        target = translation_of(path, language)
        if target.is_file():
            problems += _left_out(content, path, target, language)
    return problems


def _missing(content: CourseContent, paths: list[Path], language: str) -> ContentProblem:
    names = ", ".join(str(path.relative_to(content.root)) for path in paths)
    wanted = ", ".join(translation_of(path, language).name for path in paths[:2])
    if len(paths) > 2:
        wanted = say("list.and_so_on", names=wanted)
    return problem(
        "translation.files_missing",
        paths[0],
        None,
        severity="warning",
        language=language,
        course_language=content.course_language,
        names=names,
        wanted=wanted,
    )


def _left_out(
    content: CourseContent, path: Path, target: Path, language: str
) -> list[ContentProblem]:
    try:
        keys = untranslated(load_yaml(path), load_yaml(target) or {})
    except ContentError:
        return []  # a translation that does not read is an error the loader has named
    if not keys:
        return []
    shown = ", ".join(keys[:SHOWN_KEYS])
    if len(keys) > SHOWN_KEYS:
        shown = say("list.and_more", names=shown, count=len(keys) - SHOWN_KEYS)
    return [
        problem(
            "translation.texts_left_out",
            target,
            None,
            severity="warning",
            count=len(keys),
            source=path.name,
            course_language=content.course_language,
            shown=shown,
            language=language,
        )
    ]


def orphan_translations(root: Path) -> list[ContentProblem]:
    """Each `<name>.<lang>.yml` whose `<name>.yml` is not there: never read, so a warning."""
    found = [
        *(root / "exercises").glob("*.yml"),
        *(root / "modules").glob("*/*.yml"),
        *(root / COURSE_FILE.parent).glob("*.yml"),
    ]
    kept = set(catalogues(root))  # course/interface.<lang>.yml: the catalogue checks' own
    problems = []
    for path in sorted(found):
        if not is_translation(path) or path in kept:
            continue
        name, language = path.stem.rsplit(".", 1)
        source = path.with_name(f"{name}{path.suffix}")
        if not source.is_file():
            problems.append(
                problem(
                    "translation.orphan",
                    path,
                    None,
                    severity="warning",
                    language=language,
                    source=source.name,
                    suffix=path.suffix,
                )
            )
    return problems
