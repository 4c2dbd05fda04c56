"""Shared fixtures: a private copy of the course, a real server, a real Chromium."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from coproduce.content.errors import ContentError
from coproduce.content.loader import load_course

ROOT = Path(__file__).resolve().parents[1]
CONTENT_FOLDERS = ("course", "modules", "exercises", "facilitator_notes")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def copy_course(target: Path) -> Path:
    for folder in CONTENT_FOLDERS:
        shutil.copytree(ROOT / folder, target / folder)
    return target


def show_every_result(course: Path) -> None:
    """Results from the first answer (K = 1) in a copied course: a test of one or two answers.
    The threshold itself has its own tests (test_anonymity, test_browser_small_room)."""
    course_yml = course / "course" / "course.yml"
    text = course_yml.read_text(encoding="utf-8")
    assert "min_answers_shown: 3" in text, "course.yml no longer sets min_answers_shown: 3"
    course_yml.write_text(text.replace("min_answers_shown: 3", "min_answers_shown: 1"))


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    """A copy of the real course that a test may break without harming the repository."""
    return copy_course(tmp_path / "course-copy")


KIND_FIXTURES = ROOT / "tests" / "fixtures" / "kinds"
TRY_MODULE_CONTENT = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

```{{code-cell}} ipython3
from coproduce.notebook import exercise
```

# {title}

Try this exercise.

```{{code-cell}} ipython3
exercise("{exercise_id}")
```
"""


def switch_on_marking(course: Path) -> None:
    """Make a course copy an assessed cohort's: knowledge checks marked after the session."""
    course_file = course / "course" / "course.yml"
    text = course_file.read_text()
    assert "marking: false" in text
    course_file.write_text(text.replace("marking: false", "marking: true"))


def add_try_modules(course: Path, exercise_files: list[Path]) -> dict[str, str]:
    """Add a module per exercise file to a course copy; returns exercise id -> module title.

    Each module's title is the exercise's title, so a test can open it from the agenda.
    """
    course_file = course / "course" / "course.yml"
    course_data = yaml.safe_load(course_file.read_text())
    titles = {}
    for number, source in enumerate(sorted(exercise_files), start=50):
        exercise = yaml.safe_load(source.read_text())
        exercise_id, title = exercise["id"], exercise["title"]
        slug = f"{number}-try-{exercise_id}"
        shutil.copy(source, course / "exercises" / source.name)
        folder = course / "modules" / slug
        folder.mkdir()
        meta = {
            "title": title,
            "minutes": 5,
            "lead": "trainer",
            "objectives": ["Try the exercise."],
            "key_points": ["This module exists for tests."],
            "contributors": ["Tests"],
            "plan": [{"exercise": exercise_id, "minutes": 5}],
        }
        (folder / "module.yml").write_text(yaml.safe_dump(meta))
        (folder / "content.md").write_text(
            TRY_MODULE_CONTENT.format(title=title, exercise_id=exercise_id)
        )
        (course / "facilitator_notes" / f"{slug}.md").write_text(f"# Notes for {title}\n")
        course_data["agenda"].append({"module": slug})
        for total in ("duration_minutes", "online_duration_minutes", "max_minutes"):
            if total in course_data:  # a longer day than a half-day, for the tests' modules
                course_data[total] += 5
        titles[exercise_id] = title
    course_file.write_text(yaml.safe_dump(course_data, sort_keys=False))
    return titles


