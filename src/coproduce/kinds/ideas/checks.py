"""Ideas with votes, as plain functions over stored answers and the trainer's marks.

A learner's answer is {"ideas": [{"id", "text"}, ...], "votes": [idea id, ...]}. Ids are made
in the learner's kernel, so a page cannot choose them. Whatever a store holds is read through
the functions here, which keep only well-formed ideas and votes: a hostile or old answer
cannot add an idea twice, vote twice for one idea, or vote more than it may.

The trainer can hide an idea (it leaves the room's screens) or merge one into another (its
votes count for the other, once per person). An idea counts towards K through its author: the
room's ideas are shown once at least K people have an idea on show.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from coproduce.text.clean import clean_line

IDEA_ID = re.compile(r"[0-9a-f]{12}")
MOST_IDEAS_READ = 10  # per answer: more than any course allows, fewer than a flood
MOST_VOTES_READ = 20
_READ_AT_MOST = 2000
_MERGE_DEPTH = 8  # merges chain at most this far (a loop is cut)


class Mark(Protocol):
    """What the trainer decided about one idea (see coproduce.live.idea_marks)."""

    @property
    def hidden(self) -> bool: ...

    @property
    def merged_into(self) -> str | None: ...


@dataclass(frozen=True)
class Idea:
    id: str
    text: str
    votes: int = 0
    hidden: bool = False
    merged: tuple[str, ...] = ()  # the texts of ideas merged into this one


def new_idea_id() -> str:
    return secrets.token_hex(6)


def clean_idea(raw: object, max_chars: int) -> tuple[str, bool]:
    """One idea on one line: no control codes, single spaces, capped. Returns (text, cut)."""
    text = clean_line(raw[:_READ_AT_MOST] if isinstance(raw, str) else None)
    if len(text) > max_chars:
        return text[:max_chars].rstrip(), True
    return text, False


def stored_ideas(payload: Any, max_chars: int = 200) -> list[tuple[str, str]]:
    """A learner's own ideas as (id, text), well-formed ones only, each id once."""
    raw = payload.get("ideas") if isinstance(payload, dict) else None
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for item in raw[:MOST_IDEAS_READ] if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        idea_id, text = item.get("id"), clean_idea(item.get("text"), max_chars)[0]
        if isinstance(idea_id, str) and IDEA_ID.fullmatch(idea_id) and text and idea_id not in seen:
            seen.add(idea_id)
            found.append((idea_id, text))
    return found


def stored_votes(payload: Any) -> list[str]:
    """The ids a learner voted for, well-formed and each once, in the order given."""
    raw = payload.get("votes") if isinstance(payload, dict) else None
    found: list[str] = []
    for vote in raw[:MOST_VOTES_READ] if isinstance(raw, list) else []:
        if isinstance(vote, str) and IDEA_ID.fullmatch(vote) and vote not in found:
            found.append(vote)
    return found


def resolve(idea_id: str, marks: Mapping[str, Mark], known: Iterable[str] = ()) -> str:
    """The idea an id counts as once merges are followed (a merge into an idea nobody has,
    or a loop, stops where it is)."""
    ideas = set(known)
    current = idea_id
    for _ in range(_MERGE_DEPTH):
        mark = marks.get(current)
        target = mark.merged_into if mark is not None else None
        if not target or target == idea_id or (ideas and target not in ideas):
            return current
        current = target
    return current


def board(
    payloads: Iterable[Any], marks: Mapping[str, Mark], votes_each: int = MOST_VOTES_READ
) -> list[Idea]:
    """Every idea of the room that stands on its own (merged ones folded into theirs), with
    its votes: one per person, whatever they ticked, and at most `votes_each` per person.
    Most votes first; ties in the order the ideas came."""
    answers = list(payloads)
    texts: dict[str, str] = {}
    for payload in answers:
        for idea_id, text in stored_ideas(payload):
            texts.setdefault(idea_id, text)
    roots = idea_roots(answers, marks)
    votes = dict.fromkeys(set(roots.values()), 0)
    for payload in answers:
        chosen = {roots[vote] for vote in stored_votes(payload)[:votes_each] if vote in roots}
        for root in chosen:
            votes[root] += 1
    merged: dict[str, list[str]] = {}
    for idea_id, root in roots.items():
        if root != idea_id:
            merged.setdefault(root, []).append(texts[idea_id])
    order = list(texts)
    found = [
        Idea(
            root,
            texts[root],
            votes[root],
            bool(getattr(marks.get(root), "hidden", False)),
            tuple(merged.get(root, [])),
        )
        for root in order
        if roots[root] == root
    ]
    return sorted(found, key=lambda idea: (-idea.votes, order.index(idea.id)))


def authors_on_show(payloads: Iterable[Any], marks: Mapping[str, Mark]) -> int:
    """How many people have at least one idea the room can see (what counts towards K)."""
    return sum(
        1
        for payload in payloads
        if any(not getattr(marks.get(i), "hidden", False) for i, _ in stored_ideas(payload))
    )


def would_loop(idea_id: str, into: str, marks: Mapping[str, Mark]) -> bool:
    """Would merging `idea_id` into `into` make a loop (into itself, or into one of its own)?"""
    return idea_id == into or resolve(into, marks) == idea_id


def idea_roots(payloads: Iterable[Any], marks: Mapping[str, Mark]) -> dict[str, str]:
    """Every idea id of the room, with the id it counts as once merges are followed."""
    known = {idea_id for payload in payloads for idea_id, _ in stored_ideas(payload)}
    return {idea_id: resolve(idea_id, marks, known) for idea_id in known}


def effective_votes(votes: Iterable[str], roots: Mapping[str, str], shown: set[str]) -> list[str]:
    """A learner's votes as they count now: merged ones moved to theirs, each once, and only
    for ideas still on show."""
    found: list[str] = []
    for vote in votes:
        root = roots.get(vote)
        if root in shown and root not in found:
            found.append(root)
    return found
