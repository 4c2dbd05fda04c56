"""Minutes: what a module and the whole day add up to, in the room or online, with the optional
extras the course switches on."""

from __future__ import annotations

from coproduce.content.course import CourseContent, Module
from coproduce.content.day_plan import FixedSlot, PlanStep


def is_run(content: CourseContent, step: PlanStep) -> bool:
    """A core step always runs; an optional extra only when the course switches it on."""
    if not step.optional:
        return True
    return step.exercise is not None and step.exercise in content.course.extras_on


def run_steps(content: CourseContent, module: Module) -> list[PlanStep]:
    return [step for step in module.meta.plan if is_run(content, step)]


def run_exercises(content: CourseContent, module: Module) -> list[str]:
    """The exercises a learner meets in this module: the core ones and the extras switched on."""
    return [step.exercise for step in run_steps(content, module) if step.exercise is not None]


def module_minutes(content: CourseContent, module: Module, online: bool | None = None) -> int:
    online = is_online(content) if online is None else online
    return sum(step.added_minutes(online) for step in run_steps(content, module))


def day_minutes(content: CourseContent, online: bool) -> int:
    total = 0
    for slot in content.course.agenda:
        if isinstance(slot, FixedSlot):
            total += slot.minutes_for(online)
        elif slot.module in content.modules:
            total += module_minutes(content, content.modules[slot.module], online)
    return total


def is_online(content: CourseContent) -> bool:
    return content.course.delivery == "online"
