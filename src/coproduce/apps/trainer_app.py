"""The trainer app: run-sheet, notes, moving the room, timers, who joined, live results.

Served by its own Voila, on 127.0.0.1 or behind a token; learners never reach it.
"""

from __future__ import annotations

import base64
import html
import logging
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from coproduce.apps.chrome.connection_watch import connection_watch
from coproduce.apps.co_trainer_links import CoTrainerLinks
from coproduce.apps.live_export import LiveExport
from coproduce.apps.live_results_view import LiveResults
from coproduce.apps.page_viewer import co_trainer_exercises, page_viewer
from coproduce.apps.pool_status import read_pool_status
from coproduce.apps.qr import svg_qr
from coproduce.apps.room_airtime import room_airtime_view
from coproduce.config.settings import (
    LEARNER_LINK_ENV,
    TRAINER_BASE_ENV,
    find_course_root,
    live_session_code,
    loopback_only,
    store_target,
)
from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course, trainer_content
from coproduce.content.markdown import render_markdown, split_title
from coproduce.content.plurals import plural
from coproduce.content.timings import run_exercises
from coproduce.content.trainer_words import TrainerText
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import ExerciseContext, button, paragraphs
from coproduce.kinds.registry import build_exercise
from coproduce.live.anonymity import named_counts, split_by_role
from coproduce.live.co_trainers import CO_TRAINER_VIEWER, LEAD_VIEWER, CoTrainers
from coproduce.live.questions import Questions
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store
from coproduce.reports.run_sheet import build_run_sheet, run_sheet_html

log = logging.getLogger(__name__)
POOL_SECONDS = 3.0
REFRESH_SECONDS = 0.25  # a cheap read when nothing changed; keeps answer-to-screen under 1 s


