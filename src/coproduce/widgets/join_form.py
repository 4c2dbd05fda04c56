"""Joining a live session: the code (filled in from the link), an optional name and role."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from .choice_group import ChoiceGroup
from .exercise_base import button, paragraphs
from .live_message import LiveMessage

# Called with (code as typed, display name, role or ""); returns None on success or a message.
JoinHandler = Callable[[str, str, str], str | None]


class JoinForm:
    def __init__(self, roles: list[str], on_join: JoinHandler) -> None:
        self.roles = roles
        self._on_join = on_join
        intro = widgets.HTML(
            "<h2>Join the session</h2>"
            + paragraphs(
                [
                    "Type the session code from the trainer's screen, if it is not filled in.",
                    "Your name and role are up to you. Nobody sees your name next to your answers.",
                ]
            )
        )
        # Sent once, when the box loses focus or Enter is pressed: a stream of keystrokes
        # would be held back by ipywidgets and the Join click could arrive first.
        self.code = widgets.Text(
            description="Session code", placeholder="For example K7M2QX", continuous_update=False
        )
        self.name = widgets.Text(description="Your name (optional)", continuous_update=False)
        for box in (self.code, self.name):
            box.style = {"description_width": "initial"}
            box.add_class("cp-join-text")
        self.role = ChoiceGroup(legend="Your role (optional)", options=roles)
        self.join_button = button("Join", "primary")
        self.join_button.on_click(lambda _: self.submit())
        self.message = LiveMessage()
        self.widget = widgets.VBox(
            [intro, self.code, self.name, self.role, self.join_button, self.message]
        )
        self.widget.add_class("cp-join")

    def submit(self) -> None:
        chosen = self.role.value[:1]
        role = self.roles[chosen[0]] if chosen else ""
        problem = self._on_join(self.code.value, self.name.value, role)
        if problem:
            self.message.html = paragraphs([problem], "cp-note")
