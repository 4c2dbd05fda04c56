"""The rating scale: safe reading of a rating, the room's spread, before beside after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from coproduce.content.loader import load_course
from coproduce.content.model import RatingScale
from coproduce.kinds.common.frame import ExerciseContext
from coproduce.kinds.rating_scale.checks import spread, stored_rating, valid_rating
from coproduce.kinds.rating_scale.results import rating_html
from coproduce.kinds.rating_scale.view import RatingScaleView
from coproduce.live.sessions import SharedAnswer
from coproduce.reports.live_results import results_html
from coproduce.reports.results_csv import results_rows

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
WORDS = CONTENT.interface.rating
AFTER = CONTENT.exercises["evaluation-confidence-after"]
BEFORE = CONTENT.exercises["confidence-before"]
K = CONTENT.course.min_answers_shown


def _answers(*ratings: Any) -> list[SharedAnswer]:
    return [SharedAnswer(f"tag{n}", {"rating": r}, False) for n, r in enumerate(ratings)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (0, 0),
        (4, 4),
        ([2], 2),
        (5, None),
        (-1, None),
        (True, None),
        (2.0, None),
        ([1, 2], None),
        ("3", None),
        (None, None),
        (10**30, None),
    ],
)
def test_only_a_point_of_the_scale_is_a_rating(raw: object, expected: int | None) -> None:
    assert valid_rating(raw, 5) == expected


def test_a_stored_rating_must_be_a_plain_point() -> None:
    assert stored_rating({"rating": 3}, 5) == 3
    assert stored_rating({"rating": [3]}, 5) is None  # the store keeps a number, never a list
    assert stored_rating({"rating": 9}, 5) is None
    assert stored_rating(["rating", 3], 5) is None


def test_the_spread_is_the_middle_and_the_middle_half_on_the_points_themselves() -> None:
    found = spread([0, 1, 1, 2, 4, 4, 4, 3], 5)
    assert found is not None
    assert found.counts == [1, 2, 1, 1, 3]
    assert (found.low, found.middle, found.high) == (1, 2, 4)
    assert found.total == 8
    one = spread([3], 5)
    assert one is not None and (one.low, one.middle, one.high) == (3, 3, 3)
    assert spread([], 5) is None
    assert spread([7, -1], 5) is None  # out of the scale: not counted


def test_the_view_saves_a_point_and_asks_for_one_first() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = RatingScaleView(
        AFTER, lambda eid, answer: saved.append((eid, answer)), ExerciseContext(CONTENT)
    )
    view.rate()
    assert saved == [] and WORDS.choose_first in view.status.html
    view.choices.value = [3]
    view.rate()
    assert saved == [(AFTER.id, {"rating": 3})]
    assert view.save_button.description == WORDS.change
    shown = WORDS.point.format(number=4, label=AFTER.scale[3])
    assert shown in view.status.html


def test_a_script_cannot_choose_a_point_off_the_scale() -> None:
    saved: list[dict[str, Any]] = []
    view = RatingScaleView(
        AFTER, lambda _eid, answer: saved.append(answer), ExerciseContext(CONTENT)
    )
    view.choices._chosen(view.choices, {"chosen": [99, -3, "1"]}, [])
    view.rate()
    assert saved == []


def test_a_restored_rating_is_shown_as_kept() -> None:
    view = RatingScaleView(AFTER, lambda _e, _a: None, ExerciseContext(CONTENT))
    view.restore({"rating": 1})
    assert view.choices.value == [1]
    view.restore({"rating": "<script>"})  # a malformed store row changes nothing
    assert view.choices.value == [1]


def test_the_room_sees_the_spread_only_from_k_answers() -> None:
    under = results_html(CONTENT, BEFORE, _answers(*range(K - 1)))
    assert "cp-results-waiting" in under and "cp-bar-chart" not in under
    shown = results_html(CONTENT, BEFORE, _answers(*([0] * K), 4))
    assert WORDS.caption.format(count=K + 1) in shown
    assert "<table" in shown  # the text alternative: every count in a table
    assert WORDS.middle.format(point=WORDS.point.format(number=1, label=BEFORE.scale[0])) in shown


def test_before_and_after_show_side_by_side_once_both_have_k() -> None:
    after = _answers(*([3] * K))
    alone = results_html(CONTENT, AFTER, after, before=_answers(*([1] * (K - 1))))
    assert WORDS.before_too_few in alone and "cp-rating-compare" not in alone
    both = results_html(CONTENT, AFTER, after, before=_answers(*([1] * K)))
    assert "cp-rating-compare" in both
    assert WORDS.compare_caption.format(before=K, after=K) in both
    second = WORDS.point.format(number=2, label=BEFORE.scale[1])
    assert f"{WORDS.before}: {WORDS.all_same.format(point=second)}" in both


def test_labels_are_escaped() -> None:
    hostile = RatingScale(
        id="hostile",
        kind="rating_scale",
        title="t",
        prompt="p",
        scale=["<b>low</b>", "mid", "<img src=x onerror=alert(1)>"],
    )
    page = rating_html(WORDS, hostile, [0, 2, 2], None)
    assert "<img" not in page and "<b>" not in page and "&lt;img" in page


def test_the_results_csv_has_people_per_point_and_the_middle() -> None:
    rows = results_rows(CONTENT, BEFORE, _answers(*([2] * K)))
    values = {row["item"]: row["value"] for row in rows}
    assert values[WORDS.point.format(number=3, label=BEFORE.scale[2])] == K
    assert values[WORDS.point.format(number=1, label=BEFORE.scale[0])] == 0
    assert (
        values[WORDS.all_same.format(point=WORDS.point.format(number=3, label=BEFORE.scale[2]))]
        == 3
    )


def test_a_spread_room_is_told_its_middle_and_its_middle_half() -> None:
    page = rating_html(WORDS, BEFORE, [0, 1, 2, 2, 3, 4, 4, 4], None)
    names = [WORDS.point.format(number=n, label=label) for n, label in enumerate(BEFORE.scale, 1)]
    assert WORDS.middle.format(point=names[2]) in page
    assert WORDS.spread.format(low=names[1], high=names[4]) in page
