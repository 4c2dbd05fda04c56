"""The trainer app's live results: one box per shared exercise, this part's first, the rest
folded away; hide/show for shared texts and the question controls under each.

Boxes are made once and updated in place, so no widget piles up over a session.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import ipywidgets as widgets

from coproduce.apps.chrome.folded import Folded
from coproduce.apps.idea_moderation import IdeaModeration
from coproduce.apps.question_controls import QuestionControls
from coproduce.content.course import CourseContent
from coproduce.content.timings import run_exercises
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import button, paragraphs
from coproduce.live.idea_marks import IdeaMarks
from coproduce.live.questions import QuestionState
from coproduce.live.sessions import SessionStore, SharedAnswer
from coproduce.reports.live_results import (
    closable,
    counted_payloads,
    is_live,
    results_html,
    shared_texts,
)
from coproduce.reports.room_answers import RoomAnswers, read_room


class LiveResults:
    def __init__(
        self, content: CourseContent, sessions: SessionStore, code: str, changed: Callable[[], None]
    ) -> None:
        self.content = content
        self.sessions = sessions
        self.code = code
        self._changed = changed  # the trainer app redraws after a control changed the store
        self.boxes: dict[str, _ResultBox] = {}
        self.words = words = content.interface.trainer
        self._other_results = Folded(words.other_results)
        self._no_results = light.HTML(paragraphs([words.no_shared]))
        self._nothing_here = light.HTML(paragraphs([words.nothing_here]))
        self._projecting = False
        # The exercises whose controls this page may use: all (None), or a co-trainer's parts.
        self._controlled: set[str] | None = None

    def limit_to(self, exercise_ids: set[str] | None) -> None:
        """A co-trainer's page: controls only under the results of the parts they lead."""
        self._controlled = exercise_ids
        for exercise_id, result in self.boxes.items():
            self._arm(exercise_id, result)

    def _may_control(self, exercise_id: str) -> bool:
        return self._controlled is None or exercise_id in self._controlled

    def _arm(self, exercise_id: str, result: _ResultBox) -> None:
        allowed = self._may_control(exercise_id)
        for part in (result.controls, result.moderation):
            if part is not None:
                part.allowed = allowed
        shown = allowed and not self._projecting
        result.trainer_only.layout.display = None if shown else "none"

    def _hider(self, exercise_id: str, tag: str, hide: bool) -> Callable[[Any], None]:
        def act(_: Any) -> None:
            if not self._may_control(exercise_id):
                return
            self.sessions.set_hidden(self.code, exercise_id, tag, hide)
            self._changed()

        return act

    def project(self, on: bool) -> None:
        """The projector shows results, never the controls."""
        self._projecting = on
        for exercise_id, result in self.boxes.items():
            self._arm(exercise_id, result)

    def widgets(
        self, current: str | None, states: dict[str, QuestionState]
    ) -> list[widgets.Widget]:
        """This part's results in full; the rest of the course folded away below them.

        One box per live exercise, made once and updated in place (no widget piles up).
        """
        here = _module_exercises(self.content, current)
        live = [
            self.content.exercises[eid]
            for slug in self.content.course.module_slugs
            for eid in run_exercises(self.content, self.content.modules[slug])
            if is_live(self.content.exercises[eid])
        ]
        for exercise in live:
            self._update(exercise, states.get(exercise.id, QuestionState()))
        shown = [self.boxes[e.id].box for e in live if e.id in here]
        others = [self.boxes[e.id].box for e in live if e.id not in here]
        if not live:
            return [self._no_results]
        if not shown:
            shown = [self._nothing_here]
        if others:
            self._other_results.body.children = others
            shown.append(self._other_results.widget)
        return shown

    def _update(self, exercise: Any, question: QuestionState) -> None:
        room = read_room(self.sessions, self.code, exercise) or RoomAnswers([])
        answers = room.answers
        result = self.boxes.get(exercise.id)
        if result is None:
            title = light.HTML(f"<h3>{html.escape(exercise.title)}</h3>")
            # Each box shows, hides or spaces itself: a layout of its own, not the shared one.
            result = _ResultBox(
                light.VBox([title], layout=widgets.Layout(margin="0 0 16px 0")),
                light.HTML(),
                light.VBox(layout=widgets.Layout()),
                light.VBox(layout=widgets.Layout()),
            )
            controls: list[widgets.Widget] = [result.hiding]
            if exercise.kind == "ideas":
                result.moderation = IdeaModeration(
                    IdeaMarks(self.sessions.store),
                    self.code,
                    exercise.id,
                    self.content.interface.ideas,
                    self._changed,
                )
                controls.append(result.moderation.widget)
            if closable(exercise):
                result.controls = QuestionControls(
                    self.sessions,
                    self.code,
                    exercise.id,
                    self.content.interface.questions,
                    self._changed,
                    self.content.course.language,
                )
                controls.append(result.controls.widget)
            # Everything under the result is the trainer's: the projector never shows it.
            result.trainer_only.children = controls
            result.box.children = [title, result.body, result.trainer_only]
            self.boxes[exercise.id] = result
            self._arm(exercise.id, result)
        if result.controls is not None:
            result.controls.draw(question, datetime.now(UTC))
        body = results_html(self.content, exercise, answers, before=room.before, marks=room.marks)
        if result.body.value != body:
            result.body.value = body
        if exercise.kind in {"reflection", "word_list"}:
            candidates = shared_texts(answers) if exercise.kind == "reflection" else answers
            state = tuple((answer.tag, answer.hidden) for answer in candidates)
            if state != result.hide_state:
                result.hide_state = state
                self._update_hide_controls(result, exercise, candidates)
        if result.moderation is not None:
            result.moderation.draw(counted_payloads(answers), room.marks)

    def _update_hide_controls(
        self, result: _ResultBox, exercise: Any, candidates: list[SharedAnswer]
    ) -> None:
        """A folded panel of hide/show buttons; it stays open while the trainer uses it."""
        toggles = []
        for number, answer in enumerate(candidates, start=1):
            label = self.words.show_answer if answer.hidden else self.words.hide_answer
            toggle = button(label.format(number=number))
            toggle.on_click(self._hider(exercise.id, answer.tag, not answer.hidden))
            toggles.append(toggle)
        if result.hide_panel is None:
            result.hide_panel = Folded(self.words.hide_or_show)
            result.hiding.children = (result.hide_panel.widget,)
        for old in result.hide_panel.body.children:
            old.close()
        result.hide_panel.body.children = toggles
        result.hiding.layout.display = None if toggles else "none"


@dataclass
class _ResultBox:
    box: widgets.VBox
    body: widgets.HTML
    hiding: widgets.VBox
    trainer_only: widgets.VBox
    hide_state: tuple[tuple[str, bool], ...] = ()
    controls: QuestionControls | None = None
    moderation: IdeaModeration | None = None
    hide_panel: Folded | None = None


def _module_exercises(content: CourseContent, slug: str | None) -> set[str]:
    module = content.modules.get(slug or "")
    return set(run_exercises(content, module)) if module else set()
