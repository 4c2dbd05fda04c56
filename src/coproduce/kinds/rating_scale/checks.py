"""A rating on a scale: read it safely, and describe a room's ratings by their spread.

Plain functions, answer in and result out, so every rule is tested without a kernel or browser.
The spread uses the nearest-rank rule on the points themselves (no averaging between points):
the middle answer, and the points between which the middle half of the room answered.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


def point_names(scale: list[str], shape: str) -> list[str]:
    """Each point as shown, from `shape` such as "{label} ({number})", numbered from 1."""
    return [shape.format(number=n, label=label) for n, label in enumerate(scale, 1)]


def valid_rating(raw: object, size: int) -> int | None:
    """One point of the scale (0 is the lowest) from the page or the store, or None."""
    if isinstance(raw, list | tuple):
        raw = raw[0] if len(raw) == 1 else None
    if type(raw) is int and 0 <= raw < size:
        return raw
    return None


def stored_rating(raw_answer: object, size: int) -> int | None:
    """The point in a saved answer such as {"rating": 3}, or None if it is malformed."""
    rating = raw_answer.get("rating") if isinstance(raw_answer, dict) else None
    return rating if type(rating) is int and 0 <= rating < size else None


@dataclass(frozen=True)
class Spread:
    counts: list[int]  # people per point, lowest point first
    middle: int  # the middle answer (the lower one when the count is even)
    low: int  # a quarter of the room answered at or below this point
    high: int  # a quarter of the room answered at or above this point

    @property
    def total(self) -> int:
        return sum(self.counts)


def spread(ratings: Iterable[int], size: int) -> Spread | None:
    """The ratings' spread over a scale of `size` points; None when there are none."""
    counted = Counter(rating for rating in ratings if 0 <= rating < size)
    ordered = sorted(counted.elements())
    if not ordered:
        return None
    total = len(ordered)

    def rank(share: float) -> int:
        return ordered[max(1, math.ceil(share * total)) - 1]

    return Spread(
        [counted.get(point, 0) for point in range(size)], rank(0.5), rank(0.25), rank(0.75)
    )
