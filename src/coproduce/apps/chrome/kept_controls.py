"""The controls of an exercise whose state the page keeps until the store holds it.

Each text box, tick box, group of choices or drop-down list in an exercise gets a class that
names it for good: `cp-keep-EXERCISE_PATH`, PATH being where it sits in the exercise's widgets
(`1`, `3_0_2`). A page built by a new kernel after a restart names the same control the same way,
so what the browser kept for it can be put back. `page_state` says what the page shows for a
control, in the page's own terms (one entry per input in it: its text, or whether it is ticked),
so the page can tell whether the store holds what it kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets

from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.choice_group import ChoiceGroup
from coproduce.kinds.ladder_placement.view import RungSelect

KEPT_CLASS = "cp-kept"  # also in connection_watch.js
KEY_PREFIX = "cp-keep-"
KEPT_TYPES = (widgets.Text, widgets.Textarea, widgets.Checkbox, ChoiceGroup, RungSelect)


def kept_controls(exercise_id: str, root: widgets.Widget) -> Iterator[tuple[str, widgets.Widget]]:
    """(key, control) for each control the page keeps, in the exercise's widgets under `root`."""

    def walk(widget: widgets.Widget, path: tuple[int, ...]) -> Iterator[tuple[str, Any]]:
        if isinstance(widget, KEPT_TYPES):
            yield f"{exercise_id}_{'_'.join(map(str, path))}", widget
            return
        for index, child in enumerate(getattr(widget, "children", ())):
            yield from walk(child, (*path, index))

    return walk(root, ())


def name_controls(exercise_id: str, root: widgets.Widget) -> dict[str, widgets.Widget]:
    """Put the keeping classes on the exercise's controls (once each); returns them by key."""
    found = dict(kept_controls(exercise_id, root))
    for key, control in found.items():
        classes = getattr(control, "_dom_classes", ())
        if not any(name.startswith(KEY_PREFIX) for name in classes):
            light.add_classes(control, KEPT_CLASS, KEY_PREFIX + key)
    return {
        key: control
        for key, control in found.items()
        if KEY_PREFIX + key in getattr(control, "_dom_classes", ())
    }


def page_state(control: widgets.Widget) -> list[Any]:
    """What the page shows for a control: per input, its text or whether it is ticked."""
    if isinstance(control, ChoiceGroup):
        chosen = set(control.value)
        return [index in chosen for index in range(len(control.options))]
    if isinstance(control, widgets.Checkbox):
        return [bool(control.value)]
    return [str(control.value)]  # a text box, or a list of rungs (its <select> holds the id)
