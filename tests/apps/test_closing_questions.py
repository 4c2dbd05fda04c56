"""The trainer closes, reopens, times and clears a shared question; learners see it closed."""

from __future__ import annotations

import base64
import csv
import io
import re
from pathlib import Path

from coproduce.apps.learner_app import LearnerApp
from coproduce.apps.question_controls import QuestionControls
from coproduce.apps.trainer_app import TrainerApp
from coproduce.content.loader import load_course
from coproduce.content.plurals import plural
from coproduce.live.learner_ids import token_for
from coproduce.live.questions import Questions
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store
from coproduce.reports.results_csv import results_csv_text

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
WORDS = CONTENT.interface.questions
LEARNER = "0123456789abcdef0123456789abcdef"
POLL = "coproduction-so-far"  # a shared poll in the first part


def _room(tmp_path: Path) -> tuple[TrainerApp, Store, str]:
    store = Store(tmp_path)
    code = SessionStore(store).create_session()
    app = TrainerApp(CONTENT, store, code, "http://localhost:8866/")
    app.move("01-welcome")
    return app, store, code


def _controls(app: TrainerApp, exercise_id: str = POLL) -> QuestionControls:
    controls = app._result_boxes[exercise_id].controls
    assert controls is not None
    return controls


def _learner(store: Store, code: str, number: int = 0) -> LearnerApp:
    app = LearnerApp(CONTENT, store, code)
    app.identity.link_code = code
    app.identity.learner_id = token_for(f"{number}{LEARNER[1:]}")
    assert app._join(code, f"Name{number}", "Researcher") is None
    return app


def _notice_text(app: LearnerApp, exercise_id: str = POLL) -> str:
    assert app.notices is not None
    return app.notices._notices[exercise_id].html


def test_only_shared_questions_get_controls(tmp_path: Path) -> None:
    app, _store, _code = _room(tmp_path)
    for exercise_id, result in app._result_boxes.items():
        kind = CONTENT.exercises[exercise_id].kind
        assert (result.controls is not None) == (kind != "airtime_tracker"), exercise_id


def test_closing_shows_on_the_learners_page_and_refuses_a_new_vote(tmp_path: Path) -> None:
    trainer, store, code = _room(tmp_path)
    learner = _learner(store, code)
    assert learner.follower is not None
    learner.follower.stop()
    assert _notice_text(learner) == ""
    controls = _controls(trainer)
    assert controls.toggle.description == WORDS.close
    controls.toggle.click()
    assert WORDS.closed_state in controls.state_line.value
    assert controls.toggle.description == WORDS.reopen
    learner.follower.check()
    assert WORDS.closed.split(".")[0] in _notice_text(learner)
    assert learner.session.save(POLL, {"choice": 1}) == WORDS.not_saved
    assert SessionStore(store).answer_count(code, POLL) == 0
    controls.toggle.click()  # open again
    learner.follower.check()
    assert _notice_text(learner) == ""
    assert learner.session.save(POLL, {"choice": 1}) is None


def test_a_learner_arriving_after_the_close_sees_it_at_once(tmp_path: Path) -> None:
    trainer, store, code = _room(tmp_path)
    _controls(trainer).toggle.click()
    late = _learner(store, code, 3)
    assert late.follower is not None
    late.follower.stop()
    assert WORDS.closed.split(".")[0] in _notice_text(late)


def test_the_countdown_sets_a_closing_time_and_the_trainer_sees_it(tmp_path: Path) -> None:
    trainer, store, code = _room(tmp_path)
    controls = _controls(trainer)
    controls.minutes.value = 5
    controls.countdown.click()
    state = Questions(store).state(code, POLL)
    assert state.closes_at is not None and not state.closed
    shown = state.closes_at.astimezone().strftime("%H:%M")
    assert WORDS.closes.format(time=shown) in controls.state_line.value


