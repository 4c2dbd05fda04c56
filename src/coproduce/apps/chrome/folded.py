"""A folded part of the trainer's page: a button that opens, and folds again, what is under it.

Used in place of ipywidgets' Accordion, whose header takes no keyboard focus: a trainer on a
keyboard alone could not open it. Folded to begin with; the body keeps its widgets while folded.
"""

from __future__ import annotations

import ipywidgets as widgets

from coproduce.kinds.common.frame import button


class Folded:
    def __init__(self, title: str) -> None:
        self.opener = button(title)
        self.opener.add_class("cp-folded-opener")
        self.opener.on_click(lambda _: self.open_or_fold())
        self.body = widgets.VBox()
        self.body.layout.display = "none"
        self.widget = widgets.VBox([self.opener, self.body])
        self.widget.add_class("cp-folded")

    @property
    def is_open(self) -> bool:
        return self.body.layout.display != "none"

    def open_or_fold(self) -> None:
        self.body.layout.display = "none" if self.is_open else None
