"""Tells the learner, politely, when the page loses its connection to the course, and when it is
back. Answers given meanwhile wait in the browser and are saved once it reconnects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

LOST = (
    "The connection to the course has dropped. Keep going: what you do now is kept, and it "
    "will be saved when the connection comes back."
)
BACK = "Connected again. Your answers are saved."
STUCK = (
    "The connection is still down. Check your internet, then refresh the page: your saved "
    "answers will come back."
)


class ConnectionWatch(anywidget.AnyWidget):
    """The browser pings the kernel every few seconds; missing replies mean the link is down."""

    _esm = Path(__file__).with_name("connection_watch.js")
    lost_text = traitlets.Unicode(LOST).tag(sync=True)
    back_text = traitlets.Unicode(BACK).tag(sync=True)
    stuck_text = traitlets.Unicode(STUCK).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_msg(self._answer)

    def _answer(self, _widget: Any, content: Any, _buffers: Any) -> None:
        ping = content.get("ping") if isinstance(content, dict) else None
        if isinstance(ping, int) and not isinstance(ping, bool):
            self.send({"pong": ping})
