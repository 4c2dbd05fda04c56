"""The plain functions that mark and clean answers, including hostile input."""

from __future__ import annotations

import dataclasses

import pytest

from coproduce.content.model import ChoiceOption, KnowledgeCheck
from coproduce.kinds.common.frame import ExerciseContext, count_message
from coproduce.kinds.knowledge_check.checks import check_choice, valid_choices
from coproduce.live.learner_session import valid_learner_id
from coproduce.text.clean import clean_text

from .course_words import context, words

WORDS = words().knowledge_check


def _question(multiple: bool = False) -> KnowledgeCheck:
    return KnowledgeCheck(
        id="q",
        kind="knowledge_check",
        title="Q",
        prompt="Which?",
        multiple=multiple,
        explanation="Because.",
        options=[
            ChoiceOption(text="A", correct=True, feedback="A is right."),
            ChoiceOption(text="B", correct=multiple, feedback="B feedback."),
            ChoiceOption(text="C", feedback="C feedback."),
        ],
    )


def test_a_right_answer_is_marked_right_with_its_feedback() -> None:
    result = check_choice(_question(), [0])
    assert result.correct and result.answered
    assert result.feedback == ["A is right."]


def test_a_wrong_answer_gets_kind_feedback_for_the_option_chosen() -> None:
    result = check_choice(_question(), [2])
    assert not result.correct
    assert result.feedback == ["C feedback."]
    assert result.message(WORDS).startswith("Not quite")


def test_multiple_choice_needs_every_right_option_and_says_part_is_right() -> None:
    assert check_choice(_question(multiple=True), [0, 1]).correct
    partial = check_choice(_question(multiple=True), [0, 2])
    assert not partial.correct
    assert partial.message(WORDS).startswith("Part of that is right")


@pytest.mark.parametrize("raw", [None, "0", [99, -1], ["<script>"], {"0": 1}, [True]])
def test_malformed_selections_are_treated_as_no_answer(raw: object) -> None:
    result = check_choice(_question(), raw)
    assert not result.answered and not result.correct and result.feedback == []


def test_a_single_choice_question_only_reads_one_choice() -> None:
    assert valid_choices([2, 0, 2], 3) == [0, 2]
    assert check_choice(_question(), [0, 2]).feedback == ["A is right."]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("bell\x07 and nul\x00 gone", "bell and nul gone"),
        ("emoji 🙂 kept", "emoji 🙂 kept"),
        ("שלום right to left", "שלום right to left"),
        ("line\nbreaks\tkept", "line\nbreaks\tkept"),
        (12345, ""),
    ],
)
def test_clean_text_keeps_what_people_write_and_drops_control_codes(
    raw: object, expected: str
) -> None:
    assert clean_text(raw, 500).text == expected


def test_clean_text_caps_huge_answers_and_says_so() -> None:
    cleaned = clean_text("x" * 1_000_000, 600)
    assert len(cleaned.text) == 600 and cleaned.was_cut


def test_the_count_message_is_gentle_past_the_limit() -> None:
    assert count_message(context(), 10, 600) == "10 of 600 characters used"
    assert "only the first 600 will be kept" in count_message(context(), 650, 600)


def test_the_count_takes_its_plural_form_by_the_most_the_box_keeps() -> None:
    assert count_message(context(), 1, 1) == "1 of 1 character used"
    assert count_message(context(), 3, 1) == ("3 of 1 character: only the first 1 will be kept")
    welsh = context().content.interface.characters.model_copy(
        update={"used": {"two": "{count} o ddau nod", "other": "{count} o {max} nod"}}
    )
    course = context().content
    cy = dataclasses.replace(
        course,
        course=course.course.model_copy(update={"language": "cy"}),
        interface=course.interface.model_copy(update={"characters": welsh}),
    )
    assert count_message(ExerciseContext(cy), 1, 2) == "1 o ddau nod"
    assert count_message(ExerciseContext(cy), 1, 7) == "1 o 7 nod"


@pytest.mark.parametrize(
    ("raw", "ok"),
    [
        ("0123456789abcdef0123456789abcdef", True),
        ("short", False),
        ("../../etc/passwd-aaaaaaaaaaaaaaa", False),
        ("a" * 65, False),
        (None, False),
        ("<img src=x onerror=alert(1)>aaaa", False),
    ],
)
def test_learner_ids_from_the_browser_are_checked(raw: object, ok: bool) -> None:
    assert (valid_learner_id(raw) is not None) is ok
