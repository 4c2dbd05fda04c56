"""Ideas with votes: what a stored answer may hold, how votes count once merges and hides are
in, K by authors, and the learner's view checking every rule in the kernel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coproduce.content.loader import load_course
from coproduce.kinds.common.frame import ExerciseContext
from coproduce.kinds.ideas.checks import (
    authors_on_show,
    board,
    effective_votes,
    idea_roots,
    resolve,
    stored_ideas,
    stored_votes,
    would_loop,
)
from coproduce.kinds.ideas.view import IdeasView
from coproduce.live.idea_marks import IdeaMark
from coproduce.live.sessions import SharedAnswer
from coproduce.reports.live_results import results_html
from coproduce.reports.results_csv import results_rows

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
WORDS = CONTENT.interface.ideas
IDEAS = CONTENT.exercises["red-tape-fixes"]
K = CONTENT.course.min_answers_shown
A, B, C, D = ("a" * 12, "b" * 12, "c" * 12, "d" * 12)


def _idea(idea_id: str, text: str) -> dict[str, str]:
    return {"id": idea_id, "text": text}


def test_only_well_formed_ideas_and_votes_are_read() -> None:
    payload = {
        "ideas": [
            _idea(A, "  Ask  finance\x00 early "),
            _idea(A, "the same id again"),
            _idea("not-an-id", "made up id"),
            _idea(B, ""),
            {"id": C},
            "just text",
            _idea(D, "x" * 500),
            *[_idea(f"{n:012x}", "flood") for n in range(50)],
        ],
        "votes": [A, A, "nope", 7, B],
    }
    ideas = stored_ideas(payload, max_chars=100)
    assert ideas[0] == (A, "Ask finance early")
    assert (D, "x" * 100) in ideas
    assert len(ideas) <= 10  # a flood is cut, whatever the page sent
    assert stored_votes(payload) == [A, B]
    assert stored_ideas(["ideas"]) == [] and stored_votes(None) == []


def test_one_vote_per_person_per_idea_even_after_a_merge() -> None:
    answers = [
        {"ideas": [_idea(A, "Ask for petty cash")], "votes": [A, B]},
        {"ideas": [_idea(B, "Petty cash on the day")], "votes": [B]},
        {"ideas": [_idea(C, "Change the form")], "votes": [C, A]},
    ]
    assert [(i.id, i.votes) for i in board(answers, {})] == [(A, 2), (B, 2), (C, 1)]
    merged = {B: IdeaMark(merged_into=A)}
    ideas = board(answers, merged)
    # The first person ticked both: once for the merged idea. Three people, three votes.
    assert [(i.id, i.votes, i.merged) for i in ideas] == [
        (A, 3, ("Petty cash on the day",)),
        (C, 1, ()),
    ]
    assert board(answers, merged, votes_each=1)[0].votes == 2  # only the first tick counts


def test_merges_cannot_loop_and_a_lost_target_leaves_the_idea_alone() -> None:
    marks = {A: IdeaMark(merged_into=B), B: IdeaMark(merged_into=A)}
    assert resolve(A, marks) in {A, B}  # stops, never hangs
    assert would_loop(B, A, {A: IdeaMark(merged_into=B)})
    assert would_loop(A, A, {})
    assert not would_loop(A, B, {})
    answers = [{"ideas": [_idea(A, "one")]}]
    assert idea_roots(answers, {A: IdeaMark(merged_into=D)}) == {A: A}


def test_authors_count_only_with_an_idea_on_show() -> None:
    answers = [
        {"ideas": [_idea(A, "one")]},
        {"ideas": [_idea(B, "two"), _idea(C, "three")]},
        {"votes": [A]},
    ]
    assert authors_on_show(answers, {}) == 2
    assert authors_on_show(answers, {A: IdeaMark(hidden=True)}) == 1
    assert authors_on_show(answers, {B: IdeaMark(hidden=True)}) == 2  # C is still on show


def test_votes_follow_merges_and_leave_hidden_ideas() -> None:
    roots = {A: A, B: A, C: C}
    assert effective_votes([B, A, C, D], roots, {A, C}) == [A, C]
    assert effective_votes([C], roots, {A}) == []


def _shared(*payloads: dict[str, Any]) -> list[SharedAnswer]:
    return [SharedAnswer(f"t{n}", payload, False) for n, payload in enumerate(payloads)]


def test_the_room_result_waits_for_k_authors_then_escapes_and_leaves_out_hidden() -> None:
    two = _shared({"ideas": [_idea(A, "<b>Pay cash</b>")]}, {"ideas": [_idea(B, "Ask early")]})
    held = results_html(CONTENT, IDEAS, two)
    assert "Pay cash" not in held and "Ask early" not in held
    three = [*two, *_shared({"ideas": [_idea(C, "Use vouchers? No")], "votes": [A]})]
    shown = results_html(CONTENT, IDEAS, three)
    assert "&lt;b&gt;Pay cash&lt;/b&gt;" in shown and "<b>Pay" not in shown
    hidden = results_html(CONTENT, IDEAS, three, marks={C: IdeaMark(hidden=True)})
    assert "Use vouchers" not in hidden  # and with one author hidden, fewer than K are on show
    rows = results_rows(CONTENT, IDEAS, three)
    assert {(row["item"], row["value"]) for row in rows} >= {("<b>Pay cash</b>", 1)}
    assert all(row["answers_counted"] == 3 for row in rows)


class _Room:
    """The room as a learner's kernel reads it: payloads on show, and the trainer's marks."""

    def __init__(self) -> None:
        self.payloads: list[dict[str, Any]] = []  # the others'
        self.own: dict[str, Any] = {}  # this learner's, as last saved
        self.marks: dict[str, IdeaMark] = {}

    def __call__(self, _exercise_id: str) -> tuple[list[Any], dict[str, IdeaMark]]:
        return [*self.payloads, self.own], self.marks


def _view(room: _Room, refuse: str | None = None) -> tuple[IdeasView, list[dict[str, Any]]]:
    saved: list[dict[str, Any]] = []

    def save(_eid: str, answer: dict[str, Any]) -> str | None:
        if refuse:
            return refuse
        saved.append(answer)
        room.own = answer
        return None

    return IdeasView(IDEAS, save, ExerciseContext(CONTENT, room=room)), saved


def test_the_view_adds_ideas_within_its_limits() -> None:
    view, saved = _view(_Room())
    view.add()
    assert WORDS.empty in view.status.html and saved == []
    view.box.value = "Ask finance for a faster route"
    view.add()
    assert saved[-1]["ideas"][0]["text"] == "Ask finance for a faster route"
    view.box.value = "ask FINANCE for a faster route"
    view.add()
    assert WORDS.repeat in view.status.html and len(saved) == 1
    view.box.value = "y" * 300
    view.add()
    assert len(saved[-1]["ideas"][1]["text"]) == IDEAS.max_chars
    view.box.value = "A third idea"
    view.add()
    assert WORDS.too_many in view.status.html and len(saved[-1]["ideas"]) == IDEAS.max_ideas
    view.take_back(saved[-1]["ideas"][0]["id"])
    assert len(saved[-1]["ideas"]) == 1 and WORDS.taken_back in view.status.html


def test_the_list_waits_for_k_authors_and_votes_are_capped_in_the_kernel() -> None:
    room = _Room()
    view, saved = _view(room)
    view.box.value = "Mine"
    view.add()
    assert view.choices.options == [] and "show here once" in view.room_status.html
    room.payloads += [{"ideas": [_idea(A, "Theirs")]}, {"ideas": [_idea(B, "Another")]}]
    view.tick()  # too soon after the last look: nothing read
    view._looked = 0
    view.tick()
    assert view.choices.options == [] and WORDS.new_ideas in view.new_notice.html
    view.refresh()
    assert sorted(view.choices.options) == ["Another", "Mine", "Theirs"]
    view.choices.value = [0, 1, 2]  # more than IDEAS.votes (2): refused, put back
    assert view.choices.value == [] and "Untick one" in view.room_status.html
    view.choices.value = [0, 1]
    assert len(saved[-1]["votes"]) == 2 and saved[-1]["ideas"][0]["text"] == "Mine"
    # A script's message: only indexes of the list count, and only as votes for those ideas.
    view.choices._chosen(view.choices, {"chosen": [1, 99, -1, "x"]}, [])
    assert saved[-1]["votes"] == [view.shown_ids[1]]


def test_a_closed_question_keeps_the_earlier_ticks() -> None:
    room = _Room()
    view, _ = _view(room, refuse="This question is closed now.")
    room.payloads = [{"ideas": [_idea(i, t)]} for i, t in ((A, "one"), (B, "two"), (C, "three"))]
    view.refresh()
    view.choices.value = [0]
    assert view.choices.value == [] and "closed" in view.room_status.html
    assert view.votes == []


def test_a_hidden_idea_leaves_the_list_and_a_merged_one_takes_its_tick_along() -> None:
    room = _Room()
    view, _ = _view(room)
    room.payloads = [
        {"ideas": [_idea(A, "one")]},
        {"ideas": [_idea(B, "two")]},
        {"ideas": [_idea(C, "three")]},
        {"ideas": [_idea(D, "four")]},
    ]
    view.refresh()
    view.choices.value = [view.shown_ids.index(B)]
    room.marks = {B: IdeaMark(merged_into=C), D: IdeaMark(hidden=True)}
    view.refresh()
    assert "two" not in view.choices.options and "four" not in view.choices.options
    assert view.votes == [C] and view.choices.value == [view.shown_ids.index(C)]
