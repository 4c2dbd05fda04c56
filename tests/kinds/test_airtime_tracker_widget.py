"""The airtime tracker without a browser: kernel-side timing, saving, the refresh loop, restore."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
import yaml

from coproduce.content.model import AirtimeTracker
from coproduce.kinds.airtime_tracker import view as airtime_tracker
from coproduce.kinds.airtime_tracker.view import AirtimeTrackerView

from .course_words import context

FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "try-airtime.yml"
ROLES = ["Researcher", "Practitioner", "Public contributor"]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _synced_state(root: widgets.Widget) -> str:
    seen: list[dict[str, Any]] = []

    def walk(widget: widgets.Widget) -> None:
        seen.append(widget.get_state())
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(root)
    return json.dumps(seen, default=str, ensure_ascii=False)


def _view(
    **changes: Any,
) -> tuple[AirtimeTrackerView, Clock, list[tuple[str, dict[str, Any]]]]:
    data = yaml.safe_load(FIXTURE.read_text())
    data.update(changes)
    saved: list[tuple[str, dict[str, Any]]] = []
    view = AirtimeTrackerView(
        AirtimeTracker.model_validate(data),
        lambda eid, answer: saved.append((eid, answer)),
        context(),
    )
    clock = Clock()
    view.clock = clock
    return view, clock, saved


def test_one_toggle_per_role_plus_pause_and_nobody_speaking_at_first() -> None:
    view, _, saved = _view()
    assert view.buttons.labels == [f"{role} is speaking" for role in ROLES] + [
        "Nobody is speaking (pause)"
    ]
    assert view.buttons.value == view.buttons.rest == 3
    assert view.speaker is None and not view.ticking
    assert "Nobody is speaking." in view.status.html
    assert "No speaking time yet." in view.chart.value
    assert saved == []


def test_pressing_a_role_measures_its_time_in_the_kernel_and_saves_on_each_change() -> None:
    view, clock, saved = _view()
    view.buttons.value = 0  # as the browser would: Researcher is speaking
    assert view.speaker == "Researcher" and view.ticking
    assert "Speaking now: Researcher." in view.status.html
    clock.now += 30
    view.buttons.value = 2
    clock.now += 10
    view.buttons.value = 3  # pause
    assert view.speaker is None and not view.ticking
    assert "Paused. Nobody is speaking." in view.status.html
    expected = {"Researcher": 30.0, "Practitioner": 0.0, "Public contributor": 10.0}
    assert saved[-1] == ("try-airtime", {"seconds": expected})
    assert len(saved) == 3
    clock.now += 100  # nobody speaking: no time is counted
    assert view.seconds() == expected


def test_the_chart_shows_shares_against_an_equal_share_with_a_text_alternative() -> None:
    view, clock, _ = _view()
    view.set_speaker("Researcher")
    clock.now += 60
    view.set_speaker("Practitioner")
    clock.now += 30
    view.set_speaker("Public contributor")
    clock.now += 10
    view.set_speaker(None)
    chart = view.chart.value
    assert "Researcher spoke 60% of the time; an equal share is 33%." in chart
    assert 'role="img"' in chart and "stroke-dasharray" in chart
    assert "<td>60%</td><td>1 min 0 s</td>" in chart
    assert "Dashed line: Equal share, 33%." in chart


def test_pressing_the_speaker_again_is_the_same_as_pause_in_the_browser_but_not_a_restart() -> None:
    view, clock, saved = _view()
    view.set_speaker("Researcher")
    clock.now += 5
    view.set_speaker("Researcher")  # a repeat does not restart or double count
    clock.now += 5
    view.set_speaker(None)
    assert view.seconds()["Researcher"] == 10.0
    assert len(saved) == 2


@pytest.mark.parametrize("raw", [-1, 99, 3])
def test_an_out_of_range_button_from_the_browser_means_nobody(raw: int) -> None:
    view, _, _ = _view()
    view.set_speaker("Practitioner")
    view.buttons.value = raw
    assert view.speaker is None


def test_an_unknown_role_means_nobody() -> None:
    view, _, _ = _view()
    view.set_speaker("<script>")
    assert view.speaker is None


def test_reset_asks_first_then_clears_and_saves_zeros() -> None:
    view, clock, saved = _view()
    view.set_speaker("Researcher")
    clock.now += 20
    view.reset()
    assert view.reset_button.description == "Yes, clear all the times"
    assert view.speaker == "Researcher", "one press must not clear anything"
    view.reset()
    assert view.reset_button.description == "Reset"
    assert view.speaker is None and not view.ticking
    assert saved[-1] == ("try-airtime", {"seconds": dict.fromkeys(ROLES, 0.0)})
    assert "All times cleared." in view.status.html


def test_choosing_a_speaker_cancels_a_half_done_reset() -> None:
    view, clock, _ = _view()
    view.set_speaker("Researcher")
    clock.now += 20
    view.reset()
    view.set_speaker("Practitioner")
    assert view.reset_button.description == "Reset"
    view.reset()
    assert view.seconds()["Researcher"] == 20.0


def test_while_someone_speaks_a_daemon_loop_refreshes_and_saves_then_stops(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(airtime_tracker, "REFRESH_SECONDS", 0.05)
    view, _, saved = _view()
    view.clock = time.monotonic
    view.set_speaker("Practitioner")
    timer = view._timer
    assert timer is not None and timer.daemon
    deadline = time.monotonic() + 5
    while len(saved) < 4 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(saved) >= 4, "the loop did not refresh"
    assert saved[-1][1]["seconds"]["Practitioner"] > 0
    assert "Practitioner spoke 100% of the time" in view.chart.value
    view.set_speaker(None)
    assert not view.ticking
    count = len(saved)
    time.sleep(0.3)
    assert len(saved) == count, "the loop kept running after the pause"
    assert not [t for t in threading.enumerate() if t is timer and t.is_alive()]


def test_restore_shows_the_saved_totals_and_nobody_speaking() -> None:
    view, clock, saved = _view()
    view.set_speaker("Researcher")
    saved.clear()
    view.restore({"seconds": {"Researcher": 12.5, "Practitioner": 37.5}})
    assert view.speaker is None and not view.ticking
    assert view.buttons.value == 3
    clock.now += 50
    assert view.seconds() == {"Researcher": 12.5, "Practitioner": 37.5, "Public contributor": 0.0}
    assert "Practitioner spoke 75% of the time" in view.chart.value
    assert saved == []


@pytest.mark.parametrize(
    "answer",
    [
        {},
        {"seconds": None},
        {"seconds": "lots"},
        {"seconds": [1, 2, 3]},
        {"seconds": {"Researcher": "<script>alert(1)</script>"}},
        {"seconds": {"Researcher": float("nan"), "Practitioner": -4, "Public contributor": True}},
        {"seconds": {"<img src=x onerror=alert(1)>": 5, "x" * 1_000_000: 1}},
        {"seconds": {"Researcher": 10**400}},
    ],
)
def test_restore_tolerates_malformed_answers(answer: dict[str, Any]) -> None:
    view, _, saved = _view()
    view.restore(answer)
    assert saved == []
    seconds = view.seconds()
    assert set(seconds) == set(ROLES)
    assert all(0 <= value <= 24 * 3600 for value in seconds.values())
    state = _synced_state(view.widget)
    assert "<script" not in state and "<img" not in state


def test_restore_tolerates_something_that_is_not_a_dict() -> None:
    view, _, _ = _view()
    view.restore("nonsense")  # type: ignore[arg-type]
    assert view.seconds() == dict.fromkeys(ROLES, 0.0)


def test_roles_are_data_and_hostile_role_names_are_escaped() -> None:
    hostile = "<script>alert(1)</script> שלום 🙂"
    view, clock, _ = _view(roles=["Chair", hostile, "Chair"])
    assert view.buttons.labels == [
        "Chair is speaking",
        f"{hostile} is speaking",
        "Nobody is speaking (pause)",
    ]
    view.set_speaker(hostile)
    clock.now += 3
    view.set_speaker(None)
    assert "<script" not in view.chart.value and "<script" not in view.status.html
    assert "שלום 🙂" in view.chart.value


def test_a_save_problem_is_shown() -> None:
    data = yaml.safe_load(FIXTURE.read_text())
    view = AirtimeTrackerView(
        AirtimeTracker.model_validate(data), lambda *_: "Not saved.", context()
    )
    view.set_speaker("Researcher")
    assert "Not saved." in view.status.html
    view.set_speaker(None)
