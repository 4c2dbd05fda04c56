"""Placing situations on a ladder of participation: clean the placements, then explain them.

Plain functions, answer in and result out, so every rule is tested without a kernel or browser.
"""

from __future__ import annotations

from dataclasses import dataclass

from coproduce.content.model import Ladder, LadderPlacement


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
    exercise: LadderPlacement, ladder: Ladder, raw_placements: object
) -> PlacementResult:
    """Compare each placement with the course's and gather the kind explanations."""
    placements = valid_placements(raw_placements, ladder, len(exercise.situations))
    missing = sum(place is None for place in placements)
    if missing:
        still = "1 situation still needs" if missing == 1 else f"{missing} situations still need"
        return PlacementResult(
            False, 0, [], f"Choose a rung for each situation, then check. {still} a rung."
        )
    positions = {rung.id: number for number, rung in enumerate(ladder.rungs)}
    results = []
    for situation, chosen in zip(exercise.situations, placements, strict=True):
        assert chosen is not None
        results.append(
            SituationResult(
                chosen=chosen,
                expected=situation.rung,
                same=chosen == situation.rung,
                message=_compare(ladder, positions, chosen, situation.rung),
                explanation=situation.explanation,
            )
        )
    matched = sum(result.same for result in results)
    total = len(results)
    if matched == total:
        summary = "You placed every situation where we would. Read why under each one."
    else:
        summary = (
            f"You placed {matched} of {total} where we would. People often see these "
            "differently. Read why under each one. You can change any choice and check again."
        )
    return PlacementResult(True, matched, results, summary)


def rung_label(ladder: Ladder, rung_id: str) -> str:
    """How a rung is named in the choice list, for example 'Consultation (rung 4 of 8)'."""
    for number, rung in enumerate(ladder.rungs, start=1):
        if rung.id == rung_id:
            return f"{rung.name} (rung {number} of {len(ladder.rungs)}, {rung.group.lower()})"
    return rung_id


def _compare(ladder: Ladder, positions: dict[str, int], chosen: str, expected: str) -> str:
    mine = ladder.rungs[positions[chosen]]
    ours = ladder.rungs[positions[expected]]
    if chosen == expected:
        return f"You chose {mine.name}. We would put it there too."
    steps = positions[expected] - positions[chosen]
    direction = "higher" if steps > 0 else "lower"
    distance = "1 rung" if abs(steps) == 1 else f"{abs(steps)} rungs"
    where = f"We would put it on {ours.name}, {distance} {direction}."
    if mine.group == ours.group:
        group = f"Both are in the same part of the ladder: {ours.group.lower()}."
    else:
        group = f"That is in the {ours.group.lower()} part of the ladder."
    return f"You chose {mine.name}. {where} {group}"
