"""A list of texts said as one, in the catalogue's words: each added to those before it by a
joining text such as "{bars}; {bar}", so a language joins and punctuates a list its own way."""

from __future__ import annotations

from collections.abc import Sequence


def one_by_one(items: Sequence[str], join: str, many: str, one: str) -> str:
    """'a / b / c' from ["a", "b", "c"] and "{points} / {point}" (many="points", one="point");
    '' for no items, the item itself for one."""
    said = items[0] if items else ""
    for item in items[1:]:
        said = join.format(**{many: said, one: item})
    return said
