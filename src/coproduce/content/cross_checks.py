"""Checks across files once each has loaded: references, course data an exercise needs, timings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coproduce.content.course import (
    COURSE_FILE,
    GLOSSARY_FILE,
    INTERFACE_FILE,
    LADDERS_FILE,
    MODULE_META,
    PAYMENT_RATES_FILE,
    CourseContent,
    Module,
)
from coproduce.content.day_plan import ModuleSlot
from coproduce.content.errors import ContentProblem
from coproduce.content.explain import suggest_suffix
from coproduce.content.model import (
    AirtimeTracker,
    JargonBuster,
    LadderPlacement,
    ModuleMeta,
    PaymentPlanner,
    RatingScale,
)
from coproduce.content.module_notebook import Block, ExerciseBlock
from coproduce.content.timings import day_minutes, module_minutes
from coproduce.content.translations import is_translation
from coproduce.content.yaml_lines import agenda_line, key_line, list_item_line, step_line


def check_course_data(root: Path, content: CourseContent, exercise: Any) -> list[ContentProblem]:
    path = root / "exercises" / f"{exercise.id}.yml"
    if isinstance(exercise, LadderPlacement):
        ladder = content.ladders.get(exercise.ladder)
        if ladder is None:
            return [
                ContentProblem(
                    path,
                    key_line(path, "ladder"),
                    f"the ladder '{exercise.ladder}' is not defined",
                    f"add it to {LADDERS_FILE}"
                    + suggest_suffix(exercise.ladder, [*content.ladders]),
                )
            ]
        rungs = [rung.id for rung in ladder.rungs]
        return [
            ContentProblem(
                path,
                key_line(path, f"rung: {situation.rung}") or key_line(path, "situations"),
                f"the rung '{situation.rung}' is not on the ladder '{ladder.id}'",
                f"use one of: {', '.join(rungs)}",
            )
            for situation in exercise.situations
            if situation.rung not in rungs
        ]
    if isinstance(exercise, RatingScale) and exercise.before:
        return _before_problems(path, content, exercise)
    if isinstance(exercise, JargonBuster) and content.glossary is None:
        return [
            ContentProblem(
                path, None, "a jargon buster needs the glossary", f"create {GLOSSARY_FILE}"
            )
        ]
    if isinstance(exercise, PaymentPlanner) and content.payment_rates is None:
        return [
            ContentProblem(
                path,
                None,
                "a payment planner needs the payment rates",
                f"create {PAYMENT_RATES_FILE}",
            )
        ]
    return []


def rate_unit_problems(root: Path, content: CourseContent) -> list[ContentProblem]:
    """Each rate's unit has its words in the catalogue (`payment_units:`), so the planner can
    say "3 hours" and "£27.50 an hour" in the course's language."""
    rates = content.payment_rates
    if rates is None:
        return []
    path = root / PAYMENT_RATES_FILE
    known = content.interface.payment_units
    return [
        ContentProblem(
            path,
            step_line(path, "unit", unit),
            f"the unit '{unit}' has no words in the course's catalogue (payment_units:)",
            f"add '{unit}' under payment_units: in {INTERFACE_FILE} and each translation, or "
            f"use one of: {', '.join(known)}",
        )
        for unit in dict.fromkeys(rate.unit for rate in rates.rates)
        if unit not in known
    ]


def _before_problems(
    path: Path, content: CourseContent, after: RatingScale
) -> list[ContentProblem]:
    """The question a rating repeats is a rating with a scale of the same points."""
    earlier = content.exercises.get(after.before or "")
    line = key_line(path, "before")
    if not isinstance(earlier, RatingScale):
        what = "is not a rating scale" if earlier else "is not an exercise of this course"
        return [
            ContentProblem(
                path,
                line,
                f"before: '{after.before}' {what}",
                "name the rating_scale asked earlier in the day"
                + suggest_suffix(after.before or "", list(content.exercises)),
            )
        ]
    if earlier.scale != after.scale:
        return [
            ContentProblem(
                path,
                line,
                f"the scale is not the same as the scale of '{earlier.id}'",
                "give both questions the same points, in the same order, to set them side by side",
            )
        ]
    return []


