"""The store under a classroom's load, with real processes on a real SQLite file.

Forty learner kernels save at once; one is killed with SIGKILL while it writes. Each writer is a
separate Python process (as each learner's kernel is), started through `subprocess` so that its
whole output can be searched for "database is locked". The same helpers run against PostgreSQL
in test_store_postgres.py.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store, answers

WRITERS = 40
ANSWERS_EACH = 50
WORKER_TIMEOUT_S = 240.0

# One learner's kernel: import, wait; open the store, wait for the session code; join it and save
# answers, one line per committed answer. The waits let every writer open the store at the same
# moment, and then write at the same moment.
WORKER = """
import sys
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

target, learner, count, size = sys.argv[1:5]
print("imported", flush=True)
sys.stdin.readline()
store = Store(target)
print("ready", flush=True)
session = sys.stdin.readline().strip()  # the session code comes with the signal to write
SessionStore(store).join(session, learner, "", "prefer not to say")
for number in range(int(count)):
    answer = {"n": number, "learner": learner, "text": "x" * int(size)}
    store.save_answer(learner, f"q{number:04d}", answer, session=session)
    print(f"saved {number}", flush=True)
store.close()
print("done", flush=True)
"""


@dataclass
class Writer:
    learner: str
    process: subprocess.Popen[str]
    output: str = ""

    def expect(self, line: str) -> None:
        """Read the worker's next line; fail with all its output if it is not `line`."""
        assert self.process.stdout is not None
        got = self.process.stdout.readline()
        if got.strip() != line:
            rest, _ = self.process.communicate(timeout=WORKER_TIMEOUT_S)
            pytest.fail(f"{self.learner}: expected {line!r}, got:\n{got}{rest}")

    def release(self, line: str = "go") -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()


def start_writer(target: str, learner: str, count: int, size: int = 20) -> Writer:
    command = [sys.executable, "-c", WORKER, target, learner, str(count), str(size)]
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream, so nothing a worker says is missed
        text=True,
    )
    return Writer(learner, process)


def learner_name(number: int) -> str:
    return f"learner-{number:03d}-aaaaaaaaaaaa"


def run_writers_at_once(
    target: str, make_session: Callable[[], str], writers: int, each: int
) -> tuple[str, list[Writer]]:
    """Start every writer, open the store in all at once, then write in all at once.

    `make_session` runs once every writer has opened the store, and gives the session code.
    """
    started = [start_writer(target, learner_name(n), each) for n in range(writers)]
    try:
        for writer in started:
            writer.expect("imported")
        for writer in started:
            writer.release()
        for writer in started:
            writer.expect("ready")
        code = make_session()
        for writer in started:
            writer.release(code)
        for writer in started:
            writer.output, _ = writer.process.communicate(timeout=WORKER_TIMEOUT_S)
    finally:
        for writer in started:
            if writer.process.poll() is None:
                writer.process.kill()
                writer.process.wait()
    return code, started


def make_session(target: str) -> Callable[[], str]:
    def create() -> str:
        store = Store(target)
        try:
            return SessionStore(store).create_session()
        finally:
            store.close()

    return create


def check_forty_writers(target: str) -> float:
    """Forty writers, fifty answers each: every answer there once, no writer saw a lock error.

    The writers open the store before any session exists (on a fresh store they race to make
    its tables), then all join the session and write at once. Returns the seconds it took.
    """
    started = time.perf_counter()
    code, writers = run_writers_at_once(target, make_session(target), WRITERS, ANSWERS_EACH)
    elapsed = time.perf_counter() - started
    for writer in writers:
        assert "locked" not in writer.output.lower(), writer.output
        assert writer.process.returncode == 0, writer.output
        assert writer.output.splitlines()[-1] == "done", writer.output
        assert writer.output.count("saved ") == ANSWERS_EACH, writer.output
    store = Store(target)
    try:
        with store.engine.connect() as connection:
            rows = connection.execute(
                select(answers.c.learner_id, answers.c.exercise_id, answers.c.payload).where(
                    answers.c.session_code == code
                )
            ).all()
            total = connection.execute(select(func.count()).select_from(answers)).scalar_one()
        assert len(rows) == WRITERS * ANSWERS_EACH == total
        keys = {(row.learner_id, row.exercise_id) for row in rows}
        assert keys == {
            (learner_name(w), f"q{n:04d}") for w in range(WRITERS) for n in range(ANSWERS_EACH)
        }
        for row in rows:
            payload = json.loads(row.payload)
            assert payload["learner"] == row.learner_id
            assert row.exercise_id == f"q{payload['n']:04d}"
        assert sum(SessionStore(store).attendance(code).values()) == WRITERS
    finally:
        store.close()
    return elapsed


