"""The agenda with planned clock times, worked out from the start time and the minutes: in the
room or online, each module with its steps and who leads them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from coproduce.content import formats
from coproduce.content.course import CourseContent, Module
from coproduce.content.day_plan import BreakSlot, JoiningSlot
from coproduce.content.timings import is_online, is_run, module_minutes


@dataclass(frozen=True)
class StepEntry:
    kind: str  # "exercise", "read", "talk" or "changeover"
    what: str  # an exercise's title, or the step's own words
    minutes: int
    lead: str  # the lead's label, as the course names it
    optional: bool  # an extra; `runs` says whether the course switched it on
    runs: bool
    alongside: bool = False  # at the same time as the step before it


@dataclass(frozen=True)
class AgendaEntry:
    starts: str  # the planned clock time, written the course's way ("09:30")
    title: str
    minutes: int
    slug: str | None  # None for a break or the joining slot
    kind: str = "module"  # "module", "break" or "joining"
    lead: str = ""  # the module's lead, as the course names it
    steps: tuple[StepEntry, ...] = ()


def planned_agenda(content: CourseContent, online: bool | None = None) -> list[AgendaEntry]:
    """The day as the course plans it; `online` None follows the course's delivery."""
    online = is_online(content) if online is None else online
    clock = datetime.combine(datetime(2000, 1, 1), content.course.start_time)
    entries = []
    for slot in content.course.agenda:
        starts = formats.clock(clock.time(), content.course.language)
        if isinstance(slot, BreakSlot | JoiningSlot):
            minutes = slot.minutes_for(online)
            if minutes == 0:
                continue  # a break for the other kind of day
            kind = "break" if isinstance(slot, BreakSlot) else "joining"
            title = slot.break_ if isinstance(slot, BreakSlot) else slot.joining
            entry = AgendaEntry(starts, title, minutes, None, kind)
        else:
            module = content.modules[slot.module]
            entry = AgendaEntry(
                starts,
                module.meta.title,
                module_minutes(content, module, online),
                slot.module,
                lead=lead_label(content, module.meta.lead),
                steps=tuple(_steps(content, module, online)),
            )
        entries.append(entry)
        clock += timedelta(minutes=entry.minutes)
    return entries


def lead_label(content: CourseContent, lead: str) -> str:
    return content.course.leads.get(lead, lead)


def _steps(content: CourseContent, module: Module, online: bool) -> list[StepEntry]:
    steps = []
    for step in module.meta.plan:
        minutes = step.minutes_for(online)
        if minutes == 0 and not step.optional:
            continue  # a step for the other kind of day
        exercise = content.exercises.get(step.exercise) if step.exercise else None
        steps.append(
            StepEntry(
                step.kind,
                exercise.title if exercise is not None else step.what,
                minutes,
                lead_label(content, step.lead or module.meta.lead),
                step.optional,
                is_run(content, step),
                step.alongside,
            )
        )
    return steps
