"""The action plan's plain functions: cleaning answers, gathering reflections, building the file."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from typing import Any

import pytest

from coproduce.content.model import PlanQuestion, Poll, Reflection
from coproduce.kinds.action_plan.checks import (
    MAX_ANSWER_CHARS,
    PlanEntry,
    build_plan_html,
    clean_answers,
    format_date,
    parse_date,
    plan_entries,
    reflection_entries,
)

from .course_words import words

WORDS = words().action_plan

QUESTIONS = [
    PlanQuestion(id="change", label="What will you do differently?"),
    PlanQuestion(id="by-when", label="By when?", kind="date"),
]
HOSTILE = "<script>window.hacked = 1</script> <img src=x onerror=alert(1)> שלום 🙂 \u202e"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    return parser


def _build(**changes: Any) -> str:
    arguments: dict[str, Any] = {
        "title": "My action plan",
        "course_title": "Co-producing research",
        "language": "en",
        "plan": [PlanEntry("What will you do differently?", "Ask before I quote people.")],
        "reflections": [PlanEntry("What would help you speak freely?", "Time to think.")],
        "made_on": date(2027, 3, 31),
        "words": WORDS,
    }
    arguments.update(changes)
    return build_plan_html(**arguments)


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("2027-03-31", date(2027, 3, 31)),
        ("2027-02-30", None),
        ("31/03/2027", None),
        ("2027-3-31", None),
        ("", None),
        (None, None),
        (20270331, None),
        ("2027-03-31<script>", None),
        ("٢٠٢٧-٠٣-٣١", None),  # Arabic-Indic digits look like a date but are not one
    ],
)
def test_parse_date(raw: Any, day: date | None) -> None:
    assert parse_date(raw) == day


def test_format_date_reads_like_people_write() -> None:
    assert format_date(date(2027, 3, 31)) == "31 March 2027"
    assert format_date(date(2026, 1, 1)) == "1 January 2026"


def test_clean_answers_keeps_known_questions_cleaned_and_capped() -> None:
    raw = {
        "change": "Ask first\x00\x1b[31m " + "x" * 5000,
        "by-when": "2027-03-31",
        "extra": "not a question",
    }
    cleaned = clean_answers(raw, QUESTIONS)
    assert set(cleaned) == {"change", "by-when"}
    assert "\x00" not in cleaned["change"] and "\x1b" not in cleaned["change"]
    assert len(cleaned["change"]) == MAX_ANSWER_CHARS
    assert cleaned["by-when"] == "2027-03-31"


@pytest.mark.parametrize(
    "raw",
    [None, "text", [], 42, {"change": ["a"], "by-when": {"year": 2027}}, {"change": None}],
)
def test_clean_answers_tolerates_wrong_types(raw: Any) -> None:
    assert clean_answers(raw, QUESTIONS) == {"change": "", "by-when": ""}


def test_plan_entries_pair_labels_with_answers_and_spell_out_dates() -> None:
    entries = plan_entries(QUESTIONS, {"change": "Pay people on time.", "by-when": "2027-03-31"})
    assert entries == [
        PlanEntry("What will you do differently?", "Pay people on time."),
        PlanEntry("By when?", "31 March 2027"),
    ]
    assert plan_entries(QUESTIONS, {})[1] == PlanEntry("By when?", "")


def _reflection(exercise_id: str, prompt: str) -> Reflection:
    return Reflection(id=exercise_id, kind="reflection", title="T", prompt=prompt, max_chars=50)


def test_reflection_entries_take_only_real_unskipped_reflections_in_course_order() -> None:
    exercises = {
        "first": _reflection("first", "First prompt?"),
        "second": _reflection("second", "Second prompt?"),
        "skipped": _reflection("skipped", "Skipped prompt?"),
        "empty": _reflection("empty", "Empty prompt?"),
        "vote": Poll(id="vote", kind="poll", title="T", prompt="Vote?", options=["a", "b"]),
    }
    answers = {
        "first": {"text": "One " * 40, "shared": True, "skipped": False},
        "second": {"text": HOSTILE},
        "skipped": {"text": "kept private", "skipped": True},
        "empty": {"text": "   "},
        "vote": {"text": "not a reflection"},
        "unknown": {"text": "no such exercise"},
    }
    entries = reflection_entries(exercises, answers, order=["second", "first"])
    assert [entry.heading for entry in entries] == ["Second prompt?", "First prompt?"]
    assert len(entries[1].text) <= 50, "each reflection keeps its own length limit"


@pytest.mark.parametrize("answer", [None, "text", [], {"text": 5}, {"text": None}])
def test_reflection_entries_tolerate_malformed_answers(answer: Any) -> None:
    exercises = {"first": _reflection("first", "First prompt?")}
    assert reflection_entries(exercises, {"first": answer}) == []


def test_the_file_has_a_language_a_title_headings_and_no_script_or_button() -> None:
    markup = _build()
    parsed = _parse(markup)
    assert markup.startswith("<!DOCTYPE html>")
    assert '<html lang="en" dir="ltr">' in markup
    assert "<title>My action plan: Co-producing research</title>" in markup
    assert parsed.tags.count("h1") == 1 and "h2" in parsed.tags and "h3" in parsed.tags
    for tag in ["script", "button", "link", "img", "iframe", "form", "input"]:
        assert tag not in parsed.tags
    assert "@media print" in markup
    assert "31 March 2027" in markup
    assert "Ask before I quote people." in markup and "Time to think." in markup


def test_every_piece_of_learner_text_is_escaped() -> None:
    markup = _build(
        course_title=HOSTILE,
        plan=[PlanEntry(HOSTILE, HOSTILE)],
        reflections=[PlanEntry(HOSTILE, HOSTILE + "\n\nsecond\nline")],
    )
    parsed = _parse(markup)
    assert parsed.tags.count("script") == 0 and "img" not in parsed.tags
    assert not any(name.startswith("on") for name, _value in parsed.attributes)
    assert "&lt;script&gt;window.hacked = 1&lt;/script&gt;" in markup
    assert "שלום 🙂" in markup
    text = "".join(parsed.text)
    assert "<script>window.hacked = 1</script>" in text, "escaped text reads back as typed"


def test_a_hostile_language_code_falls_back_to_english() -> None:
    assert '<html lang="en" dir="ltr">' in _build(language='en" onload="alert(1)')
    assert '<html lang="cy-GB" dir="ltr">' in _build(language="cy-GB")
    assert '<html lang="ar" dir="rtl">' in _build(language="ar")


def test_unanswered_questions_and_no_reflections_say_so() -> None:
    markup = _build(plan=[PlanEntry("By when?", "")], reflections=[])
    assert WORDS.not_written in markup
    assert "You did not write any notes this time." in markup


def test_reflections_can_be_left_out_entirely() -> None:
    markup = _build(reflections=None)
    assert "My notes from the course" not in markup and "Time to think." not in markup


def test_very_long_text_stays_whole_and_wraps() -> None:
    markup = _build(plan=[PlanEntry("Q", "word" * MAX_ANSWER_CHARS)])
    assert "word" * MAX_ANSWER_CHARS in markup
    assert "overflow-wrap: anywhere" in markup


def test_the_pages_own_words_are_the_catalogues() -> None:
    welsh = WORDS.model_copy(
        update={"will_do": "Beth fydda i'n ei wneud", "made_on": "Wedi'i wneud ar {date}."}
    )
    markup = _build(words=welsh)
    assert "Beth fydda i&#x27;n ei wneud" in markup and "What I will do" not in markup
    assert "Wedi&#x27;i wneud ar 31 March 2027." in markup
