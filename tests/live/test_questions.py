"""Closing a shared question: the state in the store, and the learner's kernel refusing answers."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from coproduce.live.learner_ids import token_for
from coproduce.live.learner_session import LearnerSession
from coproduce.live.questions import Questions, QuestionState
from coproduce.live.room_follower import RoomFollower
from coproduce.live.sessions import SessionStore
from coproduce.live.store import LOCAL_SESSION, Store, now
from coproduce.live.store import questions as question_table

LEARNER = "0123456789abcdef0123456789abcdef"
POLL = "coproduction-so-far"
CLOSED = "closed now"
KEYS = ["session_code", "exercise_id"]


def _room(tmp_path: Path) -> tuple[Store, Questions, str]:
    store = Store(tmp_path)
    code = SessionStore(store).create_session()
    return store, Questions(store), code


def _learner(store: Store, code: str, number: int = 0) -> LearnerSession:
    session = LearnerSession(store, code, CLOSED)
    assert session.identify(token_for(f"{number}{LEARNER[1:]}"))
    return session


def test_a_question_is_open_until_the_trainer_closes_it_and_open_again_after(
    tmp_path: Path,
) -> None:
    _store, questions, code = _room(tmp_path)
    assert not questions.is_closed(code, POLL)
    questions.close(code, POLL)
    assert questions.is_closed(code, POLL)
    assert questions.closed(code) == {POLL}
    questions.reopen(code, POLL)
    assert not questions.is_closed(code, POLL)
    assert questions.closed(code) == set()


def test_closing_one_session_leaves_another_open(tmp_path: Path) -> None:
    store, questions, code = _room(tmp_path)
    other = SessionStore(store).create_session()
    questions.close(code, POLL)
    assert not questions.is_closed(other, POLL)


def test_a_closing_time_closes_the_question_when_it_comes() -> None:
    at = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    timed = QuestionState(closes_at=at)
    assert not timed.closed_at(at - timedelta(seconds=1))
    assert timed.closed_at(at)
    assert QuestionState(closed=True).closed_at(at - timedelta(days=1))
    assert not QuestionState().closed_at(at)


def test_close_after_keeps_the_question_open_for_those_minutes(tmp_path: Path) -> None:
    _store, questions, code = _room(tmp_path)
    before = datetime.now(UTC)
    closes_at = questions.close_after(code, POLL, 3)
    assert timedelta(minutes=3) <= closes_at - before < timedelta(minutes=3, seconds=5)
    assert not questions.is_closed(code, POLL)
    assert questions.state(code, POLL).closes_at == closes_at
    # A nonsense wait (a script's) is held within bounds: never a closing time in the past.
    assert questions.close_after(code, POLL, -50) > before
    assert questions.close_after(code, POLL, 10**9) - before <= timedelta(hours=2, seconds=5)


def test_a_closed_question_refuses_the_learners_answer_and_keeps_the_earlier_one(
    tmp_path: Path,
) -> None:
    store, questions, code = _room(tmp_path)
    learner = _learner(store, code)
    assert learner.save(POLL, {"choice": 0}) is None
    questions.close(code, POLL)
    assert learner.save(POLL, {"choice": 2}) == CLOSED
    kept = store.load_answers(learner.learner_id or "", session=code)
    assert kept[POLL] == {"choice": 0}
    questions.reopen(code, POLL)
    assert learner.save(POLL, {"choice": 2}) is None
    assert store.load_answers(learner.learner_id or "", session=code)[POLL] == {"choice": 2}


def test_a_passed_closing_time_refuses_answers(tmp_path: Path) -> None:
    store, questions, code = _room(tmp_path)
    learner = _learner(store, code)
    assert learner.save(POLL, {"choice": 0}) is None
    row = {"session_code": code, "exercise_id": POLL, "closed": False, "updated_at": now()}
    store.upsert(question_table, {**row, "closes_at": now() + timedelta(minutes=1)}, KEYS)
    assert learner.save(POLL, {"choice": 1}) is None  # the time has not come
    store.upsert(question_table, {**row, "closes_at": now() - timedelta(seconds=1)}, KEYS)
    assert questions.closed(code) == {POLL}
    assert learner.save(POLL, {"choice": 2}) == CLOSED
    assert store.load_answers(learner.learner_id or "", session=code)[POLL] == {"choice": 1}
    assert learner.save("another-question", {"choice": 1}) is None  # only that one closes


def test_answers_outside_a_live_session_never_close(tmp_path: Path) -> None:
    store = Store(tmp_path)
    Questions(store).close(LOCAL_SESSION, POLL)
    alone = LearnerSession(store, LOCAL_SESSION, CLOSED)
    assert alone.identify(token_for(LEARNER))
    assert alone.save(POLL, {"choice": 1}) is None


def test_clearing_removes_that_questions_answers_in_that_session_only(tmp_path: Path) -> None:
    store, questions, code = _room(tmp_path)
    other = SessionStore(store).create_session()
    for number in range(3):
        _learner(store, code, number).save(POLL, {"choice": number})
    mine = _learner(store, code, 5)
    mine.save("another-question", {"choice": 1})
    _learner(store, other, 7).save(POLL, {"choice": 1})
    assert questions.clear(code, POLL) == 3
    sessions = SessionStore(store)
    assert sessions.answer_count(code, POLL) == 0
    assert sessions.answer_count(code, "another-question") == 1
    assert sessions.answer_count(other, POLL) == 1


def test_the_follower_tells_the_learner_app_when_the_closed_set_changes(tmp_path: Path) -> None:
    store, questions, code = _room(tmp_path)
    seen: list[set[str]] = []
    follower = RoomFollower(SessionStore(store), code, lambda _module: None, seen.append)
    follower.check()
    assert seen == []  # nothing closed: nothing to say
    questions.close(code, POLL)
    follower.check()
    follower.check()
    assert seen == [{POLL}]
    questions.reopen(code, POLL)
    follower.check()
    assert seen == [{POLL}, set()]


def test_a_view_that_fails_once_does_not_stop_the_room_following(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sessions = SessionStore(store)
    code = sessions.create_session()
    moved = threading.Event()
    failures: list[int] = []

    def tick() -> None:
        if not failures:
            failures.append(1)
            raise RuntimeError("a view could not redraw")

    follower = RoomFollower(sessions, code, lambda _module: moved.set(), lambda _closed: None, tick)
    follower.start()
    try:
        deadline = time.monotonic() + 10
        while not failures and time.monotonic() < deadline:
            time.sleep(0.1)
        sessions.move_room(code, "01-welcome")
        assert moved.wait(10), "the follower stopped after one failed look"
    finally:
        follower.stop()
    assert failures == [1]
