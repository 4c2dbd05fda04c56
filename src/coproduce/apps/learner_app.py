"""The learner app: join the session, then the whole course in one page, in one kernel."""

from __future__ import annotations

import html
import threading
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from coproduce.apps.chrome.agenda_nav import AgendaNav
from coproduce.apps.chrome.browser_identity import BrowserIdentity
from coproduce.apps.chrome.closed_notices import ClosedNotices
from coproduce.apps.chrome.connection_watch import ConnectionWatch, connection_watch
from coproduce.apps.chrome.join_form import JoinForm
from coproduce.apps.learner_languages import LearnerLanguages, nav_items
from coproduce.apps.module_view import build_module_view, replace_exercise
from coproduce.config.settings import find_course_root, live_session_code, store_target
from coproduce.content.course import NO_ROLE, CourseContent
from coproduce.content.loader import load_course
from coproduce.content.timings import run_exercises
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.focus_request import FocusRequest
from coproduce.kinds.common.frame import button, paragraphs
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.kinds.registry import READS_THE_ROOM
from coproduce.live.learner_session import LearnerSession
from coproduce.live.room_follower import RoomFollower
from coproduce.live.sessions import SessionStore, normalise_code
from coproduce.live.store import LOCAL_SESSION, Store
from coproduce.text.clean import clean_line


