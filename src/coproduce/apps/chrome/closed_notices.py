"""Above each question the trainer can close: a notice, announced, while it is closed, or once
the trainer has cleared its answers."""

from __future__ import annotations

from coproduce.kinds.common.frame import paragraphs
from coproduce.kinds.common.live_message import LiveMessage


class ClosedNotices:
    """One notice per closable question shown so far; `show` sets them all from the room."""

    def __init__(self, words: str, cleared_words: str = "") -> None:
        self.words = words
        self.cleared_words = cleared_words
        self.closed: set[str] = set()
        self.cleared: set[str] = set()  # cleared by the trainer while this page was open
        self._notices: dict[str, LiveMessage] = {}

    def notice_for(self, exercise_id: str) -> LiveMessage:
        """Made with the question's view, already right if the question is closed."""
        notice = LiveMessage(classes=["cp-closed-notice"])
        self._notices[exercise_id] = notice
        self._draw(exercise_id)
        return notice

    def show(self, closed: set[str]) -> None:
        changed = closed ^ self.closed
        self.cleared -= changed  # closed or opened since: the newer word counts
        self.closed = set(closed)
        for exercise_id in changed & set(self._notices):
            self._draw(exercise_id)

    def answers_cleared(self, exercise_id: str) -> None:
        """Say so, until the question next changes (closed words win while it is closed)."""
        self.cleared.add(exercise_id)
        if exercise_id in self._notices:
            self._draw(exercise_id)

    def _draw(self, exercise_id: str) -> None:
        if exercise_id in self.closed:
            words = [self.words]
        elif exercise_id in self.cleared and self.cleared_words:
            words = [self.cleared_words]
        else:
            words = []
        self._notices[exercise_id].html = paragraphs(words, "cp-note")
