"""The trainer app's live results, built in memory: this part first, the rest folded away."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from coproduce.apps.trainer_app import TrainerApp
from coproduce.content.loader import load_course
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
LEARNER = "0123456789abcdef0123456789abcdef"


def _trainer(tmp_path: Path) -> tuple[TrainerApp, Store, str]:
    store = Store(tmp_path)
    code = SessionStore(store).create_session()
    return TrainerApp(CONTENT, store, code, "http://localhost:8866/"), store, code


def _titles(children: tuple[widgets.Widget, ...]) -> list[str]:
    return [
        child.children[0].value
        for child in children
        if isinstance(child, widgets.VBox) and isinstance(child.children[0], widgets.HTML)
    ]


def test_the_current_parts_results_come_first_and_the_rest_are_folded(tmp_path: Path) -> None:
    app, _store, _code = _trainer(tmp_path)
    app.move("01-welcome")
    shown = app.results.children
    folded = shown[-1]
    # A button, which a keyboard reaches (an ipywidgets Accordion's header takes no focus).
    opener, body = folded.children
    assert isinstance(opener, widgets.Button)
    assert opener.description == CONTENT.interface.trainer.other_results
    assert body.layout.display == "none"
    opener.click()
    assert body.layout.display is None
    here = _titles(shown[:-1])
    assert here == [
        f"<h3>{CONTENT.exercises[eid].title}</h3>"
        for eid in CONTENT.modules["01-welcome"].meta.exercises
    ]
    later = _titles(body.children)
    assert f"<h3>{CONTENT.exercises['closing-word'].title}</h3>" in later
    assert not set(here) & set(later)


def test_moving_the_room_brings_that_parts_results_up_and_votes_show(tmp_path: Path) -> None:
    app, store, code = _trainer(tmp_path)
    for number in range(CONTENT.course.min_answers_shown):  # enough votes to be shown
        learner = f"{number}{LEARNER[1:]}"
        SessionStore(store).join(code, learner, "", "Researcher")
        store.save_answer(learner, "coproduction-so-far", {"choice": 0}, session=code)
    app.move("07-action-planning-and-closing")
    assert "coproduction-so-far" not in str(_titles(app.results.children[:-1]))
    app.move("01-welcome")
    first = app.results.children[0]
    assert f"{CONTENT.course.min_answers_shown} votes so far" in first.children[1].value
    boxes_before = len(app._result_boxes)
    app.move("02-what-coproduction-is")
    assert len(app._result_boxes) == boxes_before


def test_the_projector_view_hides_the_run_sheet_and_notes_only(tmp_path: Path) -> None:
    app, _store, _code = _trainer(tmp_path)
    app.move("05-facilitation")
    assert "Purpose" in app.notes.value
    app.projector.value = True
    assert app.for_trainer.layout.display == "none"
    assert app.for_room.layout.display is None
    app.projector.value = False
    assert app.for_trainer.layout.display is None