class LearnerApp(LearnerLanguages):
    """Agenda, current module and previous/next buttons; module views are built once, on demand.

    With a live session (`session_code`), the learner first joins it, and the app then follows
    the trainer's moves unless the learner is looking elsewhere.

    Every control checks the state it needs here, in the kernel: a script in the page can press
    any of them, hidden or not. Until the learner is in (`entered`), none of them does anything.

    A course offered in several languages (course.yml's `languages:`) reads in the one the
    learner chooses on the join page, or chose before in this browser (`choose_language`):
    its words, its modules' content where a module has it in that language, the page's lang
    and dir. Once in, the same choice above the course changes it, the learner's place and
    unsaved work kept.
    """

    def __init__(
        self, content: CourseContent, store: Store, session_code: str | None = None
    ) -> None:
        # The room follower's thread and the page's messages change the same parts: they take
        # turns (a language change rebuilds every part built so far; see _in_turn).
        self._lock = threading.RLock()
        self.content = content
        self.sessions = SessionStore(store)
        self.live_code = session_code
        self.session = LearnerSession(
            store, session_code or LOCAL_SESSION, content.interface.questions.not_saved
        )
        # Only a live session's questions close: a notebook on its own has no trainer.
        questions = content.interface.questions
        self.notices = (
            ClosedNotices(questions.closed, questions.answers_cleared) if session_code else None
        )
        self.slugs = content.course.module_slugs
        self.text = content.interface
        self._views: dict[str, widgets.VBox] = {}
        self.entered = session_code is None  # without a live session there is nothing to join
        self.shown: str | None = None  # the part on show, as the kernel knows it
        self._marking = False  # true while the kernel itself marks the agenda's current part
        self.focus = FocusRequest()
        self.room_module: str | None = None
        self.follower: RoomFollower | None = None
        self.identity = BrowserIdentity()
        self._offer_languages(content, session_code is not None)
        self.nav = AgendaNav(
            items=nav_items(content), current=self.slugs[0], label=self.text.moving.agenda_label
        )
        self.area = light.VBox(classes=["cp-module-area"])
        self.previous = button(self.text.moving.previous)
        self.next = button(self.text.moving.next, "primary")
        self.previous.on_click(lambda _: self.step(-1))
        self.next.on_click(lambda _: self.step(+1))
        pager = light.HBox([self.previous, self.next], classes=["cp-pager"])
        self.room_notice = LiveMessage()
        self.go_to_room = button(self.text.moving.go_to_room, layout=widgets.Layout())
        self.go_to_room.on_click(lambda _: self._go_to_room())
        self.go_to_room.layout.display = "none"
        self.feedback_button = button(self.text.feedback.button)
        self.feedback_button.on_click(lambda _: self.show_feedback())
        self.feedback = light.HTML()
        # With marking off nothing is marked after the session: no button promises feedback.
        marked = [self.feedback_button, self.feedback] if content.course.marking else []
        self.course = light.VBox(
            [self.nav, self.room_notice, self.go_to_room, self.area, pager, *marked, self.focus]
        )
        self.join = JoinForm(
            content.course.roles,
            self._join,
            self.text.join,
            self.text.choices.your_answer,
            self._language_names(),
            self._language_legend(),
        )
        if self.join.language is not None:
            self.join.language.observe(self._language_picked, "value")
        self.identity.observe(lambda change: self.choose_language(change["new"]), "language")
        self.widget = light.VBox(classes=["cp-learner-app"])
        self.nav.observe(self._on_agenda, "current")
        self.identity.observe(lambda change: self._identified(), "learner_id")
        self._show_join(session_code is not None)
        if session_code is None:
            self.show(self.slugs[0], remember=False)
            self._watch_connection()
        else:
            # Built now, in the kernel pool before anyone comes, not on Join: the page gets its
            # models with the join page's, in the one message that brings a page's widgets, and
            # Join only swaps it in (answers come back into it when the browser says who it is).
            # A part that shows what the room shared waits for Join: a page that has not given
            # the session's code yet must not hold the room's answers.
            room = self.sessions.current_module(session_code)
            slug = room if room in content.modules else self.slugs[0]
            module = content.modules[slug]
            kinds = {content.exercises[e].kind for e in run_exercises(content, module)}
            if not kinds & READS_THE_ROOM:
                self._view(slug)

    def show(self, slug: str, remember: bool = True, focus: bool = False) -> None:
        """Show a part; with `focus` (the learner moved there), focus goes to its heading."""
        with self._lock:
            self._show(slug, remember, focus)

    def _show(self, slug: str, remember: bool, focus: bool) -> None:
        if not self.entered or slug not in self.content.modules:
            self._mark(self.shown or self.slugs[0])  # the agenda keeps marking what is shown
            return
        self.area.children = [self._view(slug)]
        self.shown = slug
        self._mark(slug)
        if focus:
            # The button pressed stays behind, far below the new part's start: move to its title.
            self.focus.request(f".cp-module-{slug} h2", block="start")
        index = self.slugs.index(slug)
        self.previous.disabled = index == 0
        self.next.disabled = index == len(self.slugs) - 1
        if slug == self.room_module:
            self.room_notice.html = ""
            self.go_to_room.layout.display = "none"
        if remember:
            self.session.save_place(slug)

    def _view(self, slug: str) -> widgets.VBox:
        """A part's widgets, built the first time they are needed and kept."""
        if slug not in self._views:
            position = self.slugs.index(slug) + 1
            module = self.content.modules[slug]
            self._views[slug] = build_module_view(
                self.content, module, position, self.session, self.notices
            )
        return self._views[slug]

    def _mark(self, slug: str) -> None:
        self._marking = True
        try:
            self.nav.current = slug
        finally:
            self._marking = False

    def _on_agenda(self, change: dict[str, str]) -> None:
        if not self._marking:  # an agenda button, pressed in the page
            self.show(change["new"], focus=True)

    def show_feedback(self) -> None:
        """This learner's own marks and comments, once the trainer has graded the session."""
        if not self.entered or not self.content.course.marking:
            return  # the button is not on the page then, but a script could still press it
        from coproduce.grading.feedback import feedback_html

        learner = self.session.learner_id
        found = None
        if learner:
            session = self.live_code or LOCAL_SESSION
            found = feedback_html(self.content.root, session, learner, self.content)
        words = self.text.feedback
        self.feedback.value = found or (
            f'<section class="cp-feedback"><h2>{html.escape(words.heading)}</h2>'
            f"{paragraphs([words.none_yet])}</section>"
        )

    def step(self, offset: int) -> None:
        if self.shown is None:
            return
        index = self.slugs.index(self.shown) + offset
        if 0 <= index < len(self.slugs):
            self.show(self.slugs[index], focus=True)

    def room_moved(self, module: str) -> None:
        """Follow the room if the learner was with it; otherwise say where it went."""
        if module not in self.content.modules:
            return
        was_with_room = self.room_module is None or self.shown == self.room_module
        self.room_module = module
        title = self.content.modules[module].meta.title
        words = self.text.moving
        if was_with_room:
            self.show(module)
            self.room_notice.html = paragraphs([words.room_moved.format(title=title)])
        elif self.shown != module:
            self.room_notice.html = paragraphs([words.room_moved_without_you.format(title=title)])
            self.go_to_room.layout.display = None

    def _go_to_room(self) -> None:
        if self.room_module:
            self.show(self.room_module, focus=True)

    def _show_join(self, joining: bool) -> None:
        # Swap rather than hide, so only one form's controls are ever in the page.
        shown = self.join.widget if joining else self.course
        self.widget.children = [self.identity, shown]

    def _identified(self) -> None:
        # The language the browser kept comes with its learner id: the course is read in it
        # before any part is shown to a learner who joined before.
        self.choose_language(self.identity.language)
        identified = self.session.identify(self.identity.learner_id)
        learner = self.session.learner_id or ""
        if identified and self.live_code is None:
            self._restore_place()
        elif identified and self.sessions.joined_role(self.live_code or "", learner) is not None:
            self._enter()
        else:
            # Only a learner who still has to join needs the code from the link.
            link_code = normalise_code(self.identity.link_code)
            if link_code and not self.join.code.value:
                self.join.code.value = link_code
        self.identity.settled = True  # the join form may show now, if it is still there

    def _join(self, typed_code: str, name: str, role: str) -> str | None:
        if self.entered:  # joined already: the form is gone, a second join changes nothing
            return None
        code = normalise_code(typed_code)
        if code != self.live_code or not self.sessions.exists(code):
            # Cleaned like any learner text (no control or direction codes echoed back); not
            # escaped here: the join form escapes the whole message as it shows it.
            shown = clean_line(typed_code, 16)
            if not shown:
                return self.text.join.no_code
            return self.text.join.wrong_code.format(code=f"“{shown}”")
        if self.session.learner_id is None:
            return self.text.join.not_ready
        display_name = clean_line(name, 40)
        chosen_role = role if role in self.content.course.roles else NO_ROLE
        self.sessions.join(code, self.session.learner_id, display_name, chosen_role)
        self._enter()
        return None

    def _enter(self) -> None:
        self.entered = True
        # In now: the language changes only by the choice above the course.
        self.offer_switch()
        restored = self._restore_place()
        if self.live_code and self.follower is None:
            self.room_module = self.sessions.current_module(self.live_code)
            on_closed = self.notices.show if self.notices else None
            self.follower = RoomFollower(
                self.sessions,
                self.live_code,
                self._in_turn(self.room_moved),
                self._in_turn(on_closed) if on_closed else None,
                self._in_turn(self._tick),
                self._in_turn(self._questions_changed),
            )
            self.follower.seen = self.room_module
            self.follower.check()  # the closed questions, before a part is drawn
            if not restored and self.room_module in self.content.modules:
                self.show(self.room_module)
            self.follower.start()
        if not self.area.children:
            self.show(self.slugs[0], remember=False)
        self._watch_connection()
        self._show_join(False)  # last, so the learner never sees an empty course

    def _in_turn(self, callback: Callable[..., None]) -> Callable[..., None]:
        """`callback`, for the follower's thread, run while the page's messages wait: without
        this, a room move in the middle of a language change showed a part the change had
        just closed, and a cleared question could look through parts as they were replaced."""

        def run(*args: Any) -> None:
            with self._lock:
                callback(*args)

        return run

    def _questions_changed(self, exercise_ids: set[str]) -> None:
        """The trainer touched these questions; one whose answers were cleared, this learner's
        among them, is offered afresh where it is on the page, and said to be cleared."""
        for exercise_id in sorted(exercise_ids):
            if not self.session.answer_was_cleared(exercise_id):
                continue
            for box in self._views.values():
                if replace_exercise(box, self.content, self.session, exercise_id):
                    break
            if self.notices is not None:
                self.notices.answers_cleared(exercise_id)

    def _tick(self) -> None:
        """Views on show that watch the room (ideas) look for what is new, at their own pace."""
        module = self.content.modules.get(self.shown or "")
        if module is None:
            return
        for exercise_id in run_exercises(self.content, module):
            tick = getattr(self.session.views.get(exercise_id), "tick", None)
            if tick is not None:
                tick()

    def _watch_connection(self) -> None:
        """Made with the course, not at start, so the join page stays as light as it can be."""
        if not isinstance(self.course.children[-1], ConnectionWatch):
            watch = connection_watch(self.text.connection, self.session)
            self.course.children = [*self.course.children, watch]

    def _restore_place(self) -> bool:
        place = self.session.place()
        if place in self.content.modules:
            self.show(place, remember=False)
            return True
        return False


def run() -> widgets.VBox:
    """Entry point for the learner app notebook."""
    root = find_course_root()
    app = LearnerApp(load_course(root), Store(store_target(root)), live_session_code())
    return app.widget
