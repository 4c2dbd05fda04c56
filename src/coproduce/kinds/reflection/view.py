"""Free text for the learner's own thinking: private unless they choose to share it."""

from __future__ import annotations

import threading
from typing import Any

import ipywidgets as widgets

from coproduce.content.model import Reflection
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import (
    ExerciseContext,
    SaveAnswer,
    button,
    count_message,
    exercise_frame,
    paragraphs,
)
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.text.clean import clean_text

SAVE_AFTER_QUIET_SECONDS = 1.0


class ReflectionView:
    """Saves a moment after the learner stops typing, so nothing is lost on a refresh."""

    def __init__(self, exercise: Reflection, save: SaveAnswer, context: ExerciseContext) -> None:
        self.exercise = exercise
        self._save = save
        self._context = context
        self.words = words = context.content.interface.reflection
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self.text = light.Textarea(
            description=exercise.prompt,
            placeholder=exercise.placeholder,
            rows=5,
            layout=light.full_width(),
            style=light.wide_label(light.Textarea),
            classes=["cp-textarea"],
        )
        self.count = light.HTML(
            paragraphs([count_message(context, 0, exercise.max_chars)], "cp-count")
        )
        self.share = light.Checkbox(
            description=words.share,
            indent=False,
            layout=widgets.Layout(display=None if exercise.can_share else "none"),
        )
        self.skip_button = button(words.skip)
        self.status = LiveMessage()
        self.skipped = False
        self._restoring = False
        self.text.observe(self._on_text, "value")
        self.share.observe(self._on_share, "value")
        self.skip_button.on_click(lambda _: self.skip())
        privacy = paragraphs(
            [words.only_you_unless_shared if exercise.can_share else words.only_you]
        )
        self.widget = exercise_frame(
            exercise.title,
            [
                light.HTML(privacy),
                self.text,
                self.count,
                self.share,
                self.skip_button,
                self.status,
            ],
        )

    def _on_text(self, change: dict[str, Any]) -> None:
        length = len(change["new"] or "")
        self.count.value = paragraphs(
            [count_message(self._context, length, self.exercise.max_chars)], "cp-count"
        )
        self.skipped = False
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(SAVE_AFTER_QUIET_SECONDS, self.save_now)
            self._timer.daemon = True
            self._timer.start()

    def _on_share(self, _change: dict[str, Any]) -> None:
        if not self._restoring:
            self.save_now()

    def skip(self) -> None:
        self.skipped = True
        self.share.value = False
        self.save_now()
        self.status.html = paragraphs([self.words.skipped])

    def save_now(self) -> None:
        cleaned = clean_text(self.text.value, self.exercise.max_chars)
        answer = {
            "text": "" if self.skipped else cleaned.text,
            # The box is only hidden when sharing is off; its model is still in the page.
            "shared": bool(self.share.value) and self.exercise.can_share and not self.skipped,
            "skipped": self.skipped,
        }
        problem = self._save(self.exercise.id, answer)
        if problem:
            self.status.html = paragraphs([problem], "cp-note")
        elif cleaned.was_cut:
            saved_cut = self.words.saved_cut.format(max_chars=self.exercise.max_chars)
            self.status.html = paragraphs([saved_cut], "cp-note")
        else:
            self.status.html = paragraphs([self.words.saved], "cp-saved")

    def restore(self, answer: dict[str, Any]) -> None:
        self._restoring = True
        self.text.unobserve(self._on_text, "value")
        cleaned = clean_text(answer.get("text", ""), self.exercise.max_chars)
        self.text.value = cleaned.text
        self.count.value = paragraphs(
            [count_message(self._context, len(cleaned.text), self.exercise.max_chars)], "cp-count"
        )
        self.text.observe(self._on_text, "value")
        self.skipped = bool(answer.get("skipped", False))
        self.share.value = bool(answer.get("shared", False)) and self.exercise.can_share
        self._restoring = False
