"""The learner app: the whole course in one page, switching modules inside one kernel."""

from __future__ import annotations

import ipywidgets as widgets

from .agenda import planned_agenda
from .content_loader import CourseContent, load_course
from .learner_session import LearnerSession
from .module_view import build_module_view
from .settings import find_course_root, store_target
from .store import Store
from .widgets.agenda_nav import AgendaNav
from .widgets.browser_identity import BrowserIdentity
from .widgets.exercise_base import button


class LearnerApp:
    """Agenda, current module and previous/next buttons; module views are built once, on demand."""

    def __init__(self, content: CourseContent, store: Store) -> None:
        self.content = content
        self.session = LearnerSession(store)
        self.slugs = content.course.module_slugs
        self._views: dict[str, widgets.VBox] = {}
        self.identity = BrowserIdentity()
        self.nav = AgendaNav(items=_nav_items(content), current=self.slugs[0])
        self.area = widgets.VBox()
        self.area.add_class("cp-module-area")
        self.previous = button("Previous part")
        self.next = button("Next part", "primary")
        self.previous.on_click(lambda _: self.step(-1))
        self.next.on_click(lambda _: self.step(+1))
        pager = widgets.HBox([self.previous, self.next])
        pager.add_class("cp-pager")
        self.widget = widgets.VBox([self.identity, self.nav, self.area, pager])
        self.widget.add_class("cp-learner-app")
        self.nav.observe(lambda change: self.show(change["new"]), "current")
        self.identity.observe(lambda change: self._identified(change["new"]), "learner_id")
        self.show(self.slugs[0], remember=False)

    def show(self, slug: str, remember: bool = True) -> None:
        if slug not in self.content.modules:
            return
        if slug not in self._views:
            position = self.slugs.index(slug) + 1
            module = self.content.modules[slug]
            self._views[slug] = build_module_view(self.content, module, position, self.session)
        self.area.children = [self._views[slug]]
        self.nav.current = slug
        index = self.slugs.index(slug)
        self.previous.disabled = index == 0
        self.next.disabled = index == len(self.slugs) - 1
        if remember:
            self.session.save_place(slug)

    def step(self, offset: int) -> None:
        index = self.slugs.index(self.nav.current) + offset
        if 0 <= index < len(self.slugs):
            self.show(self.slugs[index])

    def _identified(self, raw_learner_id: str) -> None:
        if self.session.identify(raw_learner_id):
            place = self.session.place()
            if place in self.content.modules:
                self.show(place, remember=False)


def _nav_items(content: CourseContent) -> list[dict[str, str]]:
    return [
        {"time": entry.starts, "title": entry.title, "slug": entry.slug or ""}
        for entry in planned_agenda(content)
    ]


def run() -> widgets.VBox:
    """Entry point for the learner app notebook."""
    root = find_course_root()
    app = LearnerApp(load_course(root), Store(store_target(root)))
    return app.widget
