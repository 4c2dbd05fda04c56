"""`coproduce check` on the translations of the interface words: every course/interface.<lang>.yml
against course/interface.yml (docs/languages.md). Each problem names the file and the line."""

from __future__ import annotations

from pathlib import Path
from string import Formatter
from typing import Any

from coproduce.content.catalogues import SOURCE_LANGUAGE, language_of, translations
from coproduce.content.course import COURSE_FILE, INTERFACE_FILE
from coproduce.content.errors import ContentError, ContentProblem
from coproduce.content.explain import suggest
from coproduce.content.language import locale
from coproduce.content.plurals import CATEGORIES, categories
from coproduce.content.yaml_lines import LineDict, key_line, load_yaml

_SLOTLESS = "keep the words in {braces} exactly as interface.yml has them"


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
        return [
            ContentProblem(
                path,
                key_line(path, key),
                f"the language '{language}' is not one Babel knows, so its plural forms and "
                "text direction are unknown",
                "use a language tag such as en, cy, pl, ur or ar",
            )
        ]
    return []


def _check_translation(path: Path, source: LineDict) -> list[ContentProblem]:
    language = language_of(path)
    try:
        locale(language)
    except ValueError:
        return [
            ContentProblem(
                path,
                None,
                f"'{language}' in the file's name is not a language tag Babel knows",
                "name the file interface.<tag>.yml, with a tag such as cy, pl, ur or ar",
            )
        ]
    try:
        data = load_yaml(path)
    except ContentError as error:
        return error.problems
    if not isinstance(data, LineDict):
        return [ContentProblem(path, 1, "expected a set of 'key: value' lines", _SLOTLESS)]
    return _Compare(path, language).section(source, data, "", 1)


class _Compare:
    def __init__(self, path: Path, language: str) -> None:
        self.path = path
        self.language = language
        self.needed = categories(language)

    def problem(self, line: int | None, message: str, fix: str) -> ContentProblem:
        return ContentProblem(self.path, line, message, fix)

    def section(
        self, source: LineDict, data: LineDict, prefix: str, line: int | None
    ) -> list[ContentProblem]:
        problems = []
        for key in source:
            if key not in data:
                problems.append(
                    self.problem(
                        line,
                        f"'{prefix}{key}' is missing: interface.yml has it, this file does not",
                        f"add {key}: under {prefix.rstrip('.') or 'the top level'}, with its words "
                        "in this language",
                    )
                )
        for key, value in data.items():
            where = data.key_lines.get(str(key), line)
            name = f"{prefix}{key}"
            if key not in source:
                problems.append(
                    self.problem(
                        where,
                        f"'{name}' is not in interface.yml, so the app never shows it",
                        suggest(str(key), [str(known) for known in source]),
                    )
                )
            elif _is_section(source[key]):
                if isinstance(value, LineDict) and not _is_plural(value):
                    problems += self.section(source[key], value, f"{name}.", where)
                else:
                    problems.append(
                        self.problem(
                            where, f"'{name}' should hold keys, as in interface.yml", _SLOTLESS
                        )
                    )
            else:
                problems += self.text(source[key], value, name, where)
        return problems

    def text(self, source: Any, value: Any, name: str, line: int | None) -> list[ContentProblem]:
        if isinstance(source, list) != isinstance(value, list):
            shape = "a list of lines" if isinstance(source, list) else "one text"
            return [
                self.problem(line, f"'{name}' should be {shape}, as in interface.yml", _SLOTLESS)
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
                self.problem(
                    line,
                    f"'{name}' has a brace on its own",
                    "write a brace that is not a slot as {{ or }}",
                ),
            ]
        lost, added = (wanted or set()) - found, (found | extra) - (wanted or set())
        if lost:
            problems.append(
                self.problem(
                    line,
                    f"'{name}' has lost {_names(lost)}: the app fills it in, so it must stay",
                    f"put {_names(lost)} back, as interface.yml has it",
                )
            )
        if added:
            problems.append(
                self.problem(
                    line,
                    f"'{name}' has {_names(added)}, which interface.yml does not: the app "
                    "cannot fill it in",
                    _SLOTLESS,
                )
            )
        return problems

    def plural_forms(self, value: Any, name: str, line: int | None) -> list[ContentProblem]:
        """A text written as plural forms has every form the language needs, and no others."""
        if not isinstance(value, dict):
            return []
        unknown = sorted(str(key) for key in value if key not in CATEGORIES)
        if unknown:
            return [
                self.problem(
                    line,
                    f"'{name}' has forms named {', '.join(unknown)}; a plural form is named "
                    f"by its category: {', '.join(CATEGORIES)}",
                    "rename the forms, or write the text as one line",
                )
            ]
        missing = [category for category in CATEGORIES if category in self.needed - set(value)]
        if not missing:
            return []
        return [
            self.problem(
                line,
                f"'{name}' changes with a number, and '{self.language}' needs the forms "
                f"{', '.join(missing)} as well",
                f"add {', '.join(missing)} (the forms this language needs: "
                f"{', '.join(c for c in CATEGORIES if c in self.needed)})",
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
