"""The run-sheet: planned clock times, actual times as the room moves, and overruns."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

from coproduce.content.agenda import planned_agenda
from coproduce.content.course import CourseContent
from coproduce.live.sessions import Move


@dataclass(frozen=True)
class RunSheetRow:
    planned: str
    title: str
    minutes: int
    slug: str | None
    actual: str  # "" until the room reaches it
    is_current: bool


@dataclass(frozen=True)
class RunSheet:
    rows: list[RunSheetRow]
    overrun_minutes: int  # how far the current module runs past its planned minutes


def build_run_sheet(content: CourseContent, moves: list[Move], now: datetime) -> RunSheet:
    first_arrival: dict[str, datetime] = {}
    for move in moves:
        first_arrival.setdefault(move.module, move.at)
    current = moves[-1] if moves else None
    rows = [
        RunSheetRow(
            entry.starts,
            entry.title,
            entry.minutes,
            entry.slug,
            _clock(first_arrival[entry.slug]) if entry.slug in first_arrival else "",
            current is not None and entry.slug == current.module,
        )
        for entry in planned_agenda(content)
    ]
    overrun = 0
    if current is not None and current.module in content.modules:
        spent = (now - current.at).total_seconds() / 60
        overrun = max(0, int(spent - content.modules[current.module].meta.minutes))
    return RunSheet(rows, overrun)


def _clock(moment: datetime) -> str:
    return f"{moment.astimezone():%H:%M}"


def run_sheet_html(sheet: RunSheet) -> str:
    rows = []
    for row in sheet.rows:
        # A break is said to be one, unless its name says so already ("Break", "Tea break").
        kind = "" if row.slug or "break" in row.title.casefold() else " (break)"
        now = " <strong>(now)</strong>" if row.is_current else ""
        css = ' class="cp-now"' if row.is_current else ""
        rows.append(
            f"<tr{css}><td>{row.planned}</td>"
            f"<td>{row.actual or '-'}</td><td>{html.escape(row.title)}{kind}{now}</td>"
            f"<td>{row.minutes}</td></tr>"
        )
    warning = ""
    if sheet.overrun_minutes:
        warning = (
            f'<p class="cp-overrun"><strong>Running over:</strong> this part is '
            f"{sheet.overrun_minutes} minute(s) past its plan.</p>"
        )
    return (
        "<h2>Run-sheet</h2>"
        f"{warning}"
        '<table class="cp-run-sheet"><thead><tr><th scope="col">Planned</th>'
        '<th scope="col">Actual</th><th scope="col">What</th><th scope="col">Minutes</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
