"""The answer store: SQLite in WAL mode by default, any SQLAlchemy URL (PostgreSQL) otherwise.

Many learner kernels write at once and the trainer reads, so SQLite writes take the write lock up
front (`BEGIN IMMEDIATE`) and wait on a busy timeout instead of failing with "database is locked".
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    inspect,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

from coproduce.live.engine_options import engine_options
from coproduce.live.private_files import private_file, private_folder, tighten

BUSY_TIMEOUT_MS = 30_000
MAX_ANSWER_BYTES = 64_000
STORE_FILE = "coproduce.sqlite"
SCHEMA_LOCK_KEY = 0x636F70726F64  # "coprod": PostgreSQL advisory lock while making tables

LOCAL_SESSION = "local"  # answers given outside a live session (a notebook on its own)
ROOM_TRACKER = "room-tracker"  # whose answer the room's speaking time is (the trainer app's)
metadata = MetaData()
sessions = Table(
    "sessions",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("current_module", String(100), nullable=True),
)
moves = Table(
    "moves",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_code", String(16), nullable=False, index=True),
    Column("module", String(100), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
learners = Table(
    "learners",
    metadata,
    Column("session_code", String(16), primary_key=True),
    Column("learner_id", String(64), primary_key=True),
    Column("display_name", String(60), nullable=False, default=""),
    Column("role", String(40), nullable=False),
    Column("joined_at", DateTime(timezone=True), nullable=False),
)
answers = Table(
    "answers",
    metadata,
    Column("session_code", String(16), primary_key=True),
    Column("learner_id", String(64), primary_key=True),
    Column("exercise_id", String(100), primary_key=True),
    Column("payload", Text, nullable=False),
    Column("hidden", Boolean, nullable=False, default=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, index=True),
)
places = Table(
    "places",
    metadata,
    Column("session_code", String(16), primary_key=True),
    Column("learner_id", String(64), primary_key=True),
    Column("module", String(100), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
# A shared question the trainer closed, or set to close at a time; no row means open.
questions = Table(
    "questions",
    metadata,
    Column("session_code", String(16), primary_key=True),
    Column("exercise_id", String(100), primary_key=True),
    Column("closed", Boolean, nullable=False, default=False),
    Column("closes_at", DateTime(timezone=True), nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
# A co-trainer's own link to the trainer app: only a hash of its token is kept.
co_trainers = Table(
    "co_trainers",
    metadata,
    Column("session_code", String(16), primary_key=True),
    Column("id", String(16), primary_key=True),
    Column("label", String(60), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)
# The trainer's word on one idea of an ideas question: hidden from the room, or merged into
# another idea (its votes then count for that one). No row: shown, on its own.
idea_marks = Table(
    "idea_marks",
    metadata,
    Column("session_code", String(16), primary_key=True),
    Column("exercise_id", String(100), primary_key=True),
    Column("idea_id", String(16), primary_key=True),
    Column("hidden", Boolean, nullable=False, default=False),
    Column("merged_into", String(16), nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False, index=True),
)
SESSION_TABLES = (
    answers,
    places,
    learners,
    moves,
    questions,
    co_trainers,
    idea_marks,
    sessions,
)


class AnswerTooLarge(ValueError):
    """An answer bigger than the store keeps; the widget tells the learner kindly."""


def store_url(target: str | Path) -> str:
    """Turn a data folder, a database file or an SQLAlchemy URL into an SQLAlchemy URL."""
    text = str(target)
    if "://" in text:
        return text
    path = Path(text)
    if path.suffix not in {".sqlite", ".db"}:
        path = path / STORE_FILE
    return f"sqlite:///{path.resolve()}"


class Store:
    """Save and restore each learner's answers and place in the course."""

    def __init__(self, target: str | Path) -> None:
        url = store_url(target)
        database = _database_file(url)
        if database is not None:
            # Private reflections are in it: the folder and the file are for the owner only.
            # SQLite gives the -wal, -shm and -journal files it makes the database's own mode.
            private_folder(database.parent)
            private_file(database)
            for suffix in ("-wal", "-shm", "-journal"):
                tighten(database.with_name(database.name + suffix))
        self.engine = _make_engine(url)
        if not _layout_is_current(self.engine):
            with self.writing() as connection:
                _create_tables(connection)

    def close(self) -> None:
        self.engine.dispose()

    def save_answer(
        self,
        learner_id: str,
        exercise_id: str,
        answer: dict[str, Any],
        *,
        session: str = LOCAL_SESSION,
    ) -> None:
        payload = json.dumps(answer, ensure_ascii=False)
        if len(payload.encode("utf-8")) > MAX_ANSWER_BYTES:
            raise AnswerTooLarge(f"answers are kept up to {MAX_ANSWER_BYTES // 1000} kB")
        row = {
            "session_code": session,
            "learner_id": learner_id,
            "exercise_id": exercise_id,
            "payload": payload,
            "updated_at": now(),
        }
        self.upsert(answers, row, ["session_code", "learner_id", "exercise_id"])

    def load_answers(
        self, learner_id: str, *, session: str = LOCAL_SESSION
    ) -> dict[str, dict[str, Any]]:
        query = select(answers.c.exercise_id, answers.c.payload).where(
            answers.c.session_code == session, answers.c.learner_id == learner_id
        )
        with self.engine.connect() as connection:
            return {row.exercise_id: json.loads(row.payload) for row in connection.execute(query)}

    def save_place(self, learner_id: str, module: str, *, session: str = LOCAL_SESSION) -> None:
        row = {"session_code": session, "learner_id": learner_id, "module": module}
        self.upsert(places, {**row, "updated_at": now()}, ["session_code", "learner_id"])

    def load_place(self, learner_id: str, *, session: str = LOCAL_SESSION) -> str | None:
        query = select(places.c.module).where(
            places.c.session_code == session, places.c.learner_id == learner_id
        )
        with self.engine.connect() as connection:
            return connection.execute(query).scalar_one_or_none()

    def upsert(self, table: Table, row: dict[str, Any], keys: list[str]) -> None:
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(table).values(**row)
        updates = {name: statement.excluded[name] for name in row if name not in keys}
        statement = statement.on_conflict_do_update(index_elements=keys, set_=updates)
        with self.writing() as connection:
            connection.execute(statement)

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            connection = connection.execution_options(coproduce_write=True)
            with connection.begin():
                yield connection


