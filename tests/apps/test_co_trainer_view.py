"""A co-trainer's page of the trainer app: the controls of the parts they lead, and no others;
no co-trainer links. Checked in the kernel's handlers, not only hidden."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduce.apps import page_viewer
from coproduce.apps.page_viewer import co_trainer_exercises
from coproduce.apps.trainer_app import TrainerApp
from coproduce.config.settings import TRAINER_BASE_ENV
from coproduce.content.loader import load_course
from coproduce.live.co_trainers import (
    CO_TRAINER_VIEWER,
    LEAD_VIEWER,
    VIEWER_ENV,
    CoTrainers,
)
from coproduce.live.questions import Questions
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
THEIRS = "ground-rules"  # module 01, a step the co-trainer leads
NOT_THEIRS = "coproduction-so-far"  # module 01, the lead trainer's
LEARNER = "0123456789abcdef0123456789abcdef"


def test_the_co_trainers_parts_follow_the_plan_leads() -> None:
    parts = co_trainer_exercises(CONTENT)
    assert THEIRS in parts and NOT_THEIRS not in parts
    assert "red-tape-fixes" in parts  # module 06 is the co-trainer's
    assert "confidence-before" not in parts


def _app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TrainerApp, Store, str]:
    # A trainer app others can reach: the co-trainer links could be made from it.
    monkeypatch.setenv(TRAINER_BASE_ENV, "http://192.168.1.20:8867/")
    store = Store(tmp_path)
    code = SessionStore(store).create_session()
    app = TrainerApp(CONTENT, store, code, "http://localhost:8866/")
    app.move("01-welcome")
    return app, store, code


def test_a_co_trainer_page_controls_only_their_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, store, code = _app(tmp_path, monkeypatch)
    app.set_viewer(CO_TRAINER_VIEWER)
    mine, other = app._result_boxes[THEIRS], app._result_boxes[NOT_THEIRS]
    assert mine.trainer_only.layout.display is None
    assert other.trainer_only.layout.display == "none"
    assert other.controls is not None and mine.controls is not None
    other.controls.close_or_reopen()  # a script pressing a hidden button: nothing happens
    assert not Questions(store).state(code, NOT_THEIRS).closed
    mine.controls.close_or_reopen()
    assert Questions(store).state(code, THEIRS).closed
    # Hiding a learner's words in a part that is not theirs does nothing either.
    store.save_answer(LEARNER, NOT_THEIRS, {"choice": 0}, session=code)
    tag = SessionStore(store).shared_answers(code, NOT_THEIRS)[0].tag
    app.live_results._hider(NOT_THEIRS, tag, True)(None)
    assert not SessionStore(store).shared_answers(code, NOT_THEIRS)[0].hidden
    # No co-trainer links from a co-trainer's page.
    assert app.co_trainers.widget.layout.display == "none"
    app.co_trainers.label.value = "Sneaky"
    app.co_trainers.make()
    assert CoTrainers(store).listing(code) == []
    # The projector still hides every control; back off the projector, theirs come back.
    app._project(True)
    assert mine.trainer_only.layout.display == "none"
    app._project(False)
    assert mine.trainer_only.layout.display is None
    assert other.trainer_only.layout.display == "none"


def test_the_lead_trainer_page_has_every_control(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, store, code = _app(tmp_path, monkeypatch)
    app.set_viewer(CO_TRAINER_VIEWER)  # as a pooled kernel starts
    app.set_viewer(LEAD_VIEWER)  # the server said: the trainer
    assert all(box.trainer_only.layout.display is None for box in app._result_boxes.values())
    assert app.co_trainers.widget.layout.display is None
    app.co_trainers.label.value = "Sam"
    app.co_trainers.make()
    assert [made.label for made in CoTrainers(store).listing(code)] == ["Sam"]
    other = app._result_boxes[NOT_THEIRS].controls
    assert other is not None
    other.close_or_reopen()
    assert Questions(store).state(code, NOT_THEIRS).closed


def test_only_the_servers_word_for_the_lead_trainer_widens_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    monkeypatch.setattr(page_viewer, "wait_for_request", lambda: None)
    monkeypatch.setenv(VIEWER_ENV, LEAD_VIEWER)
    assert page_viewer.page_viewer() == LEAD_VIEWER
    for said in ("co-trainer", "Lead", "", "trainer"):
        monkeypatch.setenv(VIEWER_ENV, said)
        assert page_viewer.page_viewer() == CO_TRAINER_VIEWER
    monkeypatch.delenv(VIEWER_ENV)
    assert page_viewer.page_viewer() == CO_TRAINER_VIEWER


def test_a_pooled_kernel_waits_for_the_servers_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.delenv(VIEWER_ENV, raising=False)
    calls: list[int] = []

    def answer_on_the_third_try() -> None:
        calls.append(1)
        if len(calls) == 3:
            monkeypatch.setenv(VIEWER_ENV, LEAD_VIEWER)

    monkeypatch.setattr(page_viewer, "wait_for_request", answer_on_the_third_try)
    assert page_viewer.page_viewer(retry_seconds=0) == LEAD_VIEWER
    assert len(calls) == 3
