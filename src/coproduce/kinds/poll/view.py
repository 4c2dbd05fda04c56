"""A one-question poll, shared with the room without names; the learner may change their vote."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from coproduce.content.model import Poll
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

SHARED_NOTE = "Votes are shared with the room without names. Nobody sees who chose what."
PRIVATE_NOTE = "Only you can see your vote."
VOTE = "Vote"
CHANGE = "Change my vote"


class PollView:
    """Saves {"choice": index} when the learner presses Vote (or Change my vote)."""

    def __init__(
        self, exercise: Poll, save: SaveAnswer, context: ExerciseContext | None = None
    ) -> None:
        self.exercise = exercise
        self._save = save
        self._context = context
        self.counted: int | None = None
        self.choices = ChoiceGroup(legend=exercise.prompt, options=list(exercise.options))
        self.vote_button = button(VOTE, "primary")
        self.vote_button.on_click(lambda _: self.vote())
        self.status = LiveMessage()
        note = SHARED_NOTE if exercise.visibility == "shared" else PRIVATE_NOTE
        self.pass_button = rather_not_say_button(
            exercise, save, context, self.status, self._clear_vote
        )
        actions = widgets.HBox(
            [self.vote_button] + ([self.pass_button] if self.pass_button else [])
        )
        actions.add_class("cp-actions")
        self.widget = exercise_frame(
            exercise.title,
            [widgets.HTML(paragraphs([note], "cp-poll-note")), self.choices, actions, self.status],
        )
        self.widget.add_class("cp-poll")

    def vote(self) -> None:
        result = check_vote(self.choices.value, len(self.exercise.options))
        if result.choice is None:
            self.status.html = paragraphs([result.message], "cp-note")
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
        self.vote_button.description = VOTE
        self.vote_button.tooltip = VOTE

    def _show_counted(self, choice: int) -> None:
        self.counted = choice
        self.vote_button.description = CHANGE
        self.vote_button.tooltip = CHANGE
        self.status.html = paragraphs(
            [
                check_vote(choice, len(self.exercise.options)).message,
                f"Your vote: {self.exercise.options[choice]}",
                "To change it, choose another answer and press “Change my vote”.",
            ],
            "cp-poll-counted",
        )
