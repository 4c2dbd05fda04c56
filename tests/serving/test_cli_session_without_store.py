"""`coproduce session ...` where no course has kept answers: it says so, and creates nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

COPRODUCE = str(Path(sys.executable).with_name("coproduce"))


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([COPRODUCE, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def _files(folder: Path) -> set[Path]:
    return {path.relative_to(folder) for path in folder.rglob("*")}


@pytest.mark.parametrize(
    "action",
    [["report", "K7M2QX"], ["export", "K7M2QX"], ["delete", "K7M2QX"], ["list"], ["purge"]],
    ids=lambda action: action[0],
)
def test_without_a_store_it_says_so_and_creates_nothing(
    course_dir: Path, action: list[str]
) -> None:
    before = _files(course_dir)
    result = _run("session", *action, cwd=course_dir)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "no store" in result.stderr.lower()
    assert "data" in result.stderr and "--data-dir" in result.stderr
    assert "Traceback" not in result.stderr
    assert _files(course_dir) == before, "the command created files"


def test_a_data_dir_without_a_store_is_not_filled_either(course_dir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    result = _run("session", "report", "K7M2QX", "--data-dir", str(empty), cwd=course_dir)
    assert result.returncode == 2
    assert str(empty) in result.stderr
    assert list(empty.iterdir()) == []


def test_with_a_store_the_session_commands_still_work(course_dir: Path) -> None:
    code = SessionStore(Store(course_dir / "data")).create_session()
    result = _run("session", "list", cwd=course_dir)
    assert result.returncode == 0, result.stderr
    assert code in result.stdout
    result = _run("session", "report", code, cwd=course_dir)
    assert result.returncode == 0, result.stderr
    assert (course_dir / "build" / f"session-{code}.html").is_file()
