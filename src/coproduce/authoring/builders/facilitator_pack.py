"""The facilitator pack: a run-sheet with clock times, then every module's notes."""

from __future__ import annotations

import html

from coproduce.content.agenda import planned_agenda
from coproduce.content.branding import logo_data_uri
from coproduce.content.course import CourseContent
from coproduce.content.markdown import render_markdown, split_title
from coproduce.content.page import bullet_list, html_page
from coproduce.content.payment_rates import sources_html
from coproduce.kinds.payment_planner.checks import rate_label


def run_sheet(content: CourseContent) -> str:
    rows = []
    for entry in planned_agenda(content):
        kind = "Module" if entry.slug else "Break"
        rows.append(
            f"<tr><td>{entry.starts}</td><td>{html.escape(entry.title)}</td>"
            f"<td>{kind}</td><td>{entry.minutes}</td></tr>"
        )
    return (
        "<h2>Run-sheet</h2>"
        f"<p>Starts at {content.course.start_time:%H:%M}. "
        f"{content.course.duration_minutes} minutes in all.</p>"
        "<table><tr><th>Time</th><th>What</th><th>Kind</th><th>Minutes</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def notes_section(content: CourseContent, slug: str, starts: str) -> str:
    module = content.modules[slug]
    meta = module.meta
    exercises = [content.exercises[eid].title for eid in meta.exercises]
    # The notes' own '# Title' repeats the section heading above it.
    _, notes = split_title(module.notes_path.read_text(encoding="utf-8"))
    return (
        f'<section class="module"><h2>{starts} {html.escape(meta.title)}</h2>'
        f'<p class="meta">{meta.teaching_minutes} minutes teaching, '
        f"{meta.activity_minutes} minutes activity</p>"
        f"<h3>Objectives</h3>{bullet_list(meta.objectives)}"
        f"<h3>Exercises</h3>{bullet_list(exercises)}"
        f'<div class="notes">{render_markdown(notes, module.folder)}</div></section>'
    )


def rates_section(content: CourseContent) -> str:
    """The payment rates the planner uses, each marked if no source gives it, with where they
    come from and when they were checked: the trainer sees what the learners see."""
    rates = content.payment_rates
    if rates is None:
        return ""
    labels = [rate_label(rate, rates.currency, rates.words.example) for rate in rates.rates]
    return (
        f'<section class="module" id="payment-rates"><h2>{html.escape(rates.words.heading)}</h2>'
        f"{bullet_list(labels)}{sources_html(rates, heading=False)}</section>"
    )


def facilitator_pack(content: CourseContent) -> str:
    course = content.course
    body = [run_sheet(content)]
    for entry in planned_agenda(content):
        if entry.slug:
            body.append(notes_section(content, entry.slug, entry.starts))
    body.append(rates_section(content))
    logo = logo_data_uri(content.root, course.branding.logo)
    return html_page(course, f"Facilitator pack: {course.title}", "\n".join(body), logo=logo)