class TrainerApp:
    def __init__(self, content: CourseContent, store: Store, code: str, learner_link: str) -> None:
        self.content = content
        self.sessions = SessionStore(store)
        self.questions = Questions(store)
        self.code = code
        self.slugs = content.course.module_slugs
        self.words = text = content.interface.trainer
        self.header = light.HTML(_header_html(text, code, learner_link) + _reach_note(content))
        self.attendance = light.HTML()
        self.pool = light.HTML()
        self._pool_read = 0.0
        self.run_sheet = light.HTML()
        self.move_to = widgets.Dropdown(
            options=[(content.modules[slug].meta.title, slug) for slug in self.slugs],
            description=text.move_to,
            style=light.wide_label(widgets.Dropdown),
            layout=widgets.Layout(width="min(100%, 36rem)"),
        )
        self.move_button = button(text.move, "primary")
        self.next_button = button(text.move_next)
        self.move_button.on_click(lambda _: self.move(self.move_to.value))
        self.next_button.on_click(lambda _: self.move_next())
        self.notes = light.HTML()
        self.timers = light.VBox()
        self.results = light.VBox()
        self._fingerprint: tuple[Any, ...] | None = None
        self.live_results = LiveResults(content, self.sessions, code, lambda: self.refresh(True))
        self._result_boxes = self.live_results.boxes
        self._minute = -1
        self._timer_module: str | None = ""  # never a part: the first refresh draws the timers
        self._stop = threading.Event()
        controls = light.HBox(
            [self.move_to, self.move_button, self.next_button], classes=["cp-actions"]
        )
        self.projector = light.Checkbox(
            value=False,
            description=text.projector,
            indent=False,
            layout=widgets.Layout(width="auto"),
        )
        self.projector.observe(lambda change: self._project(change["new"]), "value")
        self.export = LiveExport(content, self.sessions, code)
        words = content.interface.co_trainer
        base = os.environ.get(TRAINER_BASE_ENV, "")
        self.co_trainers = CoTrainerLinks(CoTrainers(store), code, base, words)
        room_airtime = room_airtime_view(content, store, code)
        airtime_part = (
            [_section(content.interface.room_airtime.heading), room_airtime] if room_airtime else []
        )
        # Side by side on a wide screen, one above the other on a narrow one (see the CSS).
        self.for_trainer = light.VBox(
            [
                self.run_sheet,
                _section(text.notes_heading),
                self.notes,
                _section(content.interface.export.heading),
                self.export.widget,
                *airtime_part,
                _section(words.heading),
                self.co_trainers.widget,
            ],
            layout=widgets.Layout(),  # hidden on the projector: its own
        )
        self.for_room = light.VBox(
            [
                _section(text.timers_heading),
                self.timers,
                _section(text.results_heading),
                self.results,
            ]
        )
        columns = light.HBox([self.for_trainer, self.for_room], classes=["cp-trainer-columns"])
        self.widget = light.VBox(
            [
                self.header,
                self.attendance,
                self.pool,
                _section(text.move_heading),
                controls,
                self.projector,
                columns,
                connection_watch(content.interface.trainer_connection),
            ],
            classes=["cp-trainer-app"],
        )
        self.refresh(force=True)

    def _project(self, on: bool) -> None:
        """On the projector, only what the room may see: the code, timers and shared results."""
        self.for_trainer.layout.display = "none" if on else None
        self.live_results.project(on)

    def current(self) -> str | None:
        return self.sessions.current_module(self.code)

    def move(self, slug: str) -> None:
        if slug in self.content.modules:
            self.sessions.move_room(self.code, slug)
            self.refresh(force=True)

    def move_next(self) -> None:
        current = self.current()
        index = self.slugs.index(current) + 1 if current in self.slugs else 0
        if index < len(self.slugs):
            self.move(self.slugs[index])

    def refresh(self, force: bool = False) -> None:
        """Redraw what changed: answers and joins at once, the run-sheet each minute."""
        # One read of the questions' states serves the change check and the results below; a
        # closing time passing changes the closed set, not the store, so that is looked at too.
        states = self.questions.states(self.code)
        moment = datetime.now(UTC)
        closed = frozenset(eid for eid, state in states.items() if state.closed_at(moment))
        fingerprint = (*self.sessions.latest_change(self.code), frozenset(states.items()), closed)
        minute = moment.minute
        if not force and fingerprint == self._fingerprint and minute == self._minute:
            return
        self._fingerprint, self._minute = fingerprint, minute
        self.attendance.value = _attendance_html(self.content, self.sessions.attendance(self.code))
        sheet = build_run_sheet(self.content, self.sessions.moves(self.code), datetime.now(UTC))
        self.run_sheet.value = run_sheet_html(sheet)
        current = self.current()
        if current in self.content.modules:
            self.move_to.value = current
        self._show_notes(current)
        self._show_timers(current)
        self.results.children = self.live_results.widgets(current, states)

    def start(self) -> None:
        threading.Thread(target=self._loop, name="trainer-refresh", daemon=True).start()

    def set_viewer(self, viewer: str) -> None:
        """The lead trainer gets every control; a co-trainer those of the parts they lead,
        and no co-trainer links (checked in each control's handler, not only hidden)."""
        lead = viewer == LEAD_VIEWER
        self.co_trainers.allowed = lead
        self.co_trainers.widget.layout.display = None if lead else "none"
        self.live_results.limit_to(None if lead else co_trainer_exercises(self.content))

    def follow_viewer(self) -> None:
        """Start as a co-trainer's page; widen once the server says who opened it."""
        self.set_viewer(CO_TRAINER_VIEWER)
        viewer = threading.Thread(
            target=lambda: self.set_viewer(page_viewer()), name="trainer-viewer", daemon=True
        )
        viewer.start()

    def _loop(self) -> None:
        while not self._stop.wait(REFRESH_SECONDS):
            try:
                self.refresh()
                self._show_pool()
            except Exception:  # keep refreshing: one bad read must not freeze the screen
                log.exception("could not refresh the trainer app")

    def _show_pool(self) -> None:
        """How many can join at once just now, every few seconds (a call to the learner server)."""
        if time.monotonic() - self._pool_read < POOL_SECONDS:
            return
        self._pool_read = time.monotonic()
        status = read_pool_status()
        if status is None or not status.cap:
            self.pool.value = ""
            return
        language = self.content.course.language
        words = plural(self.content.interface.server.pool_ready, status.ready, language)
        text = words.format(ready=status.ready, learners=status.learners, cap=status.cap)
        self.pool.value = f'<p class="cp-pool">{html.escape(text)}</p>'

    def _show_notes(self, current: str | None) -> None:
        if current not in self.content.modules:
            self.notes.value = paragraphs([self.words.not_started])
            return
        module = self.content.modules[current]
        _, notes = split_title(module.notes_path.read_text(encoding="utf-8"))
        title = html.escape(module.meta.title)
        self.notes.value = f"<h3>{title}</h3>" + render_markdown(notes, module.folder)

    def _show_timers(self, current: str | None) -> None:
        if current == self._timer_module:
            return
        self._timer_module = current
        views = []
        module = self.content.modules.get(current or "")
        for exercise_id in run_exercises(self.content, module) if module else []:
            exercise = self.content.exercises[exercise_id]
            if exercise.kind == "activity_timer":
                context = ExerciseContext(self.content)
                views.append(build_exercise(exercise, _keep_nothing, context).widget)
        if not views:
            views = [light.HTML(paragraphs([self.words.no_timer]))]
        self.timers.children = views


