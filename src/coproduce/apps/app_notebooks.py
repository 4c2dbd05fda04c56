"""Write the small notebook Voila serves as the learner app, course details in its metadata."""

from __future__ import annotations

from pathlib import Path

import nbformat

from coproduce.content.branding import logo_data_uri
from coproduce.content.course import CourseContent
from coproduce.content.language import text_direction
from coproduce.content.loader import trainer_content
from coproduce.kinds.registry import kind_styles

LEARNER_APP = "learner.ipynb"
LEARNER_APP_SOURCE = "from coproduce.apps.learner_app import run\n\nrun()"
TRAINER_APP = "trainer.ipynb"
TRAINER_APP_SOURCE = "from coproduce.apps.trainer_app import run\n\nrun()"


def write_learner_app(
    content: CourseContent, folder: Path, kernel: str = "python3", bundle: str = ""
) -> Path:
    """Write (or refresh) the learner app notebook in `folder`, which holds nothing else.
    `bundle`: the file name of the page's bundled front-end chunks, if the server made one."""
    title = content.course.title
    return _write_app(content, folder / LEARNER_APP, LEARNER_APP_SOURCE, title, kernel, bundle)


def write_trainer_app(
    content: CourseContent, folder: Path, kernel: str = "python3", bundle: str = ""
) -> Path:
    """The trainer app notebook, in a folder of its own (served by its own Voila); its page is
    in the trainer app's language (course.yml's `trainer_language:`, else the course's)."""
    content = trainer_content(content)
    title = content.interface.trainer.page_title.format(title=content.course.title)
    return _write_app(content, folder / TRAINER_APP, TRAINER_APP_SOURCE, title, kernel, bundle)


def _write_app(
    content: CourseContent, path: Path, source: str, title: str, kernel: str, bundle: str
) -> Path:
    course = content.course
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source)]
    notebook.metadata["title"] = title
    notebook.metadata["kernelspec"] = {
        "name": kernel,
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.metadata["coproduce"] = {
        "title": title,
        "language": course.language,
        "dir": text_direction(course.language),
        "branding": course.branding.model_dump(),
        "logo": logo_data_uri(content.root, course.branding.logo),
        "page_text": content.interface.page.model_dump(),
        "kind_styles": kind_styles(),
        "front_end_bundle": bundle,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return path
