"""What a script in the learner's own page can send to the kernel, without any button showing.

Each helper hands a message to a widget exactly as the widget websocket would: a state update
(what `model.set(...); model.save_changes()` sends), a custom message (what `model.send(...)`
sends) or a button's click event. The page can reach every widget the kernel has made, hidden
or not, so a handler must check the state it needs itself.
"""

from __future__ import annotations

import json
from typing import Any

import ipywidgets as widgets
from ipywidgets.widgets.widget import _instances


def _deliver(widget: widgets.Widget, data: dict[str, Any]) -> None:
    widget._handle_msg({"content": {"data": data}, "buffers": []})


def set_from_page(widget: widgets.Widget, **state: Any) -> None:
    """Change synced traits from the page, as `model.save_changes()` does."""
    _deliver(widget, {"method": "update", "state": state, "buffer_paths": []})


def send_from_page(widget: widgets.Widget, content: dict[str, Any]) -> None:
    """A custom message from the page, as `model.send(content)` does."""
    _deliver(widget, {"method": "custom", "content": content})


def click_from_page(control: widgets.Button) -> None:
    """Click a button from the page, whether it is hidden, disabled or not."""
    send_from_page(control, {"event": "click"})


class MadeWidgets:
    """Every widget made while this is open: all of them are sent to the browser, shown or not."""

    def __enter__(self) -> MadeWidgets:
        self._before = set(_instances)
        return self

    def __exit__(self, *_exc: object) -> None:
        return None

    def state(self) -> str:
        """The synced state of every widget made since opening, as the browser could read it."""
        made = [widget for key, widget in list(_instances.items()) if key not in self._before]
        return json.dumps([widget.get_state() for widget in made], default=str, ensure_ascii=False)