def test_clearing_asks_first_and_then_removes_the_answers(tmp_path: Path) -> None:
    trainer, store, code = _room(tmp_path)
    for number in range(2):
        assert _learner(store, code, number).session.save(POLL, {"choice": number}) is None
    controls = _controls(trainer)
    controls.clear()  # a stray call before the confirm (a script's) clears nothing
    assert SessionStore(store).answer_count(code, POLL) == 2
    controls.clear_button.click()
    assert controls.confirm.layout.display is None
    assert plural(WORDS.clear_confirm, 2, "en").format(count=2) in controls.confirm_text.html
    controls.no.click()
    assert SessionStore(store).answer_count(code, POLL) == 2
    controls.clear_button.click()
    controls.yes.click()
    assert SessionStore(store).answer_count(code, POLL) == 0
    assert "Cleared 2 answers." in controls.message.html
    assert controls.confirm.layout.display == "none"


def test_the_projector_view_hides_the_question_controls(tmp_path: Path) -> None:
    trainer, _store, _code = _room(tmp_path)
    result = trainer._result_boxes[POLL]
    assert _controls(trainer).widget in result.trainer_only.children
    trainer.projector.value = True
    assert result.trainer_only.layout.display == "none"
    trainer.projector.value = False
    assert result.trainer_only.layout.display is None


def test_results_so_far_are_the_export_and_the_report_while_live(tmp_path: Path) -> None:
    trainer, store, code = _room(tmp_path)
    needed = CONTENT.course.min_answers_shown
    for number in range(needed):
        _learner(store, code, number).session.save(POLL, {"choice": 0})
    trainer.export.make_button.click()
    links = dict(
        re.findall(
            r'download="([^"]+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"',
            trainer.export.links.html,
        )
    )
    assert set(links) == {f"session-{code}-results.csv", f"session-{code}.html"}
    results = base64.b64decode(links[f"session-{code}-results.csv"]).decode("utf-8")
    assert results == results_csv_text(CONTENT, SessionStore(store), code)
    rows = list(csv.DictReader(io.StringIO(results)))
    votes = [row for row in rows if row["exercise"] == POLL]
    assert {row["shown"] for row in votes} == {"yes"}
    assert sum(int(row["value"]) for row in votes) == needed
    report = base64.b64decode(links[f"session-{code}.html"]).decode("utf-8")
    assert code in report
    for text in (results, report):
        assert not any(f"Name{number}" in text for number in range(needed))  # no names


def test_a_cleared_question_is_offered_afresh_on_the_open_pages_of_those_who_answered(
    tmp_path: Path,
) -> None:
    trainer, store, code = _room(tmp_path)
    answered, other = _learner(store, code, 0), _learner(store, code, 1)
    for learner in (answered, other):
        assert learner.follower is not None
        learner.follower.stop()
    view = answered.session.views[POLL]
    view.choices.value = [1]  # type: ignore[attr-defined]
    view.vote()  # type: ignore[attr-defined]
    assert "Your vote" in view.status.html  # type: ignore[attr-defined]
    other_view = other.session.views[POLL]
    controls = _controls(trainer)
    controls.clear_button.click()
    controls.yes.click()
    for learner in (answered, other):
        assert learner.follower is not None
        learner.follower.check()
    fresh = answered.session.views[POLL]
    assert fresh is not view and POLL not in answered.session.stored
    assert "Your vote" not in fresh.status.html  # type: ignore[attr-defined]
    assert fresh.widget in answered._views["01-welcome"].children  # type: ignore[attr-defined]
    assert view.widget not in answered._views["01-welcome"].children  # type: ignore[attr-defined]
    assert _notice_text(answered) != "" and _notice_text(other) == ""
    assert other.session.views[POLL] is other_view  # nothing of theirs was cleared
    # The fresh view takes a new answer; a close afterwards puts the closed words up instead.
    assert answered.session.save(POLL, {"choice": 0}) is None
    controls.toggle.click()
    assert answered.follower is not None
    answered.follower.check()
    assert WORDS.closed.split(".")[0] in _notice_text(answered)


def test_one_answer_is_one_answer_in_the_confirm_and_the_message(tmp_path: Path) -> None:
    trainer, store, code = _room(tmp_path)
    assert _learner(store, code, 0).session.save(POLL, {"choice": 0}) is None
    controls = _controls(trainer)
    controls.clear_button.click()
    assert "Clear the 1 answer to this question?" in controls.confirm_text.html
    controls.yes.click()
    assert "Cleared 1 answer." in controls.message.html
