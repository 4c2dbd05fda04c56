"""Write the small notebook Voila serves as the learner app, course details in its metadata."""

from __future__ import annotations

from pathlib import Path

import nbformat

from .branding import logo_data_uri
from .content_loader import CourseContent

LEARNER_APP = "learner.ipynb"
LEARNER_APP_SOURCE = "from coproduce.learner_app import run\n\nrun()"


def write_learner_app(content: CourseContent, folder: Path) -> Path:
    """Write (or refresh) the learner app notebook in `folder`, which holds nothing else."""
    course = content.course
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(LEARNER_APP_SOURCE)]
    notebook.metadata["title"] = course.title
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.metadata["coproduce"] = {
        "title": course.title,
        "language": course.language,
        "branding": course.branding.model_dump(),
        "logo": logo_data_uri(content.root, course.branding.logo),
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LEARNER_APP
    nbformat.write(notebook, path)
    return path
