"""The facilitator pack: a run-sheet with clock times, the notes for before the day, every
module's notes, then the payment rates with their sources."""

from __future__ import annotations

import html
import re

from coproduce.authoring.builders.technique_cards import CARD_CSS, cards_section
from coproduce.content import formats
from coproduce.content.agenda import AgendaEntry, lead_label, planned_agenda
from coproduce.content.branding import logo_data_uri
from coproduce.content.course import BEFORE_THE_DAY_NOTES, CourseContent
from coproduce.content.markdown import render_markdown, split_title
from coproduce.content.page import bullet_list, html_page
from coproduce.content.payment_rates import sources_html
from coproduce.content.plurals import plural
from coproduce.content.run_sheet_words import RunSheetWords
from coproduce.content.timings import is_run
from coproduce.kinds.payment_planner.checks import Money, rate_label


def run_sheet(content: CourseContent) -> str:
    """The day in the room and the day online, each with its clock times and leads."""
    words = content.run_sheet_words
    course = content.course
    language = course.language
    columns = words.columns
    heads = "".join(
        f"<th>{html.escape(text)}</th>"
        for text in (columns.planned, columns.what, columns.lead, columns.minutes)
    )
    parts = [f"<h2>{html.escape(words.heading)}</h2>"]
    for online, heading, summary in (
        (False, words.room_heading, words.room_day),
        (True, words.online_heading, words.online_day),
    ):
        agenda = planned_agenda(content, online)
        rows = "".join(
            f"<tr><td>{html.escape(entry.starts)}</td>"
            f"<td>{html.escape(_entry(words, entry))}</td>"
            f"<td>{html.escape(entry.lead) or '-'}</td><td>{entry.minutes}</td></tr>"
            for entry in agenda
        )
        total = sum(entry.minutes for entry in agenda)
        start = formats.clock(course.start_time, language)
        line = plural(summary, total, language).format(start=start, minutes=total)
        parts.append(
            f"<h3>{html.escape(heading)}</h3><p>{html.escape(line)}</p>"
            f"<table><tr>{heads}</tr>{rows}</table>"
        )
    return "".join(parts)


def _entry(words: RunSheetWords, entry: AgendaEntry) -> str:
    return words.entry.format(title=entry.title, kind=words.kinds.of(entry.kind))


def steps_table(content: CourseContent, slug: str) -> str:
    """A module's steps with who leads each and their minutes in the room and online."""
    words = content.run_sheet_words
    module = content.modules[slug]
    columns = words.columns
    heads = "".join(
        f"<th>{html.escape(text)}</th>"
        for text in (columns.what, columns.lead, columns.room_minutes, columns.online_minutes)
    )
    rows = []
    for step in module.meta.plan:
        note = f"<br><em>{html.escape(words.alongside)}</em>" if step.alongside else ""
        if step.optional:
            runs = is_run(content, step)
            note += f"<br><em>{html.escape(words.extra_on if runs else words.extra_off)}</em>"
        exercise = content.exercises.get(step.exercise) if step.exercise else None
        what = exercise.title if exercise is not None else step.what
        lead = lead_label(content, step.lead or module.meta.lead)
        online = step.minutes_for(True)
        said = words.step.format(kind=words.kinds.of(step.kind), what=what)
        rows.append(
            f"<tr><td>{html.escape(said)}{note}</td>"
            f"<td>{html.escape(lead)}</td><td>{step.minutes or '-'}</td>"
            f"<td>{online or html.escape(words.not_online)}</td></tr>"
        )
    table = f"<table><tr>{heads}</tr>{''.join(rows)}</table>"
    return f"<h3>{html.escape(words.steps_heading)}</h3>{table}"


def notes_section(content: CourseContent, slug: str, starts: str) -> str:
    module = content.modules[slug]
    meta = module.meta
    entry = {entry.slug: entry for entry in planned_agenda(content)}[slug]
    summary = plural(
        content.run_sheet_words.module_summary, entry.minutes, content.course.language
    ).format(minutes=entry.minutes, lead=entry.lead)
    # The notes' own '# Title' repeats the section heading above it.
    _, notes = split_title(module.notes_path.read_text(encoding="utf-8"))
    words = content.interface.packs
    heading = words.at_time.format(starts=starts, title=meta.title)
    return (
        f'<section class="module" id="{slug}"><h2>{html.escape(heading)}</h2>'
        f'<p class="meta">{html.escape(summary)}</p>'
        f"<h3>{html.escape(words.objectives)}</h3>{bullet_list(meta.objectives)}"
        f"{steps_table(content, slug)}"
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
    language = content.course.language
    words = content.interface.payment_planner
    written = Money(rates.currency, language, words, content.interface.payment_units)
    labels = [rate_label(rate, written, rates.words.example) for rate in rates.rates]
    sources = sources_html(rates, words.source, language, heading=False)
    return (
        f'<section class="module" id="payment-rates"><h2>{html.escape(rates.words.heading)}</h2>'
        f"{bullet_list(labels)}{sources}</section>"
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
    title = content.interface.packs.facilitator_title.format(course=course.title)
    return html_page(
        course, title, page, extra_css=CARD_CSS, logo=logo, logo_alt=content.interface.page.logo_alt
    )
