"""The learner app in the language the learner chooses, in a course offered in several
(course.yml's `languages:`; docs/languages.md): the choice on the join page, the one the browser
kept from before, and everything the learner reads put in it."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from coproduce.apps.chrome.agenda_nav import AgendaNav
from coproduce.apps.chrome.browser_identity import BrowserIdentity
from coproduce.apps.chrome.closed_notices import ClosedNotices
from coproduce.apps.chrome.join_form import JoinForm
from coproduce.apps.module_view import close_tree
from coproduce.content.agenda import planned_agenda
from coproduce.content.course import CourseContent
from coproduce.content.interface import InterfaceText
from coproduce.content.language import own_name
from coproduce.content.loader import in_language, load_interface
from coproduce.live.learner_session import LearnerSession


class LearnerLanguages:
    """Mixed into the learner app: the course in each language read so far in this kernel,
    and the learner's choice among them. The choice is made before joining; once in, the
    language stays (`entered`)."""

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
    _views: dict[str, widgets.VBox]

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

    def choose_language(self, language: str) -> bool:
        """Read the course in `language`: only one it offers, and only before the learner is
        in. Anything else (a script's, a language no longer offered) is refused: the page is
        told back the language that stands. Returns whether the language changed."""
        changed = False
        offered = language in self.languages and not self.entered
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
        self.join.say(text.join, text.choices.your_answer)
        # A part built before the choice (the room's, made ahead in the kernel pool) is built
        # again in the new language; its answers come back into it as before.
        built = list(self._views)
        for box in self._views.values():
            close_tree(box)
        self._views.clear()
        self.session.views.clear()
        for slug in built:
            self._view(slug)

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
            }
        if self.join.language is not None:
            index = [self.languages.index(language)]
            if self.join.language.value != index:
                self.join.language.value = index


def nav_items(content: CourseContent) -> list[dict[str, str]]:
    """The agenda's parts, with their planned times, in the content's language."""
    return [
        {"time": entry.starts, "title": entry.title, "slug": entry.slug or ""}
        for entry in planned_agenda(content)
    ]
