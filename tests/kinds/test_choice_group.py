"""The choice group takes choices from the browser as messages, and checks them."""

from __future__ import annotations

from typing import Any

import pytest

from coproduce.kinds.common.choice_group import ChoiceGroup


@pytest.mark.parametrize(
    ("sent", "multiple", "kept"),
    [
        ({"chosen": [1]}, False, [1]),
        ({"chosen": [2, 0]}, True, [0, 2]),
        ({"chosen": [0, 2]}, False, [0]),
        ({"chosen": [7, -1, "1", None]}, True, []),
        ({"chosen": "1"}, False, []),
        ("not a dict", False, []),
    ],
)
def test_a_choice_from_the_browser_is_checked(sent: Any, multiple: bool, kept: list[int]) -> None:
    group = ChoiceGroup(legend="Pick", options=["a", "b", "c"], multiple=multiple)
    group._chosen(group, sent, [])
    assert group.value == kept


def test_a_disabled_group_ignores_choices() -> None:
    group = ChoiceGroup(legend="Pick", options=["a", "b"], value=[0], disabled=True)
    group._chosen(group, {"chosen": [1]}, [])
    assert group.value == [0]