def _keep_nothing(_exercise_id: str, _answer: dict[str, Any]) -> None:
    """The trainer's own timers are not learner answers: nothing is stored."""
    return None


def _section(title: str) -> widgets.HTML:
    return light.HTML(f"<h2>{html.escape(title)}</h2>")


def _header_html(words: TrainerText, code: str, learner_link: str) -> str:
    image = base64.b64encode(svg_qr(learner_link).encode()).decode("ascii")
    link = html.escape(learner_link)
    alt = html.escape(words.qr_alt.format(link=learner_link))
    # The words are escaped first; the code and the link go in as markup, in bold.
    session = html.escape(words.session_code).format(code=f"<strong>{html.escape(code)}</strong>")
    learners = html.escape(words.learners_open).format(link=f"<strong>{link}</strong>")
    return (
        '<div class="cp-join-details">'
        f'<img class="cp-qr" src="data:image/svg+xml;base64,{image}" width="180" height="180" '
        f'alt="{alt}">'
        f'<p class="cp-session-code">{session}</p>'
        f"<p>{learners}</p></div>"
    )


def _reach_note(content: CourseContent) -> str:
    """Say so plainly when no other device can open the learner link, and how to open the room."""
    if not loopback_only():
        return ""
    words = content.interface.server
    return (
        '<div class="cp-room-note">'
        f"<p><strong>{html.escape(words.only_this_computer)}</strong></p>"
        f"<p>{html.escape(words.open_the_room)}</p></div>"
    )


def _attendance_html(content: CourseContent, counts: Any) -> str:
    """Who joined, by role; a role with fewer than K people is not shown apart (it is projected)."""
    total = sum(counts.values())
    if not total:
        return paragraphs([content.interface.trainer.nobody_joined])
    needed = content.course.min_answers_shown
    words = content.interface.results
    split = split_by_role(named_counts(counts, content.role_name), needed, words.others)
    parts = ", ".join(f"{html.escape(role)}: {count}" for role, count in split.shown)
    small = f" {html.escape(words.small_roles.format(needed=needed))}" if split.merged else ""
    joined_words = plural(content.interface.trainer.joined, total, content.course.language)
    joined = html.escape(joined_words.format(total=total))
    return f"<p><strong>{joined}</strong> {parts + '.' if parts else ''}{small}</p>"


def trainer_app(root: Path, store: Store, code: str, link: str) -> TrainerApp:
    """The trainer app of the course under `root`, in the trainer's language (course.yml's
    `trainer_language:`, else the course's): learners' pages keep the course's own."""
    return TrainerApp(trainer_content(load_course(root)), store, code, link)


def run() -> widgets.VBox:
    """Entry point for the trainer app notebook."""
    root = find_course_root()
    code = live_session_code()
    if code is None:
        words = trainer_content(load_course(root)).interface.trainer
        return light.VBox([light.HTML(paragraphs([words.not_served]))])
    link = os.environ.get(LEARNER_LINK_ENV, "")
    app = trainer_app(root, Store(store_target(root)), code, link)
    app.follow_viewer()
    app.start()
    return app.widget
