"""Rather not say, under a shared question: a choice kept in place of an answer.

The room's result counts these apart from the answers (see coproduce.reports.live_results),
so saying nothing is counted as a voice too, and never as a vote or a word. The saved answer is
made here, in the kernel: a page script cannot put anything else in it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from coproduce.kinds.common.frame import ExerciseContext, SaveAnswer, button, paragraphs
from coproduce.kinds.common.live_message import LiveMessage

KEY = "rather_not_say"


def would_rather_not_say(payload: Any) -> bool:
    return isinstance(payload, dict) and payload.get(KEY) is True


def rather_not_say_button(
    exercise: Any,
    save: SaveAnswer,
    context: ExerciseContext | None,
    status: LiveMessage,
    after: Callable[[], None],
) -> widgets.Button | None:
    """The button for a shared question, or None (a private one needs none; no words without
    the course). `after` clears the view's own answer once the choice is kept."""
    if context is None or getattr(exercise, "visibility", "private") != "shared":
        return None
    words = context.content.interface.passing
    control = button(words.button, classes=["cp-rather-not-say"])

    def press(_: Any) -> None:
        problem = save(exercise.id, {KEY: True})
        if problem:
            status.html = paragraphs([problem], "cp-note")
            return
        after()
        status.html = paragraphs([words.saved], "cp-saved")

    control.on_click(press)
    return control


def show_kept(context: ExerciseContext | None, status: LiveMessage) -> None:
    """On restore: say the choice is kept."""
    if context is not None:
        status.html = paragraphs([context.content.interface.passing.saved], "cp-saved")
