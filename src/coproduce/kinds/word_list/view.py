"""A few words in answer to a prompt, shared with the room without names."""

from __future__ import annotations

from typing import Any

from coproduce.content.model import WordList
from coproduce.kinds.common import light_widgets as light
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
from coproduce.kinds.word_list.checks import Naming, clean_words, too_long_message


class WordListView:
    """One labelled box per word; Submit cleans the words, saves them and shows them back."""

    def __init__(self, exercise: WordList, save: SaveAnswer, context: ExerciseContext) -> None:
        self.exercise = exercise
        self._save = save
        self._context = context
        self._restoring = False
        self.words = words = context.content.interface.word_list
        self.naming = Naming(words, context.language, exercise.noun, exercise.plural)
        count = exercise.max_words
        self.boxes = [
            light.Text(
                description=self.naming.box_label(number, count),
                # Sent when the learner leaves the box: one update, so a quick Submit cannot
                # overtake the words that ipywidgets would otherwise still be holding back.
                continuous_update=False,
                style=light.wide_label(light.Text),
                layout=light.full_width(),
                classes=["cp-word-box"],
            )
            for number in range(1, count + 1)
        ]
        for box in self.boxes:
            box.observe(self._on_type, "value")
        self.hint = LiveMessage()
        self.status = LiveMessage()
        self.submit_button = button(words.submit, "primary")
        self.submit_button.on_click(lambda _: self.submit())
        note = words.shared_note if exercise.visibility == "shared" else words.private_note
        chars = exercise.max_chars_per_word
        limit = (
            words.limit_one.format(noun=exercise.noun, max_chars=chars)
            if count == 1
            else words.limit.format(count=count, nouns=exercise.plural, max_chars=chars)
        )
        words = light.VBox(self.boxes, classes=["cp-word-boxes"])
        self.pass_button = rather_not_say_button(
            exercise, save, context, self.status, lambda: self._fill([])
        )
        actions = light.HBox(
            [self.submit_button] + ([self.pass_button] if self.pass_button else []),
            classes=["cp-actions"],
        )
        self.widget = exercise_frame(
            exercise.title,
            [
                light.HTML(paragraphs([exercise.prompt], "cp-word-prompt")),
                light.HTML(paragraphs([limit, note], "cp-word-note")),
                words,
                self.hint,
                actions,
                self.status,
            ],
            classes=["cp-word-list"],
        )

    def _on_type(self, _change: dict[str, Any]) -> None:
        if self._restoring:
            return
        exercise = self.exercise
        notes = [
            too_long_message(
                number, box.value, exercise.max_chars_per_word, exercise.max_words, self.naming
            )
            for number, box in enumerate(self.boxes, start=1)
        ]
        self.hint.html = paragraphs(notes, "cp-note")

    def submit(self) -> None:
        exercise = self.exercise
        result = clean_words(
            [box.value for box in self.boxes],
            exercise.max_words,
            exercise.max_chars_per_word,
            self.naming,
        )
        if not result.words:
            self.status.html = paragraphs([self.naming.message(result)], "cp-note")
            return
        problem = self._save(self.exercise.id, {"words": result.words})
        if problem:
            self.status.html = paragraphs([problem], "cp-note")
            return
        self._fill(result.words)
        self.status.html = paragraphs([self.naming.message(result)], "cp-word-done") + paragraphs(
            result.notes, "cp-note"
        )

    def restore(self, answer: dict[str, Any]) -> None:
        if would_rather_not_say(answer):
            show_kept(self._context, self.status)
            return
        raw = answer.get("words") if isinstance(answer, dict) else None
        result = clean_words(
            raw, self.exercise.max_words, self.exercise.max_chars_per_word, self.naming
        )
        if not result.words:
            return
        self._fill(result.words)
        self.status.html = paragraphs([self.naming.message(result)], "cp-word-done")

    def _fill(self, words: list[str]) -> None:
        self._restoring = True
        try:
            for index, box in enumerate(self.boxes):
                box.value = words[index] if index < len(words) else ""
        finally:
            self._restoring = False
        self.hint.html = ""
