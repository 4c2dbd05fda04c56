"""nbgrader's own apps (GenerateAssignment, Autograde, GenerateFeedback), run through its API.

The API runs the same apps as the `nbgrader` command, with the course folder's
nbgrader_config.py, so a trainer can run any step by hand and get the same result.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from coproduce.grading.paths import CONFIG_FILE, COURSE_ID

TIMEOUT_ERRORS = {"CellTimeoutError", "DeadKernelError", "TimeoutError"}


@dataclass(frozen=True)
class StepResult:
    ok: bool
    message: str = ""
    log: str = ""


class GradingError(RuntimeError):
    """A step that cannot go on (for example the release version could not be made)."""


def open_api(folder: Path, timeout: int | None = None) -> Any:
    """nbgrader's API on `folder`, configured by the folder's nbgrader_config.py."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    _put_own_commands_on_path()
    config = PyFileConfigLoader(CONFIG_FILE, path=str(folder)).load_config()
    config.CourseDirectory.root = str(folder)
    config.CourseDirectory.course_id = COURSE_ID
    if timeout is not None:
        config.Execute.timeout = timeout
    # nbgrader's file exchange (for JupyterHub setups) lives inside the course folder too; the
    # bridge hands feedback back itself, but the API insists on a writable exchange folder.
    exchange = folder / "exchange"
    exchange.mkdir(exist_ok=True)
    config.Exchange.root = str(exchange)
    with _quiet():
        coursedir = CourseDirectory(config=config)
        api = NbGraderAPI(coursedir=coursedir, config=config)
    api.log.handlers.clear()
    api.log.addHandler(logging.NullHandler())
    api.log.propagate = False
    return api


def _put_own_commands_on_path() -> None:
    """nbgrader runs the `alembic` command by name; find it beside this Python, as a user who
    started `.venv/bin/coproduce` without activating the environment would need."""
    own_bin = str(Path(sys.executable).parent)
    paths = os.environ.get("PATH", "").split(os.pathsep)
    if own_bin not in paths:
        os.environ["PATH"] = os.pathsep.join([own_bin, *filter(None, paths)])


def release(api: Any, assignment: str) -> None:
    """`nbgrader generate_assignment ASSIGNMENT --force`: solutions and hidden tests removed."""
    with _quiet():
        result = api.generate_assignment(assignment, force=True, create=True)
    if not result["success"]:
        raise GradingError("nbgrader could not make the release version:\n" + _last_lines(result))


def autograde(api: Any, assignment: str, learner: str, *, force: bool) -> StepResult:
    """`nbgrader autograde ASSIGNMENT --student LEARNER`, then look for cells that ran too long."""
    with _quiet():
        result = api.autograde(assignment, learner, force=force, create=True)
    log = result.get("log", "")
    if not result["success"]:
        return StepResult(False, "nbgrader could not grade this submission", _last_lines(result))
    slow = timed_out_cells(Path(api.coursedir.root), assignment, learner)
    if slow:
        return StepResult(
            False,
            f"stopped after the {api.config.Execute.timeout} s limit in: " + ", ".join(slow),
            log,
        )
    return StepResult(True, "", log)


def generate_feedback(api: Any, assignment: str, learner: str | None) -> StepResult:
    """`nbgrader generate_feedback ASSIGNMENT [--student LEARNER] --force`."""
    with _quiet():
        result = api.generate_feedback(assignment, learner, force=True)
    if not result["success"]:
        return StepResult(False, "nbgrader could not write the feedback", _last_lines(result))
    return StepResult(True, "", result.get("log", ""))


def timed_out_cells(folder: Path, assignment: str, learner: str) -> list[str]:
    """Cells of the autograded notebooks stopped by the execution timeout (or a dead kernel)."""
    slow = []
    for path in sorted((folder / "autograded" / learner / assignment).glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error" and output.get("ename") in TIMEOUT_ERRORS:
                    grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                    slow.append(f"{path.stem}/{grade_id or cell.get('id', '?')}")
                    break
    return slow


def _last_lines(result: dict[str, Any], count: int = 60) -> str:
    text = (result.get("log") or "") + (result.get("error") or "")
    return "\n".join(text.strip().splitlines()[-count:])


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """nbgrader and the kernels it starts log to the terminal; the bridge shows progress instead.

    Kernels inherit file descriptors 1 and 2, so those are pointed at /dev/null for the call.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            os.dup2(null.fileno(), 2)
        sink = io.StringIO()
        with (
            contextlib.redirect_stderr(sink),
            contextlib.redirect_stdout(sink),
            warnings.catch_warnings(),
        ):
            # nbgrader's gradebook code trips SQLAlchemy 2 warnings that change nothing here.
            warnings.simplefilter("ignore")
            yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for descriptor in saved:
            os.close(descriptor)
