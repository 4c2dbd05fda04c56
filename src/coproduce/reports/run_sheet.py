"""The run-sheet: planned clock times, actual times as the room moves, and overruns."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

from coproduce.content import formats
from coproduce.content.agenda import StepEntry, planned_agenda
from coproduce.content.course import CourseContent
from coproduce.content.plurals import plural
from coproduce.content.run_sheet_words import RunSheetWords
from coproduce.live.sessions import Move


@dataclass(frozen=True)
class RunSheetRow:
    planned: str
    title: str
    minutes: int
    slug: str | None
    actual: str  # "" until the room reaches it
    is_current: bool
    kind: str = "module"  # "module", "break" or "joining"
    lead: str = ""


@dataclass(frozen=True)
class RunSheet:
    rows: list[RunSheetRow]
    overrun_minutes: int  # how far the current module runs past its planned minutes
    words: RunSheetWords
    current_steps: tuple[StepEntry, ...] = ()  # the steps of the part the room is in
    language: str = "en"  # the course's: the plural of the overrun's minutes


def build_run_sheet(content: CourseContent, moves: list[Move], now: datetime) -> RunSheet:
    first_arrival: dict[str, datetime] = {}
    for move in moves:
        first_arrival.setdefault(move.module, move.at)
    current = moves[-1] if moves else None
    agenda = planned_agenda(content)
    language = content.course.language
    rows = [
        RunSheetRow(
            entry.starts,
            entry.title,
            entry.minutes,
            entry.slug,
            formats.clock(first_arrival[entry.slug], language)
            if entry.slug in first_arrival
            else "",
            current is not None and entry.slug == current.module,
            entry.kind,
            entry.lead,
        )
        for entry in agenda
    ]
    overrun = 0
    planned = {entry.slug: entry.minutes for entry in agenda if entry.slug}
    if current is not None and current.module in planned:
        spent = (now - current.at).total_seconds() / 60
        overrun = max(0, int(spent - planned[current.module]))
    steps = next((entry.steps for entry in agenda if current and entry.slug == current.module), ())
    return RunSheet(rows, overrun, content.run_sheet_words, steps, language)


def run_sheet_html(sheet: RunSheet) -> str:
    words = sheet.words
    rows = []
    for row in sheet.rows:
        # A break is said to be one, unless its name says so already ("Break", "Tea break").
        kind = words.kinds.of(row.kind)
        said = row.slug or kind.casefold() in row.title.casefold()
        title = row.title if said else words.entry.format(title=row.title, kind=kind.lower())
        now = f" <strong>{html.escape(words.now)}</strong>" if row.is_current else ""
        css = ' class="cp-now"' if row.is_current else ""
        rows.append(
            f"<tr{css}><td>{html.escape(row.planned)}</td>"
            f"<td>{html.escape(row.actual) or '-'}</td><td>{html.escape(title)}{now}</td>"
            f"<td>{html.escape(row.lead) or '-'}</td><td>{row.minutes}</td></tr>"
        )
    warning = ""
    if sheet.overrun_minutes:
        over = sheet.overrun_minutes
        text = plural(words.running_over, over, sheet.language).format(minutes=over)
        warning = f'<p class="cp-overrun"><strong>{html.escape(text)}</strong></p>'
    columns = words.columns
    heads = "".join(
        f'<th scope="col">{html.escape(text)}</th>'
        for text in (columns.planned, columns.actual, columns.what, columns.lead, columns.minutes)
    )
    return (
        f"<h2>{html.escape(words.heading)}</h2>{warning}"
        f'<table class="cp-run-sheet"><thead><tr>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{_steps_html(sheet)}"
    )


def _alongside(words: RunSheetWords, alongside: bool) -> str:
    return f"<br><em>{html.escape(words.alongside)}</em>" if alongside else ""


def _steps_html(sheet: RunSheet) -> str:
    """The current part's steps that run, each with who leads it and its minutes."""
    words = sheet.words
    rows = "".join(
        f"<tr><td>{html.escape(words.step.format(kind=words.kinds.of(step.kind), what=step.what))}"
        f"{_alongside(words, step.alongside)}</td>"
        f"<td>{html.escape(step.lead)}</td><td>{step.minutes}</td></tr>"
        for step in sheet.current_steps
        if step.runs
    )
    if not rows:
        return ""
    columns = words.columns
    heads = "".join(
        f'<th scope="col">{html.escape(text)}</th>'
        for text in (columns.what, columns.lead, columns.minutes)
    )
    return (
        f"<h3>{html.escape(words.steps_heading)}</h3>"
        f'<table class="cp-run-sheet-steps"><thead><tr>{heads}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
