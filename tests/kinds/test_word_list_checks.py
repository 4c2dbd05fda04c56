"""The plain functions behind the word list, including hostile input."""

from __future__ import annotations

import pytest

from coproduce.kinds.word_list.checks import (
    Naming,
    WordListResult,
    clean_word,
    clean_words,
    too_long_message,
)

from .course_words import words

NAMING = Naming(words().word_list, "en")


def _message(result: WordListResult) -> str:
    return NAMING.message(result)


def test_words_are_stripped_and_spaces_collapsed() -> None:
    result = clean_words(["  trust ", "shared\t \n power", ""], 3, 30, NAMING)
    assert result.words == ["trust", "shared power"]
    assert result.notes == []
    assert _message(result) == "Thank you. Your words are in."


def test_repeats_are_dropped_ignoring_case_and_the_learner_is_told() -> None:
    result = clean_words(["Trust", "TRUST", "respect"], 3, 30, NAMING)
    assert result.words == ["Trust", "respect"]
    assert result.notes == ["A word you wrote twice is kept once."]
    assert clean_words(["Straße", "STRASSE"], 3, 30, NAMING).words == ["Straße"]


def test_a_long_word_is_cut_with_a_kind_note() -> None:
    result = clean_words(["x" * 40, "ok"], 3, 30, NAMING)
    assert result.words == ["x" * 30, "ok"]
    assert result.notes == ["Word 1 was longer than 30 characters. We kept the first 30."]


def test_no_more_than_max_words_are_kept() -> None:
    result = clean_words(["a", "b", "c", "d"], 3, 30, NAMING)
    assert result.words == ["a", "b", "c"]
    assert "Only the first 3 words are kept." in result.notes


def test_nothing_written_asks_for_a_word() -> None:
    result = clean_words(["", "   ", "\x00\x07"], 3, 30, NAMING)
    assert result.words == []
    assert _message(result) == "Write at least one word, then press Submit."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<script>alert(1)</script>", "<script>alert(1)</sc"),
        ("bell\x07 nul\x00 esc\x1b", "bell nul esc"),
        ("zero\u200bwidth", "zerowidth"),
        ("🙂 hope", "🙂 hope"),
        ("שלום", "שלום"),
        ("\u202eflipped\u202c", "flipped"),
        ("a\u2066b\u2069c", "abc"),
        (12, ""),
        (None, ""),
        (["nested"], ""),
    ],
)
def test_clean_word_keeps_what_people_write_and_drops_control_codes(
    raw: object, expected: str
) -> None:
    assert clean_word(raw, 20)[0] == expected


@pytest.mark.parametrize("raw", [None, "trust", 7, {"words": ["a"]}, {"0": "a"}])
def test_malformed_lists_give_no_words(raw: object) -> None:
    assert clean_words(raw, 3, 30, NAMING).words == []


def test_a_huge_hostile_list_is_cheap_and_safe() -> None:
    result = clean_words(["y" * 1_000_000] * 100_000, 3, 30, NAMING)
    assert result.words == ["y" * 30]
    assert len(result.notes) == 2


def test_mixed_types_in_the_list_are_skipped() -> None:
    assert clean_words([1, None, "hope", ["x"], {"a": 1}, True], 3, 30, NAMING).words == ["hope"]


def test_the_too_long_note_while_typing() -> None:
    assert too_long_message(2, "short", 30, 10, NAMING) == ""
    assert too_long_message(2, "a" * 30, 30, 10, NAMING) == ""
    assert too_long_message(2, "a" * 31, 30, 10, NAMING).startswith("Word 2 is a little long.")
    assert too_long_message(1, None, 30, 10, NAMING) == ""


def test_the_cap_note_takes_its_plural_form_from_the_catalogue() -> None:
    one = clean_words(["a", "b"], 1, 30, Naming(NAMING.words, "en", "ground rule", "ground rules"))
    assert one.notes == ["Only one of your ground rules is kept."]
    welsh = Naming(
        NAMING.words.model_copy(
            update={"kept_only": {"two": "Dau {nouns}", "other": "{count} {nouns}"}}
        ),
        "cy",
        "gair",
        "gair",
    )
    assert clean_words(["a", "b", "c"], 2, 30, welsh).notes == ["Dau gair"]
    assert clean_words(["a", "b", "c", "d"], 3, 30, welsh).notes == ["3 gair"]
