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
    words = content.interface.packs
    entries = planned_agenda(content)
    at_time = html.escape(words.at_time)
    links = "".join(
        "<li>"
        + at_time.format(
            starts=html.escape(entry.starts),
            title=f'<a href="{entry.slug}.html">{html.escape(entry.title)}</a>'
            if entry.slug
            else html.escape(entry.title),
        )
        + "</li>"
        for entry in entries
    )
    agenda_label = html.escape(content.interface.moving.agenda_label, quote=True)
    index = (
        f"<p>{html.escape(course.audience)}</p>"
        f"<h2>{html.escape(words.site_outcomes)}</h2>{bullet_list(course.outcomes)}"
        f'<nav aria-label="{agenda_label}"><h2>{html.escape(words.agenda)}</h2>'
        f"<ol>{links}</ol></nav>"
    )
    written = [folder / "index.html"]
    written[0].write_text(html_page(course, course.title, index, SCREEN_CSS), encoding="utf-8")
    for entry in entries:
        if not entry.slug:
            continue
        module = content.modules[entry.slug]
        back = f'<p><a href="index.html">{html.escape(words.back)}</a></p>'
        body = back + module_section(content, module, entry.starts) + back
        path = folder / f"{entry.slug}.html"
        path.write_text(html_page(course, module.meta.title, body, SCREEN_CSS), encoding="utf-8")
        written.append(path)
    return written
