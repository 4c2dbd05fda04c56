"""The shape of course/run-sheet.yml: the run-sheet's words, for the pack and the trainer app."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from coproduce.content.filled_in import FilledIn


class ColumnWords(FilledIn):
    planned: str
    actual: str
    what: str
    lead: str
    minutes: str
    room_minutes: str
    online_minutes: str


class KindWords(FilledIn):
    module: str
    break_: str = Field(alias="break")
    joining: str
    exercise: str
    read: str
    talk: str
    changeover: str

    def of(self, kind: str) -> str:
        return str(getattr(self, "break_" if kind == "break" else kind))


class RunSheetWords(FilledIn):
    slots: ClassVar[dict[str, set[str]]] = {
        "room_day": {"start", "minutes"},
        "online_day": {"start", "minutes"},
        "running_over": {"minutes"},
        "module_summary": {"minutes", "lead"},
    }
    heading: str
    room_day: str
    online_day: str
    room_heading: str
    online_heading: str
    columns: ColumnWords
    kinds: KindWords
    now: str
    running_over: str
    module_summary: str
    steps_heading: str
    extra_on: str
    extra_off: str
    not_online: str
    alongside: str  # a step run at the same time as the one above it, by other groups
