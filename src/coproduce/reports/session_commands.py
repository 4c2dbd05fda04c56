"""What `coproduce session ...` does after a session: report, export, delete, purge."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course
from coproduce.live.private_files import open_private, write_private_text
from coproduce.live.sessions import SessionStore, normalise_code
from coproduce.live.store import Store, store_url
from coproduce.reports.results_csv import results_csv_text
from coproduce.reports.session_report import write_report
from coproduce.text.spreadsheet import spreadsheet_row

DEFAULT_RETENTION_DAYS = 90


class UnknownSession(LookupError):
    """A session code that the store does not hold."""


class NoStore(LookupError):
    """A data folder (or database file) where no course has kept answers."""


def open_sessions(store_target: str | Path, code: str | None = None) -> SessionStore:
    """The store a course kept its sessions in. Never makes one: an empty store made here
    would only hide that the answers are somewhere else. `code` is the session asked for."""
    url = store_url(store_target)
    if url.startswith("sqlite:///"):
        database = Path(url.removeprefix("sqlite:///"))
        if not database.is_file():
            asked = f"There is no session with the code {code!r} here. " if code else ""
            raise NoStore(
                f"{asked}There is no store in {database.parent}: no course has kept answers "
                "there. Give the --data-dir (or --store) the course was served with."
            )
    return SessionStore(Store(store_target))


def known_code(sessions: SessionStore, raw: str) -> str:
    code = normalise_code(raw)
    if not code or not sessions.exists(code):
        raise UnknownSession(
            f"There is no session with the code {raw!r} in this store. "
            "Check the code, and --data-dir or --store if the course kept its data elsewhere."
        )
    return code


def report(root: Path, sessions: SessionStore, raw_code: str, out: Path | None) -> Path:
    code = known_code(sessions, raw_code)
    target = out or root / "build" / f"session-{code}.html"
    return write_report(load_course(root), sessions, code, target)


def export(
    sessions: SessionStore, raw_code: str, out: Path, content: CourseContent | None = None
) -> list[Path]:
    """One JSON file with every table, one CSV file per table and, given the course, the
    room's results as one CSV.

    The table files are the store's own rows, names and all, for its owner. The results file
    is what the room saw: no names, and a result made of fewer than K answers held back, as in
    the trainer app and the report. It is the file to pass on.
    """
    code = known_code(sessions, raw_code)
    tables = sessions.export(code)
    out.mkdir(parents=True, exist_ok=True)
    written = [out / f"session-{code}.json"]
    # Learners' names and words: the files are for the owner only, like the store.
    write_private_text(written[0], json.dumps(tables, indent=2, ensure_ascii=False))
    for name, rows in tables.items():
        path = out / f"session-{code}-{name}.csv"
        with open_private(path, newline="") as sink:
            columns = list(rows[0]) if rows else []
            writer = csv.DictWriter(sink, fieldnames=columns)
            writer.writeheader()
            writer.writerows(spreadsheet_row(row) for row in rows)
        written.append(path)
    if content is not None:
        written.append(out / f"session-{code}-results.csv")
        with open_private(written[-1], newline="") as sink:
            sink.write(results_csv_text(content, sessions, code))
    return written


def delete(sessions: SessionStore, raw_code: str) -> int:
    return sessions.delete(known_code(sessions, raw_code))


def purge(sessions: SessionStore, days: int | None) -> tuple[list[str], int]:
    """Delete sessions created more than `days` ago (default: the retention period)."""
    kept_for = DEFAULT_RETENTION_DAYS if days is None else days
    return sessions.purge(timedelta(days=kept_for)), kept_for


def listing(sessions: SessionStore) -> str:
    """The sessions in the store as a small table, newest first (the one serve resumes)."""
    rows = sessions.summaries()
    if not rows:
        return "There are no sessions in this store yet."
    lines = [f"{'code':8}  {'started (UTC)':16}  {'joined':>6}  {'answers':>7}  room is on"]
    for row in rows:
        started = row.created_at.strftime("%Y-%m-%d %H:%M")
        lines.append(
            f"{row.code:8}  {started:16}  {row.learners:>6}  {row.answers:>7}  "
            f"{row.current_module or '-'}"
        )
    return "\n".join(lines)
