"""The trainer app's "results so far": the room's results CSV and the session report, made on
request while the session runs, handed to the trainer's own browser as downloads.

Both are what `coproduce session report` and `session export` make after the session, built
by the same functions: no names, results under K answers held back.
"""

from __future__ import annotations

import base64
import html
from datetime import datetime

import ipywidgets as widgets

from coproduce.content.course import CourseContent
from coproduce.content.formats import clock
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import button, paragraphs
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.live.sessions import SessionStore
from coproduce.reports.results_csv import results_csv_text
from coproduce.reports.session_report import report_html


class LiveExport:
    def __init__(self, content: CourseContent, sessions: SessionStore, code: str) -> None:
        self.content = content
        self.sessions = sessions
        self.code = code
        self.words = content.interface.export
        self.make_button = button(self.words.button)
        self.make_button.on_click(lambda _: self.make())
        self.links = LiveMessage()  # announced once the files are ready
        intro = light.HTML(paragraphs([self.words.intro]))
        # The button as wide as its words.
        self.widget = light.VBox(
            [intro, self.make_button, self.links],
            layout=widgets.Layout(align_items="flex-start"),
            classes=["cp-live-export"],
        )

    def make(self) -> None:
        made = clock(datetime.now().astimezone(), self.content.course.language)
        results = results_csv_text(self.content, self.sessions, self.code)
        report = report_html(self.content, self.sessions, self.code)
        items = [
            _download(f"session-{self.code}-results.csv", "text/csv", results, self.words.csv),
            _download(f"session-{self.code}.html", "text/html", report, self.words.report),
        ]
        ready = html.escape(self.words.ready.format(time=made))
        self.links.html = f"<p>{ready}</p><ul>{''.join(items)}</ul>"


def _download(name: str, media: str, text: str, label: str) -> str:
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return (
        f'<li><a download="{html.escape(name)}" '
        f'href="data:{media};charset=utf-8;base64,{data}">{html.escape(label)}</a></li>'
    )
