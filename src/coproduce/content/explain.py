"""Pydantic's validation errors turned into problems an author can act on: file, line, fix."""

from __future__ import annotations

import difflib
import typing
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from coproduce.content.author_messages import problem, say
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
        where = ".".join(str(part) for part in location) or say("schema.the_file")
        line = line_of(data, location)
        kind = item["type"]
        if kind == "extra_forbidden":
            key = str(location[-1])
            suggestion = suggest(key, _KNOWN_KEYS)
            problems.append(
                problem("schema.unknown_key", path, line, key=key, suggestion=suggestion)
            )
        elif kind == "missing":
            problems.append(problem("schema.missing", path, line, where=where, key=location[-1]))
        elif kind == "union_tag_invalid":
            expected = item.get("ctx", {}).get("expected_tags", "")
            given = item["input"].get("kind") if isinstance(item["input"], dict) else item["input"]
            kind_line = line_of(data, ("kind",))
            problems.append(
                problem("schema.unknown_kind", path, kind_line, kind=given, expected=expected)
            )
        elif kind == "model_type" and location[:1] == ("references",):
            text_at = text_line(path, str(item["input"])[:25]) or line
            problems.append(problem("schema.reference_one_line", path, text_at, where=where))
        elif kind == "string_type" and isinstance(item["input"], bool):
            # YAML reads a bare Yes, No, On or Off as true/false, not as words.
            value = str(item["input"]).lower()
            problems.append(problem("schema.yes_no", path, line, where=where, value=value))
        else:
            detail = item["msg"].removeprefix("Value error, ")
            fix = _fix_for(kind)
            problems.append(
                problem("schema.invalid", path, line, where=where, detail=detail, fix=fix)
            )
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
    fixes = {
        "time_parsing": say("schema.fix.time_parsing"),
        "int_parsing": say("schema.fix.int_parsing"),
        "string_type": say("schema.fix.string_type"),
        "list_type": say("schema.fix.list_type"),
        "too_short": say("schema.fix.too_short"),
        "greater_than_equal": say("schema.fix.greater_than_equal"),
        "string_pattern_mismatch": say("schema.fix.string_pattern_mismatch"),
    }
    return fixes.get(kind) or say("schema.fix.other")


def suggest(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1)
    return say("suggest.did_you_mean", word=close[0]) if close else say("suggest.none")


def suggest_suffix(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1)
    return say("suggest.or_did_you_mean", word=close[0]) if close else ""
