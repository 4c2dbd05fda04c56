"""Joining a live session: the code (filled in from the link), an optional name and role."""

from __future__ import annotations

import html
from collections.abc import Callable

from coproduce.content.interface import JoinText
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.choice_group import ChoiceGroup
from coproduce.kinds.common.frame import button, paragraphs
from coproduce.kinds.common.live_message import LiveMessage

# Called with (code as typed, display name, role or ""); returns None on success or a message.
JoinHandler = Callable[[str, str, str], str | None]


class JoinForm:
    def __init__(
        self, roles: list[str], on_join: JoinHandler, text: JoinText, chosen_mark: str = ""
    ) -> None:
        self.roles = roles
        self._on_join = on_join
        intro = light.HTML(f"<h2>{html.escape(text.heading)}</h2>" + paragraphs(text.intro))
        returning = light.HTML(paragraphs([text.returning]))
        returning.add_class("cp-join-returning")
        # Sent once, when the box loses focus or Enter is pressed: a stream of keystrokes
        # would be held back by ipywidgets and the Join click could arrive first.
        self.code = light.Text(
            description=text.code_label,
            placeholder=text.code_example,
            continuous_update=False,
            style=light.wide_label(light.Text),
        )
        self.name = light.Text(
            description=text.name_label,
            continuous_update=False,
            style=light.wide_label(light.Text),
        )
        for box in (self.code, self.name):
            box.add_class("cp-join-text")
        # The course's word after the role chosen, as on every other question's choices.
        self.role = ChoiceGroup(legend=text.role_label, options=roles, chosen_mark=chosen_mark)
        self.join_button = button(text.button, "primary")
        self.join_button.on_click(lambda _: self.submit())
        self.message = LiveMessage()
        self.widget = light.VBox(
            [returning, intro, self.code, self.name, self.role, self.join_button, self.message]
        )
        self.widget.add_class("cp-join")

    def submit(self) -> None:
        chosen = self.role.value[:1]
        role = self.roles[chosen[0]] if chosen else ""
        problem = self._on_join(self.code.value, self.name.value, role)
        if problem:
            self.message.html = paragraphs([problem], "cp-note")
