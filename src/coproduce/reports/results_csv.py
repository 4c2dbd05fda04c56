"""The room's results as one CSV: what the room saw, no names, held back under K answers.

Written by `coproduce session export` after a session and offered by the trainer app during it.
"""

from __future__ import annotations

import csv
import io

from coproduce.content.course import CourseContent
from coproduce.live.sessions import SessionStore
from coproduce.reports.live_results import RESULT_COLUMNS
from coproduce.reports.session_report import room_results_rows
from coproduce.text.spreadsheet import spreadsheet_row


def results_csv_text(content: CourseContent, sessions: SessionStore, code: str) -> str:
    sink = io.StringIO(newline="")
    writer = csv.DictWriter(sink, fieldnames=RESULT_COLUMNS)
    writer.writeheader()
    writer.writerows(spreadsheet_row(row) for row in room_results_rows(content, sessions, code))
    return sink.getvalue()
