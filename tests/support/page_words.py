"""What a page may show in the pseudo-locale, besides the catalogue's marked words: the
course's own data (its modules, exercises, ladders, glossary, course.yml and payment rates), and
numbers and times. Shared by the browser test and the built packs' test."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from coproduce.content.course import BEFORE_THE_DAY_NOTES, CourseContent
from coproduce.content.formats import day
from coproduce.content.markdown import render_markdown
from coproduce.content.module_notebook import ExerciseBlock
from coproduce.content.payment_rates import PaymentRates

from .pseudo_locale import CLOSE, OPEN

NUMBERS = re.compile("^[\\d\\s:;.,!?%/()\\-\u2013\u2014+\u00d7\u00b7\u201c\u201d\u2018\u2019\"']*$")
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
SHOWN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


class _Shown(HTMLParser):
    """What a reader meets on a built page: its text (not its styles) and its labels."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("style", "script")
        self.texts += [value or "" for name, value in attrs if name in SHOWN_ATTRIBUTES]

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.texts.append(data)


def shown(page: str) -> list[str]:
    parser = _Shown()
    parser.feed(page)
    return parser.texts


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def _words(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _words(key)  # a glossary's terms are its keys
            yield from _words(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _words(item)


def _norm(text: str) -> str:
    return " ".join(text.split())


def content_texts(content: CourseContent) -> set[str]:
    """Every text the course's own data puts on a page: module text as rendered, module
    details, exercises, ladders and the glossary."""
    found: set[str] = set()
    for module in content.modules.values():
        for block in module.blocks:
            if isinstance(block, ExerciseBlock):
                continue
            parser = _Texts()
            parser.feed(render_markdown(block.text, module.folder))
            found.update(parser.texts)
        found.update(_words(module.meta.model_dump()))
    for exercise in content.exercises.values():
        found.update(_words(exercise.model_dump()))
    found.update(_words(content.course.model_dump(warnings=False)))
    for slot in content.course.agenda:
        found.update(_words(vars(slot)))
    for ladder in content.ladders.values():
        found.update(_words(ladder.model_dump()))
    found.update(_words(content.glossary.model_dump()))
    # The payment rates, read as they are: the department's data, like the modules; their
    # words with each day filled in as Babel writes it.
    rates = content.root / "course" / "payment-rates.yml"
    found.update(_words(yaml.safe_load(rates.read_text(encoding="utf-8"))))
    if content.payment_rates is not None:
        found |= filled_rate_words(content.payment_rates, content.course.language)
    return {_norm(text) for text in found if text.strip()}


def not_from_data(texts: list[str], allowed: set[str]) -> list[str]:
    """The texts left with words once the catalogue's (marked) and the course's are taken out.

    The page's texts are joined first: one marked text can run over several nodes (a link in
    bold inside a sentence), and marked texts nest (a slot filled with another). A line can
    join data with numbers ("09:30 Break") or with punctuation ("Who (2020).")."""
    page = "\n".join(_norm(text) for text in texts)
    while True:  # innermost marked texts first, so nested and spanning ones all go
        stripped = MARKED.sub(" ", page)
        if stripped == page:
            break
        page = stripped
    longest_first = sorted((text for text in allowed if len(text) > 2), key=len, reverse=True)
    left = set()
    for line in page.split("\n"):
        rest = _norm(line)
        if rest in allowed or (" " in rest and any(rest in known for known in longest_first)):
            continue  # content, or a piece of it (a passage split round its marked words)
        for known in longest_first:
            if known in rest:
                rest = rest.replace(known, " ")
        if not NUMBERS.match(rest):
            left.add(_norm(line))
    return sorted(left)


def filled_rate_words(rates: PaymentRates, language: str) -> set[str]:
    """The rates file's own words with their days filled in, each as Babel writes it."""
    words = rates.words
    found = {words.checked.format(date=day(rates.checked, language))}
    return found | {words.read_on.format(date=day(s.read_on, language)) for s in rates.sources}


def _rendered(markdown: str, folder: Path) -> set[str]:
    return set(shown(render_markdown(markdown, folder)))


def pack_data(content: CourseContent) -> set[str]:
    """The course's data as the packs print it: content_texts, and the facilitator notes and
    the technique cards besides."""
    found = content_texts(content)
    notes = [module.notes_path for module in content.modules.values()]
    notes.append(content.root / BEFORE_THE_DAY_NOTES)
    for path in notes:
        found |= _rendered(path.read_text(encoding="utf-8"), path.parent)
    cards = content.techniques
    if cards is not None:
        found |= {text for text in _strings(cards.model_dump()) if text}
        found |= {cards.words.minutes.format(minutes=card.minutes) for card in cards.techniques}
    return {" ".join(text.split()) for text in found if text.strip()}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _strings(item)]
    return []
