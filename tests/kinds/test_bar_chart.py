"""The accessible bar chart: a labelled SVG picture plus a visible table, every label escaped."""

from __future__ import annotations

import math
from html.parser import HTMLParser
from typing import Any

import pytest

from coproduce.kinds.common.bar_chart import (
    MAX_LABEL_CHARS,
    Bar,
    Reference,
    bar_chart,
    percent_of,
    short_label,
    summary_of,
)

from .course_words import words


class Parsed(HTMLParser):
    """Tags (with attributes) and text, as a browser would see them."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str, str]] = []  # (innermost open tag, text)
        self._open: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in {"rect", "line"}:
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append((self._open[-1] if self._open else "", data))

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def text_in(self, tag: str) -> list[str]:
        return [text for where, text in self.texts if where == tag]


WORDS = words().charts


def _bar_chart(bars: list[Bar], **given: Any) -> str:
    """A chart with the course's words, and headings and empty words of its own if not given."""
    given = {"headings": ("Item", "Value"), "empty_text": "Nothing yet.", "words": WORDS} | given
    return bar_chart(bars, **given)


BARS = [
    Bar("Researcher", 60, "60%", "3 min 0 s"),
    Bar("Practitioner", 30, "30%", "1 min 30 s"),
    Bar("Public contributor", 10, "10%", "30 s"),
]


def _chart(bars: list[Bar] = BARS, reference: Reference | None = None) -> str:
    return _bar_chart(
        bars,
        caption="Share of the speaking time",
        maximum=100,
        headings=("Role", "Share", "Time"),
        reference=reference,
    )


def test_the_picture_is_an_image_with_a_summary_of_every_number() -> None:
    page = Parsed(_chart(reference=Reference(33, "Equal share", "33%")))
    (svg,) = page.named("svg")
    assert svg["role"] == "img"
    label = svg["aria-label"] or ""
    for text in ("Researcher: 60%", "Practitioner: 30%", "Public contributor: 10%"):
        assert text in label
    assert "Equal share: 33%" in label
    assert page.text_in("figcaption") == ["Share of the speaking time"]


def test_every_number_is_also_in_a_visible_table() -> None:
    page = Parsed(_chart())
    assert page.text_in("th")[:3] == ["Role", "Share", "Time"]
    assert page.text_in("th")[3:] == ["Researcher", "Practitioner", "Public contributor"]
    assert page.text_in("td") == ["60%", "3 min 0 s", "30%", "1 min 30 s", "10%", "30 s"]
    rows = [attrs for attrs in page.named("th") if attrs.get("scope") == "row"]
    assert len(rows) == 3


def test_each_bar_carries_its_value_as_text_and_its_length_as_a_share_of_the_maximum() -> None:
    page = Parsed(_chart())
    svg_texts = page.text_in("text")
    for bar in BARS:
        assert bar.value_text in svg_texts
        assert bar.label in svg_texts
    widths = [attrs["width"] for attrs in page.named("rect") if attrs["width"] != "100%"]
    assert widths == ["60.00%", "30.00%", "10.00%"]


def test_a_detail_column_appears_only_when_some_bar_has_a_detail() -> None:
    page = Parsed(_chart([Bar("A", 1, "1 of 4"), Bar("B", 2, "2 of 4")]))
    assert page.text_in("th") == ["Role", "Share", "A", "B"]
    assert "Time" not in page.text_in("th")


def test_a_reference_line_is_drawn_and_said_in_words() -> None:
    page = Parsed(_chart(reference=Reference(33.33, "Equal share", "33%")))
    (line,) = page.named("line")
    assert line["x1"] == line["x2"] == "33.33%"
    assert line["stroke-dasharray"]
    assert "Equal share: 33%" in page.text_in("text")
    assert "Dashed line: Equal share, 33%." in page.text_in("p")


def test_no_reference_means_no_line() -> None:
    page = Parsed(_chart())
    assert page.named("line") == []
    assert page.text_in("p") == []


def test_nothing_to_show_says_so_in_words() -> None:
    page = Parsed(_bar_chart([], caption="Chart", maximum=10, empty_text="No ratings yet."))
    assert page.named("svg") == []
    assert page.text_in("p") == ["No ratings yet."]


HOSTILE = [
    '<script>alert("x")</script>',
    '" onmouseover="alert(1)',
    "'><img src=x onerror=alert(1)>",
    "Tom & Jerry 🙂👩🏽‍⚕️",
    "שלום עולם مرحبا",
    "]]></svg><script>1</script>",
]


