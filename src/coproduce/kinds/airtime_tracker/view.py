"""Airtime tracker: one person records which role is speaking; the group sees the shares.

Time is measured here in the kernel, not in the browser. While someone speaks, a daemon timer
refreshes the chart (and saves) every few seconds; it stops when nobody speaks.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import traitlets

from coproduce.content import formats
from coproduce.content.model import AirtimeTracker
from coproduce.kinds.airtime_tracker.checks import (
    airtime,
    duration_words,
    named,
    percent,
    summary_sentence,
    unique_roles,
    valid_seconds,
)
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.bar_chart import Bar, Reference, bar_chart
from coproduce.kinds.common.frame import (
    ExerciseContext,
    SaveAnswer,
    button,
    exercise_frame,
    paragraphs,
)
from coproduce.kinds.common.kernel_widget import KernelWidget
from coproduce.kinds.common.live_message import LiveMessage

REFRESH_SECONDS = 5.0


class SpeakerButtons(KernelWidget):
    """Real buttons with aria-pressed in a labelled group; `value` is the pressed button.

    The page sets `value` only; the kernel checks it names a button (anything else pauses).
    """

    page_may_set = frozenset({"value"})

    _esm = Path(__file__).with_name("view.js")
    legend = traitlets.Unicode("").tag(sync=True)
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    rest = traitlets.Int(0).tag(sync=True)  # the pause button
    value = traitlets.Int(0).tag(sync=True)


class AirtimeTrackerView:
    """Saves {"seconds": {role: seconds}} when the speaker changes and on each refresh."""

    def __init__(
        self, exercise: AirtimeTracker, save: SaveAnswer, context: ExerciseContext
    ) -> None:
        self.exercise = exercise
        self._save = save
        self._context = context
        self.words = words = context.content.interface.airtime_tracker
        self.roles = unique_roles(exercise.roles)
        self.clock: Callable[[], float] = time.monotonic
        self._lock = threading.RLock()
        self._timer: threading.Timer | None = None
        self._token: object | None = None
        self._totals = dict.fromkeys(self.roles, 0.0)
        self._speaker: str | None = None
        self._since = 0.0
        self._reset_armed = False
        self._quiet = False  # true while the kernel itself moves the buttons
        self.buttons = SpeakerButtons(
            legend=words.legend,
            labels=[
                words.speaking.format(role=exercise.shown("roles", role)) for role in self.roles
            ]
            + [words.pause],
            rest=len(self.roles),
            value=len(self.roles),
        )
        self.buttons.observe(self._on_press, "value")
        self.status = LiveMessage()
        self.reset_button = button(words.reset, classes=["cp-airtime-reset"])
        self.reset_button.on_click(lambda _: self.reset())
        self.chart = light.HTML("", classes=["cp-airtime-chart"])
        intro = light.HTML(paragraphs([exercise.prompt]))
        self.widget = exercise_frame(
            exercise.title,
            [intro, self.buttons, self.status, self.reset_button, self.chart],
            classes=["cp-airtime-tracker"],
        )
        self.status.html = paragraphs([words.nobody], "cp-airtime-now")
        self.refresh(save=False)

    @property
    def speaker(self) -> str | None:
        return self._speaker

    def seconds(self) -> dict[str, float]:
        """Speaking time so far for each role, including whoever is speaking now."""
        with self._lock:
            totals = dict(self._totals)
            if self._speaker is not None:
                totals[self._speaker] += max(0.0, self.clock() - self._since)
            return totals

    def _on_press(self, change: dict[str, Any]) -> None:
        if self._quiet:
            return
        index = change["new"]
        role = self.roles[index] if type(index) is int and 0 <= index < len(self.roles) else None
        self.set_speaker(role)

    def set_speaker(self, role: str | None) -> None:
        if role is not None and role not in self._totals:
            role = None
        with self._lock:
            self._disarm_reset()
            if role == self._speaker:
                self._move_buttons(role)
                return
            now = self.clock()
            if self._speaker is not None:
                self._totals[self._speaker] += max(0.0, now - self._since)
            self._speaker, self._since = role, now
            self._move_buttons(role)
        if role is None:
            self._stop_ticking()
            self.status.html = paragraphs([self.words.paused], "cp-airtime-now")
        else:
            speaking = self.words.speaking_now.format(role=role)
            self.status.html = paragraphs([speaking], "cp-airtime-now")
            self._start_ticking()
        self.refresh(save=True)

    def _move_buttons(self, role: str | None) -> None:
        pressed = self.roles.index(role) if role is not None else len(self.roles)
        self._quiet = True
        try:
            self.buttons.value = pressed
        finally:
            self._quiet = False

    def refresh(self, save: bool = True) -> None:
        """Redraw the chart from the times so far; save them too unless told not to."""
        # The chart and the saved answer use the same rounded times, so a refresh matches.
        seconds = {role: round(value, 1) for role, value in self.seconds().items()}
        result = named(airtime(seconds, self.roles), partial(self.exercise.shown, "roles"))
        words = self.words
        equal = percent(result.equal_share)
        bars = [
            Bar(
                label=item.role,
                value=item.percent,
                value_text=formats.percent(item.percent, self._context.language),
                detail=duration_words(item.seconds, words),
            )
            for item in result.shares
        ]
        chart = bar_chart(
            bars,
            caption=words.caption,
            maximum=100,
            headings=(words.role_heading, words.share_heading, words.time_heading),
            empty_text=words.no_time,
            words=self._context.content.interface.charts,
            reference=Reference(
                equal, words.equal_share, formats.percent(equal, self._context.language)
            ),
        )
        sentence = summary_sentence(result, words, self._context.language)
        self.chart.value = paragraphs([sentence], "cp-airtime-summary") + chart
        if save:
            problem = self._save(self.exercise.id, {"seconds": seconds})
            if problem:
                self.status.html = paragraphs([problem], "cp-note")

    def reset(self) -> None:
        """The first press asks; the second press clears every time."""
        if not self._reset_armed:
            self._reset_armed = True
            self.reset_button.description = self.reset_button.tooltip = self.words.reset_confirm
            self.status.html = paragraphs([self.words.press_again], "cp-airtime-now")
            return
        with self._lock:
            self._disarm_reset()
            self._totals = dict.fromkeys(self.roles, 0.0)
            self._speaker = None
            self._move_buttons(None)
        self._stop_ticking()
        self.status.html = paragraphs([self.words.cleared], "cp-airtime-now")
        self.refresh(save=True)

    def _disarm_reset(self) -> None:
        if self._reset_armed:
            self._reset_armed = False
            self.reset_button.description = self.reset_button.tooltip = self.words.reset

    def _start_ticking(self) -> None:
        with self._lock:
            if self._token is None:
                self._schedule()

    def _schedule(self) -> None:
        token = object()  # each loop knows itself, so a stopped loop never starts again
        timer = threading.Timer(REFRESH_SECONDS, self._tick, args=(token,))
        timer.daemon = True
        self._token, self._timer = token, timer
        timer.start()

    def _stop_ticking(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._token, self._timer = None, None

    @property
    def ticking(self) -> bool:
        return self._token is not None

    def _tick(self, token: object) -> None:
        with self._lock:
            if token is not self._token or self._speaker is None:
                return
        self.refresh(save=True)
        with self._lock:
            if token is self._token and self._speaker is not None:
                self._schedule()

    def restore(self, answer: dict[str, Any]) -> None:
        raw = answer.get("seconds") if isinstance(answer, dict) else None
        self._stop_ticking()
        with self._lock:
            self._disarm_reset()
            self._totals = valid_seconds(raw, self.roles)
            self._speaker = None
            self._move_buttons(None)
        self.status.html = paragraphs([self.words.nobody], "cp-airtime-now")
        self.refresh(save=False)
