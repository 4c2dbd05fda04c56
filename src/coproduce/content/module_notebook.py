"""Read a module's MyST Markdown notebook into the blocks the learner app shows.

A module notebook holds Markdown and, in code cells, only calls like `exercise("id")` (plus the
one import that makes them work in JupyterLab). Keeping code cells to that one shape means the
learner app never runs code from content, and `coproduce check` can verify every cell.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from coproduce.content.author_messages import problem
from coproduce.content.errors import ContentProblem

IMPORT_LINE = "from coproduce.notebook import exercise"
EXERCISE_CALL = re.compile(r"""^exercise\(\s*["']([a-z0-9][a-z0-9-]*)["']\s*\)$""")


@dataclass(frozen=True)
class MarkdownBlock:
    text: str


@dataclass(frozen=True)
class ExerciseBlock:
    exercise_id: str
    line: int | None


Block = MarkdownBlock | ExerciseBlock


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_blocks(path: Path, text: str) -> tuple[list[Block], list[ContentProblem]]:
    """The blocks of the notebook `text` (read from `path`) in order, and any problems with its
    code cells."""
    import jupytext  # here, not above: a learner kernel that has parsed_modules never needs it

    notebook = jupytext.reads(text, fmt="md:myst")
    blocks: list[Block] = []
    problems: list[ContentProblem] = []
    for cell in notebook.cells:
        source = cell.source.strip()
        if cell.cell_type == "markdown":
            if source:
                blocks.append(MarkdownBlock(source))
            continue
        if cell.cell_type != "code":
            continue
        for statement in (part.strip() for part in source.splitlines()):
            if not statement or statement == IMPORT_LINE or statement.startswith("#"):
                continue
            line = _line_in(text, statement)
            match = EXERCISE_CALL.match(statement)
            if match:
                blocks.append(ExerciseBlock(match.group(1), line))
            else:
                shown = statement[:60]
                problems.append(problem("notebook.code_cell", path, line, statement=shown))
    return blocks, problems


def _line_in(text: str, statement: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == statement:
            return number
    return None
