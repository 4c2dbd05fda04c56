"""The learner workbook: the course on paper, in large print, with space to write."""

from __future__ import annotations

import html

from coproduce.authoring.builders.module_print import module_section
from coproduce.content.agenda import planned_agenda
from coproduce.content.branding import logo_data_uri
from coproduce.content.course import CourseContent
from coproduce.content.page import bullet_list, html_page

LARGE_PRINT = "body { font-size: 18pt; } h1 { font-size: 26pt; } .write-line { height: 3rem; }"


def learner_workbook(content: CourseContent) -> str:
    course = content.course
    words = content.interface.packs
    body = [
        f"<p>{html.escape(course.audience)}</p>",
        f"<h2>{html.escape(words.outcomes)}</h2>" + bullet_list(course.outcomes),
        f"<p>{html.escape(words.workbook_note)}</p>",
    ]
    for entry in planned_agenda(content):
        if entry.slug:
            module = content.modules[entry.slug]
            body.append(module_section(content, module, entry.starts, on_paper=True))
    logo = logo_data_uri(content.root, course.branding.logo)
    title = words.workbook_title.format(course=course.title)
    return html_page(
        course, title, "\n".join(body), LARGE_PRINT, logo, content.interface.page.logo_alt
    )
