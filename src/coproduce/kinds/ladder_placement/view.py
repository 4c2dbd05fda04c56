"""Place described situations on a ladder of participation, then read where each one sits.

Each situation has a labelled drop-down list of the rungs (RungSelect), so it works by keyboard
and needs no dragging. Where the course puts each situation, and why, stay in the kernel until
the learner presses the check button.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import traitlets

from coproduce.content.activity_words import LadderText
from coproduce.content.model import Ladder, LadderPlacement
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import (
    ExerciseContext,
    SaveAnswer,
    button,
    exercise_frame,
    paragraphs,
)
from coproduce.kinds.common.kernel_widget import KernelWidget
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.kinds.common.rather_not_say import (
    rather_not_say_button,
    show_kept,
    would_rather_not_say,
)
from coproduce.kinds.ladder_placement.checks import (
    PlacementResult,
    check_placements,
    rung_label,
    valid_placements,
)

NOT_PLACED = ""


class RungSelect(KernelWidget):
    """A <label> and a <select> of rungs; the options hold rung names only, never the answer.

    A choice comes as a custom message and must be one of the rungs offered; the page can
    change no trait directly.
    """

    _esm = Path(__file__).with_name("view.js")
    label = traitlets.Unicode("").tag(sync=True)
    options = traitlets.List(traitlets.List(traitlets.Unicode())).tag(sync=True)
    value = traitlets.Unicode(NOT_PLACED).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_msg(self._placed)

    def _placed(self, _widget: Any, content: Any, _buffers: Any) -> None:
        placed = content.get("placed") if isinstance(content, dict) else None
        known = {value for _text, value in self.options}
        if not self.disabled and isinstance(placed, str) and placed in known:
            self.value = placed


class LadderPlacementView:
    """Saves each placement as it changes; explanations appear only after a check."""

    def __init__(
        self, exercise: LadderPlacement, save: SaveAnswer, context: ExerciseContext
    ) -> None:
        self.exercise = exercise
        self._save = save
        self._context = context
        self.checked = False
        self._restoring = False
        self.words = words = context.content.interface.ladder_placement
        ladder = context.content.ladders.get(exercise.ladder)
        self.ladder: Ladder | None = ladder
        self.selects: list[RungSelect] = []
        self.results: list[widgets.HTML] = []
        self.status = LiveMessage()
        self.check_button = button(words.check, "primary")
        self.check_button.on_click(lambda _: self.check())
        if ladder is None:
            missing = paragraphs([words.no_ladder], "cp-note")
            self.widget = exercise_frame(exercise.title, [light.HTML(missing)])
            return
        choices = [[words.choose, NOT_PLACED]] + [
            [rung_label(ladder, rung.id, words), rung.id] for rung in reversed(ladder.rungs)
        ]
        situations: list[widgets.Widget] = []
        count = len(exercise.situations)
        for number, situation in enumerate(exercise.situations, start=1):
            heading = words.situation.format(number=number, count=count)
            text = light.HTML(
                f'<p class="cp-ladder-situation-text"><strong>{html.escape(heading)}'
                f"</strong> {html.escape(situation.text)}</p>"
            )
            select = RungSelect(
                label=words.where.format(number=number),
                options=choices,
                value=NOT_PLACED,
                classes=["cp-ladder-select"],
            )
            select.observe(lambda change, index=number - 1: self._on_change(index), "value")
            result = light.HTML("", classes=["cp-ladder-result"])
            box = light.VBox([text, select, result], classes=["cp-ladder-situation"])
            self.selects.append(select)
            self.results.append(result)
            situations.append(box)
        self.pass_button = rather_not_say_button(exercise, save, context, self.status, self._clear)
        actions = light.HBox(
            [self.check_button] + ([self.pass_button] if self.pass_button else []),
            classes=["cp-actions"],
        )
        self.widget = exercise_frame(
            exercise.title,
            [
                light.HTML(paragraphs([exercise.prompt], "cp-ladder-prompt")),
                light.HTML(_ladder_html(ladder, words)),
                *situations,
                actions,
                self.status,
            ],
            classes=["cp-ladder-exercise"],
        )

    @property
    def placements(self) -> list[str | None]:
        return [select.value or None for select in self.selects]

    def _on_change(self, index: int) -> None:
        if self._restoring:
            return
        if self.results[index].value:
            self.results[index].value = paragraphs([self.words.changed], "cp-note")
        self._save_now()

    def check(self) -> None:
        if self.ladder is None:
            return
        result = check_placements(
            self.exercise, self.ladder, self.placements, self.words, self._context.language
        )
        if not result.complete:
            self.status.html = paragraphs([result.message], "cp-note")
            return
        self.checked = True
        self._show(result)
        self._save_now(result.matched)

    def restore(self, answer: dict[str, Any]) -> None:
        if self.ladder is None or not isinstance(answer, dict):
            return
        if would_rather_not_say(answer):
            show_kept(self._context, self.status)
            return
        placements = valid_placements(
            answer.get("placements"), self.ladder, len(self.exercise.situations)
        )
        self._restoring = True
        try:
            for select, place in zip(self.selects, placements, strict=True):
                select.value = place or NOT_PLACED
        finally:
            self._restoring = False
        if answer.get("checked") is True:
            result = check_placements(
                self.exercise, self.ladder, placements, self.words, self._context.language
            )
            if result.complete:
                self.checked = True
                self._show(result)

    def _clear(self) -> None:
        """After a rather-not-say choice: no placements, no explanations (nothing is saved here)."""
        self._restoring = True
        try:
            for select, box in zip(self.selects, self.results, strict=True):
                select.value = NOT_PLACED
                box.value = ""
        finally:
            self._restoring = False
        self.checked = False

    def _show(self, result: PlacementResult) -> None:
        for box, situation in zip(self.results, result.situations, strict=True):
            mark = "cp-ladder-same" if situation.same else "cp-ladder-differs"
            box.value = paragraphs([situation.message], mark) + paragraphs(
                [situation.explanation], "cp-why"
            )
        self.status.html = paragraphs([result.message])

    def _save_now(self, matched: int | None = None) -> None:
        answer: dict[str, Any] = {"placements": self.placements, "checked": self.checked}
        if matched is not None:
            answer["matched"] = matched
        problem = self._save(self.exercise.id, answer)
        if problem:
            self.status.html = paragraphs([problem], "cp-note")


def _ladder_html(ladder: Ladder, words: LadderText) -> str:
    """The ladder from its top rung down, as text: names, parts and what each rung means."""
    esc = html.escape
    total = len(ladder.rungs)
    items = []
    for number, rung in reversed(list(enumerate(ladder.rungs, start=1))):
        where = words.rung_where.format(
            where=words.rung_of.format(number=number, total=total), group=rung.group.lower()
        )
        items.append(
            '<li class="cp-rung">'
            f'<span class="cp-rung-name">{esc(rung.name)}</span> '
            f'<span class="cp-rung-where">{esc(where)}</span>'
            f'<span class="cp-rung-description">{esc(rung.description)}</span>'
            "</li>"
        )
    return (
        '<details class="cp-ladder" open>'
        f"<summary>{esc(words.ladder.format(title=ladder.title))}</summary>"
        f'<p class="cp-ladder-top">{esc(words.top)}</p>'
        f'<ul class="cp-ladder-rungs">{"".join(items)}</ul>'
        f'<p class="cp-ladder-bottom">{esc(words.bottom)}</p>'
        f'<p class="cp-ladder-source">{esc(words.source.format(source=ladder.source))}</p>'
        "</details>"
    )
