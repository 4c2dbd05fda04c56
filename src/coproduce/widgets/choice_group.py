"""A labelled group of radio buttons or checkboxes (fieldset and legend)."""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets


class ChoiceGroup(anywidget.AnyWidget):
    """Only the option texts are synced; whether an option is correct never leaves the kernel."""

    _esm = Path(__file__).with_name("choice_group.js")
    legend = traitlets.Unicode("").tag(sync=True)
    options = traitlets.List(traitlets.Unicode()).tag(sync=True)
    multiple = traitlets.Bool(False).tag(sync=True)
    value = traitlets.List(traitlets.Int()).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
