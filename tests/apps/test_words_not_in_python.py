"""The last words the apps wrote in Python come from the catalogue or from Babel, in the
course's language: a question's closing time and the results-so-far time in the trainer app,
the trainer page's title, the learner page's logo text, the action plan's days, the joiner of
merged ideas, and the certificate's day. Each test fails on the code that wrote them in English.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, time
from pathlib import Path

import nbformat
import pytest
import yaml

from coproduce.apps.app_notebooks import write_trainer_app
from coproduce.apps.live_export import LiveExport
from coproduce.apps.question_controls import QuestionControls
from coproduce.content.course import CourseContent
from coproduce.content.formats import clock
from coproduce.content.loader import load_course
from coproduce.content.model import ActionPlan
from coproduce.grading.feedback import _certificate
from coproduce.grading.results import LearnerResult
from coproduce.kinds.action_plan.checks import build_plan_html, format_date, plan_entries
from coproduce.kinds.action_plan.follow_up_view import FollowUpPart
from coproduce.kinds.ideas.checks import Idea
from coproduce.kinds.ideas.results import idea_rows, ideas_html
from coproduce.live.questions import QuestionState
from coproduce.live.sessions import SessionStore, SharedAnswer
from coproduce.live.store import Store
from coproduce.reports.results_csv import results_rows

from ..conftest import copy_course
from ..support.voila_page import render_learner_page

ROOT = Path(__file__).resolve().parents[2]
POLL = "coproduction-so-far"


def _set_language(course: Path, language: str) -> Path:
    path = course / "course" / "course.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text, "course.yml no longer says language: en"
    path.write_text(text.replace("\nlanguage: en\n", f"\nlanguage: {language}\n"), "utf-8")
    return course


@functools.cache
def _course_in(language: str, folder: Path) -> CourseContent:
    return load_course(_set_language(copy_course(folder / language), language))


@pytest.fixture(scope="module")
def courses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CourseContent]:
    folder = tmp_path_factory.mktemp("languages")
    return {language: _course_in(language, folder) for language in ("cy", "ur")}


def test_a_closing_time_is_written_the_trainer_languages_way(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sessions = SessionStore(store)
    code = sessions.create_session()
    words = load_course(ROOT).interface.questions
    controls = QuestionControls(sessions, code, POLL, words, lambda: None, "ur")
    closes = datetime.combine(date(2027, 3, 31), time(14, 5)).astimezone()
    controls.draw(QuestionState(closes_at=closes), closes.replace(hour=13))
    said = words.closes.format(time=clock(closes, "ur"))
    assert said in controls.state_line.value
    # Urdu's clock is Babel's 12-hour one: "2:05 PM", never the 24-hour "14:05".
    assert "14:05" not in controls.state_line.value and "2:05" in controls.state_line.value


def test_the_results_so_far_time_is_written_the_courses_way(
    tmp_path: Path, courses: dict[str, CourseContent]
) -> None:
    content = courses["ur"]
    sessions = SessionStore(Store(tmp_path))
    export = LiveExport(content, sessions, sessions.create_session())
    export.make()
    ready = re.escape(content.interface.export.ready).replace(r"\{time\}", "(.+?)")
    found = re.search(f"<p>{ready}</p>", export.links.html)
    assert found is not None, export.links.html
    assert re.fullmatch(r"\d{1,2}:\d{2}\s(AM|PM)", found.group(1)), found.group(1)


def test_the_trainer_pages_title_is_the_catalogues(
    tmp_path: Path, courses: dict[str, CourseContent]
) -> None:
    content = courses["cy"]
    notebook = nbformat.read(write_trainer_app(content, tmp_path), as_version=4)
    expected = f"Hyfforddwr: {content.course.title}"
    assert content.interface.trainer.page_title == "Hyfforddwr: {title}"
    assert notebook.metadata["title"] == expected
    assert notebook.metadata["coproduce"]["title"] == expected
    assert "Trainer" not in notebook.metadata["title"]


def test_the_learner_pages_logo_text_is_the_catalogues(course_dir: Path, tmp_path: Path) -> None:
    _set_language(course_dir, "cy")
    logo = course_dir / "course" / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', "utf-8")
    path = course_dir / "course" / "course.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["branding"].update(logo="logo.svg", organisation="Prifysgol Enghraifft")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    page = render_learner_page(course_dir, tmp_path / "app")
    assert 'alt="Logo Prifysgol Enghraifft"' in page
    assert "Enghraifft logo" not in page


def test_the_action_plans_days_are_written_by_babel(courses: dict[str, CourseContent]) -> None:
    assert format_date(date(2027, 3, 31)) == "31 March 2027"
    assert format_date(date(2027, 3, 31), "cy") == "31 Mawrth 2027"
    content = courses["cy"]
    plan = next(e for e in content.exercises.values() if isinstance(e, ActionPlan))
    dated = [question for question in plan.questions if question.kind == "date"]
    if dated:
        entries = plan_entries(plan.questions, {dated[0].id: "2027-03-31"}, "cy")
        assert "31 Mawrth 2027" in [entry.text for entry in entries]
    page = build_plan_html(
        title="t",
        course_title="c",
        language="cy",
        plan=[],
        reflections=None,
        made_on=date(2027, 1, 5),
        words=content.interface.action_plan,
    )
    assert "5 Ionawr 2027" in page and "January" not in page
    if plan.follow_up is not None:
        part = FollowUpPart(
            plan.follow_up,
            content.interface.follow_up,
            lambda _change: None,
            today=lambda: date(2027, 1, 5),
            language="cy",
        )
        assert "Ionawr 2027" in part.hint.value and "January" not in part.hint.value


def test_merged_ideas_are_joined_by_the_catalogues_words(courses: dict[str, CourseContent]) -> None:
    words = courses["ur"].interface
    idea = Idea("a", "Tea", 2, merged=("Coffee", "Cake"))
    chart = ideas_html(words.ideas, [idea], 3, chart_words=words.charts)
    assert "Coffee؛ Cake" in chart and "Coffee; Cake" not in chart
    assert idea_rows([idea], words.ideas.next_merged)[0][1] == "Coffee؛ Cake"
    english = load_course(ROOT).interface.ideas.next_merged
    assert idea_rows([idea], english)[0][1] == "Coffee; Cake"


def test_the_certificates_day_is_written_the_courses_way(
    courses: dict[str, CourseContent],
) -> None:
    handed_in = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    result = LearnerResult("ABC123", "learner", handed_in, [])
    page = _certificate(courses["cy"], result, "Ann")
    assert "3 Rhagfyr 2026" in page and "December" not in page


def test_the_results_csvs_cells_are_the_catalogues(courses: dict[str, CourseContent]) -> None:
    """A Welsh course's export says "ydy", "cywir", "eiliadau" (export: in the catalogue), not
    the English "yes", "right", "seconds"; its column names stay the same, for formulas."""
    content = courses["cy"]
    words = content.interface.export
    check = next(e for e in content.exercises.values() if e.kind == "knowledge_check")
    shared = check.model_copy(update={"visibility": "shared"})
    answers = [SharedAnswer(f"a{n}", {"correct": n < 2}, False) for n in range(3)]
    rows = results_rows(content, shared, answers)
    assert [(row["shown"], row["item"], row["value"]) for row in rows] == [
        (words.shown_yes, words.right, 2),
        (words.shown_yes, words.not_right, 1),
    ]
    assert words.shown_yes != "yes" and words.right != "right"
    held = results_rows(content, shared, answers[:1])
    assert [row["shown"] for row in held] == [words.shown_no]
    timer = next(e for e in content.exercises.values() if e.kind == "airtime_tracker")
    spoken = [SharedAnswer(f"t{n}", {"seconds": {timer.roles[0]: 30}}, False) for n in range(3)]
    assert {row["detail"] for row in results_rows(content, timer, spoken)} == {words.seconds}