def _database_file(url: str) -> Path | None:
    """The file an SQLite URL keeps its data in; None for another database or one in memory."""
    parsed = make_url(url)
    name = parsed.database or ""
    if not parsed.drivername.startswith("sqlite") or name in {"", ":memory:"}:
        return None
    return None if name.startswith("file:") else Path(name)


def _layout_is_current(engine: Engine) -> bool:
    """Every table there, in the live-session layout: opening the store then writes nothing."""
    with engine.connect() as connection:
        inspector = inspect(connection)
        names = set(inspector.get_table_names())
        if not set(metadata.tables) <= names:
            return False
        return "session_code" in {column["name"] for column in inspector.get_columns("answers")}


def _create_tables(connection: Connection) -> None:
    """Make or upgrade the tables inside one write transaction.

    Many kernels open a new store at once. Checking for a table and then creating it in a
    deferred transaction let two of them race: on SQLite the loser failed at once with "database
    is locked" (a read transaction cannot take the write lock after another writer committed),
    on PostgreSQL it can fail with a duplicate type. The caller's transaction takes the write
    lock first on SQLite (`BEGIN IMMEDIATE`); on PostgreSQL an advisory lock lets one process at a
    time in.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
    _upgrade_first_layout(connection)
    metadata.create_all(connection)


def _upgrade_first_layout(connection: Connection) -> None:
    """Stores made before live sessions keyed answers by learner alone: move them to 'local'."""
    inspector = inspect(connection)
    if "answers" not in inspector.get_table_names():
        return
    if "session_code" in {column["name"] for column in inspector.get_columns("answers")}:
        return
    for name in ("answers", "places"):
        connection.exec_driver_sql(f"ALTER TABLE {name} RENAME TO {name}_first_layout")
    metadata.create_all(connection)
    connection.exec_driver_sql(
        "INSERT INTO answers (session_code, learner_id, exercise_id, payload, hidden, "
        "updated_at) SELECT 'local', learner_id, exercise_id, payload, false, updated_at "
        "FROM answers_first_layout"
    )
    connection.exec_driver_sql(
        "INSERT INTO places (session_code, learner_id, module, updated_at) "
        "SELECT 'local', learner_id, module, updated_at FROM places_first_layout"
    )
    for name in ("answers", "places"):
        connection.exec_driver_sql(f"DROP TABLE {name}_first_layout")


def now() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """SQLite gives times back without their zone; the store writes them in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL, waiting like the busy timeout if another process holds it.

    SQLite does not call its busy handler for this switch: when many kernels open a new store
    at once, all but one would otherwise fail at once with "database is locked".
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.001
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def _make_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        clean, options = engine_options(url)
        return create_engine(clean, pool_pre_ping=True, **options)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves; pysqlite's own BEGIN is deferred.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        _use_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get("coproduce_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
