"""Live sessions in the store: codes, who joined in which role, where the room is, shared answers.

Learner kernels write; the trainer app reads. Nothing here returns a learner's display name next
to an answer: results are anonymous by construction.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update

from coproduce.live.store import (
    SESSION_TABLES,
    Store,
    answers,
    aware,
    idea_marks,
    learners,
    moves,
    now,
    sessions,
)

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I/L to misread
CODE_LENGTH = 6


@dataclass(frozen=True)
class Move:
    module: str
    at: datetime


@dataclass(frozen=True)
class SharedAnswer:
    """One learner's answer, keyed by an opaque tag instead of their id or name."""

    tag: str
    payload: dict[str, Any]
    hidden: bool


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: object) -> str:
    """What a learner typed, as a code: upper case, no spaces; '' if it cannot be one."""
    if not isinstance(raw, str):
        return ""
    code = "".join(raw.split()).upper()[:16]
    return code if code and all(char in CODE_ALPHABET for char in code) else ""


def answer_tag(session: str, learner_id: str) -> str:
    """A stable, opaque tag for hiding one answer; it cannot be turned back into the id."""
    return hashlib.sha256(f"{session}:{learner_id}".encode()).hexdigest()[:12]


@dataclass(frozen=True)
class SessionSummary:
    code: str
    created_at: datetime
    current_module: str | None
    learners: int
    answers: int


