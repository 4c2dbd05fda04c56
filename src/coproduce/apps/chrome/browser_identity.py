"""A hidden widget that tells the kernel which learner this browser belongs to."""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets


class BrowserIdentity(anywidget.AnyWidget):
    """Reads (or creates) a random learner id in the browser's local storage."""

    _esm = Path(__file__).with_name("browser_identity.js")
    learner_id = traitlets.Unicode("").tag(sync=True)
    # The session code in the link the learner opened (?code=...), if any.
    link_code = traitlets.Unicode("").tag(sync=True)
    # Set once the kernel knows whether this learner must join; until then a browser that has
    # joined before shows a short message instead of the join form.
    settled = traitlets.Bool(False).tag(sync=True)