def saved_numbers(output: str) -> list[int]:
    return [int(line.split()[1]) for line in output.splitlines() if line.startswith("saved ")]


def kill_mid_write(target: str, session: str, learner: str, after: int) -> list[int]:
    """Start a long run of writes, SIGKILL the writer once it has committed `after` answers.

    Returns the numbers of the answers it reported committed before it died.
    """
    writer = start_writer(target, learner, count=100_000, size=4_000)
    try:
        writer.expect("imported")
        writer.release()
        writer.expect("ready")
        writer.release(session)
        assert writer.process.stdout is not None
        reported: list[int] = []
        while len(reported) < after:
            line = writer.process.stdout.readline()
            assert line.startswith("saved "), line + writer.process.stdout.read()
            reported.append(int(line.split()[1]))
        os.kill(writer.process.pid, signal.SIGKILL)
        # Read through the same text stream: readline() may already hold later lines in its
        # buffer, which communicate() (reading the raw pipe) would miss.
        rest = writer.process.stdout.read()
        writer.process.wait(timeout=WORKER_TIMEOUT_S)
        assert writer.process.returncode == -signal.SIGKILL
    finally:
        if writer.process.poll() is None:
            writer.process.kill()
            writer.process.wait()
    # Lines already in the pipe when the kill landed were committed too.
    return reported + saved_numbers(rest)


def check_killed_writer(target: str, integrity: Callable[[], None]) -> None:
    """Writers killed mid-run: the database is intact, every committed answer is there.

    A transaction committed just before the kill, but not yet reported, may be there too: at
    most one per writer. A new store then opens and writes as usual.
    """
    code = "KILLED"
    store = Store(target)
    try:
        SessionStore(store).join(code, "survivor-aaaaaaaaaaaa", "", "researcher")
    finally:
        store.close()
    kills = {"killed-1-aaaaaaaaaaaa": 40, "killed-2-aaaaaaaaaaaa": 120, "killed-3-aaaaaaaa": 7}
    committed = {
        learner: kill_mid_write(target, code, learner, after) for learner, after in kills.items()
    }
    integrity()
    store = Store(target)
    try:
        for learner, numbers in committed.items():
            assert numbers == list(range(len(numbers)))  # in order, nothing reported twice
            kept = store.load_answers(learner, session=code)
            for number in numbers:
                assert kept[f"q{number:04d}"]["n"] == number
            assert len(numbers) <= len(kept) <= len(numbers) + 1
        store.save_answer("survivor-aaaaaaaaaaaa", "after", {"text": "still fine"}, session=code)
        assert store.load_answers("survivor-aaaaaaaaaaaa", session=code) == {
            "after": {"text": "still fine"}
        }
    finally:
        store.close()
    integrity()


def sqlite_integrity(path: Path) -> Callable[[], None]:
    def check() -> None:
        connection = sqlite3.connect(path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        finally:
            connection.close()

    return check


@pytest.mark.timeout(300)
def test_forty_writers_at_once_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    # The writers open a store that does not exist yet: they race to make its tables too.
    elapsed = check_forty_writers(str(tmp_path))
    print(f"{WRITERS} writers x {ANSWERS_EACH} answers on SQLite in {elapsed:.1f} s")


@pytest.mark.timeout(300)
def test_a_writer_killed_mid_write_leaves_the_database_intact(tmp_path: Path) -> None:
    check_killed_writer(str(tmp_path), sqlite_integrity(tmp_path / "coproduce.sqlite"))
