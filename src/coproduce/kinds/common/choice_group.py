"""A labelled group of radio buttons or checkboxes (fieldset and legend)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import traitlets

from coproduce.kinds.common.kernel_widget import KernelWidget


class ChoiceGroup(KernelWidget):
    """Only the option texts are synced; whether an option is correct never leaves the kernel.

    A choice arrives as a custom message and is checked here: never while the group is
    disabled, only indexes of its own options. The page can change no trait directly.
    """

    _esm = Path(__file__).with_name("choice_group.js")
    legend = traitlets.Unicode("").tag(sync=True)
    options = traitlets.List(traitlets.Unicode()).tag(sync=True)
    multiple = traitlets.Bool(False).tag(sync=True)
    value = traitlets.List(traitlets.Int()).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    # Said after the chosen option, "(your answer)", from the course's words (choices:); a
    # group without it marks the choice by its tick and its bold text alone.
    chosen_mark = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_msg(self._chosen)

    def _chosen(self, _widget: Any, content: Any, _buffers: Any) -> None:
        chosen = content.get("chosen") if isinstance(content, dict) else None
        if self.disabled or not isinstance(chosen, list):
            return
        count = len(self.options)
        picked = sorted({i for i in chosen if isinstance(i, int) and 0 <= i < count})
        self.value = picked if self.multiple else picked[:1]
