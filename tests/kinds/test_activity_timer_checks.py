"""The activity timer's plain functions: clock text, totals, phases over time, what is announced."""

from __future__ import annotations

from typing import Any

import pytest

from coproduce.content.model import TimerPhase
from coproduce.kinds.activity_timer.checks import (
    PhasePosition,
    TimerProgress,
    announcement,
    format_clock,
    next_progress,
    phase_after,
    phase_label,
    spoken_duration,
    total_seconds,
    valid_progress,
)

from .course_words import words as catalogue

WORDS = catalogue().activity_timer

ONE_TWO_FOUR_ALL = [
    TimerPhase(name="On your own", seconds=60, instruction="Think in silence."),
    TimerPhase(name="In pairs", seconds=120, instruction="Talk with one other person."),
    TimerPhase(name="In fours", seconds=240, instruction="Join another pair."),
    TimerPhase(name="Whole group", seconds=300, instruction="Share one idea each."),
]


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (5, "00:05"),
        (59, "00:59"),
        (60, "01:00"),
        (90, "01:30"),
        (3600, "60:00"),
        (61.9, "01:01"),
        (-5, "00:00"),
        ("90", "00:00"),
        (None, "00:00"),
        (True, "00:00"),
        (float("nan"), "00:00"),
        (float("inf"), "00:00"),
    ],
)
def test_format_clock(seconds: Any, text: str) -> None:
    assert format_clock(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "0 seconds"),
        (1, "1 second"),
        (45, "45 seconds"),
        (60, "1 minute"),
        (61, "1 minute 1 second"),
        (150, "2 minutes 30 seconds"),
        ("lots", "0 seconds"),
    ],
)
def test_spoken_duration(seconds: Any, words: str) -> None:
    assert spoken_duration(seconds, WORDS, "en") == words


def test_total_time_of_one_two_four_all_is_twelve_minutes() -> None:
    assert total_seconds(ONE_TWO_FOUR_ALL) == 720
    assert total_seconds([]) == 0


@pytest.mark.parametrize(
    ("elapsed", "position"),
    [
        (0, PhasePosition(0, 60, False)),
        (59, PhasePosition(0, 1, False)),
        (60, PhasePosition(1, 120, False)),
        (179, PhasePosition(1, 1, False)),
        (180, PhasePosition(2, 240, False)),
        (420, PhasePosition(3, 300, False)),
        (719, PhasePosition(3, 1, False)),
        (720, PhasePosition(3, 0, True)),
        (10**9, PhasePosition(3, 0, True)),
        (-30, PhasePosition(0, 60, False)),
        ("<script>", PhasePosition(0, 60, False)),
    ],
)
def test_phase_after_elapsed_seconds(elapsed: Any, position: PhasePosition) -> None:
    assert phase_after(ONE_TWO_FOUR_ALL, elapsed) == position


def test_phase_after_with_no_phases_is_finished() -> None:
    assert phase_after([], 0) == PhasePosition(0, 0, True)


def test_phase_label_counts_from_one() -> None:
    assert phase_label(1, 4, WORDS) == "Phase 2 of 4"


def test_announcement_names_the_phase_its_length_and_what_to_do() -> None:
    text = announcement(ONE_TWO_FOUR_ALL, TimerProgress(1, False), WORDS, "en")
    assert text == "Phase 2 of 4: In pairs. 2 minutes. Talk with one other person."


def test_announcement_when_the_last_phase_ends_says_so() -> None:
    assert announcement(ONE_TWO_FOUR_ALL, TimerProgress(3, True), WORDS, "en") == WORDS.finished
    assert "last phase" in WORDS.finished


def test_announcement_keeps_a_hostile_phase_index_in_range() -> None:
    assert announcement(ONE_TWO_FOUR_ALL, TimerProgress(99, False), WORDS, "en").startswith(
        "Phase 4 of 4"
    )
    assert announcement(ONE_TWO_FOUR_ALL, TimerProgress(-3, False), WORDS, "en").startswith(
        "Phase 1 of 4"
    )


def test_next_progress_moves_on_then_finishes() -> None:
    assert next_progress(TimerProgress(0, False), 4) == TimerProgress(1, False)
    assert next_progress(TimerProgress(2, False), 4) == TimerProgress(3, False)
    assert next_progress(TimerProgress(3, False), 4) == TimerProgress(3, True)
    assert next_progress(TimerProgress(3, True), 4) == TimerProgress(3, True)


@pytest.mark.parametrize(
    ("raw", "progress"),
    [
        ({"phase": 2, "finished": False}, TimerProgress(2, False)),
        ({"phase": 3, "finished": True}, TimerProgress(3, True)),
        ({"phase": 4, "finished": False}, TimerProgress(0, False)),
        ({"phase": -1}, TimerProgress(0, False)),
        ({"phase": "2"}, TimerProgress(0, False)),
        ({"phase": 2.0}, TimerProgress(0, False)),
        ({"phase": True}, TimerProgress(0, False)),
        ({"phase": 10**100, "finished": True}, TimerProgress(3, True)),
        ({"finished": "yes"}, TimerProgress(0, False)),
        ({"phase": "<script>alert(1)</script>" * 1000}, TimerProgress(0, False)),
        ({}, TimerProgress(0, False)),
        ([1, 2], TimerProgress(0, False)),
        (None, TimerProgress(0, False)),
        ("\u202e\u05e9\u05dc\u05d5\u05dd 🙂\x00", TimerProgress(0, False)),
    ],
)
def test_valid_progress_tolerates_anything(raw: Any, progress: TimerProgress) -> None:
    assert valid_progress(raw, 4) == progress


def test_valid_progress_with_no_phases_is_the_start() -> None:
    assert valid_progress({"phase": 0, "finished": True}, 0) == TimerProgress(0, False)


def test_lengths_take_the_plural_forms_of_the_courses_language() -> None:
    welsh = WORDS.model_copy(
        update={
            "minutes": {"two": "dau funud", "other": "{count} munud"},
            "seconds": "{count} eiliad",
        }
    )
    assert spoken_duration(120, welsh, "cy") == "dau funud"
    assert spoken_duration(150, welsh, "cy") == "dau funud 30 eiliad"
    assert spoken_duration(300, welsh, "cy") == "5 munud"
