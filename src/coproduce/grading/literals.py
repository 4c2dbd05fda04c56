"""Learner answers written into notebooks as Python literals: data, never code.

Every literal is checked by parsing it back with `ast.literal_eval`, so whatever a learner typed
(quotes, backslashes, code, markup) can only ever be the value of a string.
"""

from __future__ import annotations

import ast
import json
from typing import Any


def choices_literal(selected: list[int]) -> str:
    """Option numbers as shown to the trainer (from 1), from already validated indexes."""
    return repr([int(index) + 1 for index in selected])


def text_literal(text: str) -> str:
    """A readable triple-quoted string when that round-trips exactly, else `repr`."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    readable = f'"""{body}"""'
    return readable if _round_trips(readable, text) else repr(text)


def value_literal(value: Any) -> str:
    """Any JSON-shaped answer as a literal; odd values (NaN, ...) travel as JSON text instead."""
    candidate = repr(value)
    if _round_trips(candidate, value):
        return candidate
    return repr(json.dumps(value, ensure_ascii=False, default=str))


def read_choices(source: str, name: str) -> list[int] | None:
    """The option numbers (from 1) assigned to `name` in a filled answer cell, if any."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(target, ast.Name) and target.id == name for target in node.targets)
            and isinstance(node.value, ast.List)
        ):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                return None
            if isinstance(value, list) and all(type(item) is int for item in value):
                return value
    return None


def _round_trips(literal: str, value: Any) -> bool:
    try:
        parsed = ast.literal_eval(literal)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    return bool(parsed == value and type(parsed) is type(value))
