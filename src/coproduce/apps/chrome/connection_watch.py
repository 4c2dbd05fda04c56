"""Tells the learner, politely, when the page loses its connection to the course, and when it is
back. Answers given meanwhile wait in the browser and are saved once it reconnects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from coproduce.content.interface import ConnectionText


class ConnectionWatch(anywidget.AnyWidget):
    """The browser pings the kernel every few seconds; missing replies mean the link is down."""

    _esm = Path(__file__).with_name("connection_watch.js")
    # The words come from course/interface.yml (see `connection_watch`).
    lost_text = traitlets.Unicode().tag(sync=True)
    back_text = traitlets.Unicode().tag(sync=True)
    stuck_text = traitlets.Unicode().tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_msg(self._answer)

    def _answer(self, _widget: Any, content: Any, _buffers: Any) -> None:
        ping = content.get("ping") if isinstance(content, dict) else None
        if isinstance(ping, int) and not isinstance(ping, bool):
            self.send({"pong": ping})


def connection_watch(text: ConnectionText) -> ConnectionWatch:
    return ConnectionWatch(lost_text=text.lost, back_text=text.back, stuck_text=text.stuck)
