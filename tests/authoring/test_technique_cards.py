"""The technique cards: course/techniques.yml checked with file and line, printed one card per
technique with its words from the file, and held in the facilitator pack."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from coproduce.authoring.build import build_all
from coproduce.authoring.builders.facilitator_pack import facilitator_pack
from coproduce.authoring.builders.technique_cards import (
    CARD_CSS,
    CARDS_FILENAME,
    minutes_text,
    technique_cards,
)
from coproduce.authoring.check import run_checks
from coproduce.content.loader import load_course

ROOT = Path(__file__).resolve().parents[2]
CARDS = Path("course/techniques.yml")
# What the course teaches in modules 05 and 06, each on a card of its own.
TAUGHT = {
    "rounds",
    "think-pair-share",
    "one-two-four-all",
    "nominal-group-technique",
    "brainwriting",
    "public-contributor-chair",
}


class _Outline(HTMLParser):
    """The headings, and the tags that hold each card's steps."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self._heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = tag
            self.headings.append((tag, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading:
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading:
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)


def _outline(page: str) -> _Outline:
    parser = _Outline()
    parser.feed(page)
    return parser


def _problems(course: Path) -> list[str]:
    return [problem.render(course) for problem in run_checks(course).errors]


def _edit(course: Path, old: str, new: str) -> None:
    path = course / CARDS
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(course: Path, text: str) -> int:
    lines = (course / CARDS).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_the_course_has_a_card_for_every_technique_it_teaches() -> None:
    cards = load_course(ROOT).techniques
    assert cards is not None
    assert {card.id for card in cards.techniques} >= TAUGHT
    one_two_four = next(card for card in cards.techniques if card.id == "one-two-four-all")
    # Liberating Structures: 1 minute alone, 2 in pairs, 4 in fours, 5 all together.
    assert one_two_four.minutes == 1 + 2 + 4 + 5
    assert one_two_four.url.startswith("https://www.liberatingstructures.com/")


def test_each_card_has_its_labels_from_the_file_its_steps_as_a_list_and_its_source() -> None:
    content = load_course(ROOT)
    cards = content.techniques
    assert cards is not None
    page = technique_cards(content)
    outline = _outline(page)
    assert [tag for tag, _ in outline.headings].count("h1") == 1
    names = [text for tag, text in outline.headings if tag == "h2"]
    assert names == [card.name for card in cards.techniques]
    labels = [text for tag, text in outline.headings if tag == "h3"]
    words = cards.words
    assert labels == [words.when, words.steps, words.online, words.source] * len(names)
    assert outline.tags.count("ol") == len(names)
    assert outline.tags.count("li") >= sum(len(card.steps) for card in cards.techniques)
    for card in cards.techniques:
        assert html.escape(minutes_text(cards, card, content.interface.packs)) in page
        assert html.escape(card.source) in page
    assert "break-inside: avoid" in CARD_CSS and "@media print" in CARD_CSS


def test_the_words_on_the_cards_come_from_the_file(course_dir: Path) -> None:
    _edit(course_dir, "  steps: Steps\n", "  steps: How to run it\n")
    _edit(course_dir, "  minutes: About {minutes} minutes\n", "  minutes: Takes {minutes} min\n")
    _edit(course_dir, "    name: Rounds\n", '    name: "Rounds <b>& more</b>"\n')
    page = technique_cards(load_course(course_dir))
    assert ">How to run it</h3>" in page and ">Steps</h3>" not in page
    assert "Takes 12 min" in page
    assert "Rounds &lt;b&gt;&amp; more&lt;/b&gt;" in page and "<b>" not in page


def test_the_facilitator_pack_holds_the_cards() -> None:
    content = load_course(ROOT)
    assert content.techniques is not None
    pack = facilitator_pack(content)
    assert 'id="technique-cards"' in pack
    for card in content.techniques.techniques:
        assert f'id="technique-{card.id}"' in pack
    assert pack.index('id="payment-rates"') < pack.index('id="technique-cards"')


def test_build_writes_the_cards(course_dir: Path) -> None:
    messages: list[str] = []
    written = build_all(course_dir, course_dir / "build", progress=messages.append, pdf=False)
    cards = course_dir / "build" / CARDS_FILENAME
    assert cards in written and cards.is_file()
    assert any(CARDS_FILENAME in message and "technique cards" in message for message in messages)
    assert messages[0].startswith("[1/5]"), messages


def test_a_course_without_cards_builds_as_before(course_dir: Path) -> None:
    (course_dir / CARDS).unlink()
    messages: list[str] = []
    build_all(course_dir, course_dir / "build", progress=messages.append, pdf=False)
    assert messages[0].startswith("[1/4]")
    assert not (course_dir / "build" / CARDS_FILENAME).exists()
    assert (
        'id="technique-cards"' not in (course_dir / "build" / "facilitator-pack.html").read_text()
    )


def test_a_missing_field_is_named_with_its_file_and_the_cards_line(course_dir: Path) -> None:
    card_line = _line(course_dir, "- id: brainwriting")
    text = (course_dir / CARDS).read_text(encoding="utf-8")
    online = re.search(r"(  - id: brainwriting\n(?:.*\n)*?)(    online: >-\n(?:      .*\n)+)", text)
    assert online
    (course_dir / CARDS).write_text(text.replace(online.group(2), "", 1), encoding="utf-8")
    problems = _problems(course_dir)
    assert f"course/techniques.yml:{card_line}: error: 'techniques.4.online' is missing" in (
        "\n".join(problems)
    )


@pytest.mark.parametrize(
    ("old", "new", "message", "line_of"),
    [
        (
            "    steps:\n      - Ask one clear",
            "    stpes:\n      - Ask one clear",
            "'steps'",
            "stpes:",
        ),
        ("    minutes: 12\n", "    minutes: twelve\n", "whole number", "minutes: twelve"),
        (
            "  minutes: About {minutes} minutes",
            "  minutes: About {minuets}",
            "{minutes}",
            "{minuets}",
        ),
        ("  - id: think-pair-share\n", "  - id: rounds\n", "two techniques share", ""),
        ("    url: https://www.lib", "    url: www.lib", "not a web address", "url: www.lib"),
    ],
)
def test_mistakes_in_the_cards_are_errors_with_file_and_line(
    course_dir: Path, old: str, new: str, message: str, line_of: str
) -> None:
    _edit(course_dir, old, new)
    problems = [problem for problem in _problems(course_dir) if message in problem]
    assert problems, _problems(course_dir)
    assert problems[0].startswith("course/techniques.yml")
    if line_of:
        assert problems[0].startswith(f"course/techniques.yml:{_line(course_dir, line_of)}:")


def test_hard_reading_on_the_cards_is_a_warning(course_dir: Path) -> None:
    data = yaml.safe_load((course_dir / CARDS).read_text(encoding="utf-8"))
    hard = (
        "Operationalising multidisciplinary co-production necessitates institutional "
        "infrastructural transformation, notwithstanding organisational considerations."
    )
    for card in data["techniques"]:
        card["when"] = hard
    (course_dir / CARDS).write_text(yaml.safe_dump(data), encoding="utf-8")
    warnings = [problem.render(course_dir) for problem in run_checks(course_dir).warnings]
    assert any(
        w.startswith("course/techniques.yml: warning: the technique cards score") for w in warnings
    )
