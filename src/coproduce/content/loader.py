"""Load and cross-check all course content into one typed, validated object."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from coproduce.config.settings import parsed_modules_path
from coproduce.content.author_messages import problem, say
from coproduce.content.branding import logo_problems
from coproduce.content.catalogues import (
    SOURCE_LANGUAGE,
    catalogue_path,
    missing_catalogues,
    no_catalogue,
)
from coproduce.content.course import (
    COURSE_FILE,
    GLOSSARY_FILE,
    LADDERS_FILE,
    MODULE_CONTENT,
    MODULE_META,
    PAYMENT_RATES_FILE,
    TECHNIQUES_FILE,
    CourseContent,
    Module,
    module_content_name,
)
from coproduce.content.cross_checks import (
    check_course_data,
    check_exercise_references,
    check_timings,
    rate_unit_problems,
)
from coproduce.content.errors import ContentError, ContentProblem
from coproduce.content.explain import explain, suggest
from coproduce.content.interface import InterfaceText
from coproduce.content.model import Course, Exercise, Glossary, Ladders, ModuleMeta
from coproduce.content.module_notebook import Block, ExerciseBlock, read_blocks, text_digest
from coproduce.content.parsed_modules import read_parsed_modules
from coproduce.content.payment_rates import PaymentRates
from coproduce.content.techniques import TechniqueCards
from coproduce.content.translations import is_translation, read_translation
from coproduce.content.yaml_lines import agenda_line, key_line, load_yaml

_EXERCISE_ADAPTER: TypeAdapter[Any] = TypeAdapter(Exercise)


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
    interface = _load_interface(root, course.language if course else SOURCE_LANGUAGE, problems)
    if course is not None:
        problems += missing_catalogues(root, course)
    exercises = _load_exercises(root / "exercises", problems)
    if course is None or interface is None:
        raise ContentError(problems, root)
    content = CourseContent(root, course, interface, exercises=exercises)
    _load_course_data(root, content, problems)
    for slug in course.module_slugs:
        module = _load_module(root, slug, exercises, problems, parsed)
        if module is not None:
            content.modules[slug] = module
    problems += check_timings(root, content)
    if problems:
        raise ContentError(problems, root)
    return content


def in_language(
    content: CourseContent, language: str, parsed: Mapping[str, list[Block]] | None = None
) -> CourseContent:
    """The course as it reads in `language`: that language's catalogue, and `course.language`
    set to it (plural forms, days and times, the page's lang and dir follow it). The course's
    own language gives `content` itself. Raises ContentError when the language has no
    catalogue, or its catalogue does not load."""
    if language == content.course.language:
        return content
    problems: list[ContentProblem] = []
    interface = _load_interface(content.root, language, problems, _language_key(content, language))
    if parsed is None:
        parsed = read_parsed_modules(parsed_modules_path())
    root = content.root
    # Each of the course's YAML files in `language` where it has a translation beside it
    # (ground-rules.cy.yml), else as it is (see content/translations.py).
    read = {
        exercise_id: read_translation(
            root / "exercises" / f"{exercise_id}.yml",
            language,
            _EXERCISE_ADAPTER.validate_python,
            problems,
        )
        for exercise_id in content.exercises
    }
    exercises = {key: read[key] or exercise for key, exercise in content.exercises.items()}
    translated = replace(
        content,
        exercises=exercises,
        translated=frozenset(key for key, exercise in read.items() if exercise is not None),
    )
    modules = {
        slug: _translated_module(translated, module, language, problems, parsed)
        for slug, module in content.modules.items()
    }
    course = read_translation(root / COURSE_FILE, language, Course.model_validate, problems)
    data = {
        "glossary": read_translation(
            root / GLOSSARY_FILE, language, Glossary.model_validate, problems
        ),
        "techniques": read_translation(
            root / TECHNIQUES_FILE, language, TechniqueCards.model_validate, problems
        ),
        "payment_rates": read_translation(
            root / PAYMENT_RATES_FILE, language, PaymentRates.model_validate, problems
        ),
    }
    ladders = read_translation(root / LADDERS_FILE, language, Ladders.model_validate, problems)
    if problems or interface is None:
        raise ContentError(problems, content.root)
    course = (course or content.course).model_copy(update={"language": language})
    return replace(
        translated,
        course=course,
        interface=interface,
        modules=modules,
        own_language=content.course_language,
        ladders={ladder.id: ladder for ladder in ladders.ladders} if ladders else content.ladders,
        **{key: value for key, value in data.items() if value is not None},
    )


def load_interface(root: Path, language: str) -> InterfaceText:
    """One language's catalogue on its own; raises ContentError as the loader would."""
    problems: list[ContentProblem] = []
    interface = _load_interface(root.resolve(), language, problems)
    if problems or interface is None:
        raise ContentError(problems, root)
    return interface


def _translated_module(
    content: CourseContent,
    module: Module,
    language: str,
    problems: list[ContentProblem],
    parsed: Mapping[str, list[Block]],
) -> Module:
    """A module with its content in `language` (content.<language>.md), checked as content.md
    is, and its module.yml through module.<language>.yml; what has no translation stays in
    the course's own language (`coproduce check` warns of it)."""
    meta_path = module.folder / MODULE_META
    meta = read_translation(meta_path, language, ModuleMeta.model_validate, problems)
    if meta is not None:
        module = replace(module, meta=meta, meta_translation=language)
    path = module.folder / module_content_name(language)
    if not path.is_file():
        return module
    blocks, digest = _read_content(path, parsed, problems)
    found = check_exercise_references(meta_path, path, module.meta, blocks, content.exercises)
    problems += found
    # The same questions, in the same order: a learner's answers, and the room's results,
    # are the same whichever language each learner reads in.
    shown, wanted = _exercise_ids(blocks), _exercise_ids(module.blocks)
    if shown != wanted and not found:
        none = say("module.no_exercises")
        problems.append(
            problem(
                "module.translation_cells_differ",
                path,
                None,
                shown=", ".join(shown) or none,
                wanted=", ".join(wanted) or none,
                source=MODULE_CONTENT,
            )
        )
    return replace(module, blocks=blocks, digest=digest, translation=language)


def _exercise_ids(blocks: list[Block]) -> list[str]:
    return [block.exercise_id for block in blocks if isinstance(block, ExerciseBlock)]


def trainer_content(content: CourseContent) -> CourseContent:
    """The course as the trainer app reads it: in `trainer_language:` if course.yml names
    one, else in the course's language (`content` itself)."""
    return in_language(content, content.course.trainers_language)


def _language_key(content: CourseContent, language: str) -> str:
    """The key of course.yml that names `language`, for a problem's line."""
    if language == content.course.trainer_language:
        return "trainer_language"
    return "languages" if language in content.course.languages else "language"


def _load_interface(
    root: Path, language: str, problems: list[ContentProblem], key: str = "language"
) -> Any:
    """The interface words in a language: course/interface.yml for English,
    course/interface.<lang>.yml for another. A language without its file is an error, not
    English in its place."""
    path = catalogue_path(root, language)
    if path is None:
        problems.append(no_catalogue(root, language, key))
        return None
    return _load_model(path, InterfaceText.model_validate, problems)


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
        problems += rate_unit_problems(root, content)
    if (root / TECHNIQUES_FILE).is_file():
        cards = _load_model(root / TECHNIQUES_FILE, TechniqueCards.model_validate, problems)
        content.techniques = cards
    for exercise in content.exercises.values():
        problems += check_course_data(root, content, exercise)
    problems += logo_problems(root, content.course.branding.logo, root / COURSE_FILE)


def _load_model(path: Path, validate: Callable[[Any], Any], problems: list[ContentProblem]) -> Any:
    if not path.is_file():
        problems.append(problem("file.missing", path, None))
        return None
    try:
        data = load_yaml(path)
        if not isinstance(data, dict):
            problems.append(problem("file.not_keys", path, 1))
            return None
        return validate(data)
    except ContentError as error:
        problems += error.problems
    except ValidationError as error:
        problems += explain(path, data, error)
    return None


def _load_exercises(folder: Path, problems: list[ContentProblem]) -> dict[str, Any]:
    exercises: dict[str, Any] = {}
    for path in sorted(folder.glob("*.yml")):
        if is_translation(path):
            continue  # ground-rules.cy.yml: read with its language (in_language)
        exercise = _load_model(path, _EXERCISE_ADAPTER.validate_python, problems)
        if exercise is None:
            continue
        if exercise.id != path.stem:
            line = key_line(path, "id")
            found = problem("exercise.id_differs", path, line, id=exercise.id, stem=path.stem)
            problems.append(found)
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
        folders = [p.name for p in (root / "modules").glob("*") if p.is_dir()]
        line = agenda_line(course_file, slug)
        suggestion = suggest(slug, folders)
        problems.append(
            problem("agenda.module_unknown", course_file, line, slug=slug, suggestion=suggestion)
        )
        return None
    meta_path = folder / MODULE_META
    meta: ModuleMeta | None = _load_model(meta_path, ModuleMeta.model_validate, problems)
    notes_path = root / "facilitator_notes" / f"{slug}.md"
    if not notes_path.is_file():
        problems.append(problem("module.notes_missing", notes_path, None, slug=slug))
    content_path = folder / MODULE_CONTENT
    if not content_path.is_file():
        problems.append(problem("module.content_missing", content_path, None))
        return None
    blocks, digest = _read_content(content_path, parsed, problems)
    if meta is None:
        return None
    problems += check_exercise_references(meta_path, content_path, meta, blocks, exercises)
    return Module(slug, folder, meta, blocks, notes_path, digest)


def _read_content(
    path: Path, parsed: Mapping[str, list[Block]], problems: list[ContentProblem]
) -> tuple[list[Block], str]:
    """A content file's blocks, and its digest: from what the server parsed when the text is
    the same, read afresh otherwise."""
    text = path.read_text(encoding="utf-8")
    digest = text_digest(text)
    known = parsed.get(digest)
    if known is not None:
        return list(known), digest
    blocks, block_problems = read_blocks(path, text)
    problems += block_problems
    return blocks, digest
