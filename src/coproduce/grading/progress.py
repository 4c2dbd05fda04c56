"""A plain progress bar: redrawn in place on a terminal, one line per step otherwise."""

from __future__ import annotations

import sys
from typing import TextIO

WIDTH = 24


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, label: str = "") -> None:
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())

    def step(self, what: str) -> None:
        self.done = min(self.done + 1, self.total)
        self._draw(what)

    def note(self, message: str) -> None:
        """A line that stays (a problem to report), printed above the bar."""
        if self.live:
            self.stream.write("\r\x1b[2K")
        self.stream.write(message + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()

    def _draw(self, what: str) -> None:
        filled = WIDTH * self.done // self.total
        bar = "#" * filled + "-" * (WIDTH - filled)
        line = f"{self.label}[{bar}] {self.done}/{self.total} {what}"
        if self.live:
            self.stream.write("\r\x1b[2K" + line[:120])
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
