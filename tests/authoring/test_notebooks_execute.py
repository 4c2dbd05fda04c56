"""Every module notebook, and the learner app notebook, runs in a real kernel."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

from coproduce.apps.app_notebooks import write_learner_app
from coproduce.config.settings import COURSE_DIR_ENV, STORE_ENV
from coproduce.content.loader import load_course

ROOT = Path(__file__).resolve().parents[2]
MODULE_NOTEBOOKS = sorted((ROOT / "modules").glob("*/content.md"))

pytestmark = pytest.mark.notebook


@pytest.fixture
def kernel_env(tmp_path: Path) -> Iterator[Path]:
    """Kernels inherit this process's environment: point them at the course and a fresh store."""
    saved = {key: os.environ.get(key) for key in (COURSE_DIR_ENV, STORE_ENV)}
    os.environ[COURSE_DIR_ENV] = str(ROOT)
    os.environ[STORE_ENV] = str(tmp_path / "data")
    yield tmp_path
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def _execute(notebook: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=False)
    return client.execute(cwd=str(cwd))


def _widget_outputs(notebook: nbformat.NotebookNode) -> int:
    return sum(
        "application/vnd.jupyter.widget-view+json" in output.get("data", {})
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )


@pytest.mark.parametrize("path", MODULE_NOTEBOOKS, ids=lambda p: p.parent.name)
def test_module_notebook_runs_on_its_own(path: Path, kernel_env: Path) -> None:
    notebook = jupytext.read(path)
    executed = _execute(notebook, path.parent)
    exercises = load_course(ROOT).modules[path.parent.name].meta.exercises
    assert _widget_outputs(executed) == len(exercises)


def test_learner_app_notebook_runs(kernel_env: Path) -> None:
    path = write_learner_app(load_course(ROOT), kernel_env / "app")
    executed = _execute(nbformat.read(path, as_version=4), path.parent)
    assert _widget_outputs(executed) == 1


def test_module_notebooks_open_as_myst_in_jupyterlab() -> None:
    for path in MODULE_NOTEBOOKS:
        header = path.read_text().split("---")[1]
        assert "format_name: myst" in header
        assert "kernelspec" in header
