"""Moving keyboard focus from the kernel: to a new part's heading, to feedback that appeared.

When a control hides itself (a check button that has done its job) or the page swaps what
it shows, the browser drops focus to the page body. The kernel knows where the learner's eyes
should go next, and asks this small front-end helper to put focus there.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from coproduce.kinds.common.kernel_widget import KernelWidget
from coproduce.kinds.common.light_widgets import shared


class FocusRequest(KernelWidget):
    """Shows nothing. `request` names an element by a CSS selector; once it is on the page
    (and enabled), it gets focus and is scrolled into view."""

    _esm = Path(__file__).with_name("focus_request.js")

    def __init__(self) -> None:
        super().__init__(layout=shared(widgets.Layout, display="none"))

    def request(self, selector: str, within: str = "", block: str = "nearest") -> None:
        """Focus the first match of `selector` inside the nearest `within` around this helper
        (the whole page if empty); `block` is how scrollIntoView lines it up ("start")."""
        self.send({"selector": selector, "within": within, "block": block})
