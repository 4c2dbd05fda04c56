"""The loaded course: its files' places, its modules and everything in it, as one object."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coproduce.content.interface import InterfaceText
from coproduce.content.model import Course, Glossary, Ladder, ModuleMeta
from coproduce.content.module_notebook import Block
from coproduce.content.payment_rates import PaymentRates
from coproduce.content.run_sheet_words import RunSheetWords
from coproduce.content.techniques import TechniqueCards

COURSE_FILE = Path("course/course.yml")
GLOSSARY_FILE = Path("course/glossary.yml")
INTERFACE_FILE = Path("course/interface.yml")
LADDERS_FILE = Path("course/ladders.yml")
PAYMENT_RATES_FILE = Path("course/payment-rates.yml")
TECHNIQUES_FILE = Path("course/techniques.yml")  # the technique cards; optional
# The accessibility statement, served at {base}/accessibility; a department edits its contacts.
STATEMENT_FILE = Path("course/accessibility.md")
# Notes for the days before the course (support list, wellbeing lead, confidentiality...): not a
# module, so on no agenda; the facilitator pack prints them after the run-sheet, if present.
BEFORE_THE_DAY_NOTES = Path("facilitator_notes/before-the-day.md")
# Kept for a learner who chose no role when joining; shown as the catalogue says (role_name).
NO_ROLE = "Not given"
MODULE_META = "module.yml"
MODULE_CONTENT = "content.md"


def module_content_name(language: str | None = None) -> str:
    """A module's content in the course's own language is content.md; in another language
    the course offers (course.yml's `languages:`), content.<language>.md: content.cy.md."""
    if not language:
        return MODULE_CONTENT
    stem, suffix = MODULE_CONTENT.rsplit(".", 1)
    return f"{stem}.{language}.{suffix}"


@dataclass(frozen=True)
class Module:
    slug: str
    folder: Path
    meta: ModuleMeta
    blocks: list[Block]
    notes_path: Path
    digest: str = ""  # of the content's text as loaded: its key in parsed_modules
    # The language of the content file these blocks were read from, when it is not the
    # course's own (content.cy.md); "" for content.md.
    translation: str = ""
    # The same for its module.yml (objectives, key points, plan), read through module.cy.yml.
    meta_translation: str = ""

    @property
    def content_path(self) -> Path:
        return self.folder / module_content_name(self.translation)


@dataclass
class CourseContent:
    """Everything a course is made of, checked to be consistent."""

    root: Path
    course: Course
    interface: InterfaceText  # the learner app's own words
    modules: dict[str, Module] = field(default_factory=dict)
    exercises: dict[str, Any] = field(default_factory=dict)
    glossary: Glossary | None = None
    ladders: dict[str, Ladder] = field(default_factory=dict)
    payment_rates: PaymentRates | None = None
    techniques: TechniqueCards | None = None
    # The course's own language (course.yml's `language:`), when this is the course as it
    # reads in another (loader.in_language); "" when `course.language` is it.
    own_language: str = ""
    # The exercises read through a translation into `course.language` (ground-rules.cy.yml).
    translated: frozenset[str] = frozenset()

    @property
    def course_language(self) -> str:
        """The language the course's own texts are written in: course.yml, module.yml, the
        exercises and content.md; a module's content.<language>.md is in another."""
        return self.own_language or self.course.language

    @property
    def run_sheet_words(self) -> RunSheetWords:
        """The run-sheet's words, in the course's language (the catalogue's `run_sheet:`)."""
        return self.interface.run_sheet

    def role_name(self, role: str) -> str:
        """A role learners joined with, as the page's language names it."""
        if role == NO_ROLE:
            return self.interface.results.no_role
        return self.course.shown("roles", role)

    def ordered_modules(self) -> list[Module]:
        return [self.modules[slug] for slug in self.course.module_slugs]
