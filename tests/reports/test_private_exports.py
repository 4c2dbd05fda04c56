"""The session export and report hold learners' words: their files are the owner's only."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from coproduce.cli import main
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


def _session(data: Path) -> str:
    store = Store(data)
    room = SessionStore(store)
    code = room.create_session()
    room.join(code, "learner-0000000001", "Sam", "Researcher")
    store.close()
    return code


def test_export_files_are_the_owners_only(course_dir: Path, tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "export"
    code = _session(data)
    out.mkdir()
    (out / f"session-{code}-learners.csv").write_text("left from before")
    (out / f"session-{code}-learners.csv").chmod(0o644)
    args = ["--course", str(course_dir), "session", "export", code, "--data-dir", str(data)]
    assert main([*args, "--out", str(out)]) == 0
    files = sorted(out.iterdir())
    assert len(files) > 1
    assert {path.name: stat.S_IMODE(path.stat().st_mode) for path in files} == {
        path.name: 0o600 for path in files
    }


def test_the_report_is_the_owners_only(course_dir: Path, tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "report.html"
    code = _session(data)
    args = ["--course", str(course_dir), "session", "report", code, "--data-dir", str(data)]
    assert main([*args, "--out", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
