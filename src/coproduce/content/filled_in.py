"""A part of course/interface.yml: every field required and never empty, and each text that the
app fills in holding exactly the {slots} the app fills. A text that changes with a number is a
mapping of plural forms (content/plurals.py); each form is checked the same way."""

from __future__ import annotations

from string import Formatter
from typing import ClassVar

from pydantic import ValidationInfo, field_validator

from coproduce.content.model import Strict
from coproduce.content.plurals import forms


class FilledIn(Strict):
    """A part of the interface; a text named in `slots` must hold exactly those slots."""

    slots: ClassVar[dict[str, set[str]]] = {}

    @field_validator("*")
    @classmethod
    def _slots_are_the_expected_ones(cls, value: object, info: ValidationInfo) -> object:
        texts = forms(value)
        if any(not str(text).strip() for text in texts):
            # An empty label would leave a link or control without a name.
            raise ValueError("this text is empty; the page needs words here")
        if isinstance(value, dict) and "other" not in value:
            raise ValueError("a text that changes with a number needs an 'other' form")
        expected = cls.slots.get(info.field_name or "")
        if expected is None:
            return value  # shown as written, braces and all
        for text in texts:
            found = _slots_in(str(text))
            if found != expected and not _a_form_without_its_number(value, text, found, expected):
                raise ValueError(_slot_message(expected, found))
        return value


def _a_form_without_its_number(
    value: object, text: str, found: set[str] | None, expected: set[str]
) -> bool:
    """A plural form other than `other` may spell its number out ("one more person") and so
    leave out a slot; it may not add one. The `other` form holds every slot."""
    return (
        isinstance(value, dict)
        and text != value.get("other")
        and found is not None
        and found < expected
    )


def _slots_in(text: str) -> set[str] | None:
    """The {slots} in a text, or None if a brace stands alone."""
    try:
        return {field for _, field, _, _ in Formatter().parse(text) if field is not None}
    except ValueError:
        return None


def _slot_message(expected: set[str], found: set[str] | None) -> str:
    if found is None:
        return "this text has a brace on its own; write it as {{ or }}"
    wanted = ", ".join(f"{{{slot}}}" for slot in sorted(expected))
    got = ", ".join(f"{{{slot}}}" for slot in sorted(found)) or "none"
    return f"this text must hold {wanted} just as written here, but it holds {got}"
