"""Joining a live session: the code (filled in from the link), an optional name and role, and
the language to read the course in when it is offered in more than one."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets

from coproduce.content.interface import JoinText
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.choice_group import ChoiceGroup
from coproduce.kinds.common.frame import button, paragraphs
from coproduce.kinds.common.live_message import LiveMessage

# Called with (code as typed, display name, role or ""); returns None on success or a message.
JoinHandler = Callable[[str, str, str], str | None]


class JoinForm:
    """`languages`: each language's own name ("Cymraeg", "English"), in the course's order,
    under `language_legend`; none for a course in one language. The kernel's choice is
    `language.value` (checked there: only the index of one of them)."""

    def __init__(
        self,
        roles: list[str],
        on_join: JoinHandler,
        text: JoinText,
        chosen_mark: str = "",
        languages: list[str] | None = None,
        language_legend: str = "",
        role_names: list[str] | None = None,
    ) -> None:
        self.roles = roles  # kept by these words; `role_names` are shown (the same, untranslated)
        self._on_join = on_join
        self.intro = intro = light.HTML(_intro(text))
        self.returning = returning = light.HTML(paragraphs([text.returning]))
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
        self.role = ChoiceGroup(
            legend=text.role_label, options=role_names or roles, chosen_mark=chosen_mark
        )
        self.join_button = button(text.button, "primary")
        self.join_button.on_click(lambda _: self.submit())
        self.message = LiveMessage()
        # First, so a learner who cannot read the course's language finds it before the rest;
        # its legend and names are the same in every language, so choosing one (which puts the
        # form's words in that language) leaves the group, and the focus in it, as they were.
        self.language: ChoiceGroup | None = None
        chooser: list[ChoiceGroup] = []
        if languages and len(languages) > 1:
            self.language = ChoiceGroup(legend=language_legend, options=languages, value=[0])
            self.language.add_class("cp-join-language")
            chooser = [self.language]
        self.widget = light.VBox(
            [
                returning,
                *chooser,
                intro,
                self.code,
                self.name,
                self.role,
                self.join_button,
                self.message,
            ],
            classes=["cp-join"],
        )

    def say(
        self, text: JoinText, chosen_mark: str = "", role_names: list[str] | None = None
    ) -> None:
        """Put the form's words in a language (the learner chose it): what is typed or chosen
        stays as it is."""
        updates: list[tuple[widgets.Widget, str, object]] = [
            (self.role, "options", role_names or self.roles),
            (self.intro, "value", _intro(text)),
            (self.returning, "value", paragraphs([text.returning])),
            (self.code, "description", text.code_label),
            (self.code, "placeholder", text.code_example),
            (self.name, "description", text.name_label),
            (self.role, "legend", text.role_label),
            (self.role, "chosen_mark", chosen_mark),
            (self.join_button, "description", text.button),
            (self.join_button, "tooltip", text.button),
        ]
        for control, name, value in updates:
            if getattr(control, name) != value:
                setattr(control, name, value)
        if self.message.html:
            self.message.html = ""  # said in the other language

    def submit(self) -> None:
        chosen = self.role.value[:1]
        role = self.roles[chosen[0]] if chosen else ""
        problem = self._on_join(self.code.value, self.name.value, role)
        if problem:
            self.message.html = paragraphs([problem], "cp-note")


def _intro(text: JoinText) -> str:
    return f"<h2>{html.escape(text.heading)}</h2>" + paragraphs(text.intro)
