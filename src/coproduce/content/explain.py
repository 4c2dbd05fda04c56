"""Pydantic's validation errors turned into problems an author can act on: file, line, fix."""

from __future__ import annotations

import difflib
import typing
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from coproduce.content.errors import ContentProblem
from coproduce.content.model import (
    EXERCISE_MODELS,
    Course,
    ModuleMeta,
)
from coproduce.content.references import Reference
from coproduce.content.techniques import CardWords, Technique
from coproduce.content.yaml_lines import line_of, text_line

EXERCISE_KINDS: tuple[str, ...] = tuple(
    typing.get_args(model.model_fields["kind"].annotation)[0] for model in EXERCISE_MODELS
)
_KNOWN_KEYS = sorted(
    {
        (info.alias or name)
        for model in (
            Course,
            ModuleMeta,
            *EXERCISE_MODELS,
        )
        for name, info in model.model_fields.items()
    }
    | {"primary_colour", "accent_colour", "text_colour", "background_colour", "feedback", "text"}
    | {"rung", "explanation", "source", "when", "seconds", "instruction", "label", "term", "plain"}
    | {*Technique.model_fields, *CardWords.model_fields, *Reference.model_fields}
)


def explain(path: Path, data: Any, error: ValidationError) -> list[ContentProblem]:
    problems = []
    for item in error.errors():
        location = _strip_tags(item["loc"])
        where = ".".join(str(part) for part in location) or "the file"
        line = line_of(data, location)
        kind = item["type"]
        if kind == "extra_forbidden":
            key = str(location[-1])
            problems.append(
                ContentProblem(path, line, f"unknown key '{key}'", suggest(key, _KNOWN_KEYS))
            )
        elif kind == "missing":
            problems.append(
                ContentProblem(path, line, f"'{where}' is missing", f"add {location[-1]}: ...")
            )
        elif kind == "union_tag_invalid":
            expected = item.get("ctx", {}).get("expected_tags", "")
            given = item["input"].get("kind") if isinstance(item["input"], dict) else item["input"]
            problems.append(
                ContentProblem(
                    path,
                    line_of(data, ("kind",)),
                    f"unknown kind '{given}'",
                    f"kind must be one of: {expected}",
                )
            )
        elif kind == "model_type" and location[:1] == ("references",):
            problems.append(
                ContentProblem(
                    path,
                    text_line(path, str(item["input"])[:25]) or line,
                    f"{where}: a reference is a set of 'key: value' lines, not one line of text",
                    "write it as title: ..., who: ..., year: ... and url: ... (url only if "
                    "you have checked it)",
                )
            )
        elif kind == "string_type" and isinstance(item["input"], bool):
            # YAML reads a bare Yes, No, On or Off as true/false, not as words.
            problems.append(
                ContentProblem(
                    path,
                    line,
                    f"{where}: this reads as {str(item['input']).lower()}, not as text",
                    'put the words in quotes, for example "No" or "Yes"',
                )
            )
        else:
            message = item["msg"].removeprefix("Value error, ")
            problems.append(ContentProblem(path, line, f"{where}: {message}", _fix_for(kind)))
    return problems


def _strip_tags(location: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """Drop the union tags pydantic puts in error locations; they are not keys in the file."""
    parts = list(location)
    if parts and parts[0] in EXERCISE_KINDS:
        parts = parts[1:]
    if len(parts) >= 3 and parts[0] == "agenda" and parts[2] in ("module", "break"):
        del parts[2]
    return tuple(parts)


def _fix_for(kind: str) -> str:
    return {
        "time_parsing": "write the time as HH:MM, for example 09:30",
        "int_parsing": "write a whole number",
        "string_type": "write text here",
        "list_type": "write a list, one '- item' per line",
        "too_short": "add at least one item",
        "greater_than_equal": "use a larger number",
        "string_pattern_mismatch": "use lower-case letters, digits and hyphens",
    }.get(kind, "see the example course for the expected shape")


def suggest(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1)
    return f"did you mean '{close[0]}'?" if close else "remove it or check its spelling"


def suggest_suffix(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1)
    return f", or did you mean '{close[0]}'?" if close else ""
