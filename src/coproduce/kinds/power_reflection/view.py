"""Power reflection: rate sentences about your own sources of power; always private.

One labelled group of options per sentence. As ratings come in, a profile chart (with a table of
the same numbers) and the prompts that match the learner's answers appear. The prompts stay in
the kernel until the ratings that call for them have been given.
"""

from __future__ import annotations

import html
from typing import Any

from coproduce.content.model import PowerReflection
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.bar_chart import Bar, bar_chart
from coproduce.kinds.common.choice_group import ChoiceGroup
from coproduce.kinds.common.frame import ExerciseContext, SaveAnswer, exercise_frame, paragraphs
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.kinds.power_reflection.checks import (
    PowerProfile,
    profile,
    progress_message,
    rating_number,
    rating_words,
    valid_ratings,
)


class PowerReflectionView:
    """Saves {"ratings": {"statement number": scale number}} on every change."""

    def __init__(
        self, exercise: PowerReflection, save: SaveAnswer, context: ExerciseContext
    ) -> None:
        self.exercise = exercise
        self._save = save
        self._context = context
        self._restoring = False
        self.words = words = context.content.interface.power_reflection
        # No mark after the chosen words: there is no right answer, and the tick and bold text
        # show the choice already.
        self.groups = [
            ChoiceGroup(
                legend=statement.text,
                options=list(exercise.scale),
                multiple=False,
                classes=["cp-power-statement"],
            )
            for statement in exercise.statements
        ]
        for group in self.groups:
            group.observe(self._on_rating, "value")
        intro = light.HTML(
            paragraphs([words.private], "cp-power-private") + paragraphs([exercise.prompt])
        )
        statements = light.VBox(self.groups, classes=["cp-power-statements"])
        self.chart = light.HTML("", classes=["cp-power-profile"])
        self.prompts = light.HTML("", classes=["cp-power-prompts"])
        self.status = LiveMessage()
        self.widget = exercise_frame(
            exercise.title,
            [intro, statements, self.status, self.chart, self.prompts],
            classes=["cp-power-reflection"],
        )
        self._show(profile(exercise, {}))

    def ratings(self) -> dict[int, int]:
        raw = {index: group.value[0] for index, group in enumerate(self.groups) if group.value}
        return valid_ratings(raw, len(self.exercise.statements), len(self.exercise.scale))

    def _on_rating(self, _change: dict[str, Any]) -> None:
        if self._restoring:
            return
        ratings = self.ratings()
        result = profile(self.exercise, ratings)
        self._show(result)
        problem = self._save(
            self.exercise.id, {"ratings": {str(key): value for key, value in ratings.items()}}
        )
        if problem:
            self.status.html = paragraphs([problem], "cp-note")
        else:
            said = progress_message(result, self.words, self._context.language)
            self.status.html = paragraphs([said], "cp-saved")

    def _show(self, result: PowerProfile) -> None:
        if not result.answered:
            self.chart.value = ""
            self.prompts.value = ""
            return
        words = self.words
        scale = list(self.exercise.scale)
        bars = [
            Bar(
                label=score.source,
                value=score.average + 1,
                value_text=rating_number(score.average, len(scale), words, self._context.language),
                detail=rating_words(score.average, scale, words),
            )
            for score in result.scores
        ]
        heading = f'<h4 class="cp-power-heading">{html.escape(words.profile_heading)}</h4>'
        self.chart.value = heading + bar_chart(
            bars,
            caption=words.caption.format(max=len(scale)),
            maximum=len(scale),
            headings=(words.source_heading, words.average_heading, words.words_heading),
            empty_text=words.start,
            words=self._context.content.interface.charts,
        )
        if result.prompts:
            items = "".join(f"<li>{paragraphs([text])}</li>" for text in result.prompts)
            self.prompts.value = (
                f'<h4 class="cp-power-heading">{html.escape(words.prompts_heading)}</h4>'
                f'<ul class="cp-power-prompt-list">{items}</ul>'
            )
        else:
            self.prompts.value = ""

    def restore(self, answer: dict[str, Any]) -> None:
        raw = answer.get("ratings") if isinstance(answer, dict) else None
        ratings = valid_ratings(raw, len(self.exercise.statements), len(self.exercise.scale))
        self._restoring = True
        try:
            for index, group in enumerate(self.groups):
                group.value = [ratings[index]] if index in ratings else []
        finally:
            self._restoring = False
        result = profile(self.exercise, ratings)
        self._show(result)
        if result.answered:
            said = progress_message(result, self.words, self._context.language, saved=False)
            self.status.html = paragraphs([said], "cp-saved")
