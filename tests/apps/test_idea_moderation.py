"""Ideas in a live room, in kernels: three learners add and vote, the trainer hides and merges,
the learners' lists and the room's result follow, and the projector never shows the controls."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from coproduce.apps.learner_app import LearnerApp
from coproduce.apps.trainer_app import TrainerApp
from coproduce.content.loader import load_course
from coproduce.kinds.ideas.view import IdeasView
from coproduce.live.idea_marks import IdeaMarks
from coproduce.live.learner_ids import token_for
from coproduce.live.questions import Questions
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store
from coproduce.reports.results_csv import results_csv_text
from coproduce.reports.session_report import report_html

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
WORDS = CONTENT.interface.ideas
IDEAS = "red-tape-fixes"
MODULE = "06-sharing-power-in-practice"
LEARNER = "0123456789abcdef0123456789abcdef"


def _learner(store: Store, code: str, number: int) -> IdeasView:
    app = LearnerApp(CONTENT, store, code)
    app.identity.link_code = code
    app.identity.learner_id = token_for(f"{number}{LEARNER[1:]}")
    assert app._join(code, f"Name{number}", "Researcher") is None
    assert app.follower is not None
    app.follower.stop()
    app.show(MODULE)
    view = app.session.views[IDEAS]
    assert isinstance(view, IdeasView)
    return view


def _room(tmp_path: Path) -> tuple[TrainerApp, Store, str, list[IdeasView]]:
    store = Store(tmp_path)
    code = SessionStore(store).create_session()
    trainer = TrainerApp(CONTENT, store, code, "http://localhost:8866/")
    trainer.move(MODULE)
    learners = [_learner(store, code, number) for number in range(4)]
    for number, view in enumerate(learners):
        view.box.value = f"Idea from learner {number}"
        view.add()
    for view in learners:
        view.refresh()
    return trainer, store, code, learners


def _vote(view: IdeasView, *texts: str) -> None:
    view.choices.value = [view.choices.options.index(text) for text in texts]


def test_the_trainer_hides_and_merges_and_everyone_follows(tmp_path: Path) -> None:
    trainer, store, code, learners = _room(tmp_path)
    assert len(learners[0].choices.options) == 4  # four authors: K (3) is met
    _vote(learners[0], "Idea from learner 1", "Idea from learner 2")
    _vote(learners[1], "Idea from learner 1")
    _vote(learners[2], "Idea from learner 2")
    trainer.refresh(force=True)
    box = trainer._result_boxes[IDEAS]
    assert "Idea from learner 1" in box.body.value and "Idea from learner 0" in box.body.value
    moderation = box.moderation
    assert moderation is not None

    # Hide idea 0: gone from the result and, after a look, from every learner's list.
    hide = next(
        row.children[1]
        for row in moderation.rows.children
        if "Idea from learner 0" in row.children[0].value
    )
    hide.click()
    assert "Idea from learner 0" not in box.body.value
    assert "Idea from learner 1" in box.body.value  # three authors still on show
    learners[1].refresh()
    assert "Idea from learner 0" not in learners[1].choices.options

    # Merge idea 2 into idea 1: learner 0 ticked both and counts once; three votes in all.
    ids = {text: idea_id for idea_id, text in learners[0]._shown(*learners[0]._room(IDEAS)).items()}
    moderation.merge_from.value = ids["Idea from learner 2"]
    moderation.merge_into.value = ids["Idea from learner 1"]
    moderation.merge_button.click()
    marks = IdeaMarks(store).marks(code, IDEAS)
    assert marks[ids["Idea from learner 2"]].merged_into == ids["Idea from learner 1"]
    assert ">3<" in box.body.value and "Idea from learner 2" in box.body.value  # named as merged
    learners[2].refresh()
    assert sorted(learners[2].choices.options) == ["Idea from learner 1", "Idea from learner 3"]
    assert learners[2].votes == [ids["Idea from learner 1"]]

    # A loop is refused with a word, not a crash.
    moderation.merge_from.value = ids["Idea from learner 1"]
    moderation.merge_into.value = ids["Idea from learner 1"]
    moderation.merge_button.click()
    assert WORDS.merge_loop in moderation.message.html

    # On the projector: the result, never the controls.
    trainer._project(True)
    assert box.trainer_only.layout.display == "none"
    trainer._project(False)
    assert box.trainer_only.layout.display is None


def test_clearing_an_ideas_question_clears_the_marks_too(tmp_path: Path) -> None:
    _trainer, store, code, learners = _room(tmp_path)
    ids = list(learners[0].shown_ids)
    IdeaMarks(store).hide(code, IDEAS, ids[0], True)
    assert Questions(store).clear(code, IDEAS) == 4
    assert IdeaMarks(store).marks(code, IDEAS) == {}
    learners[0].refresh()
    assert learners[0].choices.options == []


def test_the_report_and_the_export_list_the_ideas_on_show_with_their_votes(
    tmp_path: Path,
) -> None:
    _trainer, store, code, learners = _room(tmp_path)
    _vote(learners[0], "Idea from learner 1")
    _vote(learners[1], "Idea from learner 1", "Idea from learner 3")
    hidden = learners[0].shown_ids[learners[0].choices.options.index("Idea from learner 2")]
    IdeaMarks(store).hide(code, IDEAS, hidden, True)
    sessions = SessionStore(store)
    report = report_html(CONTENT, sessions, code)
    assert "Idea from learner 1" in report and "Idea from learner 2" not in report
    rows = [
        row
        for row in csv.DictReader(io.StringIO(results_csv_text(CONTENT, sessions, code)))
        if row["exercise"] == IDEAS
    ]
    votes = {row["item"]: row["value"] for row in rows}
    assert votes["Idea from learner 1"] == "2" and votes["Idea from learner 3"] == "1"
    assert "Idea from learner 2" not in votes
    assert {row["answers_counted"] for row in rows} == {"3"}  # four authors, one hidden
