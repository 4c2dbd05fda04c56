"""Learner apps follow the room: they watch the session's current module and react to moves."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.exc import SQLAlchemyError

from coproduce.live.questions import Questions
from coproduce.live.sessions import SessionStore
from coproduce.live.store import now

log = logging.getLogger(__name__)
POLL_SECONDS = 1.0


class RoomFollower:
    """Calls `on_move(module)` whenever the trainer moves the room, `on_closed(ids)` when
    the set of closed questions changes (a closing time passing included), and `on_tick()` on
    every look; polls in a daemon thread."""

    def __init__(
        self,
        sessions: SessionStore,
        code: str,
        on_move: Callable[[str], None],
        on_closed: Callable[[set[str]], None] | None = None,
        on_tick: Callable[[], None] | None = None,
        on_changed: Callable[[set[str]], None] | None = None,
    ) -> None:
        self.sessions = sessions
        self.questions = Questions(sessions.store)
        self.code = code
        self.on_move = on_move
        self.on_closed = on_closed
        self.on_tick = on_tick  # each look, after the room's state: views that watch the room
        self.on_changed = on_changed  # questions the trainer touched since the last look
        self.seen_changes: dict[str, datetime] | None = None
        self.seen: str | None = None
        self.seen_closed: set[str] = set()
        self._stop = threading.Event()

    def check(self) -> None:
        """One look at the room; public so tests can drive it without a thread."""
        try:
            module = self.sessions.current_module(self.code)
        except SQLAlchemyError:
            log.exception("could not read the room's module")
            return
        if module and module != self.seen:
            self.seen = module
            self.on_move(module)
        if self.on_closed is None:
            return
        try:
            changes = self.questions.changes(self.code)
        except SQLAlchemyError:
            log.exception("could not read the room's closed questions")
            return
        moment = now()
        closed = {eid for eid, (state, _) in changes.items() if state.closed_at(moment)}
        if closed != self.seen_closed:
            self.seen_closed = closed
            self.on_closed(closed)
        times = {eid: changed for eid, (_, changed) in changes.items()}
        if self.seen_changes is not None and self.on_changed is not None:
            touched = {
                eid for eid, changed in times.items() if self.seen_changes.get(eid) != changed
            }
            if touched:
                self.on_changed(touched)
        self.seen_changes = times
        if self.on_tick is not None:
            try:
                self.on_tick()
            except SQLAlchemyError:
                log.exception("could not read what the room shared")

    def start(self) -> None:
        thread = threading.Thread(target=self._loop, name="room-follower", daemon=True)
        thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.wait(POLL_SECONDS):
            try:
                self.check()
            except Exception:  # one bad look (a view's redraw) must not stop the following
                log.exception("could not follow the room")