class SessionStore:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def create_session(self) -> str:
        while True:
            code = new_code()
            if not self.exists(code):
                break
        with self.store.writing() as connection:
            connection.execute(sessions.insert().values(code=code, created_at=now()))
        return code

    def latest(self) -> str | None:
        """The session started last: the one a restarted server resumes."""
        query = select(sessions.c.code).order_by(sessions.c.created_at.desc()).limit(1)
        with self.engine.connect() as connection:
            return connection.execute(query).scalar_one_or_none()

    def summaries(self) -> list[SessionSummary]:
        """Every session, newest first, with how many joined and answered."""
        joined = (
            select(learners.c.session_code, func.count().label("n"))
            .group_by(learners.c.session_code)
            .subquery()
        )
        answered = (
            select(answers.c.session_code, func.count().label("n"))
            .group_by(answers.c.session_code)
            .subquery()
        )
        query = (
            select(
                sessions.c.code,
                sessions.c.created_at,
                sessions.c.current_module,
                func.coalesce(joined.c.n, 0),
                func.coalesce(answered.c.n, 0),
            )
            .outerjoin(joined, joined.c.session_code == sessions.c.code)
            .outerjoin(answered, answered.c.session_code == sessions.c.code)
            .order_by(sessions.c.created_at.desc())
        )
        with self.engine.connect() as connection:
            return [
                SessionSummary(row[0], aware(row[1]), row[2], int(row[3]), int(row[4]))
                for row in connection.execute(query)
            ]

    def exists(self, code: str) -> bool:
        query = select(sessions.c.code).where(sessions.c.code == code)
        with self.engine.connect() as connection:
            return connection.execute(query).first() is not None

    def created_at(self, code: str) -> datetime | None:
        query = select(sessions.c.created_at).where(sessions.c.code == code)
        with self.engine.connect() as connection:
            created = connection.execute(query).scalar_one_or_none()
        return aware(created) if created else None

    def current_module(self, code: str) -> str | None:
        query = select(sessions.c.current_module).where(sessions.c.code == code)
        with self.engine.connect() as connection:
            return connection.execute(query).scalar_one_or_none()

    def move_room(self, code: str, module: str) -> None:
        with self.store.writing() as connection:
            connection.execute(
                update(sessions).where(sessions.c.code == code).values(current_module=module)
            )
            connection.execute(moves.insert().values(session_code=code, module=module, at=now()))

    def moves(self, code: str) -> list[Move]:
        query = (
            select(moves.c.module, moves.c.at)
            .where(moves.c.session_code == code)
            .order_by(moves.c.id)
        )
        with self.engine.connect() as connection:
            return [Move(row.module, aware(row.at)) for row in connection.execute(query)]

    def join(self, code: str, learner_id: str, display_name: str, role: str) -> None:
        row = {
            "session_code": code,
            "learner_id": learner_id,
            "display_name": display_name,
            "role": role,
            "joined_at": now(),
        }
        self.store.upsert(learners, row, ["session_code", "learner_id"])

    def joined_role(self, code: str, learner_id: str) -> str | None:
        query = select(learners.c.role).where(
            learners.c.session_code == code, learners.c.learner_id == learner_id
        )
        with self.engine.connect() as connection:
            return connection.execute(query).scalar_one_or_none()

    def attendance(self, code: str) -> Counter[str]:
        query = (
            select(learners.c.role, func.count())
            .where(learners.c.session_code == code)
            .group_by(learners.c.role)
        )
        with self.engine.connect() as connection:
            return Counter({row[0]: row[1] for row in connection.execute(query)})

    def shared_answers(
        self, code: str, exercise_id: str, *, consent_needed: bool = False
    ) -> list[SharedAnswer]:
        """Answers to one exercise, without learner ids or names.

        With `consent_needed` (reflections), only answers the learner ticked to share leave
        the store: private text never reaches the trainer's kernel.
        """
        query = (
            select(answers.c.learner_id, answers.c.payload, answers.c.hidden)
            .where(answers.c.session_code == code, answers.c.exercise_id == exercise_id)
            .order_by(answers.c.updated_at)
        )
        found = []
        with self.engine.connect() as connection:
            for row in connection.execute(query):
                payload = json.loads(row.payload)
                if consent_needed and not (
                    isinstance(payload, dict) and payload.get("shared") is True
                ):
                    continue
                found.append(SharedAnswer(answer_tag(code, row.learner_id), payload, row.hidden))
        return found

    def answer_count(self, code: str, exercise_id: str) -> int:
        """How many learners answered an exercise; reads no answer."""
        query = select(func.count()).where(
            answers.c.session_code == code, answers.c.exercise_id == exercise_id
        )
        with self.engine.connect() as connection:
            return int(connection.execute(query).scalar_one())

    def set_hidden(self, code: str, exercise_id: str, tag: str, hidden: bool) -> bool:
        """Hide (or show again) one shared answer on the projected view."""
        query = select(answers.c.learner_id).where(
            answers.c.session_code == code, answers.c.exercise_id == exercise_id
        )
        with self.engine.connect() as connection:
            ids = [row.learner_id for row in connection.execute(query)]
        matching = [learner for learner in ids if answer_tag(code, learner) == tag]
        if not matching:
            return False
        with self.store.writing() as connection:
            connection.execute(
                update(answers)
                .where(
                    answers.c.session_code == code,
                    answers.c.exercise_id == exercise_id,
                    answers.c.learner_id == matching[0],
                )
                .values(hidden=hidden)
            )
        return True

    def latest_change(self, code: str) -> tuple[Any, ...]:
        """Cheap fingerprint of a session's state, to redraw live results only on change."""
        with self.engine.connect() as connection:
            newest = connection.execute(
                select(func.max(answers.c.updated_at), func.count()).where(
                    answers.c.session_code == code
                )
            ).one()
            # A role change rejoins with a new time: the split by role is drawn again.
            people = connection.execute(
                select(func.count(), func.max(learners.c.joined_at)).where(
                    learners.c.session_code == code
                )
            ).one()
            hidden = connection.execute(
                select(func.count()).where(answers.c.session_code == code, answers.c.hidden)
            ).scalar_one()
            # An idea hidden or merged (by this trainer or another on the same session).
            marked = connection.execute(
                select(func.count(), func.max(idea_marks.c.updated_at)).where(
                    idea_marks.c.session_code == code
                )
            ).one()
        return (*newest, *people, hidden, *marked, self.current_module(code))

    def export(self, code: str) -> dict[str, list[dict[str, Any]]]:
        """Every row of a session, table by table, as plain values."""
        exported: dict[str, list[dict[str, Any]]] = {}
        with self.engine.connect() as connection:
            for table in SESSION_TABLES:
                key = table.c.code if table is sessions else table.c.session_code
                rows = connection.execute(select(table).where(key == code))
                exported[table.name] = [
                    {name: _plain(value) for name, value in row._mapping.items()} for row in rows
                ]
        return exported

    def delete(self, code: str) -> int:
        """Remove every row of the session; returns how many rows went."""
        removed = 0
        with self.store.writing() as connection:
            for table in SESSION_TABLES:
                key = table.c.code if table is sessions else table.c.session_code
                removed += connection.execute(delete(table).where(key == code)).rowcount or 0
        return removed

    def older_than(self, age: timedelta) -> list[str]:
        cutoff = now() - age
        query = select(sessions.c.code).where(sessions.c.created_at < cutoff)
        with self.engine.connect() as connection:
            return [row.code for row in connection.execute(query)]

    def purge(self, age: timedelta) -> list[str]:
        codes = self.older_than(age)
        for code in codes:
            self.delete(code)
        return codes


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value
