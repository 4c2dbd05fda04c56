"""course/interface.yml: the learner app's own words are data a department can change."""

from __future__ import annotations

import html
import urllib.request
from pathlib import Path

import pytest
import yaml

from coproduce.apps.learner_app import LearnerApp
from coproduce.authoring.check import run_checks
from coproduce.content.errors import ContentError
from coproduce.content.loader import load_course
from coproduce.content.readability import measure
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

from ..conftest import Server

ROOT = Path(__file__).resolve().parents[2]
INTERFACE = Path("course/interface.yml")


def _replace(course: Path, old: str, new: str) -> None:
    path = course / INTERFACE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _live_app(course: Path, data: Path) -> tuple[LearnerApp, str]:
    store = Store(data)
    code = SessionStore(store).create_session()
    return LearnerApp(load_course(course), store, code), code


def test_the_interface_words_are_plain() -> None:
    texts = load_course(ROOT).interface.learner_texts()
    assert len(texts) > 15
    assert measure("\n\n".join(texts)).reading_ease >= 60


def test_the_learner_app_speaks_the_words_of_the_file(course_dir: Path, tmp_path: Path) -> None:
    _replace(course_dir, "button: Join\n", "button: Come in\n")
    _replace(course_dir, "next: Next part", "next: On to the next part")
    app, _code = _live_app(course_dir, tmp_path)
    assert app.join.join_button.description == "Come in"
    assert app.next.description == "On to the next part"


def test_no_interface_sentence_is_left_in_the_code() -> None:
    """Each sentence of interface.yml is written there only: not in Python, JavaScript or HTML."""
    sources = [
        path.read_text(encoding="utf-8")
        for pattern in ("*.py", "*.js", "*.j2")
        for path in (ROOT / "src" / "coproduce").rglob(pattern)
    ]
    for text in load_course(ROOT).interface.learner_texts():
        for sentence in (part.strip() for part in text.split(". ") if len(part) >= 15):
            fragment = sentence.split("{")[0][:40]
            if len(fragment.strip()) < 10:
                continue  # a text that starts with a slot has no fixed words to look for
            assert not any(fragment in source for source in sources), fragment


def test_a_wrong_slot_is_named_with_its_file_and_line(course_dir: Path) -> None:
    _replace(course_dir, "moved on to “{title}”.\n", "moved on to “{titel}”.\n")
    with pytest.raises(ContentError) as raised:
        load_course(course_dir)
    report = str(raised.value)
    assert "interface.yml" in report
    assert "{title}" in report and "{titel}" in report
    line = next(
        number
        for number, text in enumerate(
            (course_dir / INTERFACE).read_text(encoding="utf-8").splitlines(), start=1
        )
        if "{titel}" in text
    )
    assert f":{line}" in report


def test_a_missing_interface_file_is_named(course_dir: Path) -> None:
    (course_dir / INTERFACE).unlink()
    with pytest.raises(ContentError, match=r"interface\.yml") as raised:
        load_course(course_dir)
    assert "copy course/interface.yml" in str(raised.value)


def test_a_typed_code_is_escaped_once_in_the_message(course_dir: Path, tmp_path: Path) -> None:
    app, _code = _live_app(course_dir, tmp_path)
    app.join.code.value = "<b>bold</b>"
    app.join.submit()
    shown = app.join.message.html
    assert "&lt;b&gt;bold" in shown and "<b>" not in shown and "&amp;lt;" not in shown
    app.join.code.value = "   "
    app.join.submit()
    assert "Please type the session code" in app.join.message.html


def test_check_warns_when_the_interface_words_are_hard_to_read(course_dir: Path) -> None:
    hard = (
        "Notwithstanding organisational considerations, participatory deliberation "
        "necessitates institutional accountability regarding representational legitimacy"
    )
    path = course_dir / INTERFACE
    words = yaml.safe_load(path.read_text(encoding="utf-8"))
    for part, texts in words.items():  # every text without a {slot}: the slots must stay
        words[part] = {
            name: text if "{" in str(text) else [f"{hard}."] if isinstance(text, list) else hard
            for name, text in texts.items()
        }
    path.write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    warnings = run_checks(course_dir).warnings
    found = [w for w in warnings if w.path.name == "interface.yml"]
    assert len(found) == 1 and "reading ease" in found[0].message
    # The course as shipped gets no such warning.
    assert not [w for w in run_checks(ROOT).warnings if w.path.name == "interface.yml"]


def test_the_served_page_shows_the_page_words_of_the_file(server: Server) -> None:
    words = load_course(ROOT).interface.page
    with urllib.request.urlopen(server.link, timeout=60) as response:
        page = response.read().decode("utf-8")
    assert f'href="#cp-main">{html.escape(words.skip_link)}</a>' in page
    assert f'<p id="loading_text">{html.escape(words.loading)}</p>' in page


def test_an_empty_text_is_refused_so_no_control_loses_its_name(course_dir: Path) -> None:
    _replace(course_dir, "skip_link: Skip to the course", 'skip_link: ""')
    with pytest.raises(ContentError) as raised:
        load_course(course_dir)
    assert "interface.yml" in str(raised.value) and "empty" in str(raised.value)
