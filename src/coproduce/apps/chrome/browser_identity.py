"""A hidden widget that tells the kernel which learner this browser belongs to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from coproduce.kinds.common.light_widgets import SharedLayout
from coproduce.live.learner_ids import issue, verify


class BrowserIdentity(anywidget.AnyWidget, SharedLayout):
    """The browser offers the id it keeps in local storage; the kernel keeps it only if this
    server signed it, and otherwise gives the browser a fresh one (which the browser keeps).

    So `learner_id` is always an id this server issued, or "" before the browser has spoken.
    """

    _esm = Path(__file__).with_name("browser_identity.js")
    learner_id = traitlets.Unicode("").tag(sync=True)
    # The session code in the link the learner opened (?code=...), if any.
    link_code = traitlets.Unicode("").tag(sync=True)
    # Set once the kernel knows whether this learner must join; until then a browser that has
    # joined before shows a short message instead of the join form.
    settled = traitlets.Bool(False).tag(sync=True)

    @traitlets.validate("learner_id")
    def _issued_here(self, proposal: dict[str, Any]) -> str:
        offered = proposal["value"]
        return offered if verify(offered) else issue()
