"""The facilitator pack: a run-sheet with clock times, the notes for before the day, every
module's notes, then the payment rates with their sources."""

from __future__ import annotations

import html
import re

from coproduce.authoring.builders.technique_cards import CARD_CSS, cards_section
from coproduce.content.agenda import planned_agenda
from coproduce.content.branding import logo_data_uri
from coproduce.content.course import BEFORE_THE_DAY_NOTES, CourseContent
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
        f'<section class="module" id="{slug}"><h2>{starts} {html.escape(meta.title)}</h2>'
        f'<p class="meta">{meta.teaching_minutes} minutes teaching, '
        f"{meta.activity_minutes} minutes activity</p>"
        f"<h3>Objectives</h3>{bullet_list(meta.objectives)}"
        f"<h3>Exercises</h3>{bullet_list(exercises)}"
        f'<div class="notes">{render_markdown(notes, module.folder)}</div></section>'
    )


def before_the_day_section(content: CourseContent) -> str:
    """The notes for before the day, with ids on their headings so the modules' notes can link
    to a part of them (the support list, the limits of confidentiality)."""
    path = content.root / BEFORE_THE_DAY_NOTES
    if not path.is_file():
        return ""
    title, notes = split_title(path.read_text(encoding="utf-8"))
    heading = html.escape(title.removeprefix("# ").strip() or path.stem)
    body = _HEADING.sub(_with_id, render_markdown(notes, path.parent))
    return (
        f'<section class="module" id="{path.stem}"><h2>{heading}</h2>'
        f'<div class="notes">{body}</div></section>'
    )


_HEADING = re.compile(r"<h([3-6])>(.*?)</h\1>")
_NOTES_LINK = re.compile(r'href="([a-z0-9][a-z0-9-]*)\.md(?:#([a-z0-9-]*))?"')


def _with_id(match: re.Match[str]) -> str:
    level, text = match.group(1), match.group(2)
    return f'<h{level} id="{heading_id(text)}">{text}</h{level}>'


def heading_id(text: str) -> str:
    """A heading's id as GitHub makes it: so 'file.md#the-support-list' works there and here."""
    plain = html.unescape(re.sub(r"<[^>]+>", "", text)).lower()
    return re.sub(r"[^a-z0-9 _-]", "", plain).replace(" ", "-")


def in_page_links(page: str, sections: set[str]) -> str:
    """A link in the notes to another notes file of the pack goes to its place in the pack: to
    the heading it names in the notes for before the day, else to the file's section."""

    def swap(match: re.Match[str]) -> str:
        stem, part = match.group(1), match.group(2)
        if stem not in sections:
            return match.group(0)
        with_ids = stem == BEFORE_THE_DAY_NOTES.stem
        return f'href="#{part if part and with_ids else stem}"'

    return _NOTES_LINK.sub(swap, page)


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
    body = [run_sheet(content), before_the_day_section(content)]
    for entry in planned_agenda(content):
        if entry.slug:
            body.append(notes_section(content, entry.slug, entry.starts))
    body.append(rates_section(content))
    body.append(cards_section(content))
    sections = {*content.course.module_slugs}
    if (content.root / BEFORE_THE_DAY_NOTES).is_file():
        sections.add(BEFORE_THE_DAY_NOTES.stem)
    page = in_page_links("\n".join(body), sections)
    logo = logo_data_uri(content.root, course.branding.logo)
    title = f"Facilitator pack: {course.title}"
    return html_page(course, title, page, extra_css=CARD_CSS, logo=logo)
