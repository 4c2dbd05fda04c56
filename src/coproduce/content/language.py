"""The course's language as Babel knows it: its locale, its text direction, and the `lang` and
`dir` of every page the kit serves or builds (course.yml's `language:`)."""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Literal

from babel import Locale, UnknownLocaleError

_TAG = re.compile(r"^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$")


@cache
def locale(language: str) -> Locale:
    """Babel's locale for a language tag such as `en`, `cy`, `pt-BR` or `ar`; for a tag whose
    region Babel does not know, its language's.

    Raises ValueError for a tag Babel does not know (`coproduce check` names it in course.yml).
    """
    tag = language.replace("-", "_")
    for candidate in dict.fromkeys([tag, tag.split("_")[0]]):
        # A region Babel lacks (en-XA, the pseudo-locale) falls back to its language's rules.
        try:
            return Locale.parse(candidate)
        except (ValueError, TypeError, UnknownLocaleError):
            continue
    raise ValueError(f"'{language}' is not a language tag Babel knows")


def text_direction(language: str) -> Literal["ltr", "rtl"]:
    """ "rtl" for a language written right to left (Arabic, Urdu, Hebrew...), else "ltr"."""
    try:
        return "rtl" if locale(language).text_direction == "rtl" else "ltr"
    except ValueError:
        return "ltr"  # an unknown tag is reported by the checker; the page still shows


def page_attributes(language: str) -> str:
    """`lang="cy" dir="ltr"`: the attributes of a page's <html> element, escaped."""
    tag = language if _TAG.match(language) else "en"
    return f'lang="{html.escape(tag)}" dir="{text_direction(tag)}"'


def own_name(language: str) -> str:
    """A language's name in itself, by Babel: "Cymraeg", "English", "اردو": how a learner who
    reads it finds it in a list of languages. An unknown tag is named by itself."""
    try:
        found = locale(language)
    except ValueError:
        return language
    name = found.get_display_name(found) or language
    return name[:1].upper() + name[1:]


def name_in(language: str, reader: str) -> str:
    """A language's name in the reader's language, by Babel: English is "Saesneg" in Welsh."""
    try:
        return locale(language).get_display_name(locale(reader)) or language
    except ValueError:
        return language
