"""A link of their own for each co-trainer, with its own token, that the trainer can revoke.

The token is shown once, in the link; the store keeps only its SHA-256, so a copy of the store
opens no trainer app. The trainer server checks a token (or the cookie it became) here on each
request, and its kernel socket asks again while the page is open: a revoked link stops working
at once, not at the next sign-in.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from coproduce.live.store import Store, aware, co_trainers, now

# The trainer server says who opened the trainer app in this request header (set by the
# server alone, see serving/voila_app.py); Voila hands it to the kernel as this variable.
VIEWER_HEADER = "X-Coproduce-Viewer"
VIEWER_ENV = "HTTP_X_COPRODUCE_VIEWER"
CO_TRAINER_VIEWER = "co-trainer"
LEAD_VIEWER = "lead"
PREFIX = "co-trainer:"  # the trainer server's user name for a co-trainer: PREFIX + id
MAX_LABEL = 60


@dataclass(frozen=True)
class CoTrainer:
    id: str
    label: str
    created_at: datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class CoTrainers:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def issue(self, code: str, label: str) -> tuple[CoTrainer, str]:
        """A new co-trainer of the session and their token (shown once, never stored)."""
        token = secrets.token_urlsafe(24)
        made = CoTrainer(secrets.token_hex(8), " ".join(label.split())[:MAX_LABEL], now())
        row = {
            "session_code": code,
            "id": made.id,
            "label": made.label,
            "token_hash": token_hash(token),
            "created_at": made.created_at,
        }
        with self.store.writing() as connection:
            connection.execute(co_trainers.insert().values(**row))
        return made, token

    def holder(self, code: str, token: str) -> str | None:
        """The id of the session's co-trainer whose link holds `token`, if not revoked."""
        if not token:
            return None
        offered = token_hash(token)
        query = select(co_trainers.c.id, co_trainers.c.token_hash).where(
            co_trainers.c.session_code == code, co_trainers.c.revoked_at.is_(None)
        )
        with self.engine.connect() as connection:
            rows = list(connection.execute(query))
        for row in rows:  # compared in constant time, each of them
            if hmac.compare_digest(row.token_hash, offered):
                return str(row.id)
        return None

    def active(self, code: str, co_trainer_id: str) -> bool:
        query = select(co_trainers.c.id).where(
            co_trainers.c.session_code == code,
            co_trainers.c.id == co_trainer_id,
            co_trainers.c.revoked_at.is_(None),
        )
        with self.engine.connect() as connection:
            return connection.execute(query).first() is not None

    def revoke(self, code: str, co_trainer_id: str) -> bool:
        with self.store.writing() as connection:
            done = connection.execute(
                update(co_trainers)
                .where(
                    co_trainers.c.session_code == code,
                    co_trainers.c.id == co_trainer_id,
                    co_trainers.c.revoked_at.is_(None),
                )
                .values(revoked_at=now())
            )
        return bool(done.rowcount)

    def listing(self, code: str) -> list[CoTrainer]:
        """The session's co-trainers whose links still work, oldest first."""
        query = (
            select(co_trainers.c.id, co_trainers.c.label, co_trainers.c.created_at)
            .where(co_trainers.c.session_code == code, co_trainers.c.revoked_at.is_(None))
            .order_by(co_trainers.c.created_at)
        )
        with self.engine.connect() as connection:
            return [
                CoTrainer(row.id, row.label, aware(row.created_at))
                for row in connection.execute(query)
            ]
