"""The `coproduce` command as a user meets it: clear messages, exit codes, no tracebacks."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from coproduce.serving.serve import ServeOptions, _forward_log, learner_link
from coproduce.serving.voila_command import learner_command, pool_size

COPRODUCE = str(Path(sys.executable).with_name("coproduce"))


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([COPRODUCE, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_check_passes_on_good_content(course_dir: Path) -> None:
    result = _run("check", cwd=course_dir)
    assert result.returncode == 0, result.stderr
    assert "All good: no errors" in result.stdout


def test_check_fails_with_file_line_and_fix_and_no_traceback(course_dir: Path) -> None:
    path = course_dir / "modules" / "01-welcome" / "module.yml"
    path.write_text(path.read_text().replace("title:", "titel:", 1))
    result = _run("check", cwd=course_dir)
    assert result.returncode == 1
    assert "modules/01-welcome/module.yml:1: error: unknown key 'titel'" in result.stdout
    assert "fix: did you mean 'title'?" in result.stdout
    assert "Traceback" not in result.stderr + result.stdout


def test_check_outside_a_course_says_how_to_find_one(tmp_path: Path) -> None:
    result = _run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "course/course.yml" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_options_reach_voila(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    options = ServeOptions(course_root=root, data_dir=tmp_path, port=9123, class_size=12)
    command = learner_command(
        options.addresses, 12, None, tmp_path / "app" / "learner.ipynb", tmp_path / "config", "en"
    )
    assert "--port=9123" in command
    assert "--preheat_kernel=True" in command
    assert f"--pool_size={pool_size(12)}" in command
    assert "--template=coproduce" in command
    assert any(part.startswith("--MappingKernelManager.cull_idle_timeout=") for part in command)
    assert "--VoilaConfiguration.file_denylist=.*" in command


def test_help_lists_the_serve_options() -> None:
    result = subprocess.run(
        [COPRODUCE, "serve", "--help"], capture_output=True, text=True, timeout=60
    )
    for flag in ("--port", "--data-dir", "--no-browser", "--class-size"):
        assert flag in result.stdout


def test_the_learner_link_names_a_reachable_host(tmp_path: Path) -> None:
    local = ServeOptions(course_root=tmp_path, data_dir=tmp_path, port=8866)
    assert learner_link(local) == "http://localhost:8866/"
    room = ServeOptions(course_root=tmp_path, data_dir=tmp_path, port=8866, ip="0.0.0.0")
    assert "0.0.0.0" not in learner_link(room)


def test_the_serve_log_drops_only_the_lines_a_trainer_cannot_act_on(
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    lines = [
        b"[Voila] WARNING | Notebook learner.ipynb is not trusted\n",
        b"[IPKernelApp] WARNING | Kernel is running over TCP without encryption. All ...\n",
        b"[Voila] Kernel pool of learner.ipynb is filled with 8 kernel(s)\n",
        b"[Voila] ERROR | Something a trainer should see\n",
    ]
    _forward_log(io.BytesIO(b"".join(lines)))
    assert capfdbinary.readouterr().err == lines[2] + lines[3]
