"""The agenda with planned clock times, worked out from the start time and the minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from coproduce.content.course import CourseContent
from coproduce.content.model import BreakSlot


@dataclass(frozen=True)
class AgendaEntry:
    starts: str
    title: str
    minutes: int
    slug: str | None  # None for a break


def planned_agenda(content: CourseContent) -> list[AgendaEntry]:
    clock = datetime.combine(datetime(2000, 1, 1), content.course.start_time)
    entries = []
    for slot in content.course.agenda:
        if isinstance(slot, BreakSlot):
            entry = AgendaEntry(f"{clock:%H:%M}", slot.break_, slot.minutes, None)
        else:
            meta = content.modules[slot.module].meta
            entry = AgendaEntry(f"{clock:%H:%M}", meta.title, meta.minutes, slot.module)
        entries.append(entry)
        clock += timedelta(minutes=entry.minutes)
    return entries
