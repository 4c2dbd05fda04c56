"""The notes for before the day: the support list exists, the notes that offer it link to it,
and the ground rules say where "it stays in the room" stops.

As in test_course_content, each check returns problems; the tests run it on the real course
(expecting none) and on a broken copy (expecting some).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coproduce.authoring.builders.facilitator_pack import heading_id
from coproduce.content.course import BEFORE_THE_DAY_NOTES, CourseContent
from coproduce.content.loader import load_course

ROOT = Path(__file__).resolve().parents[2]
# What the notes for before the day must have, each as a '## ' heading (its start).
BEFORE_THE_DAY_HEADINGS = (
    "Purpose",
    "Two to three weeks before: joining instructions",
    "A named wellbeing lead",
    "A quiet space",
    "The limits of confidentiality",
    "The support list",
    "Paying public contributors who attend or co-deliver",
    "The technical check",
    "If the app fails: run it on paper",
)
# What the support list and the rest must say: national helplines as checked, and blanks.
MUST_SAY = (
    "116 123",  # Samaritans
    "85258",  # Shout
    "111",  # NHS 111, mental health option
    "999",
    "Wellbeing lead: ____",
    "Local NHS mental health crisis line: ____",
    "Is there anything that would make it easier for you to take part?",
    "learner-workbook",
    "checked on",
)
LINK = re.compile(r"\[([^\]]+)\]\(before-the-day\.md(?:#([a-z0-9-]+))?\)")


@pytest.fixture(scope="module")
def content() -> CourseContent:
    return load_course(ROOT)


def _headings(text: str) -> list[str]:
    return [line[3:].strip() for line in text.splitlines() if line.startswith("## ")]


def before_the_day_problems(text: str) -> list[str]:
    headings = _headings(text)
    problems = [
        f"no '## {wanted}' section"
        for wanted in BEFORE_THE_DAY_HEADINGS
        if not any(heading.startswith(wanted) for heading in headings)
    ]
    problems += [f"does not say '{words}'" for words in MUST_SAY if words not in text]
    return problems


def support_list_link_problems(notes: dict[str, str], before_the_day: str) -> list[str]:
    """Every notes file that offers the support list links to it, at a heading that exists."""
    anchors = {heading_id(heading) for heading in _headings(before_the_day)}
    problems = []
    for name, text in notes.items():
        flat = " ".join(text.split())
        mentions = len(re.findall(r"support list", flat))
        links = LINK.findall(flat)
        linked = sum("support list" in label for label, _ in links)
        if mentions > linked:
            problems.append(f"{name}: mentions the support list without linking to it")
        for label, anchor in links:
            if anchor and anchor not in anchors:
                problems.append(f"{name}: '{label}' links to #{anchor}, which is not a heading")
    return problems


def _notes(content: CourseContent) -> dict[str, str]:
    return {m.slug: m.notes_path.read_text("utf-8") for m in content.ordered_modules()}


def test_the_notes_for_before_the_day_cover_what_the_day_needs() -> None:
    assert before_the_day_problems((ROOT / BEFORE_THE_DAY_NOTES).read_text("utf-8")) == []


def test_the_before_the_day_check_fails_on_missing_parts() -> None:
    text = (ROOT / BEFORE_THE_DAY_NOTES).read_text("utf-8")
    no_quiet = text.replace("## A quiet space", "## Somewhere")
    assert "no '## A quiet space' section" in before_the_day_problems(no_quiet)
    no_samaritans = text.replace("116 123", "the number")
    assert "does not say '116 123'" in before_the_day_problems(no_samaritans)


def test_every_notes_file_links_the_support_list(content: CourseContent) -> None:
    before = (ROOT / BEFORE_THE_DAY_NOTES).read_text("utf-8")
    notes = _notes(content)
    assert sum("support list" in text for text in notes.values()) >= 5
    assert support_list_link_problems(notes, before) == []


def test_the_link_check_fails_on_a_bare_mention_or_a_wrong_anchor(content: CourseContent) -> None:
    before = (ROOT / BEFORE_THE_DAY_NOTES).read_text("utf-8")
    notes = _notes(content)
    bare = {name: LINK.sub(r"\1", text) for name, text in notes.items()}
    assert any("without linking" in p for p in support_list_link_problems(bare, before))
    wrong = {n: t.replace("#the-support-list", "#helplines") for n, t in notes.items()}
    assert any("#helplines" in p for p in support_list_link_problems(wrong, before))


def test_the_ground_rules_say_where_it_stays_in_the_room_stops(content: CourseContent) -> None:
    first = content.ordered_modules()[0]
    text = " ".join(first.content_path.read_text("utf-8").split())
    assert "stays in the room" in text
    assert "one limit" in text and "risk of serious harm" in text and "999" in text
    notes = " ".join(first.notes_path.read_text("utf-8").split())
    assert "before-the-day.md#the-limits-of-confidentiality" in notes
