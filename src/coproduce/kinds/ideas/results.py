"""What the room sees of its ideas, on the trainer's screen, the projector and the report: the
top ideas by votes as a bar chart with its table (the text alternative), hidden ones left out,
merged ones named beside the idea they joined. Every text is escaped by the chart."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from coproduce.content.ideas_words import IdeasText
from coproduce.content.kind_words import ChartText
from coproduce.content.lists import one_by_one
from coproduce.kinds.common.bar_chart import Bar, bar_chart
from coproduce.kinds.ideas.checks import Idea, Mark, authors_on_show, board

TOP = 10  # the room's screen shows this many; the report and the export show them all


def shown_ideas(payloads: Iterable[Any], marks: Mapping[str, Mark], votes_each: int) -> list[Idea]:
    """Ideas on show, most votes first."""
    return [idea for idea in board(payloads, marks, votes_each) if not idea.hidden]


def ideas_counted(payloads: Iterable[Any], marks: Mapping[str, Mark]) -> int:
    """What counts towards K: people with an idea on show."""
    return authors_on_show(payloads, marks)


def ideas_html(
    words: IdeasText,
    ideas: list[Idea],
    authors: int,
    top: int | None = TOP,
    chart_words: ChartText | None = None,
) -> str:
    chosen = ideas[:top] if top else ideas
    bars = [
        Bar(idea.text, idea.votes, str(idea.votes), merged_ideas(idea, words.next_merged))
        for idea in chosen
    ]
    return bar_chart(
        bars,
        caption=words.caption.format(count=authors),
        maximum=max([1, *(idea.votes for idea in chosen)]),
        headings=(words.idea_heading, words.votes_heading, words.merged_heading),
        empty_text=words.empty_result,
        words=chart_words,
    )


def merged_ideas(idea: Idea, join: str) -> str:
    """The ideas merged into this one, said as one by the catalogue's `ideas: next_merged`."""
    return one_by_one(idea.merged, join, "merged", "idea")


def idea_rows(ideas: list[Idea], join: str) -> list[tuple[str, str, Any]]:
    """One export row per idea on show: its text, what was merged into it (said one after
    another by `join`, the catalogue's `ideas: next_merged`), its votes."""
    return [(idea.text, merged_ideas(idea, join), idea.votes) for idea in ideas]
