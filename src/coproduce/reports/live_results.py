"""The room's results for each shared exercise, as escaped HTML with text alternatives.

Only answers a learner chose to share reach here (shared kinds, or reflections ticked
"share"), never with a name; hidden answers are left out of what the room sees.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

from coproduce.content.course import CourseContent
from coproduce.kinds.airtime_tracker.checks import airtime, equal_share
from coproduce.kinds.common.bar_chart import Bar, Reference, bar_chart, percent_of
from coproduce.live.sessions import SharedAnswer
from coproduce.text.clean import clean_line, clean_text

LIVE_KINDS = {"poll", "word_list", "ladder_placement", "airtime_tracker", "reflection"}


def is_live(exercise: Any) -> bool:
    """Shown live: shared kinds, and reflections (only the answers a learner shared)."""
    if exercise.kind == "reflection":
        return bool(exercise.can_share)
    return exercise.kind in LIVE_KINDS and exercise.visibility == "shared"


def visible(answers: list[SharedAnswer]) -> list[SharedAnswer]:
    return [answer for answer in answers if not answer.hidden]


def shared_texts(answers: list[SharedAnswer]) -> list[SharedAnswer]:
    """Reflections the learner chose to share, with text in them."""
    return [
        answer
        for answer in answers
        if answer.payload.get("shared") is True
        and not answer.payload.get("skipped")
        and clean_text(answer.payload.get("text")).text.strip()
    ]


def results_html(content: CourseContent, exercise: Any, answers: list[SharedAnswer]) -> str:
    shown = visible(answers)
    kind = exercise.kind
    if kind == "poll":
        return poll_html(exercise, shown)
    if kind == "word_list":
        return word_list_html(shown)
    if kind == "ladder_placement":
        return ladder_html(content, exercise, shown)
    if kind == "airtime_tracker":
        return airtime_html(exercise, shown)
    if kind == "reflection":
        return reflections_html(shared_texts(shown))
    return ""


def poll_html(exercise: Any, answers: list[SharedAnswer]) -> str:
    votes = Counter(
        answer.payload.get("choice")
        for answer in answers
        if type(answer.payload.get("choice")) is int
    )
    total = sum(votes.values())
    bars = [
        Bar(option, votes.get(index, 0), f"{votes.get(index, 0)} vote(s)")
        for index, option in enumerate(exercise.options)
    ]
    caption = f"{total} vote(s) so far"
    return bar_chart(
        bars if total else [],
        caption=caption,
        maximum=max(1, *votes.values()) if votes else 1,
        headings=("Answer", "Votes"),
        empty_text="No votes yet.",
    )


def word_list_html(answers: list[SharedAnswer]) -> str:
    counts: Counter[str] = Counter()
    shown_as: dict[str, str] = {}
    for answer in answers:
        words = answer.payload.get("words")
        for word in words if isinstance(words, list) else []:
            # Cleaned again as it is shown: a store written by an older kit may hold anything.
            shown = clean_line(word)
            if shown:
                key = shown.lower()
                counts[key] += 1
                shown_as.setdefault(key, shown)
    if not counts:
        return "<p>No words yet.</p>"
    items = "".join(
        f"<li>{html.escape(shown_as[key])}{f' ({count} people)' if count > 1 else ''}</li>"
        for key, count in counts.most_common()
    )
    return f'<ul class="cp-word-list">{items}</ul>'


def ladder_html(content: CourseContent, exercise: Any, answers: list[SharedAnswer]) -> str:
    ladder = content.ladders.get(exercise.ladder)
    if ladder is None:
        return ""
    names = {rung.id: rung.name for rung in ladder.rungs}
    rows = []
    for index, situation in enumerate(exercise.situations):
        placed: Counter[str] = Counter()
        for answer in answers:
            placements = answer.payload.get("placements")
            if isinstance(placements, list) and index < len(placements):
                rung = placements[index]
                if isinstance(rung, str) and rung in names:
                    placed[names[rung]] += 1
        where = ", ".join(f"{html.escape(name)}: {count}" for name, count in placed.most_common())
        rows.append(f"<tr><td>{html.escape(situation.text)}</td><td>{where or '-'}</td></tr>")
    return (
        '<table class="cp-ladder-results"><thead><tr><th scope="col">Situation</th>'
        '<th scope="col">Where the room placed it</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def airtime_html(exercise: Any, answers: list[SharedAnswer]) -> str:
    totals: dict[str, float] = dict.fromkeys(exercise.roles, 0.0)
    for answer in answers:
        for share in airtime(answer.payload.get("seconds"), exercise.roles).shares:
            totals[share.role] = totals.get(share.role, 0.0) + share.seconds
    grand = sum(totals.values())
    equal = equal_share(len(exercise.roles))
    bars = (
        [
            Bar(role, percent_of(totals[role], grand), f"{round(100 * totals[role] / grand)}%")
            for role in exercise.roles
        ]
        if grand
        else []
    )
    return bar_chart(
        bars,
        caption="Share of speaking time, all groups together",
        maximum=100,
        headings=("Role", "Share of time"),
        reference=Reference(100 * equal, "Equal share", f"{round(100 * equal)}%"),
        empty_text="No timings yet.",
    )


def reflections_html(answers: list[SharedAnswer]) -> str:
    if not answers:
        return "<p>Nothing shared yet.</p>"
    items = "".join(
        f"<li><blockquote>{html.escape(clean_text(answer.payload['text']).text)}</blockquote></li>"
        for answer in answers
    )
    return f'<ul class="cp-shared-texts">{items}</ul>'
