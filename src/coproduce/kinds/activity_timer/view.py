"""A timed group activity in phases (for example 1-2-4-All) with a countdown in the browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import traitlets

from coproduce.content.model import ActivityTimer
from coproduce.content.plurals import plural
from coproduce.kinds.activity_timer.checks import (
    TimerProgress,
    announcement,
    next_progress,
    phase_label,
    spoken_duration,
    total_seconds,
    valid_progress,
)
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import ExerciseContext, SaveAnswer, exercise_frame, paragraphs
from coproduce.kinds.common.kernel_widget import KernelWidget
from coproduce.kinds.common.live_message import LiveMessage

ACTIONS = ("start", "pause", "next", "reset", "phase_done")


class Countdown(KernelWidget):
    """The clock, its buttons and a polite region that speaks only when the phase changes.

    The browser counts the seconds; the kernel owns the phase, so it can save it. `epoch` goes
    up whenever the clock must start the current phase again from its full time. The page
    sends actions; it can change no trait directly (a clock it set running is not running).
    """

    _esm = Path(__file__).with_name("view.js")
    phases = traitlets.List(traitlets.Dict()).tag(sync=True)
    phase = traitlets.Int(0).tag(sync=True)
    running = traitlets.Bool(False).tag(sync=True)
    finished = traitlets.Bool(False).tag(sync=True)
    epoch = traitlets.Int(0).tag(sync=True)
    announcement = traitlets.Unicode("").tag(sync=True)
    # The clock's own words, from the course (activity_timer:): the kernel gives them all.
    words = traitlets.Dict().tag(sync=True)


class ActivityTimerView:
    """Saves the phase index and whether finished at each change; a refresh comes back paused."""

    def __init__(self, exercise: ActivityTimer, save: SaveAnswer, context: ExerciseContext) -> None:
        self.exercise = exercise
        self._save = save
        self._language = language = context.language
        self.words = words = context.content.interface.activity_timer
        self.progress = TimerProgress(0, False)
        count = len(exercise.phases)
        self.timer = Countdown(
            phases=[
                {
                    "name": phase.name,
                    "seconds": phase.seconds,
                    "instruction": phase.instruction,
                    "label": phase_label(index, count, words),
                    "length": spoken_duration(phase.seconds, words, language),
                }
                for index, phase in enumerate(exercise.phases)
            ],
            words={
                "time_left": words.time_left,
                "controls": words.controls,
                "start": words.start,
                "pause": words.pause,
                "next": words.next,
                "reset": words.reset,
                "all_phases": words.all_phases,
                "all_done": plural(words.all_done, count, language).format(count=count),
                "time_up": words.time_up,
                "run_again": words.run_again,
                "now": words.now,
                "done": words.done,
            },
            classes=["cp-activity-timer"],
        )
        self.timer.on_msg(self._on_message)
        self.note = LiveMessage()
        length = spoken_duration(total_seconds(exercise.phases), words, language)
        intro = light.HTML(
            paragraphs([exercise.prompt])
            + paragraphs([words.total.format(length=length)], "cp-timer-total")
        )
        self.widget = exercise_frame(exercise.title, [intro, self.timer, self.note])

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict) or content.get("action") not in ACTIONS:
            return
        action = content["action"]
        if action == "start":
            self.start()
        elif action == "pause":
            self.pause()
        elif action == "next":
            self.next_phase()
        elif action == "reset":
            self.reset()
        else:
            self.phase_done(content.get("epoch"))

    def start(self) -> None:
        if not self.progress.finished:
            self.timer.running = True

    def pause(self) -> None:
        self.timer.running = False

    def next_phase(self) -> None:
        """Skip to the next phase; the clock keeps running if it was."""
        if not self.progress.finished:
            self._move_to(next_progress(self.progress, len(self.exercise.phases)))

    def phase_done(self, epoch: object) -> None:
        """The browser's clock reached 00:00 in the phase it was told about."""
        if epoch == self.timer.epoch and self.timer.running and not self.progress.finished:
            self._move_to(next_progress(self.progress, len(self.exercise.phases)))

    def reset(self) -> None:
        """Back to the first phase, paused, with its full time."""
        with self.timer.hold_sync():
            self.timer.running = False
            self._move_to(TimerProgress(0, False))

    def _move_to(self, progress: TimerProgress) -> None:
        changed = progress != self.progress
        self.progress = progress
        with self.timer.hold_sync():
            self.timer.phase = progress.phase
            self.timer.finished = progress.finished
            if progress.finished:
                self.timer.running = False
            self.timer.epoch += 1
            if changed:
                self.timer.announcement = announcement(
                    self.exercise.phases, progress, self.words, self._language
                )
        if changed:
            problem = self._save(
                self.exercise.id, {"phase": progress.phase, "finished": progress.finished}
            )
            self.note.html = paragraphs([problem], "cp-note") if problem else ""

    def restore(self, answer: dict[str, Any]) -> None:
        """Back at the saved phase, paused, and silent: a refresh is not a phase change."""
        self.progress = valid_progress(answer, len(self.exercise.phases))
        with self.timer.hold_sync():
            self.timer.running = False
            self.timer.phase = self.progress.phase
            self.timer.finished = self.progress.finished
            self.timer.epoch += 1
            self.timer.announcement = ""
