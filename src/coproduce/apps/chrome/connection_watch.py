"""Tells the learner, politely, when the page loses its connection to the course, and when it is
back; and keeps what they write or choose meanwhile, even if the server restarts.

While the link is down, changes wait in the page's queue and are saved once it reconnects to
the same kernel. If the kernel is gone (the server restarted, or culled it), that queue is lost
with it: so the page also keeps each control's state in the browser's local storage, from the
moment it changes until this kernel says the store holds it (`kept` messages, sent after each
save). A page whose kernel is gone for good loads itself again once the server answers; the new
kernel names the controls the same way (`kept_controls`), and the page puts the kept states
back, to be saved the ordinary way.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from coproduce.apps.chrome.kept_controls import name_controls, page_state
from coproduce.content.interface import ConnectionText
from coproduce.kinds.common.light_widgets import SharedLayout
from coproduce.live.learner_session import ExerciseView, LearnerSession


class ConnectionWatch(anywidget.AnyWidget, SharedLayout):
    """The browser pings the kernel every few seconds; missing replies mean the link is down."""

    _esm = Path(__file__).with_name("connection_watch.js")
    # The words come from course/interface.yml (see `connection_watch`).
    lost_text = traitlets.Unicode().tag(sync=True)
    back_text = traitlets.Unicode().tag(sync=True)
    stuck_text = traitlets.Unicode().tag(sync=True)
    not_kept_text = traitlets.Unicode().tag(sync=True)
    restored_text = traitlets.Unicode().tag(sync=True)
    restored_waiting_text = traitlets.Unicode().tag(sync=True)
    # Whose kept states the page may read and write: "SESSION:LEARNER", or "" (keep nothing).
    keep_scope = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session: LearnerSession | None = None
        self.controls: dict[str, dict[str, Any]] = {}  # exercise id -> key -> control
        # (exercise id, thread) -> key -> state: a save from a timer may overlap one from a click
        self._writing: dict[tuple[str, int], dict[str, list[Any]]] = {}
        self.on_msg(self._answer)

    def _answer(self, _widget: Any, content: Any, _buffers: Any) -> None:
        ping = content.get("ping") if isinstance(content, dict) else None
        if isinstance(ping, int) and not isinstance(ping, bool):
            self.send({"pong": ping})

    # -- keeping: told by the learner's session (live.learner_session.SessionWatcher) ---------
    def keep_for(self, session: LearnerSession) -> None:
        self.session = session
        session.watch(self)

    def registered(self, exercise_id: str, view: ExerciseView) -> None:
        root = getattr(view, "widget", None)
        if root is not None:
            self.controls[exercise_id] = name_controls(exercise_id, root)

    def saving(self, exercise_id: str) -> None:
        """What the controls show as the answer is written: a change that arrives during the
        write is not in it, so the page must go on keeping that one."""
        view = self.session.views.get(exercise_id) if self.session else None
        if view is not None:
            self.registered(exercise_id, view)  # controls a view added since, such as a row
        held = self.controls.get(exercise_id, {})
        writing = (exercise_id, threading.get_ident())
        self._writing[writing] = {key: page_state(control) for key, control in held.items()}

    def saved(self, exercise_id: str) -> None:
        """The store holds these states: the page may forget what it kept for them."""
        states = self._writing.pop((exercise_id, threading.get_ident()), None)
        if states and self.keep_scope:
            self.send({"kept": states})

    def identified(self) -> None:
        session = self.session
        if session is not None and session.learner_id:
            self.keep_scope = f"{session.session_code}:{session.learner_id}"


def connection_watch(
    text: ConnectionText, session: LearnerSession | None = None
) -> ConnectionWatch:
    """The learner's watch keeps what they do meanwhile; without a session (the trainer's page)
    nothing is kept, and the notice says so."""
    watch = ConnectionWatch(
        lost_text=text.lost if session else text.not_kept,
        back_text=text.back,
        stuck_text=text.stuck if session else text.not_kept,
        not_kept_text=text.not_kept,
        restored_text=text.restored,
        restored_waiting_text=text.restored_waiting,
    )
    if session is not None:
        watch.keep_for(session)
    return watch
