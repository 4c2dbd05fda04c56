"""Placing situations on a ladder of participation: clean the placements, then explain them.

Plain functions, answer in and result out, so every rule is tested without a kernel or browser.
"""

from __future__ import annotations

from dataclasses import dataclass

from coproduce.content.activity_words import LadderText
from coproduce.content.model import Ladder, LadderPlacement
from coproduce.content.plurals import plural


@dataclass(frozen=True)
class SituationResult:
    """Where the learner put one situation, where the course puts it, and why."""

    chosen: str
    expected: str
    same: bool
    message: str
    explanation: str


@dataclass(frozen=True)
class PlacementResult:
    complete: bool
    matched: int
    situations: list[SituationResult]
    message: str


def valid_placements(raw: object, ladder: Ladder, situation_count: int) -> list[str | None]:
    """One rung id (or None) per situation; anything malformed or unknown becomes None."""
    rung_ids = {rung.id for rung in ladder.rungs}
    items = list(raw[:situation_count]) if isinstance(raw, list | tuple) else []
    placements: list[str | None] = [
        item if isinstance(item, str) and item in rung_ids else None for item in items
    ]
    return placements + [None] * (situation_count - len(placements))


def check_placements(
    exercise: LadderPlacement,
    ladder: Ladder,
    raw_placements: object,
    words: LadderText,
    language: str,
) -> PlacementResult:
    """Compare each placement with the course's and gather the kind explanations, in the
    course's words (`ladder_placement:`)."""
    placements = valid_placements(raw_placements, ladder, len(exercise.situations))
    missing = sum(place is None for place in placements)
    if missing:
        still = plural(words.missing, missing, language).format(count=missing)
        return PlacementResult(False, 0, [], still)
    positions = {rung.id: number for number, rung in enumerate(ladder.rungs)}
    results = []
    for situation, chosen in zip(exercise.situations, placements, strict=True):
        assert chosen is not None
        results.append(
            SituationResult(
                chosen=chosen,
                expected=situation.rung,
                same=chosen == situation.rung,
                message=_compare(ladder, positions, chosen, situation.rung, words, language),
                explanation=situation.explanation,
            )
        )
    matched = sum(result.same for result in results)
    total = len(results)
    if matched == total:
        summary = words.all_placed
    else:
        summary = plural(words.some_placed, total, language).format(matched=matched, total=total)
    return PlacementResult(True, matched, results, summary)


def rung_label(ladder: Ladder, rung_id: str, words: LadderText) -> str:
    """How a rung is named in the choice list, for example 'Consultation (rung 4 of 8)'."""
    for number, rung in enumerate(ladder.rungs, start=1):
        if rung.id == rung_id:
            where = words.rung_of.format(number=number, total=len(ladder.rungs))
            return words.rung_label.format(name=rung.name, where=where, group=rung.group.lower())
    return rung_id


def _compare(
    ladder: Ladder,
    positions: dict[str, int],
    chosen: str,
    expected: str,
    words: LadderText,
    language: str,
) -> str:
    mine = ladder.rungs[positions[chosen]]
    ours = ladder.rungs[positions[expected]]
    if chosen == expected:
        return words.same.format(rung=mine.name)
    steps = positions[expected] - positions[chosen]
    away = plural(words.higher if steps > 0 else words.lower, abs(steps), language)
    where = away.format(rung=ours.name, count=abs(steps))
    group = words.same_part if mine.group == ours.group else words.other_part
    said = group.format(group=ours.group.lower())
    return f"{words.chose.format(rung=mine.name)} {where} {said}"
