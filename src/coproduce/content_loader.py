"""Load and cross-check all course content into one typed, validated object."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .branding import logo_problems
from .content_errors import ContentError, ContentProblem
from .content_model import (
    EXERCISE_MODELS,
    BreakSlot,
    Course,
    Exercise,
    Glossary,
    JargonBuster,
    Ladder,
    LadderPlacement,
    Ladders,
    ModuleMeta,
    ModuleSlot,
    PaymentPlanner,
    PaymentRates,
)
from .interface_text import InterfaceText
from .module_notebook import Block, ExerciseBlock, read_blocks, text_digest
from .parsed_modules import read_parsed_modules
from .settings import parsed_modules_path
from .yaml_lines import line_of, load_yaml

COURSE_FILE = Path("course/course.yml")
GLOSSARY_FILE = Path("course/glossary.yml")
INTERFACE_FILE = Path("course/interface.yml")
LADDERS_FILE = Path("course/ladders.yml")
PAYMENT_RATES_FILE = Path("course/payment-rates.yml")
MODULE_META = "module.yml"
MODULE_CONTENT = "content.md"
_EXERCISE_ADAPTER: TypeAdapter[Any] = TypeAdapter(Exercise)
EXERCISE_KINDS: tuple[str, ...] = tuple(
    typing.get_args(model.model_fields["kind"].annotation)[0] for model in EXERCISE_MODELS
)
_KNOWN_KEYS = sorted(
    {
        (info.alias or name)
        for model in (Course, ModuleMeta, ModuleSlot, BreakSlot, *EXERCISE_MODELS)
        for name, info in model.model_fields.items()
    }
    | {"primary_colour", "accent_colour", "text_colour", "background_colour", "feedback", "text"}
    | {"rung", "explanation", "source", "when", "seconds", "instruction", "label", "term", "plain"}
)


@dataclass(frozen=True)
class Module:
    slug: str
    folder: Path
    meta: ModuleMeta
    blocks: list[Block]
    notes_path: Path
    digest: str = ""  # of content.md's text as loaded: its key in parsed_modules

    @property
    def content_path(self) -> Path:
        return self.folder / MODULE_CONTENT


@dataclass
class CourseContent:
    """Everything a course is made of, checked to be consistent."""

    root: Path
    course: Course
    interface: InterfaceText  # the learner app's own words
    modules: dict[str, Module] = field(default_factory=dict)
    exercises: dict[str, Any] = field(default_factory=dict)
    glossary: Glossary | None = None
    ladders: dict[str, Ladder] = field(default_factory=dict)
    payment_rates: PaymentRates | None = None

    def ordered_modules(self) -> list[Module]:
        return [self.modules[slug] for slug in self.course.module_slugs]


def load_course(root: Path, parsed: Mapping[str, list[Block]] | None = None) -> CourseContent:
    """Load the course under `root`; raise ContentError listing every problem found.

    `parsed`: module blocks by notebook digest (see parsed_modules); by default, those the
    server wrote for its kernels, if it did.
    """
    root = root.resolve()
    if parsed is None:
        parsed = read_parsed_modules(parsed_modules_path())
    problems: list[ContentProblem] = []
    course = _load_model(root / COURSE_FILE, Course.model_validate, problems)
    interface = _load_model(
        root / INTERFACE_FILE,
        InterfaceText.model_validate,
        problems,
        "copy course/interface.yml from the course that comes with coproduce, then change "
        "its words as you like",
    )
    exercises = _load_exercises(root / "exercises", problems)
    if course is None or interface is None:
        raise ContentError(problems, root)
    content = CourseContent(root, course, interface, exercises=exercises)
    _load_course_data(root, content, problems)
    for slug in course.module_slugs:
        module = _load_module(root, slug, exercises, problems, parsed)
        if module is not None:
            content.modules[slug] = module
    problems += _check_timings(root, content)
    if problems:
        raise ContentError(problems, root)
    return content


def _load_course_data(root: Path, content: CourseContent, problems: list[ContentProblem]) -> None:
    """The optional course-wide files, required only when an exercise draws on them."""
    if (root / GLOSSARY_FILE).is_file():
        content.glossary = _load_model(root / GLOSSARY_FILE, Glossary.model_validate, problems)
    if (root / LADDERS_FILE).is_file():
        ladders = _load_model(root / LADDERS_FILE, Ladders.model_validate, problems)
        content.ladders = {ladder.id: ladder for ladder in ladders.ladders} if ladders else {}
    if (root / PAYMENT_RATES_FILE).is_file():
        rates = _load_model(root / PAYMENT_RATES_FILE, PaymentRates.model_validate, problems)
        content.payment_rates = rates
    for exercise in content.exercises.values():
        problems += _check_course_data(root, content, exercise)
    problems += logo_problems(root, content.course.branding.logo, root / COURSE_FILE)


def _check_course_data(root: Path, content: CourseContent, exercise: Any) -> list[ContentProblem]:
    path = root / "exercises" / f"{exercise.id}.yml"
    if isinstance(exercise, LadderPlacement):
        ladder = content.ladders.get(exercise.ladder)
        if ladder is None:
            return [
                ContentProblem(
                    path,
                    _key_line(path, "ladder"),
                    f"the ladder '{exercise.ladder}' is not defined",
                    f"add it to {LADDERS_FILE}"
                    + _suggest_suffix(exercise.ladder, [*content.ladders]),
                )
            ]
        rungs = [rung.id for rung in ladder.rungs]
        return [
            ContentProblem(
                path,
                _key_line(path, f"rung: {situation.rung}") or _key_line(path, "situations"),
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


def _load_model(
    path: Path,
    validate: Callable[[Any], Any],
    problems: list[ContentProblem],
    missing_fix: str = "create it",
) -> Any:
    if not path.is_file():
        problems.append(ContentProblem(path, None, "this file is missing", missing_fix))
        return None
    try:
        data = load_yaml(path)
        if not isinstance(data, dict):
            problems.append(
                ContentProblem(path, 1, "expected a set of 'key: value' lines", "see README")
            )
            return None
        return validate(data)
    except ContentError as error:
        problems += error.problems
    except ValidationError as error:
        problems += _explain(path, data, error)
    return None


def _load_exercises(folder: Path, problems: list[ContentProblem]) -> dict[str, Any]:
    exercises: dict[str, Any] = {}
    for path in sorted(folder.glob("*.yml")):
        exercise = _load_model(path, _EXERCISE_ADAPTER.validate_python, problems)
        if exercise is None:
            continue
        if exercise.id != path.stem:
            problems.append(
                ContentProblem(
                    path,
                    _key_line(path, "id"),
                    f"the id '{exercise.id}' differs from the file name '{path.stem}'",
                    f"use id: {path.stem} or rename the file to {exercise.id}.yml",
                )
            )
        exercises[exercise.id] = exercise
    return exercises


def _load_module(
    root: Path,
    slug: str,
    exercises: dict[str, Any],
    problems: list[ContentProblem],
    parsed: Mapping[str, list[Block]],
) -> Module | None:
    folder = root / "modules" / slug
    course_file = root / COURSE_FILE
    if not folder.is_dir():
        problems.append(
            ContentProblem(
                course_file,
                _agenda_line(course_file, slug),
                f"the agenda names the module '{slug}' but modules/{slug}/ does not exist",
                _suggest(slug, [p.name for p in (root / "modules").glob("*") if p.is_dir()]),
            )
        )
        return None
    meta_path = folder / MODULE_META
    meta: ModuleMeta | None = _load_model(meta_path, ModuleMeta.model_validate, problems)
    notes_path = root / "facilitator_notes" / f"{slug}.md"
    if not notes_path.is_file():
        problems.append(
            ContentProblem(
                notes_path,
                None,
                "the facilitator notes for this module are missing",
                f"create facilitator_notes/{slug}.md",
            )
        )
    content_path = folder / MODULE_CONTENT
    if not content_path.is_file():
        problems.append(
            ContentProblem(
                content_path,
                None,
                "the learner content is missing",
                "create it as a MyST Markdown notebook",
            )
        )
        return None
    text = content_path.read_text(encoding="utf-8")
    digest = text_digest(text)
    known = parsed.get(digest)
    if known is not None:
        blocks = list(known)
    else:
        blocks, block_problems = read_blocks(content_path, text)
        problems += block_problems
    if meta is None:
        return None
    problems += _check_exercise_references(meta_path, content_path, meta, blocks, exercises)
    return Module(slug, folder, meta, blocks, notes_path, digest)


def _check_exercise_references(
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
                    _list_item_line(meta_path, exercise_id),
                    f"the exercise '{exercise_id}' is named here but nobody defined it",
                    f"create exercises/{exercise_id}.yml"
                    + _suggest_suffix(exercise_id, list(exercises)),
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


def _check_timings(root: Path, content: CourseContent) -> list[ContentProblem]:
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
                    _agenda_line(course_file, slot.module),
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
                _key_line(course_file, "duration_minutes"),
                f"the agenda adds up to {total} minutes but duration_minutes is "
                f"{course.duration_minutes}",
                f"set duration_minutes: {total} or change the timings",
            )
        )
    return problems


def _explain(path: Path, data: Any, error: ValidationError) -> list[ContentProblem]:
    problems = []
    for item in error.errors():
        location = _strip_tags(item["loc"])
        where = ".".join(str(part) for part in location) or "the file"
        line = line_of(data, location)
        kind = item["type"]
        if kind == "extra_forbidden":
            key = str(location[-1])
            problems.append(
                ContentProblem(path, line, f"unknown key '{key}'", _suggest(key, _KNOWN_KEYS))
            )
        elif kind == "missing":
            problems.append(
                ContentProblem(path, line, f"'{where}' is missing", f"add {location[-1]}: ...")
            )
        elif kind == "union_tag_invalid":
            expected = item.get("ctx", {}).get("expected_tags", "")
            given = item["input"].get("kind") if isinstance(item["input"], dict) else item["input"]
            problems.append(
                ContentProblem(
                    path,
                    line_of(data, ("kind",)),
                    f"unknown kind '{given}'",
                    f"kind must be one of: {expected}",
                )
            )
        elif kind == "string_type" and isinstance(item["input"], bool):
            # YAML reads a bare Yes, No, On or Off as true/false, not as words.
            problems.append(
                ContentProblem(
                    path,
                    line,
                    f"{where}: this reads as {str(item['input']).lower()}, not as text",
                    'put the words in quotes, for example "No" or "Yes"',
                )
            )
        else:
            message = item["msg"].removeprefix("Value error, ")
            problems.append(ContentProblem(path, line, f"{where}: {message}", _fix_for(kind)))
    return problems


def _strip_tags(location: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """Drop the union tags pydantic puts in error locations; they are not keys in the file."""
    parts = list(location)
    if parts and parts[0] in EXERCISE_KINDS:
        parts = parts[1:]
    if len(parts) >= 3 and parts[0] == "agenda" and parts[2] in ("module", "break"):
        del parts[2]
    return tuple(parts)


def _fix_for(kind: str) -> str:
    return {
        "time_parsing": "write the time as HH:MM, for example 09:30",
        "int_parsing": "write a whole number",
        "string_type": "write text here",
        "list_type": "write a list, one '- item' per line",
        "too_short": "add at least one item",
        "greater_than_equal": "use a larger number",
        "string_pattern_mismatch": "use lower-case letters, digits and hyphens",
    }.get(kind, "see the example course for the expected shape")


def _suggest(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1)
    return f"did you mean '{close[0]}'?" if close else "remove it or check its spelling"


def _suggest_suffix(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1)
    return f", or did you mean '{close[0]}'?" if close else ""


def _key_line(path: Path, key: str) -> int | None:
    return _first_line(path, lambda text: text.lstrip().startswith(f"{key}:"))


def _agenda_line(path: Path, slug: str) -> int | None:
    return _first_line(path, lambda text: slug in text and "module" in text)


def _list_item_line(path: Path, item: str) -> int | None:
    return _first_line(path, lambda text: text.strip().lstrip("- ").strip("'\"") == item)


def _first_line(path: Path, matches: Any) -> int | None:
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if matches(text):
            return number
    return None
