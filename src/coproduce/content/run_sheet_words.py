"""The run-sheet's words, for the pack and the trainer app: the `run_sheet:` section of the
course's catalogue (course/interface.yml, course/interface.<lang>.yml)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from coproduce.content.filled_in import FilledIn
from coproduce.content.plurals import PluralText


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
    """{start} is a clock time written the course's way; texts by {minutes} are plural."""

    slots: ClassVar[dict[str, set[str]]] = {
        "room_day": {"start", "minutes"},
        "online_day": {"start", "minutes"},
        "entry": {"title", "kind"},
        "step": {"kind", "what"},
        "running_over": {"minutes"},
        "module_summary": {"minutes", "lead"},
    }
    heading: str
    room_day: PluralText
    online_day: PluralText
    room_heading: str
    online_heading: str
    columns: ColumnWords
    kinds: KindWords
    entry: str  # a line of the day with its kind: "Lunch (break)"
    step: str  # a step of a part with its kind: "Exercise: Ground rules"
    now: str
    running_over: PluralText
    module_summary: PluralText
    steps_heading: str
    extra_on: str
    extra_off: str
    not_online: str
    alongside: str  # a step run at the same time as the one above it, by other groups
