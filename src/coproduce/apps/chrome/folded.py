"""A folded part of the trainer's page: a button that opens, and folds again, what is under it.

Used in place of ipywidgets' Accordion, whose header takes no keyboard focus: a trainer on a
keyboard alone could not open it. Folded to begin with; the body keeps its widgets while folded.
"""

from __future__ import annotations

import ipywidgets as widgets

from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import button


class Folded:
    def __init__(self, title: str) -> None:
        self.opener = button(title)
        self.opener.add_class("cp-folded-opener")
        self.opener.on_click(lambda _: self.open_or_fold())
        self.body = light.VBox(layout=widgets.Layout(display="none"))
        # A whole folded part may be hidden (the projector): its own layout too.
        self.widget = light.VBox(
            [self.opener, self.body], layout=widgets.Layout(), classes=["cp-folded"]
        )

    @property
    def is_open(self) -> bool:
        return self.body.layout.display != "none"

    def open_or_fold(self) -> None:
        self.body.layout.display = "none" if self.is_open else None
