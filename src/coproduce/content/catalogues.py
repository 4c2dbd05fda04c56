"""Which catalogue of interface words a course speaks: course/interface.yml is the English
source; a translation is course/interface.<lang>.yml with the same keys (docs/languages.md)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coproduce.content.author_messages import problem
from coproduce.content.course import COURSE_FILE, INTERFACE_FILE
from coproduce.content.errors import ContentProblem
from coproduce.content.yaml_lines import key_line

if TYPE_CHECKING:
    from coproduce.content.model import Course

SOURCE_LANGUAGE = "en"  # the language of course/interface.yml


def catalogue_name(language: str) -> str:
    return f"{INTERFACE_FILE.stem}.{language}{INTERFACE_FILE.suffix}"


def catalogue_candidates(language: str) -> list[Path]:
    """The files that may hold a language's words, best first: `cy-GB`, then `cy`; English
    ends with the source itself. Never another language's: a page in Welsh that fell back to
    English without a word would hide a missing translation."""
    base = language.replace("_", "-").split("-")[0]
    names = [catalogue_name(language)]
    if base != language:
        names.append(catalogue_name(base))
    paths = [INTERFACE_FILE.parent / name for name in names]
    if base.lower() == SOURCE_LANGUAGE:
        paths.append(INTERFACE_FILE)
    return paths


def catalogue_path(root: Path, language: str) -> Path | None:
    """The catalogue the course's pages speak, or None when the language has none."""
    return next(
        (root / path for path in catalogue_candidates(language) if (root / path).is_file()),
        None,
    )


def translations(root: Path) -> list[Path]:
    """Every course/interface.<lang>.yml beside the source."""
    folder = root / INTERFACE_FILE.parent
    return sorted(folder.glob(f"{INTERFACE_FILE.stem}.*{INTERFACE_FILE.suffix}"))


def language_of(path: Path) -> str:
    """`cy` for course/interface.cy.yml."""
    return path.name.removeprefix(f"{INTERFACE_FILE.stem}.").removesuffix(INTERFACE_FILE.suffix)


def missing_catalogues(root: Path, course: Course) -> list[ContentProblem]:
    """Each language course.yml offers besides its own (`languages:`, `trainer_language:`) has
    its catalogue: a page in a language without one would have no words."""
    problems = []
    wanted = {language: "languages" for language in course.languages}
    if course.trainer_language:
        wanted[course.trainer_language] = "trainer_language"
    for language, key in wanted.items():
        if language != course.language and catalogue_path(root, language) is None:
            problems.append(no_catalogue(root, language, key))
    return problems


def no_catalogue(root: Path, language: str, key: str) -> ContentProblem:
    path = root / COURSE_FILE
    line = key_line(path, key)
    names = " or ".join(str(candidate) for candidate in catalogue_candidates(language))
    first = catalogue_candidates(language)[0]
    if key == "language":
        return problem(
            "catalogue.none_for_language", path, line, language=language, names=names, first=first
        )
    if key == "languages":
        return problem(
            "catalogue.none_for_languages", path, line, language=language, names=names, first=first
        )
    if key == "trainer_language":
        return problem(
            "catalogue.none_for_trainer_language",
            path,
            line,
            language=language,
            names=names,
            first=first,
        )
    raise KeyError(key)