def check_exercise_references(
    meta_path: Path,
    content_path: Path,
    meta: ModuleMeta,
    blocks: list[Block],
    exercises: dict[str, Any],
) -> list[ContentProblem]:
    problems = []
    folder = meta_path.parents[2] / "exercises"
    defined_files = {path.stem for path in folder.glob("*.yml") if not is_translation(path)}
    for exercise_id in meta.exercises:
        # A file that exists but failed to load has already been reported.
        if exercise_id not in exercises and exercise_id not in defined_files:
            problems.append(
                ContentProblem(
                    meta_path,
                    step_line(meta_path, "exercise", exercise_id),
                    f"the exercise '{exercise_id}' is named here but nobody defined it",
                    f"create exercises/{exercise_id}.yml"
                    + suggest_suffix(exercise_id, list(exercises)),
                )
            )
    shown = [block for block in blocks if isinstance(block, ExerciseBlock)]
    for block in shown:
        if block.exercise_id not in meta.exercises:
            problems.append(
                ContentProblem(
                    content_path,
                    block.line,
                    f"the exercise '{block.exercise_id}' is shown here but is not a step in "
                    f"the plan: in {MODULE_META}",
                    f"add '- exercise: {block.exercise_id}' with its minutes to the plan: in "
                    f"{MODULE_META}",
                )
            )
    # The run-sheet follows the plan and the learner's page follows content.md: one order.
    planned = [eid for eid in meta.exercises if eid in {block.exercise_id for block in shown}]
    on_page = [block for block in shown if block.exercise_id in meta.exercises]
    for block, expected in zip(on_page, planned, strict=False):
        if block.exercise_id != expected:
            problems.append(
                ContentProblem(
                    content_path,
                    block.line,
                    f"the exercise '{block.exercise_id}' is shown here, but the plan in "
                    f"{MODULE_META} has '{expected}' next: the run-sheet and the page would "
                    "run in different orders",
                    f"put the steps in {MODULE_META} in the order the page shows them "
                    "(or move this code cell)",
                )
            )
            break
    shown_ids = {block.exercise_id for block in shown}
    for exercise_id in meta.exercises:
        if exercise_id not in shown_ids:
            problems.append(
                ContentProblem(
                    content_path,
                    None,
                    f"the exercise '{exercise_id}' is listed in {MODULE_META} but never shown",
                    f'add a code cell with exercise("{exercise_id}")',
                )
            )
    return problems


def check_timings(root: Path, content: CourseContent) -> list[ContentProblem]:
    """Each module's steps add up to its minutes; the day adds up to duration_minutes (and the
    online day to online_duration_minutes); every lead is one the course names; every extra
    switched on exists. Whether the day fits a half-day is the author's check (lesson_checks)."""
    course_file = root / COURSE_FILE
    course = content.course
    problems = []
    loaded = [content.modules[slug] for slug in course.module_slugs if slug in content.modules]
    for module in loaded:  # one that failed to load has been reported already
        problems += _module_timing_problems(content, module)
    problems += _extras_problems(course_file, content)
    problems += _room_airtime_problems(course_file, content)
    for slot in course.agenda:
        if isinstance(slot, ModuleSlot) and slot.module in content.modules:
            planned = module_minutes(content, content.modules[slot.module], online=False)
            if slot.minutes is not None and slot.minutes != planned:
                problems.append(
                    ContentProblem(
                        course_file,
                        agenda_line(course_file, slot.module),
                        f"the agenda gives '{slot.module}' {slot.minutes} minutes but its "
                        f"steps add up to {planned}",
                        "make the two agree (or leave minutes out of the agenda entry)",
                    )
                )
    days = [(False, "duration_minutes", course.duration_minutes, "")]
    if course.online_duration_minutes is not None:
        days.append((True, "online_duration_minutes", course.online_duration_minutes, "online "))
    for online, key, declared, variant in days:
        total = day_minutes(content, online)
        if total != declared:
            problems.append(
                ContentProblem(
                    course_file,
                    key_line(course_file, key),
                    f"the {variant}agenda adds up to {total} minutes but {key} is {declared}",
                    f"set {key}: {total} or change the timings",
                )
            )
    return problems


