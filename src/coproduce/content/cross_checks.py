"""Checks across files once each has loaded: references, course data an exercise needs, timings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coproduce.content.course import (
    COURSE_FILE,
    GLOSSARY_FILE,
    LADDERS_FILE,
    MODULE_META,
    PAYMENT_RATES_FILE,
    CourseContent,
)
from coproduce.content.errors import ContentProblem
from coproduce.content.explain import suggest_suffix
from coproduce.content.model import (
    BreakSlot,
    JargonBuster,
    LadderPlacement,
    ModuleMeta,
    PaymentPlanner,
)
from coproduce.content.module_notebook import Block, ExerciseBlock
from coproduce.content.yaml_lines import agenda_line, key_line, list_item_line


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


def check_exercise_references(
    meta_path: Path,
    content_path: Path,
    meta: ModuleMeta,
    blocks: list[Block],
    exercises: dict[str, Any],
) -> list[ContentProblem]:
    problems = []
    defined_files = {path.stem for path in (meta_path.parents[2] / "exercises").glob("*.yml")}
    for exercise_id in meta.exercises:
        # A file that exists but failed to load has already been reported.
        if exercise_id not in exercises and exercise_id not in defined_files:
            problems.append(
                ContentProblem(
                    meta_path,
                    list_item_line(meta_path, exercise_id),
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
                    f"the exercise '{block.exercise_id}' is shown here but not listed in "
                    f"{MODULE_META}",
                    f"add '{block.exercise_id}' to exercises: in {MODULE_META}",
                )
            )
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
    course_file = root / COURSE_FILE
    course = content.course
    problems = []
    total = 0
    for slot in course.agenda:
        if isinstance(slot, BreakSlot):
            total += slot.minutes
            continue
        module = content.modules.get(slot.module)
        if module is None:
            continue
        total += module.meta.minutes
        if slot.minutes is not None and slot.minutes != module.meta.minutes:
            problems.append(
                ContentProblem(
                    course_file,
                    agenda_line(course_file, slot.module),
                    f"the agenda gives '{slot.module}' {slot.minutes} minutes but the module "
                    f"plans {module.meta.teaching_minutes} teaching + "
                    f"{module.meta.activity_minutes} activity = {module.meta.minutes}",
                    "make the two agree (or leave minutes out of the agenda entry)",
                )
            )
    if total != course.duration_minutes:
        problems.append(
            ContentProblem(
                course_file,
                key_line(course_file, "duration_minutes"),
                f"the agenda adds up to {total} minutes but duration_minutes is "
                f"{course.duration_minutes}",
                f"set duration_minutes: {total} or change the timings",
            )
        )
    return problems
