"""A long unbroken string a learner shared wraps wherever it is shown: no page grows sideways.

A 3000-character word and a long address in shared answers, shown in the session report, the
trainer's live results (drawn on their own and in the real trainer app, with and without the
projector view): the page is never wider than a 1280-pixel screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from coproduce.content.loader import load_course
from coproduce.kinds.registry import kind_styles
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store
from coproduce.reports.live_results import results_html
from coproduce.reports.session_report import report_html

from ..browser_support import shot
from ..conftest import (
    ROOT,
    Server,
    add_try_modules,
    copy_course,
    show_every_result,
    start_server,
    stop_server,
)

pytestmark = pytest.mark.browser

FIXTURES = ROOT / "tests" / "fixtures"
SCREEN = {"width": 1280, "height": 900}
LONG_WORD = "A" * 3000
LONG_URL = "https://example.org/" + "/".join(f"part{number}" for number in range(300))
TEMPLATE_CSS = (
    ROOT / "src/coproduce/serving/share/voila/templates/coproduce/static/coproduce.css"
).read_text(encoding="utf-8")
# The right edge of the page and of any text in it: a box that clips its overflow (the trainer's
# page does) hides the text without making the page scroll, so the text itself is measured.
WIDEST = """() => {
  let right = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  for (const node of document.querySelectorAll("main li, main td, main p, main blockquote")) {
    const range = document.createRange();
    range.selectNodeContents(node);
    right = Math.max(right, range.getBoundingClientRect().right + window.scrollX);
  }
  return Math.ceil(right);
}"""


def _share_long_answers(store: Store, code: str) -> None:
    room = SessionStore(store)
    for number, text in enumerate([LONG_WORD, LONG_URL]):
        learner = f"long-words-learner-{number:04d}"
        room.join(code, learner, "", "Researcher")
        store.save_answer(learner, "report-thoughts", {"text": text, "shared": True}, session=code)
        store.save_answer(learner, "try-word-list", {"words": [text]}, session=code)


def _course(folder: Path) -> Path:
    course = copy_course(folder)
    add_try_modules(
        course,
        [FIXTURES / "kinds" / "try-word-list.yml", FIXTURES / "report" / "report-thoughts.yml"],
    )
    # Two long answers, shown at once: results wait for no third answer here (K = 1).
    show_every_result(course)
    return course


def _widest(browser: Any, page_html: str) -> int:
    page = browser.new_context(viewport=SCREEN).new_page()
    page.set_content(page_html)
    widest = int(page.evaluate(WIDEST))
    page.context.close()
    return widest


def test_the_session_report_wraps_a_long_word(browser: Any, tmp_path: Path) -> None:
    content = load_course(_course(tmp_path / "course"))
    store = Store(tmp_path / "data")
    code = SessionStore(store).create_session()
    _share_long_answers(store, code)
    page = report_html(content, SessionStore(store), code)
    assert LONG_WORD in page and LONG_URL in page
    assert _widest(browser, page) <= SCREEN["width"]


def test_the_live_results_wrap_a_long_word_in_the_pages_styles(
    browser: Any, tmp_path: Path
) -> None:
    """The results as the trainer app draws them, in the course page's own stylesheets."""
    content = load_course(_course(tmp_path / "course"))
    store = Store(tmp_path / "data")
    room = SessionStore(store)
    code = room.create_session()
    _share_long_answers(store, code)
    results = "".join(
        results_html(
            content, content.exercises[exercise_id], room.shared_answers(code, exercise_id)
        )
        for exercise_id in ("report-thoughts", "try-word-list")
    )
    assert LONG_WORD in results
    page = (
        f"<!DOCTYPE html><html><head><style>{TEMPLATE_CSS}{kind_styles()}</style></head>"
        f'<body class="cp-page"><main class="cp-main">{results}</main></body></html>'
    )
    assert _widest(browser, page) <= SCREEN["width"]


@pytest.fixture(scope="module")
def long_words_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("long-words")
    running = start_server(_course(base / "course"), base / "data", class_size=2)
    yield running
    stop_server(running.process)


def test_the_trainer_app_wraps_a_long_word(long_words_server: Server, browser: Any) -> None:
    server = long_words_server
    store = Store(server.data_dir)
    _share_long_answers(store, server.code)
    store.close()
    page = browser.new_context(viewport=SCREEN).new_page()
    page.goto(server.trainer_link)
    page.get_by_text(f"Session code: {server.code}").wait_for(timeout=60_000)
    # Each list shows (is not folded away) once the room is on its part.
    for title, results in (
        ("One thought to share", ".cp-shared-texts"),
        ("Three words", ".cp-word-list"),
    ):
        page.get_by_label("Move the room to").select_option(label=title)
        page.get_by_role("button", name="Move the room", exact=True).click()
        page.locator(results).filter(has_text="AAAA").first.wait_for(timeout=30_000)
        assert page.evaluate(WIDEST) <= SCREEN["width"], f"wider than the screen in {title}"
    projector = page.get_by_role("checkbox", name="Projector view: hide the run-sheet and my notes")
    projector.check()
    expect(page.get_by_role("heading", name="Run-sheet")).to_be_hidden(timeout=15_000)
    assert page.evaluate(WIDEST) <= SCREEN["width"], "wider than the screen on the projector"
    shot(page, "trainer-app-long-words.png")
    page.context.close()