@pytest.fixture(scope="session")
def kinds_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Server, dict[str, str]]]:
    """One server whose course has a module for each exercise in tests/fixtures/kinds/."""
    base = tmp_path_factory.mktemp("kinds")
    course = copy_course(base / "course")
    # COPRODUCE_TEST_KINDS=id1,id2 limits the server to those fixtures (handy while writing one).
    wanted = {name for name in os.environ.get("COPRODUCE_TEST_KINDS", "").split(",") if name}
    files = [path for path in KIND_FIXTURES.glob("*.yml") if not wanted or path.stem in wanted]
    titles = add_try_modules(course, files)
    # Many learners pass through this one server in turn, and a closed test browser sends no
    # unload beacon, so its kernels stay until culled: room for them all.
    running = start_server(course, base / "data", class_size=3, extra=("--max-learners", "80"))
    yield running, titles
    stop_server(running.process)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    link: str
    data_dir: Path
    process: subprocess.Popen[str]
    log: Path
    trainer_link: str = ""
    code: str = ""
    printed: str = ""  # what serve printed up to the trainer link

    @property
    def base(self) -> str:
        """The learner link without its ?code=..., for requesting other paths."""
        return self.link.split("?", 1)[0]


def start_server(
    course: Path, data_dir: Path, class_size: int = 2, extra: tuple[str, ...] = ()
) -> Server:
    log = data_dir.parent / f"serve-{data_dir.name}.log"
    command = [
        str(Path(sys.executable).with_name("coproduce")),
        "--course",
        str(course),
        "serve",
        "--no-browser",
        "--port",
        str(free_port()),
        "--data-dir",
        str(data_dir),
        "--class-size",
        str(class_size),
        "--trainer-port",
        str(free_port()),
        *extra,
    ]
    env = {key: value for key, value in os.environ.items() if not key.startswith("COPRODUCE_")}
    with log.open("w") as sink:
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=sink,
            text=True,
            env=env,
            start_new_session=True,
        )
    assert process.stdout is not None
    deadline = time.monotonic() + 120
    printed: dict[str, str] = {}
    lines: list[str] = []
    said = printed_lines(course)
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        lines.append(line)
        for label, (before, after) in said.items():
            text = line.rstrip("\n")
            if text.startswith(before) and text.endswith(after):
                printed[label] = text[len(before) : len(text) - len(after)].strip()
        if "Trainer link:" in printed:
            _wait_for_pool(log, deadline)
            return Server(
                printed["Learner link:"],
                data_dir,
                process,
                log,
                printed["Trainer link:"],
                printed.get("Session code:") or _link_code(printed["Learner link:"]),
                "".join(lines),
            )
        if not line and process.poll() is not None:
            break
    stop_server(process)
    raise AssertionError(f"coproduce serve did not start:\n{log.read_text()}")


def printed_lines(course: Path) -> dict[str, tuple[str, str]]:
    """The lines `coproduce serve` prints, in the course's language (its catalogue's trainer:
    session_code and terminal: words): each as the words before and after what it fills in.
    A course that does not load is served by nobody: the English lines then, for the message."""
    try:
        words = load_course(course).interface
    except ContentError:
        words = load_course(ROOT).interface
    lines = {
        "Session code:": (words.trainer.session_code, "{code}"),
        "Learner link:": (words.terminal.learner_link, "{link}"),
        "Trainer link:": (words.terminal.trainer_link, "{link}"),
    }
    found = {}
    for label, (text, slot) in lines.items():
        before, _, after = text.partition(slot)
        found[label] = (before, after)
    return found


def _link_code(link: str) -> str:
    return parse_qs(urlsplit(link).query)["code"][0]


def _wait_for_pool(log: Path, deadline: float) -> None:
    while time.monotonic() < deadline and "learner.ipynb is filled with" not in log.read_text():
        time.sleep(0.2)


def stop_server(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`coproduce serve` on the real course, with its own data folder."""
    base = tmp_path_factory.mktemp("served")
    running = start_server(copy_course(base / "course"), base / "data", class_size=3)
    yield running
    stop_server(running.process)


def chromium_executable() -> str:
    """Debian's Chromium. Under CI a missing browser fails the run instead of skipping it."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or ""
    if not path:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required under CI: install Debian's 'chromium' package")
        pytest.skip("Chromium is not installed (sudo apt-get install chromium)")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = chromium_executable()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()
