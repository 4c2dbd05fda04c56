"""Airtime rules: seconds per role in, shares against an equal share and a kind sentence out."""

from __future__ import annotations

import math

import pytest

from coproduce.content.readability import measure
from coproduce.kinds.airtime_tracker.checks import (
    MAX_SECONDS,
    Airtime,
    airtime,
    duration_words,
    equal_share,
    percent,
    summary_sentence,
    unique_roles,
    valid_seconds,
)

from .course_words import words

ROLES = ["Researcher", "Practitioner", "Public contributor"]
WORDS = words().airtime_tracker


def _said(result: Airtime) -> str:
    return summary_sentence(result, WORDS, "en")


def test_shares_come_from_seconds_and_add_up_to_one() -> None:
    result = airtime({"Researcher": 60, "Practitioner": 30, "Public contributor": 10}, ROLES)
    assert [item.role for item in result.shares] == ROLES
    assert [item.percent for item in result.shares] == [60, 30, 10]
    assert math.isclose(sum(item.share for item in result.shares), 1)
    assert result.total_seconds == 100
    assert math.isclose(result.equal_share, 1 / 3)


def test_the_sentence_names_who_spoke_most_against_an_equal_share() -> None:
    result = airtime({"Researcher": 60, "Practitioner": 30, "Public contributor": 10}, ROLES)
    assert _said(result).startswith("Researcher spoke 60% of the time; an equal share is 33%.")
    assert "Public contributor has had 10%. How could the group make more room?" in _said(result)


def test_no_nudge_when_the_quietest_role_has_at_least_half_an_equal_share() -> None:
    result = airtime({"Researcher": 40, "Practitioner": 35, "Public contributor": 25}, ROLES)
    assert _said(result) == "Researcher spoke 40% of the time; an equal share is 33%."


def test_ties_and_equal_shares_are_said_plainly() -> None:
    tie = airtime({"Researcher": 45, "Practitioner": 45, "Public contributor": 10}, ROLES)
    assert _said(tie).startswith("Researcher and Practitioner spoke 45% of the time each;")
    same = airtime(dict.fromkeys(ROLES, 20), ROLES)
    assert _said(same) == "Everyone has had the same share so far: 33% each."
    quiet = airtime({"Researcher": 90, "Practitioner": 0, "Public contributor": 0}, ROLES)
    assert "Practitioner and Public contributor have had 0%." in _said(quiet)


def test_nobody_has_spoken_yet() -> None:
    result = airtime({}, ROLES)
    assert result.total_seconds == 0
    assert all(item.share == 0 and item.percent == 0 for item in result.shares)
    assert _said(result).startswith("No speaking time yet.")


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "Researcher=10",
        [10, 20],
        {"Researcher": "10"},
        {"Researcher": None},
        {"Researcher": True},
        {"Researcher": -5},
        {"Researcher": math.nan},
        {"Researcher": -math.inf},
        {"<script>alert(1)</script>": 10},
        {"researcher": 10},  # roles are matched exactly
        {"x" * 100_000: 1},
        {"שלום 🙂": 3, "\x00": 4},
    ],
)
def test_malformed_seconds_count_as_zero(raw: object) -> None:
    assert valid_seconds(raw, ROLES) == dict.fromkeys(ROLES, 0.0)
    assert airtime(raw, ROLES).total_seconds == 0


def test_huge_or_infinite_seconds_are_capped() -> None:
    seconds = valid_seconds({"Researcher": math.inf, "Practitioner": 1e308}, ROLES)
    assert seconds == {"Researcher": 0.0, "Practitioner": MAX_SECONDS, "Public contributor": 0.0}
    assert valid_seconds({"Researcher": 12}, ROLES)["Researcher"] == 12.0
    assert valid_seconds({"Researcher": 10**400}, ROLES)["Researcher"] == MAX_SECONDS


def test_roles_from_data_are_used_once_each_and_may_be_any_text() -> None:
    hostile = ["<b>Chair</b>", "שלום", "🙂 Carer", "<b>Chair</b>", ""]
    assert unique_roles(hostile) == ["<b>Chair</b>", "שלום", "🙂 Carer"]
    result = airtime({"שלום": 30, "🙂 Carer": 10}, hostile)
    assert [item.percent for item in result.shares] == [0, 75, 25]
    assert _said(result).startswith("שלום spoke 75%")
    assert math.isclose(result.equal_share, 1 / 3)


@pytest.mark.parametrize(
    ("share", "expected"),
    [(0.0, 0), (1 / 3, 33), (2 / 3, 67), (0.125, 13), (0.005, 1), (1.0, 100), (math.nan, 0)],
)
def test_percent_rounds_halves_up(share: float, expected: int) -> None:
    assert percent(share) == expected


def test_equal_share_of_nobody_is_zero() -> None:
    assert equal_share(0) == 0.0
    assert equal_share(4) == 0.25


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "0 s"),
        (45.9, "45 s"),
        (125, "2 min 5 s"),
        (3780, "1 h 3 min"),
        (-3, "0 s"),
        (math.nan, "0 s"),
        (math.inf, "0 s"),
    ],
)
def test_durations_in_words(seconds: float, words: str) -> None:
    assert duration_words(seconds, WORDS) == words


def test_the_sentences_are_plain_english() -> None:
    for raw in ({}, {"Researcher": 90, "Practitioner": 5, "Public contributor": 5}):
        sentence = _said(airtime(raw, ROLES))
        assert measure(sentence).reading_ease >= 60, sentence


def test_the_sentence_takes_the_plural_form_for_how_many_roles_it_names() -> None:
    welsh = WORDS.model_copy(
        update={
            "names": "{first} a {last}",
            "most": {
                "one": "Un: {names} {percent} {equal}",
                "two": "Dau: {names} {percent} {equal}",
                "other": "{names} {percent} {equal}",
            },
        }
    )
    tie = airtime({"Researcher": 45, "Practitioner": 45, "Public contributor": 10}, ROLES)
    assert summary_sentence(tie, welsh, "cy").startswith("Dau: Researcher a Practitioner 45 33")
    one = airtime({"Researcher": 40, "Practitioner": 35, "Public contributor": 25}, ROLES)
    assert summary_sentence(one, welsh, "cy") == "Un: Researcher 40 33"
