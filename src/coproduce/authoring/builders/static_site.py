"""A static HTML site of the course, for reading without a server (no answers in it)."""

from __future__ import annotations

import html
from pathlib import Path

from coproduce.authoring.builders.module_print import module_section
from coproduce.content.agenda import planned_agenda
from coproduce.content.course import CourseContent
from coproduce.content.page import bullet_list, html_page

SCREEN_CSS = (
    ".module { break-before: auto; page-break-before: auto; }"
    " nav ol { padding-inline-start: 1.2rem; }"
)


def write_static_site(content: CourseContent, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    course = content.course
    entries = planned_agenda(content)
    links = "".join(
        f'<li>{entry.starts} <a href="{entry.slug}.html">{html.escape(entry.title)}</a></li>'
        if entry.slug
        else f"<li>{entry.starts} {html.escape(entry.title)}</li>"
        for entry in entries
    )
    index = (
        f"<p>{html.escape(course.audience)}</p>"
        f"<h2>Outcomes</h2>{bullet_list(course.outcomes)}"
        f'<nav aria-label="Course agenda"><h2>Agenda</h2><ol>{links}</ol></nav>'
    )
    written = [folder / "index.html"]
    written[0].write_text(html_page(course, course.title, index, SCREEN_CSS), encoding="utf-8")
    for entry in entries:
        if not entry.slug:
            continue
        module = content.modules[entry.slug]
        back = '<p><a href="index.html">Back to the agenda</a></p>'
        body = back + module_section(content, module, entry.starts) + back
        path = folder / f"{entry.slug}.html"
        path.write_text(html_page(course, module.meta.title, body, SCREEN_CSS), encoding="utf-8")
        written.append(path)
    return written
