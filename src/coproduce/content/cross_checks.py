"""Checks across files once each has loaded: references, course data an exercise needs, timings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coproduce.content.author_messages import problem, say
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
            suggestion = suggest_suffix(exercise.ladder, [*content.ladders])
            return [
                problem(
                    "ladder.unknown",
                    path,
                    key_line(path, "ladder"),
                    ladder=exercise.ladder,
                    file=LADDERS_FILE,
                    suggestion=suggestion,
                )
            ]
        rungs = [rung.id for rung in ladder.rungs]
        return [
            problem(
                "ladder.rung_unknown",
                path,
                key_line(path, f"rung: {situation.rung}") or key_line(path, "situations"),
                rung=situation.rung,
                ladder=ladder.id,
                rungs=", ".join(rungs),
            )
            for situation in exercise.situations
            if situation.rung not in rungs
        ]
    if isinstance(exercise, RatingScale) and exercise.before:
        return _before_problems(path, content, exercise)
    if isinstance(exercise, JargonBuster) and content.glossary is None:
        return [problem("jargon_buster.no_glossary", path, None, file=GLOSSARY_FILE)]
    if isinstance(exercise, PaymentPlanner) and content.payment_rates is None:
        return [problem("payment_planner.no_rates", path, None, file=PAYMENT_RATES_FILE)]
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
        problem(
            "payment_rates.unit_unknown",
            path,
            step_line(path, "unit", unit),
            unit=unit,
            file=INTERFACE_FILE,
            known=", ".join(known),
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
        return [
            problem(
                "rating_scale.before_unknown"
                if earlier is None
                else "rating_scale.before_not_rating",
                path,
                line,
                before=after.before,
                suggestion=suggest_suffix(after.before or "", [*content.exercises]),
            )
        ]
    if earlier.scale != after.scale:
        return [problem("rating_scale.scale_differs", path, line, earlier=earlier.id)]
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
                problem(
                    "plan.exercise_undefined",
                    meta_path,
                    step_line(meta_path, "exercise", exercise_id),
                    exercise=exercise_id,
                    suggestion=suggest_suffix(exercise_id, list(exercises)),
                )
            )
    shown = [block for block in blocks if isinstance(block, ExerciseBlock)]
    for block in shown:
        if block.exercise_id not in meta.exercises:
            problems.append(
                problem(
                    "plan.exercise_not_in_plan",
                    content_path,
                    block.line,
                    exercise=block.exercise_id,
                    file=MODULE_META,
                )
            )
    # The run-sheet follows the plan and the learner's page follows content.md: one order.
    planned = [eid for eid in meta.exercises if eid in {block.exercise_id for block in shown}]
    on_page = [block for block in shown if block.exercise_id in meta.exercises]
    for block, expected in zip(on_page, planned, strict=False):
        if block.exercise_id != expected:
            problems.append(
                problem(
                    "plan.order_differs",
                    content_path,
                    block.line,
                    exercise=block.exercise_id,
                    file=MODULE_META,
                    expected=expected,
                )
            )
            break
    shown_ids = {block.exercise_id for block in shown}
    for exercise_id in meta.exercises:
        if exercise_id not in shown_ids:
            problems.append(
                problem(
                    "plan.exercise_not_shown",
                    content_path,
                    None,
                    exercise=exercise_id,
                    file=MODULE_META,
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
                    problem(
                        "agenda.minutes_differ",
                        course_file,
                        agenda_line(course_file, slot.module),
                        module=slot.module,
                        minutes=slot.minutes,
                        planned=planned,
                    )
                )
    total = day_minutes(content, online=False)
    if total != course.duration_minutes:
        line = key_line(course_file, "duration_minutes")
        declared = course.duration_minutes
        problems.append(
            problem("day.total_differs", course_file, line, total=total, declared=declared)
        )
    online = course.online_duration_minutes
    if online is not None and (total := day_minutes(content, online=True)) != online:
        line = key_line(course_file, "online_duration_minutes")
        problems.append(
            problem("day.online_total_differs", course_file, line, total=total, declared=online)
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
            problem(
                "plan.minutes_differ",
                meta_path,
                key_line(meta_path, "minutes"),
                steps=steps,
                total=core,
                minutes=meta.minutes,
            )
        )
    leads = content.course.leads
    for lead, line in [(meta.lead, key_line(meta_path, "lead"))] + [
        (step.lead, step_line(meta_path, step.kind, step.what)) for step in meta.plan if step.lead
    ]:
        if lead not in leads:
            known = ", ".join(leads)
            problems.append(
                problem(
                    "plan.lead_unknown", meta_path, line, lead=lead, leads=known, file=COURSE_FILE
                )
            )
    seen: set[str] = set()
    for exercise_id in meta.exercises:
        if exercise_id in seen:
            line = step_line(meta_path, "exercise", exercise_id)
            problems.append(problem("plan.exercise_twice", meta_path, line, exercise=exercise_id))
        seen.add(exercise_id)
    for before, step in zip([None, *meta.plan], meta.plan, strict=False):
        if step.alongside and (before is None or before.optional != step.optional):
            line = step_line(meta_path, step.kind, step.what)
            problems.append(problem("plan.alongside_mixed", meta_path, line))
        if step.optional and step.exercise is None:
            line = step_line(meta_path, step.kind, step.what)
            problems.append(problem("plan.optional_not_exercise", meta_path, line))
    return problems


def _room_airtime_problems(course_file: Path, content: CourseContent) -> list[ContentProblem]:
    named = content.course.room_airtime
    if named is None or isinstance(content.exercises.get(named), AirtimeTracker):
        return []
    trackers = [e.id for e in content.exercises.values() if isinstance(e, AirtimeTracker)]
    return [
        problem(
            "course.room_airtime_unknown",
            course_file,
            key_line(course_file, "room_airtime"),
            named=named,
            trackers=", ".join(sorted(trackers)) or say("list.none"),
        )
    ]


def _extras_problems(course_file: Path, content: CourseContent) -> list[ContentProblem]:
    optional = {
        exercise_id
        for module in content.modules.values()
        for exercise_id in module.meta.optional_exercises
    }
    extras = ", ".join(sorted(optional)) or say("list.none")
    return [
        problem(
            "course.extra_unknown",
            course_file,
            list_item_line(course_file, exercise_id),
            exercise=exercise_id,
            extras=extras,
        )
        for exercise_id in content.course.extras_on
        if exercise_id not in optional
    ]
