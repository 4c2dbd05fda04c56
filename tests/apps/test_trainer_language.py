"""The trainer app in a language of its own: course.yml's `trainer_language:` (by default the
course's `language:`). The trainer app, its page's lang and dir, and its title use that
catalogue; the learners keep the course's. An unknown trainer language is an error that names
course.yml."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from coproduce.apps.app_notebooks import write_learner_app, write_trainer_app
from coproduce.apps.learner_app import LearnerApp
from coproduce.apps.trainer_app import trainer_app
from coproduce.authoring.check import run_checks
from coproduce.content.errors import ContentError
from coproduce.content.loader import load_course, trainer_content
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

from ..support.voila_page import render_learner_page

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = load_course(ROOT).interface


def _languages(course: Path, language: str, trainer_language: str | None) -> Path:
    path = course / "course" / "course.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text, "course.yml no longer says language: en"
    said = f"\nlanguage: {language}\n"
    if trainer_language is not None:
        said += f"trainer_language: {trainer_language}\n"
    path.write_text(text.replace("\nlanguage: en\n", said), encoding="utf-8")
    return course


@pytest.mark.parametrize(
    ("learners", "trainers"), [("cy", "en"), ("en", "cy")], ids=["welsh-room", "english-room"]
)
def test_the_trainer_app_speaks_its_own_language(
    course_dir: Path, tmp_path: Path, learners: str, trainers: str
) -> None:
    _languages(course_dir, learners, trainers)
    content = load_course(course_dir)
    assert content.course.language == learners
    store = Store(tmp_path / "store")
    code = SessionStore(store).create_session()
    trainer = trainer_app(course_dir, store, code, "http://localhost:8866/")
    trainer_words = trainer_content(content).interface
    learner_words = content.interface
    assert trainer.content.course.language == trainers
    assert trainer.words == trainer_words.trainer
    assert trainer_words.trainer.session_code != learner_words.trainer.session_code
    assert trainer_words.trainer.session_code.format(code=code).split(code)[0] in (
        trainer.header.value
    )
    expected_english = trainers == "en"
    assert (trainer.words.move == ENGLISH.trainer.move) is expected_english
    # Nobody joined: the line says so in the trainer's words.
    assert trainer_words.trainer.nobody_joined in trainer.attendance.value
    # The learners' app keeps the course's language.
    learner = LearnerApp(content, store, code)
    assert learner.join.join_button.description == learner_words.join.button
    assert (learner_words.join.button == ENGLISH.join.button) is (learners == "en")


@pytest.mark.parametrize(
    ("learners", "trainers", "direction"),
    [("cy", "en", "ltr"), ("en", "cy", "ltr"), ("en", "ur", "rtl")],
    ids=["welsh-room", "english-room", "urdu-trainer"],
)
def test_the_trainer_page_says_the_trainers_language(
    course_dir: Path, tmp_path: Path, learners: str, trainers: str, direction: str
) -> None:
    _languages(course_dir, learners, trainers)
    content = load_course(course_dir)
    trainer_notebook = nbformat.read(write_trainer_app(content, tmp_path / "t"), as_version=4)
    said = trainer_notebook.metadata["coproduce"]
    assert (said["language"], said["dir"]) == (trainers, direction)
    trainers_course = trainer_content(content)
    words = trainers_course.interface
    # The course's title as the trainers read it: course.cy.yml's for a Welsh trainer app in
    # an English room; the course's own where its language has no course.<lang>.yml (Urdu).
    title = trainers_course.course.title
    translation = course_dir / "course" / f"course.{trainers}.yml"
    read_through = trainers != learners and translation.is_file()
    assert (title != content.course.title) == read_through
    assert said["title"] == words.trainer.page_title.format(title=title)
    assert said["page_text"] == words.page.model_dump()
    learner_notebook = nbformat.read(write_learner_app(content, tmp_path / "l"), as_version=4)
    assert learner_notebook.metadata["coproduce"]["language"] == learners
    # The page itself: Voila is started with the course's language, the page says the app's.
    page = render_learner_page(course_dir, tmp_path / "trainer-page", trainer=True)
    assert page.count("<html ") == 1
    assert f'<html dir="{direction}" lang="{trainers}">' in page
    learner_page = render_learner_page(course_dir, tmp_path / "learner-page")
    assert f'<html dir="ltr" lang="{learners}">' in learner_page


def test_without_trainer_language_the_trainer_reads_the_courses(course_dir: Path) -> None:
    _languages(course_dir, "cy", None)
    content = load_course(course_dir)
    assert content.course.trainers_language == "cy"
    assert trainer_content(content) is content


def test_a_trainer_language_without_a_catalogue_is_an_error_naming_course_yml(
    course_dir: Path,
) -> None:
    _languages(course_dir, "en", "pl")
    with pytest.raises(ContentError) as raised:
        load_course(course_dir)
    problems = raised.value.problems
    assert len(problems) == 1
    problem = problems[0]
    course_yml = course_dir / "course" / "course.yml"
    assert problem.path == course_yml.resolve() or problem.path == course_yml
    lines = course_yml.read_text(encoding="utf-8").splitlines()
    assert problem.line is not None and lines[problem.line - 1] == "trainer_language: pl"
    assert "trainer" in problem.message and "'pl'" in problem.message
    assert "interface.pl.yml" in problem.message
    report = run_checks(course_dir)
    assert [p.message for p in report.errors] == [problem.message]
    assert "course/course.yml" in report.errors[0].render(course_dir.resolve())


def test_a_trainer_language_babel_does_not_know_is_an_error(course_dir: Path) -> None:
    """Its catalogue is there, but its plural forms and direction are unknown."""
    catalogue = (course_dir / "course" / "interface.yml").read_text(encoding="utf-8")
    (course_dir / "course" / "interface.qq.yml").write_text(catalogue, encoding="utf-8")
    _languages(course_dir, "en", "qq")
    report = run_checks(course_dir)
    course_yml = (course_dir / "course" / "course.yml").resolve()
    named = [p for p in report.errors if p.path.resolve() == course_yml]
    assert named, [p.render() for p in report.errors]
    assert "'qq'" in named[0].message
    lines = course_yml.read_text(encoding="utf-8").splitlines()
    assert named[0].line is not None and lines[named[0].line - 1] == "trainer_language: qq"
