"""Real nbgrader, end to end: learners answer, `coproduce grade` runs, each gets their own feedback.

Expected marks come from the exercise files (and the app's own answer check), never from
numbers written here.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest
import yaml

from coproduce.content import formats
from coproduce.content.course import CourseContent
from coproduce.content.loader import in_language, load_course
from coproduce.content.model import KnowledgeCheck, Reflection
from coproduce.grading import chain, command
from coproduce.grading.feedback import certificate_html, feedback_html
from coproduce.grading.generate import NOTEBOOK_ID, cell_id, marked_modules
from coproduce.grading.paths import grading_root
from coproduce.grading.results import learner_result
from coproduce.kinds.knowledge_check.checks import check_choice
from coproduce.live.learner_ids import token_for
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

from ..conftest import add_try_modules, copy_course, switch_on_marking

pytestmark = pytest.mark.notebook

TIMEOUT = 10
MARKED_REFLECTION = {
    "id": "what-will-you-change",
    "kind": "reflection",
    "title": "What will you change?",
    "prompt": "What will you change in your next project, and why?",
    "graded": True,
    "points": 2,
    "max_chars": 600,
}


@dataclass
class Graded:
    course: Path
    data: Path
    code: str
    content: CourseContent
    learners: dict[str, str]  # "all", "partly", "nothing", "slow" -> learner id
    given: dict[str, dict[str, Any]]  # learner id -> exercise id -> answer
    report: chain.GradeReport
    out: str
    executed_marker: Path


def _graded(content: CourseContent) -> list[Any]:
    return [exercise for marked in marked_modules(content) for exercise in marked.exercises]


def _right(exercise: KnowledgeCheck) -> list[int]:
    return [index for index, option in enumerate(exercise.options) if option.correct]


def _wrong(exercise: KnowledgeCheck) -> list[int]:
    return [next(index for index, option in enumerate(exercise.options) if not option.correct)]


def _answers(content: CourseContent, kind: str, marker: Path, tag: str) -> dict[str, Any]:
    given: dict[str, Any] = {}
    for number, exercise in enumerate(_graded(content)):
        if isinstance(exercise, KnowledgeCheck):
            if kind == "all" or (kind == "slow" and number % 2):
                given[exercise.id] = {"selected": _right(exercise), "attempts": 1}
            elif kind == "partly" and number % 2 == 0:
                given[exercise.id] = {"selected": _right(exercise), "attempts": 2}
            elif kind == "partly":
                given[exercise.id] = {"selected": _wrong(exercise), "attempts": 1}
        elif isinstance(exercise, Reflection) and kind == "all":
            given[exercise.id] = {"text": f"I will share the budget early. {tag}", "shared": False}
        elif isinstance(exercise, Reflection) and kind == "partly":
            hostile = (
                f'"""\nopen({str(marker)!r}, "w").write("ran")\n"""\\ <script>alert(1)</script> '
                f"{{{{7*7}}}} {tag} " + "x" * 5000
            )
            given[exercise.id] = {"text": hostile, "shared": False}
    return given


def _expected(content: CourseContent, given: dict[str, Any]) -> dict[str, float | None]:
    """What each graded exercise deserves: None where the trainer has still to mark it."""
    expected: dict[str, float | None] = {}
    for exercise in _graded(content):
        answer = given.get(exercise.id)
        if isinstance(exercise, KnowledgeCheck):
            right = answer is not None and check_choice(exercise, answer["selected"]).correct
            expected[exercise.id] = float(exercise.points) if right else 0.0
        else:
            expected[exercise.id] = None if answer and answer.get("text") else 0.0
    return expected


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graded]:
    base = tmp_path_factory.mktemp("grading")
    course = copy_course(base / "course")
    switch_on_marking(course)
    reflection = base / f"{MARKED_REFLECTION['id']}.yml"
    reflection.write_text(yaml.safe_dump(MARKED_REFLECTION))
    add_try_modules(course, [reflection])
    content = load_course(course)
    data = base / "data"
    store = Store(data)
    sessions = SessionStore(store)
    code = sessions.create_session()
    marker = base / "learner-code-ran"
    learners, given = {}, {}
    for kind in ("all", "partly", "nothing", "slow"):
        learner = secrets.token_urlsafe(16)
        learners[kind] = learner
        sessions.join(code, learner, "", "Prefer not to say")
        given[learner] = _answers(content, kind, marker, f"tag-{kind}-{secrets.token_hex(4)}")
        for exercise_id, answer in given[learner].items():
            store.save_answer(learner, exercise_id, answer, session=code)
    store.close()

    real_collect = chain.collect

    def collect_then_break_one(*args: Any) -> Any:
        """A submission that would hang, as a tampered or broken one would."""
        collected = real_collect(*args)
        path = grading_root(course) / "submitted" / learners["slow"] / code / "course.ipynb"
        notebook = nbformat.read(path, as_version=4)
        first = _graded(content)[0]
        for cell in notebook.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") == cell_id(first.id, "answer"):
                cell.source = "import time\ntime.sleep(600)\n" + cell.source
        nbformat.write(notebook, path)
        return collected

    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chain, "collect", collect_then_break_one)
        report = chain.grade_session(course, data, code, timeout=TIMEOUT, stream=out)
    yield Graded(course, data, code, content, learners, given, report, out.getvalue(), marker)


def test_every_learner_is_graded_and_the_hanging_one_is_reported(graded: Graded) -> None:
    report = graded.report
    slow = graded.learners["slow"]
    assert sorted(report.graded) == sorted(graded.learners.values())
    assert list(report.problems) == [slow]
    assert f"{TIMEOUT} s limit" in report.problems[slow]
    assert "Grading " in graded.out and f"{slow}:" in graded.out


def test_grades_are_exactly_what_the_answers_deserve(graded: Graded) -> None:
    for kind in ("all", "partly", "nothing"):
        learner = graded.learners[kind]
        result = learner_result(graded.content, grading_root(graded.course), graded.code, learner)
        assert result is not None
        expected = _expected(graded.content, graded.given[learner])
        assert {item.exercise.id: item.score for item in result.exercises} == expected, kind
        assert result.max_score == sum(exercise.points for exercise in _graded(graded.content))
    nothing = learner_result(
        graded.content, grading_root(graded.course), graded.code, graded.learners["nothing"]
    )
    assert nothing is not None and nothing.score == 0 and not nothing.completed


def test_learner_text_was_kept_as_data_and_never_run(graded: Graded) -> None:
    assert not graded.executed_marker.exists()
    learner = graded.learners["partly"]
    path = grading_root(graded.course) / "autograded" / learner / graded.code / "course.ipynb"
    notebook = nbformat.read(path, as_version=4)
    cell = next(
        cell
        for cell in notebook.cells
        if cell.metadata.get("nbgrader", {}).get("grade_id")
        == cell_id(MARKED_REFLECTION["id"], "answer")
    )
    assert not [out for out in cell.outputs if out.get("output_type") == "error"]
    feedback = grading_root(graded.course) / "feedback" / learner / graded.code / "course.html"
    assert "<script>alert(1)</script>" not in feedback.read_text()


def test_feedback_reaches_each_learner_and_only_them(graded: Graded) -> None:
    tags = {}
    for kind, learner in graded.learners.items():
        texts = [answer["text"] for answer in graded.given[learner].values() if "text" in answer]
        tags[kind] = texts[0].split("tag-")[1][:13] if texts else None
    for kind, learner in graded.learners.items():
        page = feedback_html(graded.course, graded.code, learner, graded.content)
        assert page is not None and "My feedback" in page
        for other, tag in tags.items():
            if tag and other != kind:
                assert tag not in page
        assert "<script>" not in page
    assert feedback_html(graded.course, graded.code, secrets.token_urlsafe(16)) is None
    assert feedback_html(graded.course, "ZZZZZZ", graded.learners["all"]) is None
    # No right answer or "why" text for a question the learner did not answer.
    page = feedback_html(graded.course, graded.code, graded.learners["nothing"], graded.content)
    assert page is not None
    for exercise in _graded(graded.content):
        if isinstance(exercise, KnowledgeCheck):
            assert html.escape(exercise.explanation) not in page


def test_trainer_comments_return_to_the_learner_and_regrading_is_idempotent(
    graded: Graded,
) -> None:
    from nbgrader.api import Gradebook

    folder = grading_root(graded.course)
    learner = graded.learners["all"]
    reflection = cell_id(MARKED_REFLECTION["id"], "answer")
    # What the formgrader does when the trainer marks and comments.
    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}", "coproduce") as gradebook:
        gradebook.find_grade(reflection, NOTEBOOK_ID, graded.code, learner).manual_score = 2
        comment = gradebook.find_comment(reflection, NOTEBOOK_ID, graded.code, learner)
        comment.manual_comment = "A clear plan <b>with</b> a reason."
        gradebook.db.commit()
    kept = {
        path: path.stat().st_mtime_ns
        for path in [*folder.glob("source/*/*.ipynb"), *folder.glob("release/*/*.ipynb")]
    }
    again = chain.grade_session(graded.course, graded.data, graded.code, timeout=TIMEOUT)
    # Only the broken submission differs from what the answers make: it is replaced and graded.
    assert again.graded == [graded.learners["slow"]] and not again.problems
    slow_free = sorted(set(graded.learners.values()) - {graded.learners["slow"]})
    assert sorted(again.unchanged) == slow_free
    assert {path: path.stat().st_mtime_ns for path in kept} == kept
    page = feedback_html(graded.course, graded.code, learner, graded.content)
    assert page is not None
    assert "From your trainer: A clear plan &lt;b&gt;with&lt;/b&gt; a reason." in page
    result = learner_result(graded.content, folder, graded.code, learner)
    expected = _expected(graded.content, graded.given[learner])
    expected[MARKED_REFLECTION["id"]] = 2.0
    assert result is not None and result.waiting == 0
    assert result.score == sum(score or 0 for score in expected.values())


def test_certificate_only_for_learners_who_completed(graded: Graded) -> None:
    page = certificate_html(
        graded.course, graded.code, graded.learners["all"], "Sam <i>", graded.content
    )
    assert page is not None
    assert "Certificate of completion" in page and "@page" in page
    assert html.escape(graded.content.course.title) in page and "Sam &lt;i&gt;" in page
    graded_ids = {exercise.id for exercise in _graded(graded.content)}
    for kind in ("partly", "nothing"):
        learner = graded.learners[kind]
        answered_all = graded_ids <= set(graded.given[learner])  # right or not
        page = certificate_html(graded.course, graded.code, learner)
        assert (page is not None) == answered_all, kind
    learner = graded.learners["all"]
    assert (grading_root(graded.course) / "feedback" / learner / graded.code).is_dir()


def test_the_command_exports_the_grades_csv(graded: Graded, tmp_path: Path) -> None:
    out = tmp_path / "grades.csv"
    parser = argparse.ArgumentParser()
    command.add_parser(parser.add_subparsers())
    args = parser.parse_args(["grade", "--export", "--out", str(out)])
    assert command.run(args, graded.course, graded.data) == 0
    rows = {row["learner_id"].lstrip("'"): row for row in csv.DictReader(out.open())}
    assert set(rows) == set(graded.learners.values())
    for kind in ("all", "partly", "nothing"):
        learner = graded.learners[kind]
        result = learner_result(graded.content, grading_root(graded.course), graded.code, learner)
        assert result is not None
        assert float(rows[learner]["score"]) == result.score
        assert rows[learner]["session"] == graded.code
    args = parser.parse_args(["grade"])
    assert command.run(args, graded.course, graded.data) == 2


def test_the_learner_app_shows_my_feedback_to_that_learner_only(graded: Graded) -> None:
    from coproduce.apps.learner_app import LearnerApp

    for kind in ("all", "nothing"):
        app = LearnerApp(graded.content, Store(graded.data), graded.code)
        app.identity.learner_id = token_for(graded.learners[kind])
        app.show_feedback()
        shown = app.feedback.value
        expected = feedback_html(graded.course, graded.code, graded.learners[kind], graded.content)
        assert shown == expected
        if app.follower:
            app.follower.stop()
    stranger = LearnerApp(graded.content, Store(graded.data), graded.code)
    stranger.identity.learner_id = token_for(secrets.token_urlsafe(18))
    stranger.show_feedback()
    assert stranger.feedback.value == ""  # not joined: nothing at all
    assert stranger._join(graded.code, "", "") is None
    stranger.show_feedback()
    assert "No feedback yet" in stranger.feedback.value


def test_feedback_and_certificate_speak_the_learners_language(graded: Graded) -> None:
    """Their words are the catalogue's (feedback:, certificate:), in the language the learner
    reads: a Welsh learner's panel and certificate hold no English sentence of their own."""
    welsh = in_language(graded.content, "cy")
    english_words, words = graded.content.interface, welsh.interface
    learner = graded.learners["all"]
    page = feedback_html(graded.course, graded.code, learner, welsh)
    assert page is not None
    result = learner_result(graded.content, grading_root(graded.course), graded.code, learner)
    assert result is not None
    scored = words.feedback.scored.format(
        score=formats.number(result.score, "cy"), total=formats.number(result.max_score, "cy")
    )
    assert html.escape(scored) in page and html.escape(words.feedback.heading) in page
    assert html.escape(words.feedback.completed) in page
    for english in ("You scored", "Marks:", "Why:", "You chose", "Well done"):
        assert english not in page
    certificate = certificate_html(graded.course, graded.code, learner, "", welsh)
    assert certificate is not None
    assert '<html lang="cy" dir="ltr">' in certificate
    assert html.escape(words.certificate.heading) in certificate
    assert html.escape(words.certificate.name_blank) in certificate
    assert english_words.certificate.heading not in certificate
    assert "This is to say" not in certificate and "What the course covered" not in certificate
