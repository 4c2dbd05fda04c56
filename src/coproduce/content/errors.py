"""Problems found in course content, each tied to a file and a line."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong with one file, with the fix in plain words."""

    path: Path
    line: int | None
    message: str
    fix: str = ""
    severity: Literal["error", "warning"] = "error"

    def render(self, root: Path | None = None) -> str:
        shown = self.path
        if root is not None:
            with suppress(ValueError):
                shown = self.path.relative_to(root)
        where = f"{shown}:{self.line}" if self.line else str(shown)
        text = f"{where}: {self.severity}: {self.message}"
        return f"{text}\n    fix: {self.fix}" if self.fix else text


class ContentError(Exception):
    """Raised when course content cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[ContentProblem], root: Path | None = None) -> None:
        self.problems = problems
        self.root = root
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(problem.render(self.root) for problem in self.problems)