def _module_timing_problems(content: CourseContent, module: Module) -> list[ContentProblem]:
    meta_path = module.folder / MODULE_META
    meta = module.meta
    problems = []
    core_steps = [step for step in meta.plan if not step.optional and not step.alongside]
    core = sum(step.minutes for step in core_steps)
    if core != meta.minutes:
        steps = " + ".join(str(step.minutes) for step in core_steps)
        problems.append(
            ContentProblem(
                meta_path,
                key_line(meta_path, "minutes"),
                f"the steps of the plan add up to {steps} = {core} minutes, not {meta.minutes}",
                f"set minutes: {core} or change the steps' minutes",
            )
        )
    leads = content.course.leads
    for lead, line in [(meta.lead, key_line(meta_path, "lead"))] + [
        (step.lead, step_line(meta_path, step.kind, step.what)) for step in meta.plan if step.lead
    ]:
        if lead not in leads:
            problems.append(
                ContentProblem(
                    meta_path,
                    line,
                    f"the lead '{lead}' is not one of the course's leads",
                    f"use one of: {', '.join(leads)} (or add it to leads: in {COURSE_FILE})",
                )
            )
    seen: set[str] = set()
    for exercise_id in meta.exercises:
        if exercise_id in seen:
            problems.append(
                ContentProblem(
                    meta_path,
                    step_line(meta_path, "exercise", exercise_id),
                    f"the exercise '{exercise_id}' is in the plan twice",
                    "keep one of the two steps",
                )
            )
        seen.add(exercise_id)
    for before, step in zip([None, *meta.plan], meta.plan, strict=False):
        if step.alongside and (before is None or before.optional != step.optional):
            problems.append(
                ContentProblem(
                    meta_path,
                    step_line(meta_path, step.kind, step.what),
                    "a step alongside another runs at the same time as the step before it, "
                    "and both must be core or both optional",
                    "move it after the step it runs with, or remove alongside: true",
                )
            )
        if step.optional and step.exercise is None:
            problems.append(
                ContentProblem(
                    meta_path,
                    step_line(meta_path, step.kind, step.what),
                    "only an exercise can be an optional extra",
                    "give the extra's talk or reading to its exercise's minutes",
                )
            )
    return problems


def _room_airtime_problems(course_file: Path, content: CourseContent) -> list[ContentProblem]:
    named = content.course.room_airtime
    if named is None or isinstance(content.exercises.get(named), AirtimeTracker):
        return []
    trackers = [e.id for e in content.exercises.values() if isinstance(e, AirtimeTracker)]
    return [
        ContentProblem(
            course_file,
            key_line(course_file, "room_airtime"),
            f"room_airtime: '{named}' is not an airtime tracker of this course",
            "name one of: " + (", ".join(sorted(trackers)) or "(there are none)"),
        )
    ]


def _extras_problems(course_file: Path, content: CourseContent) -> list[ContentProblem]:
    optional = {
        exercise_id
        for module in content.modules.values()
        for exercise_id in module.meta.optional_exercises
    }
    return [
        ContentProblem(
            course_file,
            list_item_line(course_file, exercise_id),
            f"'{exercise_id}' is switched on in extras_on but is no optional extra of a module "
            "on the agenda",
            "switch on one of: " + (", ".join(sorted(optional)) or "(there are none)"),
        )
        for exercise_id in content.course.extras_on
        if exercise_id not in optional
    ]
