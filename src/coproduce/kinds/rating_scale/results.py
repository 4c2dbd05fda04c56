"""The room's ratings: how many chose each point (the spread), the middle answer, and where the
middle half of the room sits; a question asked at the start and the end, side by side.

Every text is escaped here; the numbers are also in a table (the chart's text alternative).
"""

from __future__ import annotations

import html
from typing import Any

from coproduce.content.interface import RatingText
from coproduce.content.kind_words import ChartText
from coproduce.content.model import RatingScale
from coproduce.kinds.common.bar_chart import Bar, bar_chart
from coproduce.kinds.rating_scale.checks import Spread, point_names, spread, stored_rating


def ratings_of(exercise: RatingScale, payloads: list[Any]) -> list[int]:
    found = (stored_rating(payload, len(exercise.scale)) for payload in payloads)
    return [rating for rating in found if rating is not None]


def summary(words: RatingText, names: list[str], found: Spread) -> str:
    """The middle answer and the middle half, in words."""
    if sum(1 for count in found.counts if count) == 1:
        return words.all_same.format(point=names[found.middle])
    middle = words.middle.format(point=names[found.middle])
    if found.low == found.high:  # most chose one point: the middle says it
        return middle
    half = words.spread.format(low=names[found.low], high=names[found.high])
    return f"{middle} {half}"


def rating_html(
    words: RatingText,
    exercise: RatingScale,
    ratings: list[int],
    before: list[int] | None,
    charts: ChartText | None = None,
) -> str:
    """The spread as a bar chart (with its table), the summary, and before beside after.

    `before` is the earlier question's ratings when there are enough of them to show, else
    None (and `exercise.before` then says why nothing is beside it).
    """
    names = point_names(exercise.scale, words.point)
    found = spread(ratings, len(names))
    total = found.total if found else 0
    counts = found.counts if found else [0] * len(names)
    bars = [Bar(name, count, str(count)) for name, count in zip(names, counts, strict=True)]
    chart = bar_chart(
        bars if total else [],
        caption=words.caption.format(count=total),
        maximum=max([1, *counts]),
        headings=(words.scale_heading, words.people_heading),
        empty_text=words.empty,
        words=charts,
    )
    if found is None:
        return chart
    parts = [chart, f'<p class="cp-rating-summary">{html.escape(summary(words, names, found))}</p>']
    if exercise.before:
        parts.append(_side_by_side(words, names, before, found))
    return "".join(parts)


def _side_by_side(
    words: RatingText, names: list[str], before: list[int] | None, after: Spread
) -> str:
    earlier = spread(before or [], len(names))
    if earlier is None:
        return f'<p class="cp-note">{html.escape(words.before_too_few)}</p>'
    esc = html.escape
    caption = words.compare_caption.format(before=earlier.total, after=after.total)
    rows = "".join(
        f'<tr><th scope="row">{esc(name)}</th><td>{start}</td><td>{end}</td></tr>'
        for name, start, end in zip(names, earlier.counts, after.counts, strict=True)
    )
    said = (
        f"<p>{esc(words.before)}: {esc(summary(words, names, earlier))}</p>"
        f"<p>{esc(words.after)}: {esc(summary(words, names, after))}</p>"
    )
    return (
        f'<table class="cp-rating-compare"><caption>{esc(caption)}</caption><thead><tr>'
        f'<th scope="col">{esc(words.scale_heading)}</th><th scope="col">{esc(words.before)}</th>'
        f'<th scope="col">{esc(words.after)}</th></tr></thead><tbody>{rows}</tbody></table>' + said
    )


def rating_rows(words: RatingText, exercise: RatingScale, ratings: list[int]) -> list[tuple]:
    """(item, detail, value) rows for the results CSV: people per point, then the middle."""
    names = point_names(exercise.scale, words.point)
    found = spread(ratings, len(names))
    if found is None:
        return []
    rows: list[tuple] = list(zip(names, [""] * len(names), found.counts, strict=True))
    rows.append((summary(words, names, found), "", found.middle + 1))
    return rows
