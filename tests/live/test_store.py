"""The embedded store: a real SQLite file in WAL mode, shared by many writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from coproduce.live.store import AnswerTooLarge, Store, store_url


def test_answers_and_place_survive_reopening_the_store(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save_answer("learner-aaaaaaaaaaaa", "q1", {"selected": [1]})
    store.save_answer("learner-aaaaaaaaaaaa", "q1", {"selected": [2]})
    store.save_place("learner-aaaaaaaaaaaa", "02-what-coproduction-is")
    store.close()

    reopened = Store(tmp_path)
    assert reopened.load_answers("learner-aaaaaaaaaaaa") == {"q1": {"selected": [2]}}
    assert reopened.load_place("learner-aaaaaaaaaaaa") == "02-what-coproduction-is"
    assert reopened.load_answers("someone-else-bbbbbbbb") == {}
    assert reopened.load_place("someone-else-bbbbbbbb") is None


def test_the_file_is_in_wal_mode(tmp_path: Path) -> None:
    Store(tmp_path).save_answer("learner-aaaaaaaaaaaa", "q1", {"text": "hi"})
    with sqlite3.connect(tmp_path / "coproduce.sqlite") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_hostile_text_is_stored_exactly(tmp_path: Path) -> None:
    store = Store(tmp_path)
    text = "'); DROP TABLE answers; -- <script>alert(1)</script> 🙂 שלום"
    store.save_answer("learner-aaaaaaaaaaaa", "r1", {"text": text})
    assert store.load_answers("learner-aaaaaaaaaaaa")["r1"]["text"] == text


def test_a_huge_answer_is_refused_and_the_old_one_kept(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save_answer("learner-aaaaaaaaaaaa", "r1", {"text": "kept"})
    with pytest.raises(AnswerTooLarge):
        store.save_answer("learner-aaaaaaaaaaaa", "r1", {"text": "x" * 200_000})
    assert store.load_answers("learner-aaaaaaaaaaaa")["r1"]["text"] == "kept"


def test_store_url_accepts_a_folder_a_file_or_a_url(tmp_path: Path) -> None:
    assert store_url(tmp_path).endswith("/coproduce.sqlite")
    assert store_url(tmp_path / "x.sqlite").endswith("/x.sqlite")
    assert store_url("postgresql://u@h/db") == "postgresql://u@h/db"


def _write_many(folder: str, writer: int) -> None:
    store = Store(folder)
    for number in range(25):
        store.save_answer(f"learner-{writer:04d}-aaaaaaaa", f"q{number}", {"n": number})


def test_parallel_writers_lose_nothing_and_never_see_a_locked_database(tmp_path: Path) -> None:
    Store(tmp_path).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(str(tmp_path), w)) for w in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    store = Store(tmp_path)
    for writer in range(8):
        assert len(store.load_answers(f"learner-{writer:04d}-aaaaaaaa")) == 25


def test_a_store_from_before_live_sessions_keeps_its_answers(tmp_path: Path) -> None:
    path = tmp_path / "coproduce.sqlite"
    with sqlite3.connect(path) as old:
        old.execute(
            "CREATE TABLE answers (learner_id TEXT, exercise_id TEXT, payload TEXT, "
            "updated_at TEXT, PRIMARY KEY (learner_id, exercise_id))"
        )
        old.execute(
            "CREATE TABLE places (learner_id TEXT PRIMARY KEY, module TEXT, updated_at TEXT)"
        )
        old.execute(
            "INSERT INTO answers VALUES ('learner-aaaaaaaaaaaa', 'q1', '{\"text\": \"kept\"}', "
            "'2026-01-01 10:00:00')"
        )
        old.execute("INSERT INTO places VALUES ('learner-aaaaaaaaaaaa', 'm2', '2026-01-01')")
    store = Store(tmp_path)
    assert store.load_answers("learner-aaaaaaaaaaaa") == {"q1": {"text": "kept"}}
    assert store.load_place("learner-aaaaaaaaaaaa") == "m2"
