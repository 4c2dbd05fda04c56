"""Closing a shared question: the trainer closes, reopens or clears it, or sets a closing time.

The learner's kernel asks here before it keeps an answer (`LearnerSession.save`), so a closed
question refuses answers whatever the page shows or a script in it sends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select

from coproduce.live.store import Store, answers, aware, idea_marks, now, questions

MAX_CLOSE_MINUTES = 120


@dataclass(frozen=True)
class QuestionState:
    closed: bool = False
    closes_at: datetime | None = None

    def closed_at(self, moment: datetime) -> bool:
        """Closed by the trainer, or its closing time has come."""
        return self.closed or (self.closes_at is not None and self.closes_at <= moment)


OPEN = QuestionState()


class Questions:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def close(self, code: str, exercise_id: str) -> None:
        self._set(code, exercise_id, QuestionState(closed=True))

    def reopen(self, code: str, exercise_id: str) -> None:
        self._set(code, exercise_id, OPEN)

    def close_after(self, code: str, exercise_id: str, minutes: float) -> datetime:
        """Open now, closed `minutes` from now (at most two hours; at least a few seconds)."""
        wait = min(max(float(minutes), 0.05), MAX_CLOSE_MINUTES)
        closes_at = now() + timedelta(minutes=wait)
        self._set(code, exercise_id, QuestionState(closes_at=closes_at))
        return closes_at

    def states(self, code: str) -> dict[str, QuestionState]:
        """Every question of the session that is not simply open, by exercise id."""
        query = select(questions.c.exercise_id, questions.c.closed, questions.c.closes_at).where(
            questions.c.session_code == code
        )
        with self.engine.connect() as connection:
            return {row.exercise_id: _state(row) for row in connection.execute(query)}

    def state(self, code: str, exercise_id: str) -> QuestionState:
        query = select(questions.c.closed, questions.c.closes_at).where(
            questions.c.session_code == code, questions.c.exercise_id == exercise_id
        )
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return OPEN if row is None else _state(row)

    def is_closed(self, code: str, exercise_id: str) -> bool:
        return self.state(code, exercise_id).closed_at(now())

    def changes(self, code: str) -> dict[str, tuple[QuestionState, datetime]]:
        """Every question of the session the trainer touched, with its state and when it last
        changed (closed, opened, timed or cleared): a learner's kernel reads this each second."""
        query = select(
            questions.c.exercise_id,
            questions.c.closed,
            questions.c.closes_at,
            questions.c.updated_at,
        ).where(questions.c.session_code == code)
        with self.engine.connect() as connection:
            return {
                row.exercise_id: (_state(row), aware(row.updated_at))
                for row in connection.execute(query)
            }

    def closed(self, code: str) -> set[str]:
        """The session's questions closed at this moment."""
        moment = now()
        return {eid for eid, state in self.states(code).items() if state.closed_at(moment)}

    def clear(self, code: str, exercise_id: str) -> int:
        """Remove every answer to one question in this session; returns how many went."""
        with self.store.writing() as connection:
            removed = connection.execute(
                delete(answers).where(
                    answers.c.session_code == code, answers.c.exercise_id == exercise_id
                )
            )
            # An ideas question's hidden and merged marks go with the ideas they were about.
            connection.execute(
                delete(idea_marks).where(
                    idea_marks.c.session_code == code, idea_marks.c.exercise_id == exercise_id
                )
            )
        # Its change time moves on, so each learner's kernel looks again at what it shows.
        self._set(code, exercise_id, self.state(code, exercise_id))
        return removed.rowcount or 0

    def _set(self, code: str, exercise_id: str, state: QuestionState) -> None:
        row = {
            "session_code": code,
            "exercise_id": exercise_id,
            "closed": state.closed,
            "closes_at": state.closes_at,
            "updated_at": now(),
        }
        self.store.upsert(questions, row, ["session_code", "exercise_id"])


def _state(row: Any) -> QuestionState:
    return QuestionState(bool(row.closed), aware(row.closes_at) if row.closes_at else None)
