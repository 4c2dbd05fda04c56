"""Texts that change with a number ("1 person", "3 people"), picked by the language's own rules.

In a catalogue (course/interface.yml, course/interface.<lang>.yml) such a text is either one
string, used for every number, or a mapping of CLDR plural categories to strings:

    joined: {one: "1 person has joined.", other: "{total} people have joined."}

English needs `one` and `other`; Welsh needs `zero`, `one`, `two`, `few`, `many` and `other`;
Arabic the same six. Which category a number falls in is Babel's to say (CLDR data), never ours.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from coproduce.content.language import locale

Category = Literal["zero", "one", "two", "few", "many", "other"]
CATEGORIES: tuple[Category, ...] = ("zero", "one", "two", "few", "many", "other")
# A text of the interface: the same for every number, or one form per plural category.
PluralText = str | dict[Category, str]


def categories(language: str) -> set[str]:
    """The plural categories a language needs: `other` always, and those its rules name."""
    return {*locale(language).plural_form.tags, "other"}


def category(count: int | float, language: str) -> str:
    return str(locale(language).plural_form(count))


def plural(text: PluralText | Mapping[str, str], count: int | float, language: str) -> str:
    """The form of `text` for `count` in `language` (not yet filled in: call .format on it).

    A plain string is the same for every number. A mapping without the category the number
    falls in gives its `other` form, which every plural text has.
    """
    if isinstance(text, str):
        return text
    forms: Mapping[Any, str] = text
    return forms.get(category(count, language)) or forms["other"]


def forms(value: object) -> list[str]:
    """Every string in a catalogue value: a text, a list of texts, or a plural mapping."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [str(form) for form in value.values()]
    if isinstance(value, list):
        return [form for item in value for form in forms(item)]
    return [str(value)]
