"""`coproduce session report|export|delete|purge` on a real SQLite store."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from coproduce.cli import main
from coproduce.live.sessions import SessionStore
from coproduce.live.store import SESSION_TABLES, Store, sessions

from ..conftest import ROOT, add_try_modules, show_every_result

FIXTURES = ROOT / "tests" / "fixtures"
HOSTILE = "<script>alert('x')</script> & more"


@pytest.fixture
def course(course_dir: Path) -> Path:
    files = [FIXTURES / "kinds" / "try-poll.yml", *sorted((FIXTURES / "report").glob("*.yml"))]
    add_try_modules(course_dir, files)
    return course_dir


def _fill_session(store: Store) -> str:
    """Three learners: two vote, one shares markup, one keeps a reflection private."""
    room = SessionStore(store)
    code = room.create_session()
    for number, role in enumerate(["Researcher", "Public contributor", "Public contributor"]):
        learner = f"learner-{number}"
        room.join(code, learner, f"Name {number}", role)
        store.save_answer(learner, "try-poll", {"choice": number % 2}, session=code)
        store.save_answer(learner, "evaluation-was-it-useful", {"choice": 0}, session=code)
    store.save_answer(
        "learner-0", "report-thoughts", {"text": HOSTILE, "shared": True}, session=code
    )
    store.save_answer(
        "learner-1", "report-thoughts", {"text": "kept to myself", "shared": False}, session=code
    )
    room.move_room(code, "01-welcome")
    return code


def _count_rows(store: Store, code: str) -> int:
    total = 0
    with store.engine.connect() as connection:
        for table in SESSION_TABLES:
            key = table.c.code if table is sessions else table.c.session_code
            total += connection.execute(select(func.count()).where(key == code)).scalar_one()
    return total


def test_report_shows_attendance_results_and_evaluation_without_names(
    course: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    code = _fill_session(Store(data))
    out = tmp_path / "report.html"
    # One shared reflection, roles of one and two: all shown only when K is 1 (see
    # tests/reports/test_small_room_results.py for the default of 3).
    show_every_result(course)
    args = ["--course", str(course), "session", "report", code.lower(), "--data-dir", str(data)]
    assert main([*args, "--out", str(out)]) == 0
    page = out.read_text()
    assert "3 people joined" in page
    assert "<td>Public contributor</td><td>2</td>" in page
    assert "End-of-session evaluation" in page
    evaluation = page.index("End-of-session evaluation")
    assert page.index("<h3>Was today useful?</h3>") > evaluation
    assert "3 votes so far" in page
    assert "&lt;script&gt;" in page and "<script>alert" not in page
    assert "kept to myself" not in page, "a private reflection reached the report"
    assert "Name 0" not in page, "a learner's name reached the report"
    assert "Timings: planned and actual" in page


def test_export_writes_json_and_csv_of_every_table(course: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    code = _fill_session(Store(data))
    out = tmp_path / "export"
    args = ["--course", str(course), "session", "export", code, "--data-dir", str(data)]
    assert main([*args, "--out", str(out)]) == 0
    tables = json.loads((out / f"session-{code}.json").read_text())
    assert len(tables["learners"]) == 3
    assert len(tables["answers"]) == 8
    csv_lines = (out / f"session-{code}-answers.csv").read_text().strip().splitlines()
    assert len(csv_lines) == 1 + 8


def test_delete_removes_every_row_of_that_session_only(course: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store(data)
    code, other = _fill_session(store), _fill_session(store)
    before_other = _count_rows(store, other)
    assert _count_rows(store, code) > 0
    args = ["--course", str(course), "session", "delete", code, "--data-dir", str(data)]
    assert main(args) == 0
    assert _count_rows(store, code) == 0
    assert _count_rows(store, other) == before_other
    assert main(args) == 2, "deleting it twice should say there is no such session"


def test_purge_deletes_only_sessions_past_the_retention_period(
    course: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    store = Store(data)
    old, recent = _fill_session(store), _fill_session(store)
    with store.writing() as connection:
        long_ago = SessionStore(store).created_at(old) - timedelta(days=120)  # type: ignore[operator]
        connection.execute(
            update(sessions).where(sessions.c.code == old).values(created_at=long_ago)
        )
    args = ["--course", str(course), "session", "purge", "--data-dir", str(data)]
    assert main([*args, "--older-than-days", "100"]) == 0
    assert _count_rows(store, old) == 0
    assert _count_rows(store, recent) > 0


def test_an_unknown_code_gets_a_clear_message(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--course", str(course), "session", "report", "NOPE42", "--data-dir", str(tmp_path)]
    assert main(args) == 2
    assert "There is no session with the code 'NOPE42'" in capsys.readouterr().err
