"""A region whose changes a screen reader announces politely."""

from __future__ import annotations

from pathlib import Path

import traitlets

from coproduce.kinds.common.kernel_widget import KernelWidget


class LiveMessage(KernelWidget):
    """Set `html` only to markup built from escaped text."""

    _esm = Path(__file__).with_name("live_message.js")
    html = traitlets.Unicode("").tag(sync=True)
