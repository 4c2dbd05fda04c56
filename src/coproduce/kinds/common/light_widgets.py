"""ipywidgets controls that share one layout and one style model per kernel.

Each ipywidgets control brings a Layout model of its own, and most a Style model too, even when
both stay at their defaults: of the 123 models a learner's first part sent on Join, 75 were
these. Every model is state the kernel makes, sends through the one server process that relays
every learner's messages, and the page builds; a class joining in the same minute multiplies
that by forty. The controls made here share one Layout, and one Style of each kind, per kernel.

A shared model cannot change: setting one of its traits raises (a view that shows and hides a
control gives it a Layout of its own where it is made), and an update from the page is ignored,
so a script in one learner's page cannot restyle every control at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import ipywidgets as widgets
import traitlets
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

Shared = TypeVar("Shared", bound=widgets.Widget)
_SHARED: dict[tuple[type, tuple[tuple[str, Any], ...]], widgets.Widget] = {}
_FROZEN: dict[type, type] = {}


class SharedModelError(AttributeError):
    """A shared layout or style was changed; the widget needs one of its own."""


def _frozen_class(kind: type[Shared]) -> type[Shared]:
    if kind not in _FROZEN:

        def __setattr__(self: Any, name: str, value: Any) -> None:
            if getattr(self, "_cp_frozen", False) and name in self.keys and name[0] != "_":
                raise SharedModelError(
                    f"{kind.__name__}.{name} is shared by many widgets: give this widget a "
                    f"{kind.__name__} of its own where it is made"
                )
            object.__setattr__(self, name, value)

        def set_state(self: Any, sync_data: dict[str, Any]) -> None:
            return None  # the page may not restyle every control at once

        _FROZEN[kind] = type(
            f"Shared{kind.__name__}", (kind,), {"__setattr__": __setattr__, "set_state": set_state}
        )
    return _FROZEN[kind]


def shared(kind: type[Shared], **values: Any) -> Shared:
    """This kernel's one unchangeable `kind` (a Layout or a Style class) with these values."""
    key = (kind, tuple(sorted(values.items())))
    model = _SHARED.get(key)
    if model is None or model.comm is None:
        model = _frozen_class(kind)(**values)
        model._cp_frozen = True
        _SHARED[key] = model
    return model


def add_classes(widget: widgets.DOMWidget, *names: str) -> None:
    """CSS classes on a widget already made, in one change: add_class() is a message to the
    page for each, for every learner a part is built for."""
    widget._dom_classes = (*widget._dom_classes, *names)


def full_width() -> widgets.Layout:
    """The shared layout of a text box as wide as its column."""
    return shared(widgets.Layout, width="100%")


def wide_label(control: type[widgets.DescriptionWidget]) -> Any:
    """The shared style of a `control` whose label is as wide as its words, not cut short."""
    kind = control.class_traits()["style"].klass
    return shared(kind, description_width="initial")


class SharedLayout(widgets.DOMWidget):
    """Mixed into a widget class (after its own base): the shared layout by default, and CSS
    `classes` given where the widget is made, which go with its first message to the page
    (add_class() after that is one more message, for every learner a part is built for)."""

    def __init__(self, *args: Any, classes: Sequence[str] = (), **kwargs: Any) -> None:
        if classes:
            kwargs["_dom_classes"] = (*kwargs.get("_dom_classes", ()), *classes)
        super().__init__(*args, **kwargs)

    @traitlets.default("layout")
    def _shared_layout(self) -> widgets.Layout:
        return shared(widgets.Layout)


class HTML(widgets.HTML, SharedLayout):
    @traitlets.default("style")
    def _shared_style(self) -> HTMLStyle:
        return shared(HTMLStyle)


class Button(widgets.Button, SharedLayout):
    @traitlets.default("style")
    def _shared_style(self) -> widgets.ButtonStyle:
        return shared(widgets.ButtonStyle)


class Text(widgets.Text, SharedLayout):
    @traitlets.default("style")
    def _shared_style(self) -> TextStyle:
        return shared(TextStyle)


class Textarea(widgets.Textarea, SharedLayout):
    @traitlets.default("style")
    def _shared_style(self) -> TextStyle:
        return shared(TextStyle)


class Checkbox(widgets.Checkbox, SharedLayout):
    @traitlets.default("style")
    def _shared_style(self) -> CheckboxStyle:
        return shared(CheckboxStyle)


class VBox(widgets.VBox, SharedLayout):
    pass


class HBox(widgets.HBox, SharedLayout):
    pass
