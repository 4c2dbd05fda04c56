"""One learner's answers in one kernel: saved as given, restored when the browser says who it is."""

from __future__ import annotations

import logging
from typing import Any, Protocol

from sqlalchemy.exc import SQLAlchemyError

from coproduce.live.learner_ids import LEARNER_ID, verify
from coproduce.live.questions import Questions
from coproduce.live.store import LOCAL_SESSION, AnswerTooLarge, Store

log = logging.getLogger(__name__)

TOO_LARGE = "This answer is too long to keep. Please make it shorter."
NOT_SAVED = "We could not save just now. Your answer is still here and will be saved next time."


class ExerciseView(Protocol):
    """What the session needs of an exercise's view: a way to put a saved answer back."""

    def restore(self, answer: dict[str, Any]) -> None: ...


class SessionWatcher(Protocol):
    """Told what becomes of this learner's answers: the page keeps what the learner gives until
    the store holds it (see apps/chrome/connection_watch)."""

    def registered(self, exercise_id: str, view: ExerciseView) -> None: ...

    def saving(self, exercise_id: str) -> None: ...  # just before the answer is written

    def saved(self, exercise_id: str) -> None: ...  # once the store holds it

    def identified(self) -> None: ...


def valid_learner_id(raw: object) -> str | None:
    """A learner id of the shape the store keeps, or None. The shape alone proves nothing: a
    browser's id is taken only with this server's signature (`identify`, `learner_ids`)."""
    if isinstance(raw, str) and LEARNER_ID.fullmatch(raw):
        return raw
    return None


class LearnerSession:
    """Answers given before the browser's learner id arrives wait here, then are saved."""

    def __init__(
        self, store: Store, session_code: str = LOCAL_SESSION, closed_message: str = ""
    ) -> None:
        self.store = store
        self.session_code = session_code
        self.questions = Questions(store)
        self.closed_message = closed_message  # said when the trainer has closed the question
        self.learner_id: str | None = None
        self.views: dict[str, ExerciseView] = {}
        self.stored: dict[str, dict[str, Any]] = {}
        self.pending: dict[str, dict[str, Any]] = {}
        self.watchers: list[SessionWatcher] = []

    def watch(self, watcher: SessionWatcher) -> None:
        """Tell `watcher` of every exercise shown so far and from now on, and of each save."""
        self.watchers.append(watcher)
        for exercise_id, view in self.views.items():
            watcher.registered(exercise_id, view)
        if self.learner_id:
            watcher.identified()

    def save(self, exercise_id: str, answer: dict[str, Any]) -> str | None:
        if self.learner_id is None:
            self.pending[exercise_id] = answer
            return None
        if self._closed(exercise_id):
            return self.closed_message
        for watcher in self.watchers:
            watcher.saving(exercise_id)
        try:
            self.store.save_answer(self.learner_id, exercise_id, answer, session=self.session_code)
        except AnswerTooLarge:
            return TOO_LARGE
        except SQLAlchemyError:
            log.exception("saving an answer failed")
            self.pending[exercise_id] = answer
            return NOT_SAVED
        self.stored[exercise_id] = answer
        for watcher in self.watchers:
            watcher.saved(exercise_id)
        return None

    def answer_was_cleared(self, exercise_id: str) -> bool:
        """After the trainer cleared a question: was this learner's answer among those cleared?
        If so it is forgotten here too, so the page can offer the question afresh."""
        if self.learner_id is None or exercise_id not in self.stored:
            return False
        try:
            kept = self.store.load_answers(self.learner_id, session=self.session_code)
        except SQLAlchemyError:
            log.exception("could not read whether an answer was cleared")
            return False
        if exercise_id in kept:
            return False
        del self.stored[exercise_id]
        return True

    def _closed(self, exercise_id: str) -> bool:
        """Only a live session's questions close; an unreadable state keeps the answer."""
        if self.session_code == LOCAL_SESSION:
            return False
        try:
            return self.questions.is_closed(self.session_code, exercise_id)
        except SQLAlchemyError:
            log.exception("could not read whether a question is closed")
            return False

    def identify(self, token: object) -> bool:
        """Take the browser's signed learner id, restore that learner's answers, save waiting
        ones. An id this server did not issue (made up, altered) is refused."""
        learner_id = verify(token)
        if learner_id is None or learner_id == self.learner_id:
            return False
        self.learner_id = learner_id
        self.stored = self.store.load_answers(learner_id, session=self.session_code)
        for exercise_id, view in self.views.items():
            if exercise_id in self.stored and exercise_id not in self.pending:
                view.restore(self.stored[exercise_id])
        waiting, self.pending = self.pending, {}
        for exercise_id, answer in waiting.items():
            self.save(exercise_id, answer)
        for watcher in self.watchers:
            watcher.identified()
        return True

    def register(self, exercise_id: str, view: ExerciseView) -> None:
        self.views[exercise_id] = view
        if exercise_id in self.stored:
            view.restore(self.stored[exercise_id])
        for watcher in self.watchers:
            watcher.registered(exercise_id, view)

    def place(self) -> str | None:
        if not self.learner_id:
            return None
        return self.store.load_place(self.learner_id, session=self.session_code)

    def save_place(self, module: str) -> None:
        if self.learner_id:
            try:
                self.store.save_place(self.learner_id, module, session=self.session_code)
            except SQLAlchemyError:
                log.exception("saving the learner's place failed")
