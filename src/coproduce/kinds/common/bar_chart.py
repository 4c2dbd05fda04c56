"""A small accessible bar chart: an inline SVG picture plus a visible table of the same numbers.

The picture has role="img" and an aria-label that says what it shows; the table repeats every
number in text, so nothing depends on colour, length or shape alone. Each bar also carries its
value as text. Every label is escaped here, so callers may pass learner or content text as is.
The chart's own words (the picture's label, the dashed line's note) are the course's `charts:`.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from coproduce.content.kind_words import ChartText
from coproduce.content.lists import one_by_one

ROW_HEIGHT = 62  # one label line, one bar, a gap (CSS px; text is never scaled with the SVG)
LABEL_BASELINE = 20
BAR_TOP = 28
BAR_HEIGHT = 24
REFERENCE_ROW = 30
MAX_LABEL_CHARS = 34  # longer labels are shortened in the picture; the table keeps them whole
INSIDE_FROM_PERCENT = 70  # wider bars carry their value inside, narrower ones just after

TRACK = "#e4e7ec"
INK = "#1a1a1a"
BAR_STYLE = "fill: var(--cp-primary, #1d4f91)"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    value_text: str  # shown on the bar and in the table, for example "60%"
    detail: str = ""  # an optional third table column, for example "2 min 5 s"


@dataclass(frozen=True)
class Reference:
    """A dashed line across the bars, for example an equal share."""

    value: float
    label: str
    value_text: str


def _escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def _finite(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        return 0.0
    return number if math.isfinite(number) else 0.0


def percent_of(value: object, maximum: object) -> float:
    """How far along the track a value sits, from 0 to 100; anything malformed is 0."""
    top = _finite(maximum)
    if top <= 0:
        return 0.0
    return min(100.0, max(0.0, _finite(value) / top * 100))


def short_label(label: str, limit: int = MAX_LABEL_CHARS) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def summary_of(
    bars: Sequence[Bar], caption: str, reference: Reference | None, words: ChartText | None
) -> str:
    """The chart in one sentence, for the picture's aria-label, in the course's words: each
    bar as `bar`, joined by `next_bar`, and the dashed line's after them by `with_line`.
    Without the course's words, the caption alone: the table beside it says every number."""
    if words is None:
        return " ".join(caption.split())
    said = [words.bar.format(label=item.label, value=item.value_text) for item in bars]
    parts = one_by_one(said, words.next_bar, "bars", "bar")
    text = words.summary.format(caption=caption, bars=parts)
    if reference is not None:
        line = words.bar.format(label=reference.label, value=reference.value_text)
        text = words.with_line.format(summary=text, line=line)
    return " ".join(text.split())


def _svg(
    bars: Sequence[Bar], maximum: float, reference: Reference | None, label: str, line: str
) -> str:
    height = len(bars) * ROW_HEIGHT + (REFERENCE_ROW if reference is not None else 0)
    parts = [
        f'<svg class="cp-bar-svg" role="img" aria-label="{_escape(label)}" focusable="false" '
        f'width="100%" height="{height}" style="display: block; overflow: visible">'
    ]
    for row, bar in enumerate(bars):
        top = row * ROW_HEIGHT
        width = percent_of(bar.value, maximum)
        parts.append(
            f'<text x="0" y="{top + LABEL_BASELINE}" fill="{INK}" font-size="16">'
            f"{_escape(short_label(bar.label))}</text>"
        )
        parts.append(
            f'<rect x="0" y="{top + BAR_TOP}" width="100%" height="{BAR_HEIGHT}" fill="{TRACK}"/>'
        )
        parts.append(
            f'<rect x="0" y="{top + BAR_TOP}" width="{width:.2f}%" height="{BAR_HEIGHT}" '
            f'style="{BAR_STYLE}"/>'
        )
        inside = width >= INSIDE_FROM_PERCENT
        parts.append(
            f'<text x="{width:.2f}%" dx="{-8 if inside else 8}" y="{top + BAR_TOP + 18}" '
            f'text-anchor="{"end" if inside else "start"}" font-size="16" font-weight="700" '
            f'fill="{"#ffffff" if inside else INK}">{_escape(bar.value_text)}</text>'
        )
    if reference is not None:
        at = percent_of(reference.value, maximum)
        bottom = len(bars) * ROW_HEIGHT
        parts.append(
            f'<line x1="{at:.2f}%" x2="{at:.2f}%" y1="{BAR_TOP - 6}" y2="{bottom + 4}" '
            f'stroke="{INK}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        anchor = "start" if at <= 50 else "end"
        parts.append(
            f'<text x="{at:.2f}%" dx="{4 if anchor == "start" else -4}" y="{bottom + 20}" '
            f'text-anchor="{anchor}" fill="{INK}" font-size="16">'
            f"{_escape(line)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(bars: Sequence[Bar], headings: Sequence[str]) -> str:
    columns = 3 if len(headings) > 2 and any(bar.detail for bar in bars) else 2
    head = "".join(f'<th scope="col">{_escape(text)}</th>' for text in headings[:columns])
    rows = []
    for bar in bars:
        cells = f'<th scope="row">{_escape(bar.label)}</th><td>{_escape(bar.value_text)}</td>'
        if columns == 3:
            cells += f"<td>{_escape(bar.detail)}</td>"
        rows.append(f"<tr>{cells}</tr>")
    return (
        f'<table class="cp-bar-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def bar_chart(
    bars: Sequence[Bar],
    *,
    caption: str,
    maximum: float,
    headings: Sequence[str],
    empty_text: str,
    words: ChartText | None = None,
    reference: Reference | None = None,
    summary: str = "",
) -> str:
    """HTML for a horizontal bar chart with a text alternative that is on screen for everyone.

    `headings` names the table's columns: label, value and (if any bar has one) detail.
    `summary` replaces the automatic aria-label; `caption` is shown above the chart. `words`
    are the course's (`charts:`): the picture's label, the dashed line's name and its note;
    without them, the caption is the picture's label and the dashed line is named by its value.
    """
    caption_html = f'<figcaption class="cp-bar-caption">{_escape(caption)}</figcaption>'
    if not bars:
        return (
            f'<figure class="cp-bar-chart">{caption_html}'
            f'<p class="cp-bar-empty">{_escape(empty_text)}</p></figure>'
        )
    label = summary or summary_of(bars, caption, reference, words)
    note = line = ""
    if reference is not None and words is None:
        line = reference.value_text
    elif reference is not None and words is not None:
        line = words.line.format(label=reference.label, value=reference.value_text)
        said = words.reference.format(label=reference.label, value=reference.value_text)
        note = f'<p class="cp-bar-reference">{_escape(said)}</p>'
    return (
        f'<figure class="cp-bar-chart">{caption_html}'
        f"{_svg(bars, _finite(maximum), reference, label, line)}"
        f"{_table(bars, headings)}{note}</figure>"
    )
