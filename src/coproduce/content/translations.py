"""Translations of the course's own YAML files: `exercises/ground-rules.cy.yml` beside
`exercises/ground-rules.yml`, `modules/01-welcome/module.cy.yml` beside `module.yml`, and so
on for course.yml, glossary.yml, ladders.yml, techniques.yml and payment-rates.yml
(docs/languages.md).

A translation holds only words: the keys it translates, laid out as in its source (a list item
for each list item, in the same order; fewer at the end is fine). Whatever it leaves out stays in
the source's language.
It cannot change what makes the course work (ids, kinds, numbers, the rung that is right, which
exercise a plan step runs), so a learner's answer means the same in every language and the
room's results add up across languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from coproduce.content.author_messages import problem
from coproduce.content.errors import ContentError, ContentProblem
from coproduce.content.explain import explain
from coproduce.content.yaml_lines import line_of, load_yaml

# Keys whose values name things rather than say things: the same in every language.
FIXED_KEYS = frozenset(
    {
        "id",
        "kind",
        "ladder",
        "rung",
        "before",
        "exercise",
        "module",
        "lead",
        "url",
        "logo",
        "language",
        "languages",
        "trainer_language",
        "start_time",
        "delivery",
        "extras_on",
        "room_airtime",
        "visibility",
        "currency",
    }
)
# Sources, cited as published: only what a module's reference is `about`, and what a payment
# rate's source `says`, is translated.
CITATIONS = {"references": "about", "sources": "says"}
# A payment rate's unit names its words in the catalogue, and its source names a source.
FIXED_IN_RATES = frozenset({"unit", "source"})
# Lists of words whose translation may hold more or fewer (a glossary term's other forms).
ANY_LENGTH = frozenset({"also"})
# Words a learner's answer is kept by (an airtime tracker's seconds by role, a payment plan's
# expenses by type). Their translation is only shown: answers stay keyed by the source's words,
# so a room reading in two languages still counts together (Strict.shown).
KEPT_BY_THEIR_WORDS = frozenset({"roles", "expense_types", "recognition_options"})

Location = tuple[str | int, ...]


def translation_of(path: Path, language: str) -> Path:
    """`exercises/ground-rules.cy.yml` for `exercises/ground-rules.yml` and `cy`."""
    return path.with_name(f"{path.stem}.{language}{path.suffix}")


def is_translation(path: Path) -> bool:
    """A file named `<name>.<language>.yml`: a translation, not a source."""
    return "." in path.stem


def read_translation(
    path: Path, language: str, validate: Callable[[Any], Any], problems: list[ContentProblem]
) -> Any:
    """The file at `path` read in `language`, through its translation beside it (with the
    source's words where the translation has none); None when there is no translation, or
    it has problems (added to `problems`, each with the translation's file and line)."""
    target = translation_of(path, language)
    if not target.is_file() or not path.is_file():
        return None
    try:
        source, translation = load_yaml(path), load_yaml(target)
    except ContentError as error:
        problems += error.problems
        return None
    shown: dict[str, dict[str, str]] = {}
    merged, found = translate(source, translation if translation is not None else {}, target, shown)
    problems += found
    if found:
        return None
    try:
        model = validate(merged)
        model._shown = shown
        return model
    except ValidationError as error:
        problems += explain(target, translation, error)
    return None


def _fixed(key: str, at: Location = ()) -> bool:
    for citations, words in CITATIONS.items():
        if citations in at:
            return key != words
    if at[:1] == ("rates",) and key in FIXED_IN_RATES:
        return True
    return key in FIXED_KEYS or key.endswith("_colour")


def translate(
    source: Any,
    translation: Any,
    path: Path,
    shown: dict[str, dict[str, str]] | None = None,
) -> tuple[Any, list[ContentProblem]]:
    """The source's data with the translation's words in place, and every problem with the
    translation (file and line): a key its source does not have, a key that cannot be
    translated, a list of another length, something other than words. The words answers are
    kept by stay the source's in the data; their translation goes into `shown`, by key."""
    problems: list[ContentProblem] = []
    kept = shown if shown is not None else {}
    merged = _merge(source, translation, (), translation, path, problems, kept)
    return merged, problems


def _merge(
    source: Any,
    translated: Any,
    at: Location,
    top: Any,
    path: Path,
    problems: list[ContentProblem],
    shown: dict[str, dict[str, str]],
) -> Any:
    line, where = line_of(top, at), _where(at)
    if isinstance(source, dict):
        if not isinstance(translated, dict):
            problems.append(problem("translation.not_keys", path, line, where=where))
            return source
        merged = dict(source)
        for key, value in translated.items():
            if key not in source:
                problems.append(
                    problem("translation.key_unknown", path, line, where=where, key=key)
                )
            elif _fixed(str(key), at):
                problems.append(problem("translation.key_fixed", path, line, where=where, key=key))
            elif key in KEPT_BY_THEIR_WORDS and isinstance(source[key], list):
                words = _merge(source[key], value, (*at, key), top, path, problems, shown)
                _kept_words(source[key], words, (*at, key), top, path, problems, shown)
            else:
                merged[key] = _merge(source[key], value, (*at, key), top, path, problems, shown)
        return merged
    if isinstance(source, list) and at and at[-1] in ANY_LENGTH:
        if isinstance(translated, list) and all(isinstance(item, str) for item in translated):
            return translated
        problems.append(problem("translation.not_word_list", path, line, where=where))
        return source
    if isinstance(source, list):
        # Fewer items than the source: the rest stay in its language (an agenda that grew by
        # a part keeps its translation; the checker names what is left).
        if not isinstance(translated, list):
            problems.append(
                problem("translation.no_list", path, line, where=where, source=len(source))
            )
            return source
        if len(translated) > len(source):
            count, wanted = len(translated), len(source)
            problems.append(
                problem(
                    "translation.list_too_long", path, line, where=where, count=count, source=wanted
                )
            )
            return source
        items = [
            _merge(item, value, (*at, index), top, path, problems, shown)
            for index, (item, value) in enumerate(zip(source, translated, strict=False))
        ]
        return items + source[len(translated) :]
    if isinstance(source, str):
        if not isinstance(translated, str) or not translated.strip():
            problems.append(problem("translation.not_words", path, line, where=where))
            return source
        return translated
    problems.append(problem("translation.not_translatable", path, line, where=where))
    return source


def _where(at: Location) -> str:
    """Where in the file a problem is, as its message starts: `situations.0: `, or nothing
    at the top."""
    return f"{'.'.join(str(part) for part in at)}: " if at else ""


def _kept_words(
    source: list[Any],
    words: list[Any],
    at: Location,
    top: Any,
    path: Path,
    problems: list[ContentProblem],
    shown: dict[str, dict[str, str]],
) -> None:
    """Records how each of a list of kept words reads in the translation. Two that read the
    same would look like one choice on the page while counting as two."""
    pairs = {str(old): str(new) for old, new in zip(source, words, strict=True)}
    seen: dict[str, str] = {}
    for index, (old, new) in enumerate(pairs.items()):
        if new in seen and seen[new] != old:
            problems.append(
                problem(
                    "translation.words_twice",
                    path,
                    line_of(top, (*at, index)),
                    where=_where(at),
                    words=new,
                    first=seen[new],
                    second=old,
                )
            )
        seen[new] = old
    shown[str(at[-1])] = pairs


def untranslated(source: Any, translation: Any) -> list[str]:
    """The keys whose words the translation leaves in the source's language, as
    `situations.2.explanation`, fixed keys and the words answers are kept by aside."""
    return [".".join(str(part) for part in at) for at in _missing(source, translation, ())]


def _missing(source: Any, translated: Any, at: Location) -> Iterator[Location]:
    if isinstance(source, dict):
        for key, value in source.items():
            if _fixed(str(key), at):
                continue
            if not isinstance(translated, dict) or key not in translated:
                if _has_words(value, (*at, key)):
                    yield (*at, key)
                continue
            yield from _missing(value, translated[key], (*at, key))
    elif _paired(source, translated) and not (at and at[-1] in ANY_LENGTH):
        for index, item in enumerate(source):
            if index >= len(translated):
                if _has_words(item, (*at, index)):
                    yield (*at, index)
                continue
            yield from _missing(item, translated[index], (*at, index))


def _paired(source: Any, translated: Any) -> bool:
    """Lists the translation lays over its source item by item (it may hold fewer)."""
    return (
        isinstance(source, list) and isinstance(translated, list) and len(source) >= len(translated)
    )


def _has_words(value: Any, at: Location) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(
            _has_words(item, (*at, key)) for key, item in value.items() if not _fixed(str(key), at)
        )
    if isinstance(value, list):
        return any(_has_words(item, (*at, index)) for index, item in enumerate(value))
    return False
