"""Above each question the trainer can close: a notice, announced, while it is closed."""

from __future__ import annotations

from coproduce.kinds.common.frame import paragraphs
from coproduce.kinds.common.live_message import LiveMessage


class ClosedNotices:
    """One notice per closable question shown so far; `show` sets them all from the room."""

    def __init__(self, words: str) -> None:
        self.words = words
        self.closed: set[str] = set()
        self._notices: dict[str, LiveMessage] = {}

    def notice_for(self, exercise_id: str) -> LiveMessage:
        """Made with the question's view, already right if the question is closed."""
        notice = LiveMessage()
        notice.add_class("cp-closed-notice")
        self._notices[exercise_id] = notice
        self._draw(exercise_id)
        return notice

    def show(self, closed: set[str]) -> None:
        changed = closed ^ self.closed
        self.closed = set(closed)
        for exercise_id in changed & set(self._notices):
            self._draw(exercise_id)

    def _draw(self, exercise_id: str) -> None:
        closed = exercise_id in self.closed
        self._notices[exercise_id].html = paragraphs([self.words], "cp-note") if closed else ""
