"""The trainer app's co-trainer links: make a link of their own for a co-trainer, shown once
with a QR code, and stop it at any time (see live/co_trainers.py and serving/trainer_identity.py).

Under the trainer's notes, so never on the projected view: the link opens the trainer app.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from coproduce.apps.qr import svg_qr
from coproduce.content.trainer_words import CoTrainerText
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import button, paragraphs
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.live.co_trainers import MAX_LABEL, CoTrainers
from coproduce.text.clean import clean_line


class CoTrainerLinks:
    def __init__(self, co_trainers: CoTrainers, code: str, base: str, words: CoTrainerText) -> None:
        self.co_trainers = co_trainers
        self.code = code
        self.base = base  # the trainer app's address; "" when it answers this computer alone
        self.words = words
        self.allowed = True  # the lead trainer's page only: a co-trainer makes no links
        intro = light.HTML(paragraphs([words.intro if base else words.only_here]))
        self.label = light.Text(
            description=words.label,
            style=light.wide_label(light.Text),
            layout=widgets.Layout(width="min(100%, 32rem)"),
        )
        self.make_button = button(words.make)
        self.make_button.on_click(lambda _: self.make())
        self.message = LiveMessage()  # the new link, announced
        self.links = light.VBox()
        parts: list[widgets.Widget] = [intro]
        if base:
            parts += [self.label, self.make_button, self.message, self.links]
        # Its own layout: the trainer app shows it only to whoever may make links.
        self.widget = light.VBox(
            parts, layout=widgets.Layout(align_items="flex-start"), classes=["cp-co-trainers"]
        )
        if base:
            self.show_links()

    def make(self) -> None:
        if not self.allowed:
            return
        if not self.base:
            return  # no link could work: the button is not there, but a script could call this
        label = clean_line(self.label.value, MAX_LABEL)
        if not label:
            self.message.html = paragraphs([self.words.name_first], "cp-note")
            return
        made, token = self.co_trainers.issue(self.code, label)
        link = f"{self.base}?token={token}"
        image = base64.b64encode(svg_qr(link).encode()).decode("ascii")
        esc = html.escape
        self.message.html = (
            paragraphs([self.words.made.format(label=made.label)])
            + f'<p class="cp-co-trainer-link"><a href="{esc(link)}">{esc(link)}</a></p>'
            f'<img class="cp-qr" src="data:image/svg+xml;base64,{image}" width="180" '
            f'height="180" alt="{esc(self.words.qr.format(label=made.label))}">'
        )
        self.label.value = ""
        self.show_links()

    def show_links(self) -> None:
        rows: list[widgets.Widget] = []
        for co_trainer in self.co_trainers.listing(self.code):
            stop = button(self.words.revoke.format(label=co_trainer.label))
            stop.on_click(self._stopper(co_trainer.id, co_trainer.label))
            rows.append(stop)
        heading = self.words.active if rows else self.words.none
        for old in self.links.children:  # made afresh each time: none is left open
            old.close()
        self.links.children = [light.HTML(paragraphs([heading])), *rows]

    def _stopper(self, co_trainer_id: str, label: str) -> Callable[[Any], None]:
        def stop(_: Any) -> None:
            if not self.allowed:
                return
            self.co_trainers.revoke(self.code, co_trainer_id)
            self.message.html = paragraphs([self.words.revoked.format(label=label)])
            self.show_links()

        return stop
