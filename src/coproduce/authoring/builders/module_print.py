"""A module as one printable section: its text, with exercises as space to write."""

from __future__ import annotations

import html

from coproduce.authoring.builders.paper_exercise import exercise_on_paper
from coproduce.content.course import CourseContent, Module
from coproduce.content.find_out_more import find_out_more_html
from coproduce.content.markdown import render_markdown, split_title
from coproduce.content.module_notebook import ExerciseBlock
from coproduce.content.page import bullet_list
from coproduce.content.plurals import plural
from coproduce.content.timings import module_minutes, run_exercises


def module_section(
    content: CourseContent, module: Module, starts: str, *, on_paper: bool = False
) -> str:
    """`on_paper`: print each source's web address as well (the workbook)."""
    meta = module.meta
    minutes = module_minutes(content, module)
    said = plural(content.interface.packs.timing, minutes, content.course.language)
    timing = f'<p class="meta">{html.escape(said.format(starts=starts, minutes=minutes))}</p>'
    runs = set(run_exercises(content, module))
    parts = [f'<section class="module" id="{html.escape(module.slug)}">']
    for index, block in enumerate(module.blocks):
        if isinstance(block, ExerciseBlock):
            if block.exercise_id not in runs:
                continue  # an optional extra this course does not run
            parts.append(exercise_on_paper(content.exercises[block.exercise_id], content))
            continue
        title, rest = split_title(block.text) if index == 0 else ("", block.text)
        parts.append(render_markdown(title) + (timing if index == 0 else ""))
        parts.append(render_markdown(rest, module.folder))
    key_points = html.escape(content.interface.moving.key_points)
    parts.append(f"<h3>{key_points}</h3>" + bullet_list(meta.key_points))
    words = content.interface.find_out_more
    parts.append(find_out_more_html(meta.references, words, on_paper=on_paper))
    parts.append("</section>")
    return "\n".join(parts)
