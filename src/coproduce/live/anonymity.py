"""Anonymity that holds in a small room: the threshold K, as plain functions.

In a room of twelve, a word list with two answers or a poll split by role can tell the room who
said what. So a shared result is held back until at least K answers are in it (course.yml's
`min_answers_shown`, 3 unless set), and a split by role never shows a role with fewer than K
people: such roles are merged into "others", and left out when even "others" has fewer than K.

What counts towards K is what the room would see:

- A hidden answer does not count. The trainer hid it from the projected view, so it is not in
  the result; counting it would let a result made of K-1 shown answers through. Hiding one of
  K answers puts the result back to waiting; showing it again brings the result back.
- An answer that puts nothing in the result does not count (a poll answer without a choice, a
  word list with no words, a reflection not shared): it hides nobody.
- A learner who leaves the room keeps their answer in the store and in the result, so it still
  counts, and they still count in "who came". If an answer is taken back (a reflection
  unshared, a word list emptied), the count drops and a result under K is held back again:
  nothing stays shown because it once was.
- A role change (a learner joins again with another role) moves that person between roles; a
  role that falls under K is merged into "others" from then on.
- K = 1 shows every result at once and every role apart, as the kit did before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from coproduce.live.sessions import SharedAnswer

DEFAULT_MIN_ANSWERS = 3


def counted_answers(
    answers: Iterable[SharedAnswer], adds_to_result: Callable[[SharedAnswer], bool]
) -> list[SharedAnswer]:
    """The answers that count towards K: shown (not hidden), and putting something in."""
    return [answer for answer in answers if not answer.hidden and adds_to_result(answer)]


def enough_answers(count: int, minimum: int) -> bool:
    """May a result made of `count` answers be shown? (Any K below 1 is taken as 1.)"""
    return count >= max(1, minimum)


def held_back(count: int, minimum: int) -> bool:
    """Is a result of `count` answers held back? With K = 1 never: an empty result says so."""
    return minimum > 1 and not enough_answers(count, minimum)


@dataclass(frozen=True)
class RoleSplit:
    """People by role as the room may see them."""

    shown: list[tuple[str, int]]  # roles with K or more people, by name; then "others", if any
    merged: int  # people in roles under K (in "others" when shown, else held back)
    others_shown: bool

    @property
    def held_back(self) -> int:
        """People in roles too small to show even together."""
        return 0 if self.others_shown else self.merged


def named_counts(counts: Mapping[str, int], name: Callable[[str], str]) -> dict[str, int]:
    """Counts by role as the reader's language names each role (two kept words that read the
    same are counted as one)."""
    named: dict[str, int] = {}
    for role, count in counts.items():
        named[name(role)] = named.get(name(role), 0) + count
    return named


def split_by_role(counts: Mapping[str, int], minimum: int, others: str) -> RoleSplit:
    """Roles with at least K people apart; the rest merged into `others`, or held back.

    A role already called like `others` is merged with it rather than shown twice.
    """
    minimum = max(1, minimum)
    kept = sorted(
        (role, count)
        for role, count in counts.items()
        if count >= minimum and role.casefold() != others.casefold()
    )
    merged = sum(counts.values()) - sum(count for _, count in kept)
    if merged and merged >= minimum:
        return RoleSplit([*kept, (others, merged)], merged, others_shown=True)
    return RoleSplit(kept, merged, others_shown=False)
