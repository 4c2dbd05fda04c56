"""`coproduce check` on the translations of the interface words: every course/interface.<lang>.yml
against course/interface.yml (docs/languages.md). Each problem names the file and the line."""

from __future__ import annotations

from pathlib import Path
from string import Formatter
from typing import Any

from coproduce.content.author_messages import problem
from coproduce.content.catalogues import SOURCE_LANGUAGE, language_of, translations
from coproduce.content.course import COURSE_FILE, INTERFACE_FILE
from coproduce.content.errors import ContentError, ContentProblem
from coproduce.content.explain import suggest
from coproduce.content.language import locale
from coproduce.content.plurals import CATEGORIES, categories
from coproduce.content.yaml_lines import LineDict, key_line, load_yaml


def check_catalogues(
    root: Path, language: str, others: dict[str, str] | None = None
) -> list[ContentProblem]:
    """The course's language is one Babel knows, and so is each of `others` (a language by the
    key of course.yml naming it: `languages`, `trainer_language`); each translation has the
    source's keys and slots, and every plural form its language needs. The source's plurals
    are checked too."""
    problems = _language_problems(root, language)
    for other, key in (others or {}).items():
        if other != language:
            problems += _language_problems(root, other, key)
    source_path = root / INTERFACE_FILE
    try:
        source = load_yaml(source_path)
    except ContentError as error:
        return problems + error.problems
    if not isinstance(source, LineDict):
        return problems  # the loader has said so
    problems += _Compare(source_path, SOURCE_LANGUAGE).plurals(source, "")
    for path in translations(root):
        problems += _check_translation(path, source)
    return problems


def _language_problems(root: Path, language: str, key: str = "language") -> list[ContentProblem]:
    try:
        locale(language)
    except ValueError:
        path = root / COURSE_FILE
        return [problem("catalogue.language_unknown", path, key_line(path, key), language=language)]
    return []


def _check_translation(path: Path, source: LineDict) -> list[ContentProblem]:
    language = language_of(path)
    try:
        locale(language)
    except ValueError:
        return [problem("catalogue.file_language_unknown", path, None, language=language)]
    try:
        data = load_yaml(path)
    except ContentError as error:
        return error.problems
    if not isinstance(data, LineDict):
        return [problem("catalogue.not_keys", path, 1)]
    return _Compare(path, language).section(source, data, "", 1)


class _Compare:
    def __init__(self, path: Path, language: str) -> None:
        self.path = path
        self.language = language
        self.needed = categories(language)

    def section(
        self, source: LineDict, data: LineDict, prefix: str, line: int | None
    ) -> list[ContentProblem]:
        problems = []
        for key in source:
            if key in data:
                continue
            name = f"{prefix}{key}"
            if prefix:
                section = prefix.rstrip(".")
                problems.append(
                    problem(
                        "catalogue.key_missing",
                        self.path,
                        line,
                        name=name,
                        key=key,
                        section=section,
                    )
                )
            else:
                problems.append(
                    problem("catalogue.top_key_missing", self.path, line, name=name, key=key)
                )
        for key, value in data.items():
            where = data.key_lines.get(str(key), line)
            name = f"{prefix}{key}"
            if key not in source:
                suggestion = suggest(str(key), [str(known) for known in source])
                problems.append(
                    problem(
                        "catalogue.key_unknown", self.path, where, name=name, suggestion=suggestion
                    )
                )
            elif _is_section(source[key]):
                if isinstance(value, LineDict) and not _is_plural(value):
                    problems += self.section(source[key], value, f"{name}.", where)
                else:
                    problems.append(problem("catalogue.not_a_section", self.path, where, name=name))
            else:
                problems += self.text(source[key], value, name, where)
        return problems

    def text(self, source: Any, value: Any, name: str, line: int | None) -> list[ContentProblem]:
        if isinstance(source, list) != isinstance(value, list):
            return [
                problem(
                    "catalogue.not_a_list"
                    if isinstance(source, list)
                    else "catalogue.not_one_text",
                    self.path,
                    line,
                    name=name,
                )
            ]
        wanted = _slots(source)
        problems = self.plural_forms(value, name, line)
        if isinstance(value, dict):
            if not _is_plural(value):
                return problems  # reported by plural_forms
            others = [form for category, form in value.items() if category != "other"]
            texts = [value.get("other", "")]
        else:
            others, texts = [], value if isinstance(value, list) else [value]
        found = _slots(texts)
        extra = set().union(*(_slots([form]) or set() for form in others)) if others else set()
        if found is None or (others and any(_slots([form]) is None for form in others)):
            return [
                *problems,
                problem("catalogue.lone_brace", self.path, line, name=name),
            ]
        lost, added = (wanted or set()) - found, (found | extra) - (wanted or set())
        if lost:
            problems.append(
                problem("catalogue.slots_lost", self.path, line, name=name, slots=_names(lost))
            )
        if added:
            problems.append(
                problem("catalogue.slots_added", self.path, line, name=name, slots=_names(added))
            )
        return problems

    def plural_forms(self, value: Any, name: str, line: int | None) -> list[ContentProblem]:
        """A text written as plural forms has every form the language needs, and no others."""
        if not isinstance(value, dict):
            return []
        unknown = sorted(str(key) for key in value if key not in CATEGORIES)
        if unknown:
            return [
                problem(
                    "catalogue.forms_unknown",
                    self.path,
                    line,
                    name=name,
                    unknown=", ".join(unknown),
                    categories=", ".join(CATEGORIES),
                )
            ]
        missing = [category for category in CATEGORIES if category in self.needed - set(value)]
        if not missing:
            return []
        return [
            problem(
                "catalogue.forms_missing",
                self.path,
                line,
                name=name,
                language=self.language,
                missing=", ".join(missing),
                needed=", ".join(c for c in CATEGORIES if c in self.needed),
            )
        ]

    def plurals(self, data: LineDict, prefix: str) -> list[ContentProblem]:
        """The plural forms of every text in one file, on its own (the English source)."""
        problems = []
        for key, value in data.items():
            line = data.key_lines.get(str(key))
            if isinstance(value, LineDict) and not _is_plural(value):
                problems += self.plurals(value, f"{prefix}{key}.")
            else:
                problems += self.plural_forms(value, f"{prefix}{key}", line)
        return problems


def _is_plural(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and all(key in CATEGORIES for key in value)


def _is_section(value: Any) -> bool:
    return isinstance(value, dict) and not _is_plural(value)


def _slots(value: Any) -> set[str] | None:
    """The {slots} of a text, of all the lines of a list, or of every form of a plural text;
    None when a brace stands alone."""
    texts = list(value.values()) if isinstance(value, dict) else value
    found: set[str] = set()
    for text in texts if isinstance(texts, list) else [texts]:
        try:
            found |= {slot for _, slot, _, _ in Formatter().parse(str(text)) if slot is not None}
        except ValueError:
            return None
    return found


def _names(slots: set[str]) -> str:
    return ", ".join(f"{{{slot}}}" for slot in sorted(slots))