@pytest.mark.parametrize("label", HOSTILE)
def test_hostile_labels_stay_text(label: str) -> None:
    markup = _bar_chart(
        [Bar(label, 1, label, label)],
        caption=label,
        maximum=2,
        headings=(label, label, label),
        reference=Reference(1, label, label),
    )
    page = Parsed(markup)
    tags = {name for name, _ in page.tags}
    assert tags <= {"figure", "figcaption", "svg", "text", "rect", "line", "table", "thead"} | {
        "tbody",
        "tr",
        "th",
        "td",
        "p",
    }
    assert "<script" not in markup and "<img" not in markup
    (svg,) = page.named("svg")
    assert label in (svg["aria-label"] or "")
    # Attributes are never broken out of: only the ones we write are present.
    for _, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs)
    assert label in page.text_in("th")
    assert label in page.text_in("td")


def test_long_labels_are_shortened_in_the_picture_but_whole_in_the_table() -> None:
    label = "A very long source of power " * 10
    page = Parsed(_bar_chart([Bar(label, 1, "1")], caption="C", maximum=1))
    in_picture = page.text_in("text")[0]
    assert len(in_picture) == MAX_LABEL_CHARS and in_picture.endswith("…")
    assert " ".join(label.split()) in (page.named("svg")[0]["aria-label"] or "")
    assert label in page.text_in("th")
    assert short_label("Short") == "Short"


@pytest.mark.parametrize(
    ("value", "maximum", "expected"),
    [
        (50, 100, 50.0),
        (150, 100, 100.0),
        (-5, 100, 0.0),
        (math.nan, 100, 0.0),
        (math.inf, 100, 0.0),
        (5, 0, 0.0),
        (5, -1, 0.0),
        ("50", 100, 0.0),
        (True, 1, 0.0),
        (None, 100, 0.0),
        (10**400, 100, 0.0),
        (5, 10**400, 0.0),
    ],
)
def test_bar_lengths_are_clamped_and_malformed_values_are_zero(
    value: object, maximum: object, expected: float
) -> None:
    assert percent_of(value, maximum) == expected


def test_a_malformed_value_draws_an_empty_bar_not_an_error() -> None:
    page = Parsed(_bar_chart([Bar("A", math.nan, "unknown")], caption="C", maximum=math.inf))
    widths = [attrs["width"] for attrs in page.named("rect") if attrs["width"] != "100%"]
    assert widths == ["0.00%"]


def test_the_summary_reads_as_one_sentence_per_chart() -> None:
    text = summary_of(BARS[:1], "Talk time", Reference(50, "Equal share", "50%"), WORDS)
    assert text == "Bar chart. Talk time. Researcher: 60%. Equal share: 50%."
    custom = Parsed(_bar_chart(BARS, caption="C", maximum=100, summary="My own words."))
    assert custom.named("svg")[0]["aria-label"] == "My own words."


def test_the_charts_words_come_from_the_catalogue() -> None:
    welsh = WORDS.model_copy(
        update={
            "summary": "Siart bar. {caption}. {bars}.",
            "reference": "Llinell doriad: {label}, {value}.",
        }
    )
    page = Parsed(
        _bar_chart(
            BARS[:1],
            caption="Amser",
            maximum=100,
            words=welsh,
            reference=Reference(50, "Cyfartal", "50%"),
        )
    )
    assert page.named("svg")[0]["aria-label"] == "Siart bar. Amser. Researcher: 60%. Cyfartal: 50%."
    assert page.text_in("p") == ["Llinell doriad: Cyfartal, 50%."]


STOP, SEMICOLON = "\u06d4", "\u061b"  # Urdu's full stop and semicolon


def test_the_joins_and_the_lines_words_are_the_catalogues_too() -> None:
    """A language may punctuate otherwise: Urdu joins the bars with its own semicolon and ends
    a sentence with its own full stop."""
    urdu = WORDS.model_copy(
        update={
            "summary": f"بار چارٹ{STOP} {{caption}}{STOP} {{bars}}{STOP}",
            "bar": "{label}: {value}",
            "next_bar": f"{{bars}}{SEMICOLON} {{bar}}",
            "with_line": f"{{summary}} {{line}}{STOP}",
            "line": "{label} = {value}",
        }
    )
    page = Parsed(
        _bar_chart(
            BARS[:2],
            caption="وقت",
            maximum=100,
            words=urdu,
            reference=Reference(50, "برابر", "50%"),
        )
    )
    bars = f"Researcher: 60%{SEMICOLON} Practitioner: 30%"
    said = f"بار چارٹ{STOP} وقت{STOP} {bars}{STOP} برابر: 50%{STOP}"
    assert page.named("svg")[0]["aria-label"] == said
    assert "برابر = 50%" in page.text_in("text")


def test_without_the_courses_words_no_word_is_made_up() -> None:
    page = Parsed(
        _bar_chart(BARS, caption="C", maximum=100, words=None, reference=Reference(5, "E", "5%"))
    )
    assert page.named("svg")[0]["aria-label"] == "C"
    assert "5%" in page.text_in("text") and page.text_in("p") == []
