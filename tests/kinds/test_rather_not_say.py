""" "I'd rather not say" under a shared question: kept in place of an answer, counted apart.

The views are built as the learner app builds them (with the course as context); the room's
result is built as the trainer app and the report build it.
"""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path
from typing import Any

import pytest

from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course
from coproduce.kinds.common.frame import ExerciseContext
from coproduce.kinds.ladder_placement.view import LadderPlacementView
from coproduce.kinds.poll.view import PollView
from coproduce.kinds.word_list.view import WordListView
from coproduce.live.sessions import SharedAnswer
from coproduce.reports.live_results import results_html
from coproduce.reports.results_csv import results_rows

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
WORDS = CONTENT.interface.passing
PASSED = {"rather_not_say": True}
Saved = list[tuple[str, dict[str, Any]]]


def _context() -> ExerciseContext:
    return ExerciseContext(CONTENT)


def _poll(saved: Saved) -> PollView:
    exercise = CONTENT.exercises["coproduction-so-far"]
    return PollView(exercise, lambda eid, answer: saved.append((eid, answer)), _context())


def _with_k(k: int) -> CourseContent:
    return dataclasses.replace(
        CONTENT, course=CONTENT.course.model_copy(update={"min_answers_shown": k})
    )


def test_a_learner_can_say_they_would_rather_not_and_it_replaces_their_vote() -> None:
    saved: Saved = []
    view = _poll(saved)
    assert view.pass_button is not None
    assert view.pass_button.description == WORDS.button
    view.choices.value = [1]
    view.vote()
    view.pass_button.click()
    assert saved[-1] == ("coproduction-so-far", PASSED)
    assert view.counted is None and view.choices.value == []
    assert view.vote_button.description == "Vote"
    assert html.escape(WORDS.saved) in view.status.html


def test_the_choice_is_kept_through_a_reload() -> None:
    view = _poll([])
    view.restore(PASSED)
    assert html.escape(WORDS.saved) in view.status.html
    assert view.counted is None


def test_a_save_problem_is_said_and_the_vote_stays() -> None:
    exercise = CONTENT.exercises["coproduction-so-far"]
    view = PollView(exercise, lambda *_: "Too many answers: not saved.", _context())
    view.counted = 2
    assert view.pass_button is not None
    view.pass_button.click()
    assert "not saved" in view.status.html and view.counted == 2


def test_word_lists_and_shared_ladders_offer_it_and_private_questions_do_not() -> None:
    saved: Saved = []
    words = WordListView(
        CONTENT.exercises["closing-word"],
        lambda eid, answer: saved.append((eid, answer)),
        _context(),
    )
    words.boxes[0].value = "hope"
    assert words.pass_button is not None
    words.pass_button.click()
    assert saved[-1] == ("closing-word", PASSED) and words.boxes[0].value == ""

    ladder = CONTENT.exercises["where-on-the-ladder"]
    assert ladder.visibility == "private"
    assert LadderPlacementView(ladder, lambda *_: None, _context()).pass_button is None
    shared = LadderPlacementView(
        ladder.model_copy(update={"visibility": "shared"}),
        lambda eid, answer: saved.append((eid, answer)),
        _context(),
    )
    assert shared.pass_button is not None
    shared.pass_button.click()
    assert saved[-1] == ("where-on-the-ladder", PASSED)


@pytest.mark.parametrize("exercise_id", ["coproduction-so-far", "closing-word"])
def test_the_room_sees_how_many_would_rather_not_say_apart_from_the_answers(
    exercise_id: str,
) -> None:
    exercise = CONTENT.exercises[exercise_id]
    answer = {"choice": 0} if exercise.kind == "poll" else {"words": ["hope"]}
    answers = [SharedAnswer(f"a{n}", answer, False) for n in range(3)]
    answers += [SharedAnswer(f"p{n}", PASSED, False) for n in range(2)]
    page = results_html(CONTENT, exercise, answers)
    assert WORDS.count.format(count=2) in page
    if exercise.kind == "poll":
        assert "3 votes so far" in page  # the passes are not votes
    rows = results_rows(CONTENT, exercise, answers)
    assert {"item": WORDS.item, "value": 2}.items() <= rows[-1].items()
    assert all(row["answers_counted"] == 3 for row in rows)


def test_passes_do_not_count_towards_the_threshold() -> None:
    exercise = CONTENT.exercises["coproduction-so-far"]
    answers = [SharedAnswer(f"a{n}", {"choice": 0}, False) for n in range(2)]
    answers += [SharedAnswer(f"p{n}", PASSED, False) for n in range(3)]
    page = results_html(_with_k(3), exercise, answers)
    assert CONTENT.interface.results.waiting.format(needed=3, count=2) in page
    assert WORDS.count.format(count=3) not in page  # held back with the rest
    assert not re.search(r"\d+ votes? so far", page)


def test_a_page_cannot_make_a_pass_count_as_a_vote() -> None:
    exercise = CONTENT.exercises["coproduction-so-far"]
    odd = [SharedAnswer("x", {"rather_not_say": "yes", "choice": 0}, False)]
    page = results_html(_with_k(1), exercise, odd)
    assert WORDS.count.format(count=1) not in page  # only exactly true counts as a pass
