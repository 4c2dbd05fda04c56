"""The K threshold as plain functions: results wait for K answers, roles under K are merged."""

from __future__ import annotations

from collections import Counter

import pytest

from coproduce.live.anonymity import (
    DEFAULT_MIN_ANSWERS,
    counted_answers,
    enough_answers,
    held_back,
    split_by_role,
)
from coproduce.live.sessions import SharedAnswer


def _answers(count: int, hidden: int = 0) -> list[SharedAnswer]:
    return [
        SharedAnswer(f"tag{number}", {"choice": 0}, hidden=number < hidden)
        for number in range(count)
    ]


def _everything(_answer: SharedAnswer) -> bool:
    return True


def test_the_default_is_three() -> None:
    assert DEFAULT_MIN_ANSWERS == 3


@pytest.mark.parametrize("k", [2, 3, 5])
def test_exactly_k_minus_one_waits_and_k_shows(k: int) -> None:
    assert not enough_answers(len(counted_answers(_answers(k - 1), _everything)), k)
    assert enough_answers(len(counted_answers(_answers(k), _everything)), k)


def test_k_of_one_shows_from_the_first_answer_as_before() -> None:
    assert not enough_answers(0, 1)
    assert enough_answers(1, 1)
    assert enough_answers(1, 0), "a K below 1 is taken as 1, never as 'show nothing at all'"


def test_hidden_answers_do_not_count_towards_k() -> None:
    """K answers of which one is hidden: the room would see K-1, so the result waits."""
    answers = _answers(3, hidden=1)
    assert len(counted_answers(answers, _everything)) == 2
    assert not enough_answers(len(counted_answers(answers, _everything)), 3)
    shown_again = [SharedAnswer(a.tag, a.payload, hidden=False) for a in answers]
    assert enough_answers(len(counted_answers(shown_again, _everything)), 3)


def test_answers_that_add_nothing_do_not_count() -> None:
    answers = [*_answers(2), SharedAnswer("empty", {"choice": None}, hidden=False)]
    has_choice = lambda answer: answer.payload.get("choice") is not None  # noqa: E731
    assert len(counted_answers(answers, has_choice)) == 2


def test_a_learner_who_leaves_keeps_their_answer_counted_until_it_is_taken_back() -> None:
    """Leaving the room takes no answer out of the store: K answers stay shown. An answer
    taken back (here: no longer in the list) drops the count under K, and the result waits
    again; nothing stays shown because it once was."""
    answers = _answers(3)
    assert enough_answers(len(counted_answers(answers, _everything)), 3)
    taken_back = answers[1:]
    assert not enough_answers(len(counted_answers(taken_back, _everything)), 3)


def test_roles_with_k_or_more_are_shown_apart_and_small_ones_merged() -> None:
    counts = Counter({"Researcher": 5, "Public contributor": 2, "Practitioner": 1})
    split = split_by_role(counts, 3, "Others")
    assert split.shown == [("Researcher", 5), ("Others", 3)]
    assert split.merged == 3 and split.others_shown and split.held_back == 0


def test_others_under_k_are_held_back_not_shown() -> None:
    split = split_by_role(Counter({"Researcher": 9, "Public contributor": 2}), 3, "Others")
    assert split.shown == [("Researcher", 9)]
    assert split.held_back == 2 and not split.others_shown


def test_a_role_of_exactly_k_minus_one_is_merged_and_of_k_is_shown() -> None:
    assert split_by_role({"Public contributor": 2, "Researcher": 4}, 3, "Others").shown == [
        ("Researcher", 4)
    ]
    assert split_by_role({"Public contributor": 3, "Researcher": 4}, 3, "Others").shown == [
        ("Public contributor", 3),
        ("Researcher", 4),
    ]


def test_a_role_change_moves_a_person_and_a_role_that_falls_under_k_is_merged() -> None:
    joined = {"ada": "Public contributor", "bo": "Public contributor", "cy": "Public contributor"}
    joined |= {"di": "Researcher", "ed": "Researcher", "fi": "Researcher"}
    before = split_by_role(Counter(joined.values()), 3, "Others")
    assert ("Public contributor", 3) in before.shown
    joined["cy"] = "Researcher"  # joins again with another role
    after = split_by_role(Counter(joined.values()), 3, "Others")
    assert after.shown == [("Researcher", 4)]
    assert after.held_back == 2


def test_k_of_one_shows_every_role_apart_as_before() -> None:
    counts = {"Researcher": 1, "Public contributor": 2, "Prefer not to say": 1}
    split = split_by_role(counts, 1, "Others")
    assert split.shown == sorted(counts.items())
    assert split.merged == 0


def test_a_role_already_called_others_is_merged_not_shown_twice() -> None:
    split = split_by_role({"others": 2, "Practitioner": 1, "Researcher": 3}, 3, "Others")
    assert split.shown == [("Researcher", 3), ("Others", 3)]


def test_nobody_yet_shows_nothing() -> None:
    split = split_by_role({}, 3, "Others")
    assert split.shown == [] and split.merged == 0


def test_held_back_is_under_k_and_never_with_k_of_one() -> None:
    assert held_back(0, 3) and held_back(2, 3)
    assert not held_back(3, 3)
    assert not held_back(0, 1), "K = 1: an empty result says 'no votes yet', as before"
