"""The day's timings as data: every step's minutes, leads, optional extras and the online day."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coproduce.apps.module_view import build_module_view
from coproduce.authoring.builders.facilitator_pack import facilitator_pack
from coproduce.authoring.builders.module_print import module_section
from coproduce.authoring.check import run_checks
from coproduce.content.agenda import planned_agenda
from coproduce.content.course import CourseContent
from coproduce.content.errors import ContentError
from coproduce.content.loader import load_course
from coproduce.content.plurals import plural
from coproduce.content.timings import day_minutes, module_minutes, run_exercises
from coproduce.live.learner_session import LearnerSession
from coproduce.live.sessions import Move
from coproduce.live.store import Store
from coproduce.reports.run_sheet import build_run_sheet, run_sheet_html

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
EXTRA = "disagreeing-well"  # an optional extra of module 05


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def _problems(course: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_course(course)
    return str(caught.value)


def _with_extra(content: CourseContent, *extras: str) -> CourseContent:
    return replace(content, course=content.course.model_copy(update={"extras_on": [*extras]}))


def test_steps_that_do_not_add_up_name_the_file_the_line_and_the_sum(course_dir: Path) -> None:
    path = course_dir / "modules" / "05-facilitation" / "module.yml"
    _edit(
        path,
        "  - exercise: one-two-four-all\n    minutes: 12",
        "  - exercise: one-two-four-all\n    minutes: 14",
    )
    message = _problems(course_dir)
    line = _line(path, "minutes: 35")
    assert (
        f"modules/05-facilitation/module.yml:{line}: error: the steps of the plan add up to "
        in message
    )
    assert "= 37 minutes, not 35" in message and "set minutes: 37" in message


def test_a_lead_the_course_does_not_name_is_an_error_on_its_step(course_dir: Path) -> None:
    path = course_dir / "modules" / "05-facilitation" / "module.yml"
    _edit(path, "    lead: co-trainer", "    lead: cotrainer")
    message = _problems(course_dir)
    line = _line(path, "exercise: read-one-quote")
    assert (
        f"module.yml:{line}: error: the lead 'cotrainer' is not one of the course's leads"
        in message
    )
    assert "use one of: trainer, co-trainer" in message


def test_a_plan_in_another_order_than_the_page_is_an_error_on_the_page(course_dir: Path) -> None:
    path = course_dir / "modules" / "01-welcome" / "module.yml"
    _edit(path, "  - exercise: coproduction-so-far\n", "  - exercise: speak-freely-first\n")
    _edit(path, "  - exercise: speak-freely\n", "  - exercise: coproduction-so-far\n")
    _edit(path, "  - exercise: speak-freely-first\n", "  - exercise: speak-freely\n")
    message = _problems(course_dir)
    page = course_dir / "modules" / "01-welcome" / "content.md"
    line = _line(page, 'exercise("coproduction-so-far")')
    assert (
        f"modules/01-welcome/content.md:{line}: error: the exercise 'coproduction-so-far' is "
        "shown here, but the plan in module.yml has 'speak-freely' next" in message
    )


def test_an_extra_switched_on_that_no_module_offers_is_an_error(course_dir: Path) -> None:
    course_file = course_dir / "course" / "course.yml"
    _edit(course_file, "extras_on: []", "extras_on:\n  - ground-rules")
    message = _problems(course_dir)
    assert f"course/course.yml:{_line(course_file, '- ground-rules')}: error:" in message
    assert "'ground-rules' is switched on in extras_on but is no optional extra" in message


def test_switching_an_extra_on_adds_its_minutes_and_the_checker_says_what_to_set(
    course_dir: Path,
) -> None:
    course_file = course_dir / "course" / "course.yml"
    _edit(course_file, "extras_on: []", f"extras_on:\n  - {EXTRA}")
    message = _problems(course_dir)
    assert "the agenda adds up to 204 minutes but duration_minutes is 200" in message
    assert "the online agenda adds up to 204 minutes" in message
    _edit(course_file, "duration_minutes: 200", "duration_minutes: 204")
    _edit(course_file, "online_duration_minutes: 200", "online_duration_minutes: 204")
    report = run_checks(course_dir)
    assert any("runs 204 minutes, longer than a half-day" in p.message for p in report.errors)


def test_an_extra_runs_only_when_switched_on_in_the_app_the_workbook_and_the_run_sheet(
    tmp_path: Path,
) -> None:
    module = CONTENT.modules["05-facilitation"]
    title = CONTENT.exercises[EXTRA].title
    for content, runs in ((CONTENT, False), (_with_extra(CONTENT, EXTRA), True)):
        assert (EXTRA in run_exercises(content, module)) is runs
        assert module_minutes(content, module) == 35 + (4 if runs else 0)
        assert day_minutes(content, online=False) == 200 + (4 if runs else 0)
        session = LearnerSession(Store(tmp_path / str(runs)))
        build_module_view(content, module, 5, session)
        assert (EXTRA in session.views) is runs
        assert (title in module_section(content, module, "11:00")) is runs


def test_the_online_day_has_its_own_breaks_and_step_minutes() -> None:
    room = planned_agenda(CONTENT, online=False)
    online = planned_agenda(CONTENT, online=True)
    assert [e.title for e in room if e.kind == "break"] == ["Break"]
    assert [e.title for e in online if e.kind == "break"] == ["Break", "Screen break"]
    assert room[0].minutes == 10 and online[0].minutes == 15  # joining
    facilitation = {e.slug: e for e in online}["05-facilitation"]
    assert facilitation.minutes == 36  # breakout rooms take longer to open
    assert room[-1].starts == "12:30" and online[-1].starts == "12:30"


def test_the_pack_prints_both_days_every_step_its_lead_and_the_extras(CONTENT_pack: str) -> None:
    words = CONTENT.run_sheet_words
    for line in (words.room_day, words.online_day):
        assert plural(line, 200, "en").format(start="09:30", minutes=200) in CONTENT_pack
    assert "Public contributor co-trainer" in CONTENT_pack
    assert CONTENT.exercises["read-one-quote"].title in CONTENT_pack
    extras = sum(len(module.meta.optional_exercises) for module in CONTENT.ordered_modules())
    assert extras >= 4 and CONTENT_pack.count(words.extra_off) == extras  # each, off by default
    assert words.alongside in CONTENT_pack  # groups share out three jobs in module 06


@pytest.fixture(scope="module")
def CONTENT_pack() -> str:
    return facilitator_pack(CONTENT)


def test_the_trainer_run_sheet_shows_leads_and_the_current_parts_steps() -> None:
    now = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    moves = [Move("05-facilitation", now)]
    html = run_sheet_html(build_run_sheet(CONTENT, moves, now))
    assert "Public contributor co-trainer" in html and "Lead trainer" in html
    assert CONTENT.run_sheet_words.steps_heading in html
    assert CONTENT.exercises["read-one-quote"].title in html
    assert CONTENT.exercises[EXTRA].title not in html  # an extra that is off is not a step


def test_steps_run_alongside_add_no_minutes_and_must_follow_a_step_like_them(
    course_dir: Path,
) -> None:
    module = CONTENT.modules["06-sharing-power-in-practice"]
    alongside = [step.exercise for step in module.meta.plan if step.alongside]
    assert alongside == ["plan-the-findings-workshop", "who-in-services"]
    assert all(eid in run_exercises(CONTENT, module) for eid in alongside)  # core, all three
    assert module_minutes(CONTENT, module) == module.meta.minutes == 30
    path = course_dir / "modules" / "06-sharing-power-in-practice" / "module.yml"
    _edit(
        path,
        "  - exercise: hardest-to-share\n",
        "  - exercise: hardest-to-share\n    alongside: true\n",
    )
    _edit(
        path,
        "  - exercise: borrow-an-idea\n",
        "  - exercise: borrow-an-idea\n    alongside: true\n",
    )
    message = _problems(course_dir)
    line = _line(path, "exercise: borrow-an-idea")
    assert f"module.yml:{line}: error: a step alongside another runs at the same time" in message
    assert "add up to 5 + 3 + 6 + 4 + 3 + 2 + 5 = 28 minutes, not 30" in message
