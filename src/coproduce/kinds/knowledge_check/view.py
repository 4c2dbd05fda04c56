"""A single or multiple choice question with kind feedback, "show me why" and a second try."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from coproduce.content.model import KnowledgeCheck
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.choice_group import ChoiceGroup
from coproduce.kinds.common.focus_request import FocusRequest
from coproduce.kinds.common.frame import (
    ExerciseContext,
    SaveAnswer,
    button,
    exercise_frame,
    paragraphs,
)
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.kinds.knowledge_check.checks import check_choice, valid_choices


class KnowledgeCheckView:
    """The correct answer and the explanation stay here until the learner has answered.

    Each handler checks the state it needs here, in the kernel: a script in the page can press
    a hidden button. `answered` is true while feedback for an answer is on show.
    """

    def __init__(
        self, exercise: KnowledgeCheck, save: SaveAnswer, context: ExerciseContext
    ) -> None:
        self.exercise = exercise
        self._save = save
        self.words = words = context.content.interface.knowledge_check
        self.attempts = 0
        self.answered = False
        self.why_shown = False
        self.choices = ChoiceGroup(
            legend=exercise.prompt,
            options=[option.text for option in exercise.options],
            multiple=exercise.multiple,
            chosen_mark=context.content.interface.choices.your_answer,
        )
        # Shown and hidden in turn: each button has a layout of its own.
        self.check_button = button(words.check, "primary", layout=widgets.Layout())
        self.why_button = button(words.why, layout=widgets.Layout())
        self.again_button = button(words.again, layout=widgets.Layout())
        self.feedback = LiveMessage(classes=["cp-check-feedback"])
        self.why = light.HTML("")
        # A button that has done its job hides itself; focus goes on to what it brought.
        self.focus = FocusRequest()
        self.why_button.layout.display = "none"
        self.again_button.layout.display = "none"
        self.check_button.on_click(lambda _: self.check())
        self.why_button.on_click(lambda _: self.show_why())
        self.again_button.on_click(lambda _: self.try_again())
        actions = light.HBox(
            [self.check_button, self.why_button, self.again_button], classes=["cp-actions"]
        )
        self.widget = exercise_frame(
            exercise.title, [self.choices, actions, self.feedback, self.why, self.focus]
        )

    def check(self) -> None:
        if self.answered:  # checked already: a new answer needs "Try again" first
            return
        result = check_choice(self.exercise, self.choices.value)
        if not result.answered:
            self.feedback.html = paragraphs([result.message(self.words)], "cp-note")
            return
        self.attempts += 1
        self._show(result.message(self.words), result.feedback, result.correct)
        self.focus.request(".cp-check-feedback .cp-live", within=".cp-exercise")
        answer = {
            "selected": valid_choices(self.choices.value, len(self.exercise.options)),
            "attempts": self.attempts,
            "correct": result.correct,
        }
        problem = self._save(self.exercise.id, answer)
        if problem:
            self.feedback.html += paragraphs([problem], "cp-note")

    def show_why(self) -> None:
        if not self.answered:  # the explanation is earned by an answer
            return
        self.why_shown = True
        self.why.value = paragraphs([self.exercise.explanation], "cp-why")
        self.why_button.layout.display = "none"
        self.focus.request(".cp-why", within=".cp-exercise")

    def try_again(self) -> None:
        if not self.answered:
            return
        self.answered = False
        self.why_shown = False
        self.choices.value = []
        self.choices.disabled = False
        self.check_button.layout.display = None
        self.again_button.layout.display = "none"
        self.why_button.layout.display = "none"
        self.why.value = ""
        self.feedback.html = paragraphs([self.words.another_go])
        self.focus.request(".cp-choice input", within=".cp-exercise")

    def restore(self, answer: dict[str, Any]) -> None:
        attempts = answer.get("attempts")
        self.attempts = attempts if isinstance(attempts, int) and attempts > 0 else 1
        self.choices.value = valid_choices(answer.get("selected"), len(self.exercise.options))
        result = check_choice(self.exercise, self.choices.value)
        if result.answered:
            self._show(result.message(self.words), result.feedback, result.correct)

    def _show(self, message: str, feedback: list[str], correct: bool) -> None:
        self.answered = True
        mark = "cp-right" if correct else "cp-not-yet"
        self.feedback.html = paragraphs([message], mark) + paragraphs(feedback)
        self.choices.disabled = True
        self.check_button.layout.display = "none"
        self.why_button.layout.display = "none" if self.why_shown else None
        self.again_button.layout.display = None
