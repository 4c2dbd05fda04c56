"""What `coproduce serve` prints for the trainer is the catalogue's (`terminal:`), in the
course's language: here in Welsh, with the servers' starting replaced by stand-ins so that
nothing is served."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from coproduce.serving import serve as serving
from coproduce.serving.serve import ServeOptions, serve

from ..conftest import free_port, printed_lines


def _in_welsh(course: Path) -> Path:
    path = course / "course" / "course.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    path.write_text(text.replace("\nlanguage: en\n", "\nlanguage: cy\n"), encoding="utf-8")
    return course


class _Ended:
    """A server process that has already stopped."""

    def poll(self) -> int:
        return 0

    def wait(self) -> int:
        return 0


def test_a_port_in_use_is_said_in_the_courses_language(
    course_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        options = ServeOptions(_in_welsh(course_dir), tmp_path / "data", port=port)
        assert serve(options) == 2
    assert f"Mae porth {port} yn cael ei ddefnyddio'n barod" in capsys.readouterr().err


def test_the_links_are_printed_in_the_courses_language(
    course_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    stand_ins: dict[str, Any] = {
        "write_voila_config": lambda *_: folder,
        "write_words": lambda *_: None,
        "write_kernel_spec": lambda *_: None,
        "write_bundle": lambda *_: "",
        "write_learner_app": lambda *_: tmp_path / "app" / "learner.ipynb",
        "write_trainer_app": lambda *_: tmp_path / "trainer" / "trainer.ipynb",
        "write_parsed_modules": lambda *_: None,
        "learner_command": lambda *_: [],
        "trainer_command": lambda *_: [],
        "_start": lambda *_: _Ended(),
        "_wait_until_up": lambda *_: True,
    }
    for name, stand_in in stand_ins.items():
        monkeypatch.setattr(serving, name, stand_in)
    monkeypatch.setattr(serving.signal, "signal", lambda *_: None)
    course = _in_welsh(course_dir)
    options = ServeOptions(course, tmp_path / "data", port=free_port(), open_browser=False)
    assert serve(options) == 0
    assert serve(options) == 0  # again: the same session, resumed
    printed = capsys.readouterr().out
    assert "Dolen y dysgwyr: http://" in printed and "Dolen yr hyfforddwr: http://" in printed
    assert "Yn ailddechrau sesiwn " in printed
    assert "Learner link" not in printed and "Trainer link" not in printed
    # The test servers find the links in the lines as the catalogue writes them.
    before, after = printed_lines(course)["Learner link:"]
    assert before == "Dolen y dysgwyr: " and after == ""
