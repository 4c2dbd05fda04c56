"""The plain functions behind the poll, including hostile input."""

from __future__ import annotations

import pytest

from coproduce.kinds.poll.checks import check_vote, stored_vote, valid_choice


def test_one_option_in_range_is_a_vote() -> None:
    assert valid_choice(2, 4) == 2
    assert valid_choice([0], 4) == 0
    assert valid_choice((3,), 4) == 3
    vote = check_vote([1], 4)
    assert vote.counted and vote.choice == 1


@pytest.mark.parametrize(
    "raw",
    [
        None,
        [],
        [0, 1],
        4,
        -1,
        True,
        [False],
        "1",
        1.0,
        ["<script>alert(1)</script>"],
        ["\x00"],
        "🙂",
        "שלום",
        "9" * 100_000,
        {"choice": 1},
    ],
)
def test_anything_else_asks_the_learner_to_choose_first(raw: object) -> None:
    assert valid_choice(raw, 4) is None
    vote = check_vote(raw, 4)
    assert not vote.counted and vote.choice is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"choice": 3}, 3),
        ({"choice": 4}, None),
        ({"choice": "3"}, None),
        ({"choice": True}, None),
        ({"choice": [1, 2]}, None),
        ({"choice": [1]}, None),
        ({}, None),
        ([3], None),
        ("<script>", None),
        (None, None),
    ],
)
def test_a_stored_vote_is_read_only_when_well_formed(raw: object, expected: int | None) -> None:
    assert stored_vote(raw, 4) == expected
