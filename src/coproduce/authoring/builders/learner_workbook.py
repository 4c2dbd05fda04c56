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
    body = [
        f"<p>{html.escape(course.audience)}</p>",
        "<h2>What you will get from today</h2>" + bullet_list(course.outcomes),
        "<p>Write your thoughts in the spaces. Nobody will collect this workbook.</p>",
    ]
    for entry in planned_agenda(content):
        if entry.slug:
            module = content.modules[entry.slug]
            body.append(module_section(content, module, entry.starts, on_paper=True))
    logo = logo_data_uri(content.root, course.branding.logo)
    title = f"Workbook: {course.title}"
    return html_page(course, title, "\n".join(body), LARGE_PRINT, logo)
