"""A copy of the course offered in two languages (tests/fixtures/languages/two-languages.yml):
English, its own, and Welsh, with 01-welcome's content in Welsh and the other parts not yet."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..conftest import copy_course

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "languages" / "two-languages.yml"
TRANSLATED = "01-welcome"  # the one part with Welsh content (content.cy.md)


def offer_languages(course: Path, languages: list[str] | None = None) -> Path:
    """Offer the course copy under `course` in the fixture's languages (or in `languages`)."""
    extra = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    if languages is not None:
        extra["languages"] = languages
    path = course / "course" / "course.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text, "course.yml no longer says language: en"
    listed = yaml.safe_dump(extra, default_flow_style=None, allow_unicode=True)
    path.write_text(text.replace("\nlanguage: en\n", f"\nlanguage: en\n{listed}"), "utf-8")
    return course


def two_language_course(target: Path, languages: list[str] | None = None) -> Path:
    """A copy of the course at `target`, offered in English and Welsh."""
    return offer_languages(copy_course(target), languages)
