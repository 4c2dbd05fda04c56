"""The learner page as Voila's template makes it, without a server: the HTML sent before the
kernel says anything (header, loading line, footer), for checks on the page's own words."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import nbformat

from coproduce.apps.app_notebooks import write_learner_app, write_trainer_app
from coproduce.content.loader import load_course
from coproduce.serving.serve import SHARE_DIR


def render_learner_page(course: Path, folder: Path, trainer: bool = False) -> str:
    """The learner page of the course under `course`; `folder` takes the app notebook. With
    `trainer`, the trainer app's page instead."""
    return asyncio.run(_render(course, folder, trainer))


async def _render(course: Path, folder: Path, trainer: bool = False) -> str:
    # Voila finds the template through JUPYTER_PATH, as `coproduce serve` sets it.
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        part for part in (str(SHARE_DIR), os.environ.get("JUPYTER_PATH")) if part
    )
    from voila.exporter import VoilaExporter
    from voila.paths import collect_template_paths

    content = load_course(course)
    write_app = write_trainer_app if trainer else write_learner_app
    notebook = nbformat.read(write_app(content, folder), as_version=4)
    exporter = VoilaExporter(
        template_paths=collect_template_paths(["voila", "nbconvert"], "coproduce"),
        template_name="coproduce",
        base_url="/",
        contents_manager=None,
    )
    exporter.language_code = content.course.language  # as --VoilaExporter.language_code does

    async def kernel_start(_notebook: Any) -> str:
        return "no-kernel"

    async def no_cells(_notebook: Any, _kernel: str) -> AsyncIterator[Any]:
        for cell in ():
            yield cell

    resources = {"base_url": "/", "theme": "light", "template": "coproduce"}
    context = {
        "frontend": "voila",
        "main_js": "voila.js",
        "kernel_start": kernel_start,
        "notebook_execute": None,
        "progressive_rendering": False,
        "cell_generator": no_cells,
    }
    parts = []
    async for html, _ in exporter.generate_from_notebook_node(
        notebook,
        resources={**resources, "metadata": {"name": "learner"}, "page_config": {}},
        extra_context=context,
        page_config={},
    ):
        parts.append(html)
    return "".join(parts)
