"""A one-question poll, shared with the room without names; the learner may change their vote."""

from __future__ import annotations

from typing import Any

from coproduce.content.model import Poll
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
from coproduce.kinds.poll.checks import check_vote, stored_vote


class PollView:
    """Saves {"choice": index} when the learner presses Vote (or Change my vote)."""

    def __init__(self, exercise: Poll, save: SaveAnswer, context: ExerciseContext) -> None:
        self.exercise = exercise
        self._save = save
        self._context = context
        self.words = words = context.content.interface.poll
        self.counted: int | None = None
        self.choices = ChoiceGroup(
            legend=exercise.prompt,
            options=list(exercise.options),
            chosen_mark=context.content.interface.choices.your_choice,
        )
        self.vote_button = button(words.vote, "primary")
        self.vote_button.on_click(lambda _: self.vote())
        self.status = LiveMessage()
        note = words.shared_note if exercise.visibility == "shared" else words.private_note
        self.pass_button = rather_not_say_button(
            exercise, save, context, self.status, self._clear_vote
        )
        actions = light.HBox(
            [self.vote_button] + ([self.pass_button] if self.pass_button else []),
            classes=["cp-actions"],
        )
        self.widget = exercise_frame(
            exercise.title,
            [light.HTML(paragraphs([note], "cp-poll-note")), self.choices, actions, self.status],
            classes=["cp-poll"],
        )

    def vote(self) -> None:
        result = check_vote(self.choices.value, len(self.exercise.options))
        if result.choice is None:
            self.status.html = paragraphs([self.words.choose_first], "cp-note")
            return
        problem = self._save(self.exercise.id, {"choice": result.choice})
        if problem:
            self.status.html = paragraphs([problem], "cp-note")
            return
        self._show_counted(result.choice)

    def restore(self, answer: dict[str, Any]) -> None:
        if would_rather_not_say(answer):
            show_kept(self._context, self.status)
            return
        choice = stored_vote(answer, len(self.exercise.options))
        if choice is None:
            return
        self.choices.value = [choice]
        self._show_counted(choice)

    def _clear_vote(self) -> None:
        self.counted = None
        self.choices.value = []
        self.vote_button.description = self.vote_button.tooltip = self.words.vote

    def _show_counted(self, choice: int) -> None:
        self.counted = choice
        words = self.words
        self.vote_button.description = self.vote_button.tooltip = words.change
        self.status.html = paragraphs(
            [
                words.counted,
                words.your_vote.format(option=self.exercise.options[choice]),
                words.to_change,
            ],
            "cp-poll-counted",
        )
