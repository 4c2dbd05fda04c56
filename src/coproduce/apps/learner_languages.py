"""The learner app in the language the learner chooses, in a course offered in several
(course.yml's `languages:`; docs/languages.md): the choice on the join page, the one the browser
kept from before, the same choice above the course once in, and everything the learner reads
put in it."""

from __future__ import annotations

import threading
from typing import Any

import ipywidgets as widgets

from coproduce.apps.chrome.agenda_nav import AgendaNav
from coproduce.apps.chrome.browser_identity import BrowserIdentity
from coproduce.apps.chrome.closed_notices import ClosedNotices
from coproduce.apps.chrome.join_form import JoinForm
from coproduce.apps.chrome.kept_controls import kept_controls
from coproduce.apps.module_view import close_tree
from coproduce.content.agenda import planned_agenda
from coproduce.content.course import CourseContent
from coproduce.content.interface import InterfaceText
from coproduce.content.language import own_name
from coproduce.content.loader import in_language, load_interface
from coproduce.kinds.common.choice_group import ChoiceGroup
from coproduce.live.learner_session import LearnerSession

SWITCH_CLASS = "cp-language-switch"


class LearnerLanguages:
    """Mixed into the learner app: the course in each language read so far in this kernel,
    and the learner's choice among them: on the join page, and once in (`entered`) above the
    course (`switch`), where a change keeps the learner's place and anything typed but not
    yet saved. Once in, the page's own offer (the language its browser kept) is refused: it
    belongs to a page load, not to a learner reading on."""

    content: CourseContent
    text: InterfaceText
    session: LearnerSession
    notices: ClosedNotices | None
    identity: BrowserIdentity
    nav: AgendaNav
    join: JoinForm
    previous: widgets.Button
    next: widgets.Button
    go_to_room: widgets.Button
    feedback_button: widgets.Button
    entered: bool
    shown: str | None
    course: widgets.VBox
    area: widgets.VBox
    _views: dict[str, widgets.VBox]
    _lock: threading.RLock
    switch: ChoiceGroup | None = None

    def _offer_languages(self, content: CourseContent, live: bool) -> None:
        """Only a live session's join page offers a choice, and only of two or more."""
        self._contents = {content.course.language: content}
        offered = content.course.offered_languages if live else []
        self.languages = offered if len(offered) > 1 else [content.course.language]
        if len(self.languages) > 1:
            self.identity.languages = list(self.languages)
            self.identity.language = content.course.language

    def _language_names(self) -> list[str]:
        """Each language by its own name ("Cymraeg"); none for a course in one language."""
        return [own_name(language) for language in self.languages] if self._many else []

    def _language_legend(self) -> str:
        """Above the languages: its label in each of them ("Language / Iaith"), so that it
        reads the same whichever is chosen, and every learner can read it."""
        if not self._many:
            return ""
        own = self.content.course.language
        labels = [
            self.text.join.language_label
            if language == own
            else load_interface(self.content.root, language).join.language_label
            for language in self.languages
        ]
        return " / ".join(dict.fromkeys(labels))

    @property
    def _many(self) -> bool:
        return len(self.languages) > 1

    def _view(self, slug: str) -> widgets.VBox:
        raise NotImplementedError  # the learner app's

    def offer_switch(self) -> None:
        """Once in: the join page's choice again, above the course, for reading on in another
        language (a learner who chose the wrong one is not stuck with it)."""
        if not self._many or self.switch is not None:
            return
        index = self.languages.index(self.content.course.language)
        self.switch = ChoiceGroup(
            legend=self._language_legend(), options=self._language_names(), value=[index]
        )
        self.switch.add_class(SWITCH_CLASS)
        self.switch.observe(self._switched, "value")
        # Above the agenda, as on the join page: nothing above it changes when the parts are
        # built again, so it, and the focus on it, stay in view.
        self.course.children = [self.switch, *self.course.children]

    def _switched(self, change: dict[str, Any]) -> None:
        chosen = change["new"][:1]
        if chosen:
            self.choose_language(self.languages[chosen[0]], reading_on=True)
        else:
            self._say_language()

    def choose_language(self, language: str, reading_on: bool = False) -> bool:
        """Read the course in `language`: only one it offers; before the learner is in, or
        once in from the choice above the course (`reading_on`). Anything else (a script's
        offer once in, a language not offered) is refused: the page is told back the language
        that stands. Returns whether the language changed."""
        with self._lock:  # the room follower's thread waits (learner_app._in_turn)
            changed = False
            offered = language in self.languages and (reading_on or not self.entered)
            if offered and language != self.content.course.language:
                found = self._contents.get(language)
                if found is None:
                    found = in_language(self._contents[self.languages[0]], language)
                    self._contents[language] = found
                self._read_in(found)
                changed = True
            self._say_language()
            return changed

    def _language_picked(self, change: dict[str, Any]) -> None:
        chosen = change["new"][:1]
        if chosen:  # the group checks the index is one of its own
            self.choose_language(self.languages[chosen[0]])
        else:  # nothing chosen (a script's doing): the language that stands is chosen again
            self._say_language()

    def _read_in(self, content: CourseContent) -> None:
        """Everything the learner reads, in `content`'s language."""
        self.content = content
        self.text = text = content.interface
        self.session.closed_message = text.questions.not_saved
        if self.notices is not None:
            self.notices = ClosedNotices(text.questions.closed, text.questions.answers_cleared)
        self.nav.label = text.moving.agenda_label
        self.nav.items = nav_items(content)
        for control, words in (
            (self.previous, text.moving.previous),
            (self.next, text.moving.next),
            (self.go_to_room, text.moving.go_to_room),
            (self.feedback_button, text.feedback.button),
        ):
            control.description = control.tooltip = words
        course = content.course
        self.join.say(text.join, text.choices.your_answer, course.shown_all("roles", course.roles))
        # Each part built so far (the room's, made ahead in the kernel pool; those read since
        # joining) is built again in the new language: saved answers come back into it as
        # before, and what was typed or chosen but not yet saved is put back where it was.
        unsaved = self._unsaved()
        built = list(self._views)
        for box in self._views.values():
            close_tree(box)
        self._views.clear()
        self.session.views.clear()
        for slug in built:
            self._view(slug)
        self._put_back(unsaved)
        if self.entered and self.shown in self._views:
            self.area.children = [self._views[self.shown]]

    def _unsaved(self) -> dict[str, dict[str, Any]]:
        """What each exercise's controls hold now, by the key that names each for good."""
        return {
            exercise_id: {key: control.value for key, control in kept_controls(exercise_id, view)}
            for exercise_id, view in self._exercise_widgets()
        }

    def _put_back(self, unsaved: dict[str, dict[str, Any]]) -> None:
        for exercise_id, view in self._exercise_widgets():
            held = unsaved.get(exercise_id, {})
            for key, control in kept_controls(exercise_id, view):
                if key in held and control.value != held[key]:
                    control.value = held[key]

    def _exercise_widgets(self) -> list[tuple[str, widgets.Widget]]:
        found = [(eid, getattr(view, "widget", None)) for eid, view in self.session.views.items()]
        return [(eid, widget) for eid, widget in found if widget is not None]

    def _say_language(self) -> None:
        """Tell the page the language that stands: its lang and dir, its own words."""
        if not self._many:
            return
        language = self.content.course.language
        page = self.text.page
        brand = self.content.course.branding
        with self.identity.hold_sync():
            self.identity.language = language
            self.identity.page_words = {
                "skip_link": page.skip_link,
                "accessibility_link": page.accessibility_link,
                "logo_alt": page.logo_alt.format(organisation=brand.organisation or brand.name),
                # The page's header: the course's title and brand as course.<lang>.yml has them.
                "brand": brand.organisation or brand.name,
                "title": self.content.course.title,
            }
        index = [self.languages.index(language)]
        for group in (self.join.language, self.switch):
            if group is not None and group.value != index:
                group.value = index


def nav_items(content: CourseContent) -> list[dict[str, str]]:
    """The agenda's parts, with their planned times, in the content's language."""
    return [
        {"time": entry.starts, "title": entry.title, "slug": entry.slug or ""}
        for entry in planned_agenda(content)
    ]
