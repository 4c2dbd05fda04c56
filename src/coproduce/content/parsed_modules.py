"""The module notebooks as `coproduce serve` parsed them, kept in a file for the learner kernels.

Parsing MyST needs jupytext, which brings nbformat, jsonschema and jupyter_server with it: about
30 MB and one to two seconds in every learner kernel. The server parses each module once and
writes the blocks here, keyed by a digest of the notebook's text. A kernel takes the blocks whose
digest still matches and parses only a notebook that changed since, so an edit is never missed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from coproduce.content.course import CourseContent, module_content_name
from coproduce.content.module_notebook import (
    Block,
    ExerciseBlock,
    MarkdownBlock,
    read_blocks,
    text_digest,
)

FORMAT = 1


def write_parsed_modules(content: CourseContent, path: Path) -> Path:
    """Write every module's blocks to `path` (atomically: kernels may be reading it), and
    those of its content in each other language the course offers (content.cy.md)."""
    modules = {
        module.digest: [_block_data(block) for block in module.blocks]
        for module in content.modules.values()
    }
    for module in content.modules.values():
        for language in content.course.offered_languages[1:]:
            translated = module.folder / module_content_name(language)
            if not translated.is_file():
                continue
            text = translated.read_text(encoding="utf-8")
            blocks, _problems = read_blocks(translated, text)  # the loader reports problems
            modules[text_digest(text)] = [_block_data(block) for block in blocks]
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps({"format": FORMAT, "modules": modules}), encoding="utf-8")
    os.replace(partial, path)
    return path


def read_parsed_modules(path: Path | None) -> dict[str, list[Block]]:
    """The blocks by notebook digest; empty (so everything is parsed) without a usable file."""
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return {}
        return {
            digest: [_block_from(item) for item in items]
            for digest, items in data["modules"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _block_data(block: Block) -> dict[str, Any]:
    if isinstance(block, MarkdownBlock):
        return {"markdown": block.text}
    return {"exercise": block.exercise_id, "line": block.line}


def _block_from(item: dict[str, Any]) -> Block:
    if "markdown" in item:
        return MarkdownBlock(str(item["markdown"]))
    line = item.get("line")
    return ExerciseBlock(str(item["exercise"]), line if isinstance(line, int) else None)
