"""The agenda, as an accessible navigation landmark that switches modules in the kernel."""

from __future__ import annotations

from pathlib import Path

import traitlets

from coproduce.kinds.common.kernel_widget import KernelWidget


class AgendaNav(KernelWidget):
    """`items` are dicts with time, title and, for modules, a slug; `current` is a slug.

    The page sets `current` only (an agenda button); the learner app checks it is a part.
    """

    page_may_set = frozenset({"current"})

    _esm = Path(__file__).with_name("agenda_nav.js")
    label = traitlets.Unicode("").tag(sync=True)  # the course's words (moving.agenda_label)
    items = traitlets.List(traitlets.Dict()).tag(sync=True)
    current = traitlets.Unicode("").tag(sync=True)
