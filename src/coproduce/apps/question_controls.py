"""The trainer app's controls for one shared question: close, open again, close after some
minutes, clear its answers (after a confirm). The learner's kernel enforces a closed question
(`LearnerSession.save`); these only change the state in the store."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

import ipywidgets as widgets

from coproduce.content.formats import clock
from coproduce.content.plurals import plural
from coproduce.content.trainer_words import QuestionsText
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import button
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.live.questions import MAX_CLOSE_MINUTES, Questions, QuestionState
from coproduce.live.sessions import SessionStore

DEFAULT_MINUTES = 2


class QuestionControls:
    def __init__(
        self,
        sessions: SessionStore,
        code: str,
        exercise_id: str,
        words: QuestionsText,
        changed: Callable[[], None],
        language: str = "en",
    ) -> None:
        self.sessions = sessions
        self.questions = Questions(sessions.store)
        self.code = code
        self.exercise_id = exercise_id
        self.words = words
        self._changed = changed
        # The trainer app's: the counts' plural forms and the closing time follow it
        self.language = language
        self._closed = False
        # False on a co-trainer's page for a part they do not lead: every control does nothing.
        self.allowed = True
        self.state_line = light.HTML()
        self.toggle = button(words.close)
        self.toggle.on_click(lambda _: self.close_or_reopen())
        self.clear_button = button(words.clear)
        self.clear_button.on_click(lambda _: self.ask_to_clear())
        self.minutes = widgets.BoundedIntText(
            value=DEFAULT_MINUTES,
            min=1,
            max=MAX_CLOSE_MINUTES,
            description=words.close_after,
            style=light.wide_label(widgets.BoundedIntText),
            layout=widgets.Layout(width="min(100%, 22rem)"),
        )
        self.countdown = button(words.close_after_button)
        self.countdown.on_click(lambda _: self.close_later())
        self.confirm_text = LiveMessage()  # announced: the question asked needs an answer
        self.yes = button(words.clear_yes, "danger")
        self.no = button(words.clear_no)
        self.yes.on_click(lambda _: self.clear())
        self.no.on_click(lambda _: self._hide_confirm())
        self.confirm = light.VBox(
            [self.confirm_text, _row(self.yes, self.no)], layout=widgets.Layout(display="none")
        )
        self.message = LiveMessage()
        self.widget = light.VBox(
            [
                self.state_line,
                _row(self.toggle, self.clear_button),
                _row(self.minutes, self.countdown),
                self.confirm,
                self.message,
            ],
            classes=["cp-question-controls"],
        )

    def draw(self, state: QuestionState, moment: datetime) -> None:
        self._closed = state.closed_at(moment)
        if self._closed:
            text = self.words.closed_state
        elif state.closes_at is not None:
            text = self.words.closes.format(time=clock(state.closes_at, self.language))
        else:
            text = self.words.open
        line = f'<p class="cp-question-state">{html.escape(text)}</p>'
        if self.state_line.value != line:
            self.state_line.value = line
        label = self.words.reopen if self._closed else self.words.close
        if self.toggle.description != label:
            self.toggle.description = self.toggle.tooltip = label

    def close_or_reopen(self) -> None:
        if not self.allowed:
            return
        if self._closed:
            self.questions.reopen(self.code, self.exercise_id)
        else:
            self.questions.close(self.code, self.exercise_id)
        self._changed()

    def close_later(self) -> None:
        if not self.allowed:
            return
        minutes = self.minutes.value
        if not isinstance(minutes, int) or not 1 <= minutes <= MAX_CLOSE_MINUTES:
            return  # the box keeps its bounds; a script could still send another value
        self.questions.close_after(self.code, self.exercise_id, minutes)
        self._changed()

    def ask_to_clear(self) -> None:
        if not self.allowed:
            return
        count = self.sessions.answer_count(self.code, self.exercise_id)
        text = plural(self.words.clear_confirm, count, self.language).format(count=count)
        self.confirm_text.html = f"<p><strong>{html.escape(text)}</strong></p>"
        self.confirm.layout.display = None
        self.message.html = ""

    def clear(self) -> None:
        if not self.allowed:
            return
        if self.confirm.layout.display == "none":
            return  # only after the confirm was shown: a stray click clears nothing
        removed = self.questions.clear(self.code, self.exercise_id)
        self._hide_confirm()
        words = html.escape(
            plural(self.words.cleared, removed, self.language).format(count=removed)
        )
        self.message.html = f"<p>{words}</p>"
        self._changed()

    def _hide_confirm(self) -> None:
        self.confirm.layout.display = "none"
        self.confirm_text.html = ""


def _row(*children: widgets.Widget) -> widgets.HBox:
    row = light.HBox(list(children), classes=["cp-actions"])
    return row
