"""Front-end widgets whose state belongs to the kernel: what the page may set, and the class
anywidget makes to carry each one's front-end code, shared by all of one kind."""

from __future__ import annotations

from coproduce.kinds.common.choice_group import ChoiceGroup
from coproduce.kinds.common.focus_request import FocusRequest


def test_widgets_of_one_kind_share_one_class_and_each_sends_its_code() -> None:
    first = ChoiceGroup(legend="Pick", options=["a", "b"])
    second = ChoiceGroup(legend="Again", options=["c"])
    other = FocusRequest()
    # Before: a class of its own for every widget (anywidget's add_traits on each instance).
    assert type(first) is type(second)
    assert type(other) is not type(first)
    for widget in (first, second):
        state = widget.get_state()
        assert state["_esm"] and state["_esm"] == first.get_state()["_esm"]
        assert state["_anywidget_id"].endswith(".ChoiceGroup")
    assert other.get_state()["_esm"] != first.get_state()["_esm"]


def test_the_page_still_sets_only_what_a_widget_names() -> None:
    first = ChoiceGroup(legend="Pick", options=["a", "b"])
    second = ChoiceGroup(legend="Again", options=["c"])
    first.set_state({"legend": "Changed by a script", "disabled": True})
    assert first.legend == "Pick" and not first.disabled
    assert second.legend == "Again"
