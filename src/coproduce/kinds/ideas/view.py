"""Ideas with votes: add a short idea or two, then tick a few of the room's ideas.

The list of the room's ideas changes only when the learner asks (a button), so nothing moves
under a reader or a keyboard; a polite notice says when new ideas are in. The list is in a
stable order, not by votes, and learners never see the counts: the room's top ideas are the
trainer's to show. Every rule is checked here, in the kernel, whatever the page sends.
"""

from __future__ import annotations

import html
import time
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets

from coproduce.content.model import Ideas
from coproduce.content.plurals import plural
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
from coproduce.kinds.ideas.checks import (
    authors_on_show,
    board,
    clean_idea,
    effective_votes,
    idea_roots,
    new_idea_id,
    stored_ideas,
    stored_votes,
)

LOOK_EVERY_SECONDS = 5.0  # how often an open ideas question looks for new ideas


class IdeasView:
    """Saves {"ideas": [{"id", "text"}], "votes": [idea ids]} on each add, take-back or tick."""

    def __init__(self, exercise: Ideas, save: SaveAnswer, context: ExerciseContext) -> None:
        self.exercise = exercise
        self._save = save
        self._context = context
        self._room = context.room
        self.words = words = context.content.interface.ideas
        self.needed = context.content.course.min_answers_shown
        self.language = context.content.course.language
        self.ideas: list[tuple[str, str]] = []  # this learner's own: (id, text)
        self.votes: list[str] = []  # ids this learner's ticks count for
        self.shown_ids: list[str] = []  # the room's ideas in the list, in its order
        self._drawing = False
        self._looked = 0.0
        self.box = light.Text(
            description=words.idea_label,
            continuous_update=False,  # one update as the box is left: a quick Add can't overtake it
            style=light.wide_label(light.Text),
            layout=light.full_width(),
        )
        self.box.add_class("cp-idea-box")
        self.add_button = button(words.add, "primary")
        self.add_button.on_click(lambda _: self.add())
        self.status = LiveMessage()
        self.yours = light.VBox(classes=["cp-your-ideas"])
        self.pass_button = rather_not_say_button(
            exercise, save, context, self.status, self._forget_all
        )
        actions = light.HBox(
            [self.add_button] + ([self.pass_button] if self.pass_button else []),
            classes=["cp-actions"],
        )
        self.room_heading = light.HTML(f"<h4>{html.escape(words.room_heading)}</h4>")
        self.new_notice = LiveMessage()
        self.show_new = button(words.show_new)
        self.show_new.on_click(lambda _: self.refresh())
        self.choices = ChoiceGroup(
            legend=words.room_legend, options=[], multiple=True, layout=widgets.Layout()
        )
        self.choices.add_class("cp-idea-choices")
        self.choices.observe(self._on_ticks, "value")
        self.room_status = LiveMessage()
        note = words.shared_note.format(votes=exercise.votes)
        room_part = (
            [self.room_heading, self.new_notice, self.show_new, self.choices, self.room_status]
            if self._room is not None
            else []
        )
        self.widget = exercise_frame(
            exercise.title,
            [
                light.HTML(paragraphs([exercise.prompt], "cp-word-prompt")),
                light.HTML(paragraphs([note], "cp-word-note")),
                self.box,
                actions,
                self.status,
                self.yours,
                *room_part,
            ],
            classes=["cp-ideas"],
        )
        self.refresh()

    # -- the learner's own ideas ------------------------------------------------------------
    def add(self) -> None:
        exercise, words = self.exercise, self.words
        text, cut = clean_idea(self.box.value, exercise.max_chars)
        if not text:
            self._say(words.empty)
            return
        if text.casefold() in {mine.casefold() for _, mine in self.ideas}:
            self._say(words.repeat)
            return
        if len(self.ideas) >= exercise.max_ideas:
            self._say(words.too_many)
            return
        ideas = [*self.ideas, (new_idea_id(), text)]
        if self._keep(ideas, self.votes):
            return
        self.ideas = ideas
        self.box.value = ""
        self._draw_yours()
        notes = [words.added, words.cut.format(max_chars=exercise.max_chars) if cut else ""]
        self.status.html = paragraphs(notes[:1], "cp-saved") + paragraphs(notes[1:], "cp-note")
        self.refresh()

    def take_back(self, idea_id: str) -> None:
        ideas = [(i, text) for i, text in self.ideas if i != idea_id]
        if len(ideas) == len(self.ideas) or self._keep(ideas, self.votes):
            return
        self.ideas = ideas
        self._draw_yours()
        self.status.html = paragraphs([self.words.taken_back], "cp-saved")
        self.refresh()

    def _draw_yours(self) -> None:
        for old in self.yours.children:
            old.close()
        if not self.ideas:
            self.yours.children = []
            return
        rows: list[widgets.Widget] = [
            light.HTML(f"<h4>{html.escape(self.words.yours_heading)}</h4>")
        ]
        for number, (idea_id, text) in enumerate(self.ideas, start=1):
            label = light.HTML(paragraphs([f"{number}. {text}"], "cp-your-idea"))
            take = button(self.words.take_back.format(number=number))
            take.on_click(lambda _, chosen=idea_id: self.take_back(chosen))
            row = light.HBox([label, take], classes=["cp-your-idea-row"])
            rows.append(row)
        self.yours.children = rows

    # -- the room's ideas and this learner's votes ------------------------------------------
    def refresh(self) -> None:
        """Read the room's ideas and show them (called at start, after each change of this
        learner's own, and when the learner asks)."""
        if self._room is None:
            return
        self._looked = time.monotonic()
        payloads, marks = self._room(self.exercise.id)
        self.new_notice.html = ""
        if authors_on_show(payloads, marks) < max(1, self.needed):
            self._draw_list({}, [])
            self.room_status.html = paragraphs(
                [plural(self.words.waiting, self.needed, self.language).format(needed=self.needed)],
                "cp-note",
            )
            return
        shown = self._shown(payloads, marks)
        votes = effective_votes(self.votes, idea_roots(payloads, marks), set(shown))
        self._draw_list(shown, votes)
        self.votes = votes
        self._say_votes_left()

    def tick(self) -> None:
        """From the room follower: now and then, say (not show) that new ideas are in."""
        if self._room is None or time.monotonic() - self._looked < LOOK_EVERY_SECONDS:
            return
        self._looked = time.monotonic()
        payloads, marks = self._room(self.exercise.id)
        enough = authors_on_show(payloads, marks) >= max(1, self.needed)
        changed = enough and set(self._shown(payloads, marks)) != set(self.shown_ids)
        if changed and not self.new_notice.html:
            self.new_notice.html = paragraphs([self.words.new_ideas], "cp-note")

    def _shown(self, payloads: list[Any], marks: Mapping[str, Any]) -> dict[str, str]:
        """Ideas on show, id -> text, in a stable order that says nothing of votes."""
        ideas = [idea for idea in board(payloads, marks) if not idea.hidden]
        return {idea.id: idea.text for idea in sorted(ideas, key=lambda idea: idea.id)}

    def _draw_list(self, shown: dict[str, str], votes: list[str]) -> None:
        self._drawing = True
        try:
            self.shown_ids = list(shown)
            self.choices.options = list(shown.values())
            self.choices.value = [self.shown_ids.index(vote) for vote in votes]
            self.choices.layout.display = None if shown else "none"
        finally:
            self._drawing = False

    def _on_ticks(self, change: dict[str, Any]) -> None:
        if self._drawing:
            return
        chosen = [self.shown_ids[i] for i in change["new"] if 0 <= i < len(self.shown_ids)]
        if len(chosen) > self.exercise.votes:
            self._put_back(change["old"])
            self.room_status.html = paragraphs(
                [self.words.too_many_votes.format(votes=self.exercise.votes)], "cp-note"
            )
            return
        problem = self._keep(self.ideas, chosen, say=False)
        if problem:
            self._put_back(change["old"])
            self.room_status.html = paragraphs([problem], "cp-note")
            return
        self.votes = chosen
        self._say_votes_left(saved=True)

    def _put_back(self, value: list[int]) -> None:
        self._drawing = True
        try:
            self.choices.value = list(value)
        finally:
            self._drawing = False

    def _say_votes_left(self, saved: bool = False) -> None:
        left = self.words.votes_left.format(
            left=self.exercise.votes - len(self.votes), votes=self.exercise.votes
        )
        kept = [self.words.votes_saved] if saved else []
        self.room_status.html = paragraphs([*kept, left], "cp-note")

    # -- saving and restoring ---------------------------------------------------------------
    def _keep(self, ideas: list[tuple[str, str]], votes: list[str], say: bool = True) -> str | None:
        """Save the whole answer; returns the store's kind message if it was not kept."""
        payload = {"ideas": [{"id": i, "text": text} for i, text in ideas], "votes": votes}
        problem = self._save(self.exercise.id, payload)
        if problem and say:
            self._say(problem)
        return problem

    def _say(self, text: str) -> None:
        self.status.html = paragraphs([text], "cp-note")

    def _forget_all(self) -> None:
        self.ideas, self.votes = [], []
        self._draw_yours()
        self.refresh()

    def restore(self, answer: dict[str, Any]) -> None:
        if would_rather_not_say(answer):
            show_kept(self._context, self.status)
            return
        self.ideas = stored_ideas(answer, self.exercise.max_chars)[: self.exercise.max_ideas]
        self.votes = stored_votes(answer)[: self.exercise.votes]
        self._draw_yours()
        self.refresh()
