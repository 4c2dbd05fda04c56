"""A hidden widget that tells the kernel which learner this browser belongs to, and in which
of the course's languages the learner reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import anywidget
import traitlets

from coproduce.content.language import text_direction
from coproduce.kinds.common.light_widgets import SharedLayout
from coproduce.live.learner_ids import issue, verify


class BrowserIdentity(anywidget.AnyWidget, SharedLayout):
    """The browser offers the id it keeps in local storage; the kernel keeps it only if this
    server signed it, and otherwise gives the browser a fresh one (which the browser keeps).

    So `learner_id` is always an id this server issued, or "" before the browser has spoken.

    The language works the same way: the browser offers the one it keeps (the learner chose it
    before), the kernel takes it only if it is in `languages` (those a learner may choose now),
    and the browser keeps, and puts on the page (its lang and dir, the words around the app),
    whatever the kernel says.
    """

    _esm = Path(__file__).with_name("browser_identity.js")
    # What the page may send: anything else it sends is dropped.
    page_may_set: ClassVar[frozenset[str]] = frozenset({"learner_id", "link_code", "language"})
    learner_id = traitlets.Unicode("").tag(sync=True)
    # The session code in the link the learner opened (?code=...), if any.
    link_code = traitlets.Unicode("").tag(sync=True)
    # Set once the kernel knows whether this learner must join; until then a browser that has
    # joined before shows a short message instead of the join form.
    settled = traitlets.Bool(False).tag(sync=True)
    # The learner's language; "" in a course offered in one language (the page keeps its own).
    language = traitlets.Unicode("").tag(sync=True)
    direction = traitlets.Unicode("ltr").tag(sync=True)  # the language's, by Babel
    # The page's own words around the app in that language: skip_link, accessibility_link,
    # logo_alt, and the header's brand and title (the template wrote them in the course's).
    page_words = traitlets.Dict().tag(sync=True)
    # The languages the kernel takes from the page now; never synced.
    languages = traitlets.List(traitlets.Unicode())

    def set_state(self, sync_data: dict[str, Any]) -> None:
        wanted = {name: value for name, value in sync_data.items() if name in self.page_may_set}
        if wanted:
            super().set_state(wanted)

    @traitlets.validate("learner_id")
    def _issued_here(self, proposal: dict[str, Any]) -> str:
        offered = proposal["value"]
        return offered if verify(offered) else issue()

    # The language that stands: the one to keep when another is refused. (Not `language`:
    # while a page's update is applied, that already holds what the page sent.)
    _standing = ""

    @traitlets.validate("language")
    def _offered_here(self, proposal: dict[str, Any]) -> str:
        offered = proposal["value"]
        return offered if offered in self.languages else self._standing

    @traitlets.observe("language")
    def _direction(self, change: dict[str, Any]) -> None:
        self._standing = change["new"]
        self.direction = text_direction(change["new"]) if change["new"] else "ltr"
