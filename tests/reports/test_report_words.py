"""The session report's words are the catalogue's (`report:`), with its day and clock times
written by Babel: in the pseudo-locale every text of the report is a catalogue word, the
course's data, the room's answers or a number; in Welsh it speaks Welsh."""

from __future__ import annotations

from pathlib import Path

from coproduce.content.formats import day
from coproduce.content.loader import load_course
from coproduce.kinds.common.bar_chart import short_label
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store
from coproduce.reports.session_report import report_html

from ..conftest import ROOT, add_try_modules, show_every_result
from ..support.page_words import content_texts, not_from_data, shown
from ..support.pseudo_locale import pseudo_course_data, write_pseudo_catalogue

FIXTURES = ROOT / "tests" / "fixtures"
SHARED = "A thought the room can read."


def _with_a_session(course: Path, data: Path) -> tuple[SessionStore, str]:
    add_try_modules(
        course, [FIXTURES / "kinds" / "try-poll.yml", *sorted((FIXTURES / "report").glob("*.yml"))]
    )
    show_every_result(course)
    store = Store(data)
    room = SessionStore(store)
    code = room.create_session()
    for number, role in enumerate(["Researcher", "Public contributor", "Public contributor"]):
        learner = f"learner-{number}"
        room.join(code, learner, f"Name {number}", role)
        store.save_answer(learner, "try-poll", {"choice": number % 2}, session=code)
        store.save_answer(learner, "evaluation-was-it-useful", {"choice": 0}, session=code)
    store.save_answer(
        "learner-0", "report-thoughts", {"text": SHARED, "shared": True}, session=code
    )
    room.move_room(code, "01-welcome")
    room.move_room(code, "02-what-coproduction-is")
    return room, code


def _in(course: Path, language: str) -> None:
    path = course / "course" / "course.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    path.write_text(text.replace("\nlanguage: en\n", f"\nlanguage: {language}\n"), "utf-8")


def test_every_word_of_the_report_comes_from_data(course_dir: Path, tmp_path: Path) -> None:
    room, code = _with_a_session(course_dir, tmp_path / "data")
    write_pseudo_catalogue(course_dir)
    pseudo_course_data(course_dir)
    content = load_course(course_dir)
    page = report_html(content, room, code)
    started = room.created_at(code)
    assert started is not None
    allowed = content_texts(content) | {code, SHARED, day(started, content.course.language)}
    allowed |= {short_label(text) for text in allowed}  # as a chart's picture shortens them
    texts = shown(page)
    assert any("⟦" in text for text in texts)
    assert not_from_data(texts, allowed) == []


def test_a_welsh_report_speaks_welsh_with_a_welsh_day(course_dir: Path, tmp_path: Path) -> None:
    room, code = _with_a_session(course_dir, tmp_path / "data")
    _in(course_dir, "cy")
    page = report_html(load_course(course_dir), room, code)
    started = room.created_at(code)
    assert started is not None
    assert f"a ddechreuodd ar {day(started, 'cy')}." in page
    assert "Pwy ddaeth" in page and "Mae tri pherson wedi ymuno." in page
    assert "Gwerthuso ar ddiwedd y sesiwn" in page and "Who came" not in page
