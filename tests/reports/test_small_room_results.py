"""K held back where results are built: trainer app (and projected view), report, results export.

Each check looks at what leaves the kernel or goes in a file, not at what a page hides.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path

from coproduce.apps.trainer_app import TrainerApp
from coproduce.cli import main
from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course
from coproduce.live.sessions import SessionStore, SharedAnswer
from coproduce.live.store import Store
from coproduce.reports.live_results import results_html
from coproduce.reports.results_csv import results_rows

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
WORDS = CONTENT.interface.results
POLL, WORDS_ID, REFLECTION = "coproduction-so-far", "closing-word", "speak-freely"
SECRET = "only-one-person-wrote-this"


def _with_k(k: int) -> CourseContent:
    return dataclasses.replace(
        CONTENT, course=CONTENT.course.model_copy(update={"min_answers_shown": k})
    )


def _votes(count: int, hidden: int = 0) -> list[SharedAnswer]:
    return [SharedAnswer(f"t{n}", {"choice": 0}, hidden=n < hidden) for n in range(count)]


def _words(count: int) -> list[SharedAnswer]:
    return [SharedAnswer(f"t{n}", {"words": [f"{SECRET}{n}"]}, False) for n in range(count)]


def _waiting(count: int, k: int = 3) -> str:
    return WORDS.waiting.format(needed=k, count=count)


def test_the_course_holds_k_and_it_is_three() -> None:
    assert CONTENT.course.min_answers_shown == 3


def test_a_poll_waits_with_k_minus_one_votes_and_shows_with_k() -> None:
    poll = CONTENT.exercises[POLL]
    held = results_html(CONTENT, poll, _votes(2))
    assert _waiting(2) in held
    assert not re.search(r"\d+ votes? so far", held) and "<svg" not in held, (
        "no count or chart under K"
    )
    shown = results_html(CONTENT, poll, _votes(3))
    assert "3 votes so far" in shown and _waiting(3) not in shown


def test_a_word_list_under_k_sends_no_word_at_all() -> None:
    words = CONTENT.exercises[WORDS_ID]
    assert SECRET not in results_html(CONTENT, words, _words(2))
    assert f"{SECRET}0" in results_html(CONTENT, words, _words(3))


def test_hidden_answers_do_not_count_so_hiding_one_of_k_puts_the_result_back_to_waiting() -> None:
    poll = CONTENT.exercises[POLL]
    assert _waiting(2) in results_html(CONTENT, poll, _votes(3, hidden=1))
    assert "3 votes so far" in results_html(CONTENT, poll, _votes(4, hidden=1))


def test_answers_that_put_nothing_in_do_not_count() -> None:
    poll = CONTENT.exercises[POLL]
    empty = [SharedAnswer("e1", {"choice": None}, False), SharedAnswer("e2", {"choice": 99}, False)]
    assert _waiting(2) in results_html(CONTENT, poll, [*_votes(2), *empty])
    reflection = CONTENT.exercises[REFLECTION]
    texts = [SharedAnswer(f"r{n}", {"text": SECRET, "shared": True}, False) for n in range(2)]
    not_shared = SharedAnswer("r9", {"text": "mine", "shared": False}, False)
    assert SECRET not in results_html(CONTENT, reflection, [*texts, not_shared])


def test_k_of_one_is_the_old_behaviour() -> None:
    one = _with_k(1)
    assert "1 vote so far" in results_html(one, one.exercises[POLL], _votes(1))
    assert f"{SECRET}0" in results_html(one, one.exercises[WORDS_ID], _words(1))
    assert "No votes yet." in results_html(one, one.exercises[POLL], [])


def test_the_results_rows_hold_no_answer_under_k() -> None:
    rows = results_rows(CONTENT, CONTENT.exercises[WORDS_ID], _words(2))
    assert len(rows) == 1 and rows[0]["shown"] == "no" and rows[0]["answers_counted"] == 2
    assert SECRET not in str(rows)
    rows = results_rows(CONTENT, CONTENT.exercises[WORDS_ID], _words(3))
    assert {row["item"] for row in rows} == {f"{SECRET}{n}" for n in range(3)}


# The trainer app, built in memory: what its widgets hold is what its kernel sends the page.


def _trainer(tmp_path: Path, content: CourseContent = CONTENT) -> tuple[TrainerApp, Store, str]:
    store = Store(tmp_path)
    code = SessionStore(store).create_session()
    app = TrainerApp(content, store, code, "http://localhost:8866/")
    app.move("07-action-planning-and-closing")
    return app, store, code


def _learner(number: int) -> str:
    return f"learner-{number:04d}-0123456789abcdef"


def _body(app: TrainerApp, exercise_id: str) -> str:
    return app._result_boxes[exercise_id].body.value


def test_the_trainer_app_waits_for_k_answers_and_a_hidden_one_does_not_count(
    tmp_path: Path,
) -> None:
    app, store, code = _trainer(tmp_path)
    room = SessionStore(store)
    for number in range(2):
        room.join(code, _learner(number), "", "Researcher")
        store.save_answer(
            _learner(number), WORDS_ID, {"words": [f"{SECRET}{number}"]}, session=code
        )
    app.refresh(force=True)
    assert _waiting(2) in _body(app, WORDS_ID)
    assert SECRET not in str([box.body.value for box in app._result_boxes.values()])
    room.join(code, _learner(2), "", "Researcher")
    store.save_answer(_learner(2), WORDS_ID, {"words": [f"{SECRET}2"]}, session=code)
    app.refresh(force=True)
    assert f"{SECRET}2" in _body(app, WORDS_ID)
    tag = app._result_boxes[WORDS_ID].hide_state[0][0]
    room.set_hidden(code, WORDS_ID, tag, True)
    app.refresh(force=True)
    assert _waiting(2) in _body(app, WORDS_ID) and SECRET not in _body(app, WORDS_ID)


def test_an_answer_taken_back_puts_the_result_back_to_waiting(tmp_path: Path) -> None:
    app, store, code = _trainer(tmp_path)
    for number in range(3):
        store.save_answer(
            _learner(number), REFLECTION, {"text": SECRET, "shared": True}, session=code
        )
    app.refresh(force=True)
    assert SECRET in _body(app, REFLECTION)
    store.save_answer(_learner(0), REFLECTION, {"text": SECRET, "shared": False}, session=code)
    app.refresh()
    assert SECRET not in _body(app, REFLECTION)
    assert _waiting(2) in _body(app, REFLECTION)


def test_the_trainer_app_merges_small_roles_and_redraws_on_a_role_change(tmp_path: Path) -> None:
    app, store, code = _trainer(tmp_path)
    room = SessionStore(store)
    for number in range(3):
        room.join(code, _learner(number), "", "Public contributor")
    for number in range(3, 6):
        room.join(code, _learner(number), "", "Researcher")
    app.refresh(force=True)
    assert "Public contributor: 3" in app.attendance.value
    room.join(code, _learner(2), "", "Researcher")  # joins again with another role
    app.refresh()  # no force: a role change alone must redraw
    assert "Public contributor" not in app.attendance.value
    assert "Researcher: 4" in app.attendance.value
    assert WORDS.small_roles.format(needed=3) in app.attendance.value
    room.join(code, _learner(6), "", "Practitioner")
    app.refresh()
    assert f"{WORDS.others}: 3" in app.attendance.value


def test_k_of_one_shows_every_role_in_the_trainer_app(tmp_path: Path) -> None:
    app, store, code = _trainer(tmp_path, _with_k(1))
    SessionStore(store).join(code, _learner(0), "", "Public contributor")
    app.refresh(force=True)
    assert "Public contributor: 1" in app.attendance.value
    assert WORDS.others not in app.attendance.value


# The report and the export, through the command line on a course copy (K = 3).


def _small_session(data: Path) -> str:
    """Two words and two votes (under K), three ratings (K), one public contributor."""
    store = Store(data)
    room = SessionStore(store)
    code = room.create_session()
    roles = ["Public contributor", "Researcher", "Researcher", "Researcher"]
    for number, role in enumerate(roles):
        room.join(code, _learner(number), f"Name {number}", role)
        if number < 2:
            store.save_answer(
                _learner(number), WORDS_ID, {"words": [f"{SECRET}{number}"]}, session=code
            )
            store.save_answer(_learner(number), POLL, {"choice": 1}, session=code)
            store.save_answer(
                _learner(number), "coproduction-or-not", {"correct": False}, session=code
            )
        if number < 3:
            store.save_answer(
                _learner(number), "evaluation-how-useful", {"choice": 0}, session=code
            )
    store.close()
    return code


def test_the_report_holds_back_results_and_small_roles(course_dir: Path, tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "report.html"
    code = _small_session(data)
    args = ["--course", str(course_dir), "session", "report", code, "--data-dir", str(data)]
    assert main([*args, "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert SECRET not in page
    assert "2 votes" not in page
    assert "found the right answer" not in page, "a knowledge check of two is held back too"
    assert WORDS.too_few.format(needed=3).split(":")[0] in page
    assert "3 votes so far" in page, "the evaluation poll reached K"
    assert "4 people joined" in page
    assert "<td>Researcher</td><td>3</td>" in page
    assert "Public contributor" not in page.split("Who came")[1].split("</table>")[0]


def test_the_results_export_holds_back_what_the_room_did_not_see(
    course_dir: Path, tmp_path: Path
) -> None:
    data, out = tmp_path / "data", tmp_path / "export"
    code = _small_session(data)
    args = ["--course", str(course_dir), "session", "export", code, "--data-dir", str(data)]
    assert main([*args, "--out", str(out)]) == 0
    with (out / f"session-{code}-results.csv").open(newline="", encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    assert SECRET not in str(rows)
    held = {row["exercise"] for row in rows if row["shown"] == "no"}
    assert {WORDS_ID, POLL, "coproduction-or-not"} <= held
    useful = [row for row in rows if row["exercise"] == "evaluation-how-useful"]
    assert all(row["shown"] == "yes" for row in useful)
    assert sum(int(row["value"]) for row in useful) == 3
    assert "Name 0" not in str(rows)
