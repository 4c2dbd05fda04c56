"""A rating scale: one question, a labelled point from low to high; shared without names."""

from __future__ import annotations

from typing import Any

from coproduce.content.model import RatingScale
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.choice_group import ChoiceGroup
from coproduce.kinds.common.frame import (
    ExerciseContext,
    SaveAnswer,
    button,
    exercise_frame,
    paragraphs,
)
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.kinds.common.rather_not_say import (
    rather_not_say_button,
    show_kept,
    would_rather_not_say,
)
from coproduce.kinds.rating_scale.checks import point_names, stored_rating, valid_rating


class RatingScaleView:
    """Saves {"rating": point} (0 is the lowest point) when the learner presses the button."""

    def __init__(self, exercise: RatingScale, save: SaveAnswer, context: ExerciseContext) -> None:
        self.exercise = exercise
        self._save = save
        self._context = context
        self.words = context.content.interface.rating
        self.points = point_names(exercise.scale, self.words.point)
        self.choices = ChoiceGroup(
            legend=exercise.prompt,
            options=self.points,
            chosen_mark=context.content.interface.choices.your_answer,
        )
        self.choices.add_class("cp-rating-points")
        self.save_button = button(self.words.button, "primary")
        self.save_button.on_click(lambda _: self.rate())
        self.status = LiveMessage()
        shared = exercise.visibility == "shared"
        note = self.words.shared_note if shared else self.words.private_note
        self.pass_button = rather_not_say_button(exercise, save, context, self.status, self._clear)
        actions = light.HBox(
            [self.save_button] + ([self.pass_button] if self.pass_button else []),
            classes=["cp-actions"],
        )
        self.widget = exercise_frame(
            exercise.title,
            [light.HTML(paragraphs([note], "cp-poll-note")), self.choices, actions, self.status],
            classes=["cp-rating"],
        )

    def rate(self) -> None:
        point = valid_rating(self.choices.value, len(self.points))
        if point is None:
            self.status.html = paragraphs([self.words.choose_first], "cp-note")
            return
        problem = self._save(self.exercise.id, {"rating": point})
        if problem:
            self.status.html = paragraphs([problem], "cp-note")
            return
        self._show_kept(point)

    def restore(self, answer: dict[str, Any]) -> None:
        if would_rather_not_say(answer):
            show_kept(self._context, self.status)
            return
        point = stored_rating(answer, len(self.points))
        if point is not None:
            self.choices.value = [point]
            self._show_kept(point)

    def _clear(self) -> None:
        self.choices.value = []
        self.save_button.description = self.save_button.tooltip = self.words.button

    def _show_kept(self, point: int) -> None:
        self.save_button.description = self.save_button.tooltip = self.words.change
        kept = self.words.saved.format(point=self.points[point])
        self.status.html = paragraphs([kept], "cp-saved")
