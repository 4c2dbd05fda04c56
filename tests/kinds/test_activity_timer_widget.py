"""The activity timer view without a browser: what it syncs, when it saves, how it restores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
import yaml

from coproduce.content.model import ActivityTimer
from coproduce.kinds.activity_timer.view import ActivityTimerView

from .course_words import context

FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "try-timer.yml"


def _exercise() -> ActivityTimer:
    return ActivityTimer.model_validate(yaml.safe_load(FIXTURE.read_text()))


def _synced_state(root: widgets.Widget) -> str:
    seen: list[dict[str, Any]] = []

    def walk(widget: widgets.Widget) -> None:
        seen.append(widget.get_state())
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(root)
    return json.dumps(seen, default=str)


def _view() -> tuple[ActivityTimerView, list[tuple[str, dict[str, Any]]]]:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = ActivityTimerView(
        _exercise(), lambda eid, answer: saved.append((eid, answer)), context()
    )
    return view, saved


def _press(view: ActivityTimerView, action: str, **extra: Any) -> None:
    view._on_message(view.timer, {"action": action, **extra}, [])


def test_the_browser_gets_the_phases_and_no_announcement_at_first() -> None:
    view, saved = _view()
    state = _synced_state(view.widget)
    for phase in _exercise().phases:
        assert phase.instruction in state
    assert view.timer.announcement == ""
    assert view.timer.phase == 0 and not view.timer.running and not view.timer.finished
    assert "It takes about 22 seconds in all." in state
    assert saved == []


def test_start_pause_and_the_clock_running_out_move_and_save_the_phase() -> None:
    view, saved = _view()
    _press(view, "start")
    assert view.timer.running
    assert saved == [], "starting is not a phase change"
    stale = view.timer.epoch - 1
    _press(view, "phase_done", epoch=stale)
    assert view.timer.phase == 0, "a late message from an old clock must not skip a phase"
    _press(view, "phase_done", epoch=view.timer.epoch)
    assert view.timer.phase == 1 and view.timer.running
    assert saved == [("try-timer", {"phase": 1, "finished": False})]
    assert view.timer.announcement.startswith("Phase 2 of 4: In pairs. 6 seconds.")
    _press(view, "pause")
    assert not view.timer.running
    _press(view, "phase_done", epoch=view.timer.epoch)
    assert view.timer.phase == 1, "a paused clock cannot finish a phase"


def test_next_phase_on_the_last_phase_finishes_and_says_so() -> None:
    view, saved = _view()
    for _ in range(3):
        _press(view, "next")
    assert view.timer.phase == 3 and not view.timer.finished
    _press(view, "start")
    _press(view, "next")
    assert view.timer.finished and not view.timer.running
    assert "Time is up" in view.timer.announcement
    assert saved[-1] == ("try-timer", {"phase": 3, "finished": True})
    _press(view, "start")
    assert not view.timer.running, "a finished activity does not start again without Reset"
    count = len(saved)
    _press(view, "next")
    assert len(saved) == count


def test_reset_goes_back_to_the_first_phase_paused_with_full_time() -> None:
    view, saved = _view()
    _press(view, "next")
    _press(view, "start")
    epoch = view.timer.epoch
    _press(view, "reset")
    assert view.timer.phase == 0 and not view.timer.running and view.timer.epoch > epoch
    assert saved[-1] == ("try-timer", {"phase": 0, "finished": False})
    assert view.timer.announcement.startswith("Phase 1 of 4")
    count, announced = len(saved), view.timer.announcement
    _press(view, "reset")
    assert len(saved) == count, "resetting at the first phase is no phase change to save"
    assert view.timer.announcement == announced


def test_the_ticking_clock_never_touches_the_announcement() -> None:
    view, _saved = _view()
    _press(view, "start")
    changes: list[str] = []
    view.timer.observe(lambda change: changes.append(change["new"]), "announcement")
    for _ in range(3):
        _press(view, "phase_done", epoch=view.timer.epoch)
    assert len(changes) == 3


@pytest.mark.parametrize(
    ("answer", "phase", "finished"),
    [
        ({"phase": 2, "finished": False}, 2, False),
        ({"phase": 3, "finished": True}, 3, True),
        ({"phase": 99}, 0, False),
        ({"phase": "<script>alert(1)</script>" * 10_000, "finished": "yes"}, 0, False),
        ({"phase": None, "finished": True}, 3, True),
        ({}, 0, False),
    ],
)
def test_restore_comes_back_paused_and_silent(answer: Any, phase: int, finished: bool) -> None:
    view, saved = _view()
    _press(view, "start")
    _press(view, "phase_done", epoch=view.timer.epoch)
    view.restore(answer)
    assert (view.timer.phase, view.timer.finished, view.timer.running) == (phase, finished, False)
    assert view.timer.announcement == ""
    assert len(saved) == 1, "restoring saves nothing"
    _press(view, "next")
    assert view.timer.phase == min(phase + 1, 3) or finished


def test_malformed_messages_from_the_browser_are_ignored() -> None:
    view, saved = _view()
    for content in [None, "start", [], {"action": "explode"}, {"action": ["start"]}, {}]:
        view._on_message(view.timer, content, [])
    _press(view, "phase_done", epoch="1")
    assert (view.timer.phase, view.timer.running, saved) == (0, False, [])


def test_a_save_problem_is_shown_to_the_learner() -> None:
    view = ActivityTimerView(_exercise(), lambda *_: "We could not save just now.", context())
    _press(view, "next")
    assert "We could not save just now." in view.note.html
