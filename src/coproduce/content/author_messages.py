"""The lesson checker's messages for authors, by key, from author_messages.yml beside this file.

The same mechanism as the interface words (a keyed catalogue, checked by pydantic, plural forms
through Babel), but one catalogue in English: authors read these, not learners
(docs/languages.md, "The checker's messages").

    problem("ladder.unknown", path, line, ladder="arnstien", file=LADDERS_FILE, suggestion="")

A key not in the catalogue, or a {slot} left unfilled or not in its text, raises at once.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from string import Formatter
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, RootModel, field_validator, model_validator

from coproduce.content.errors import ContentProblem
from coproduce.content.plurals import PluralText, plural

CATALOGUE = "author_messages.yml"
LANGUAGE = "en"
_KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")

Severity = Literal["error", "warning"]


def slots_of(text: PluralText) -> set[str]:
    """The {slots} of a text, or of every form of a plural text. ValueError for a lone brace
    or a slot without a name."""
    found: set[str] = set()
    for form in text.values() if isinstance(text, dict) else [text]:
        for _, field, _, _ in Formatter().parse(form):
            if field is None:
                continue
            name = re.split(r"[.\[]", field)[0]
            if not name.isidentifier():
                raise ValueError(f"'{form}' has a slot with no name: write {{name}}")
            found.add(name)
    return found


class Entry(BaseModel):
    """One message, with the fix for a problem; `message` alone for a piece of another."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    message: PluralText
    fix: PluralText = ""

    @model_validator(mode="after")
    def _sound(self) -> Entry:
        for text in (self.message, self.fix):
            if isinstance(text, dict):
                if not {"one", "other"} <= set(text):
                    raise ValueError("a plural text in English needs its one: and other: forms")
                if "count" not in slots_of(text):
                    raise ValueError("a plural text fills in {count}, which picks the form")
        if "severity" in self.slots:
            raise ValueError("{severity} is problem()'s own argument: name the slot otherwise")
        return self

    @property
    def slots(self) -> set[str]:
        return slots_of(self.message) | slots_of(self.fix)


class Catalogue(RootModel[dict[str, Entry]]):
    @field_validator("root")
    @classmethod
    def _keys(cls, entries: dict[str, Entry]) -> dict[str, Entry]:
        bad = [key for key in entries if not _KEY.match(key)]
        if bad:
            raise ValueError(f"keys are dotted lower-case names, not {', '.join(bad)}")
        return entries


@cache
def catalogue() -> dict[str, Entry]:
    text = files("coproduce.content").joinpath(CATALOGUE).read_text(encoding="utf-8")
    return Catalogue.model_validate(yaml.safe_load(text)).root


def problem(
    key: str, path: Path, line: int | None, /, severity: Severity = "error", **slots: object
) -> ContentProblem:
    """The problem `key` names, at `path` and `line`, its {slots} filled from `slots`."""
    entry = _entry(key, slots)
    message, fix = (_fill(text, slots) for text in (entry.message, entry.fix))
    return ContentProblem(path, line, message, fix, severity=severity)


def say(key: str, /, **slots: object) -> str:
    """The text of `key`: a piece of another message (a suggestion, a list), or a line."""
    entry = _entry(key, slots)
    if entry.fix:
        raise ValueError(f"the author message '{key}' is a problem with a fix: use problem()")
    return _fill(entry.message, slots)


def _entry(key: str, slots: dict[str, object]) -> Entry:
    entry = catalogue().get(key)
    if entry is None:
        raise KeyError(f"no author message '{key}' in {CATALOGUE}")
    missing = entry.slots - set(slots)
    if missing:
        raise KeyError(f"the author message '{key}' needs {_names(missing)} filled in")
    extra = set(slots) - entry.slots
    if extra:
        raise TypeError(f"the author message '{key}' has no {_names(extra)} to fill in")
    return entry


def _fill(text: PluralText, slots: dict[str, object]) -> str:
    if isinstance(text, dict):
        count = slots["count"]
        if not isinstance(count, int | float):
            raise TypeError(f"{{count}} picks the plural form, so it is a number, not {count!r}")
        text = plural(text, count, LANGUAGE)
    return text.format(**slots)


def _names(slots: set[str]) -> str:
    return ", ".join(f"{{{slot}}}" for slot in sorted(slots))
