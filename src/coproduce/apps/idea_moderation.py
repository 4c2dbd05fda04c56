"""The trainer's hide and merge controls for one ideas question, under its result; hidden on
the projected view. Only the trainer app can write the marks (coproduce.live.idea_marks):
a learner's kernel reads them and nothing more."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as widgets

from coproduce.apps.chrome.folded import Folded
from coproduce.content.ideas_words import IdeasText
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.bar_chart import short_label
from coproduce.kinds.common.frame import button, paragraphs
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.kinds.ideas.checks import board, idea_roots, stored_ideas, would_loop
from coproduce.live.idea_marks import IdeaMarks


class IdeaModeration:
    def __init__(
        self,
        marks: IdeaMarks,
        code: str,
        exercise_id: str,
        words: IdeasText,
        changed: Callable[[], None],
    ) -> None:
        self.marks = marks
        self.code = code
        self.exercise_id = exercise_id
        self.words = words
        self._changed = changed
        self._state: tuple[Any, ...] | None = None
        self._current: Mapping[str, Any] = {}
        self.allowed = True  # False on a co-trainer's page for a part they do not lead
        self.rows = light.VBox()
        style = {"description_width": "initial"}
        self.merge_from = widgets.Dropdown(description=words.merge_this, style=style)
        self.merge_into = widgets.Dropdown(description=words.merge_into, style=style)
        self.merge_button = button(words.merge_button)
        self.merge_button.on_click(lambda _: self.merge())
        self.message = LiveMessage()
        merging = light.HBox(
            [self.merge_from, self.merge_into, self.merge_button], classes=["cp-actions"]
        )
        self.merging = light.VBox([merging, self.message], layout=widgets.Layout())
        folded = Folded(words.moderate_heading)  # until the trainer needs it
        folded.body.children = [self.rows, self.merging]
        # Shown once there is an idea; the live results hide it on the projector around it.
        self.widget = folded.widget
        self.widget.layout.display = "none"

    def draw(self, payloads: list[Any], marks: Mapping[str, Any]) -> None:
        """Every idea (hidden ones too), numbered as on the result, with its controls; drawn
        again only when something changed, so an open panel and its focus stay put."""
        ideas = board(payloads, marks)
        roots = idea_roots(payloads, marks)
        texts = {i: text for payload in payloads for i, text in stored_ideas(payload)}
        state = (tuple(ideas), tuple(sorted(roots.items())))
        self._current = marks
        if state == self._state:
            return
        self._state = state
        number = {idea.id: n for n, idea in enumerate(ideas, start=1)}
        rows: list[widgets.Widget] = []
        for idea in ideas:
            hidden = f" {self.words.hidden_tag}" if idea.hidden else ""
            line = self.words.idea_line.format(
                number=number[idea.id], text=idea.text, votes=idea.votes
            )
            label = self.words.show if idea.hidden else self.words.hide
            toggle = button(label.format(number=number[idea.id]))
            toggle.on_click(lambda _, i=idea.id, h=not idea.hidden: self.hide(i, h))
            rows.append(_row(line + hidden, toggle))
        for idea_id, root in roots.items():
            if root != idea_id and root in number:
                into = self.words.idea_number.format(number=number[root])
                split = button(self.words.split.format(number=number[root]))
                split.on_click(lambda _, i=idea_id: self.split(i))
                line = self.words.merged_line.format(text=texts[idea_id], idea=into)
                rows.append(_row(line, split))
        for old in self.rows.children:
            old.close()
        self.rows.children = rows
        options = [(f"{number[idea.id]}. {short_label(idea.text)}", idea.id) for idea in ideas]
        self.merge_from.options = options
        self.merge_into.options = options
        if options:
            self.merge_from.index = 0
        if len(options) > 1:
            self.merge_into.index = 1
        self.merging.layout.display = None if len(options) > 1 else "none"
        self.widget.layout.display = None if ideas else "none"

    def hide(self, idea_id: str, hidden: bool) -> None:
        if not self.allowed:
            return
        self.marks.hide(self.code, self.exercise_id, idea_id, hidden)
        self._changed()

    def split(self, idea_id: str) -> None:
        if not self.allowed:
            return
        self.marks.merge(self.code, self.exercise_id, idea_id, None)
        self._changed()

    def merge(self) -> None:
        if not self.allowed:
            return
        source, target = self.merge_from.value, self.merge_into.value
        if not source or not target or would_loop(source, target, self._current):
            self.message.html = paragraphs([self.words.merge_loop], "cp-note")
            return
        self.message.html = ""
        self.marks.merge(self.code, self.exercise_id, source, target)
        self._changed()


def _row(text: str, control: widgets.Button) -> widgets.HBox:
    row = light.HBox([light.HTML(paragraphs([text])), control], classes=["cp-idea-row"])
    return row
