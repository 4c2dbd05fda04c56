"""Keyboard and focus in Chromium: after moving to a part, focus is on its heading, in view;
after "Check my answer", focus is on the feedback, not lost to the page body."""

from __future__ import annotations

from typing import Any

import pytest

from coproduce.content.loader import load_course

from ..browser_support import (
    DESKTOP,
    PHONE,
    axe_violations,
    open_learner_app,
    open_module,
    shot,
)
from ..conftest import ROOT, Server

pytestmark = pytest.mark.browser

CONTENT = load_course(ROOT)
SLUGS = CONTENT.course.module_slugs
QUESTION = CONTENT.exercises["coproduction-or-not"]

FOCUS = """() => {
  const node = document.activeElement;
  if (!node || node === document.body) return null;
  const box = node.getBoundingClientRect();
  return {
    tag: node.tagName.toLowerCase(),
    text: node.textContent.trim().slice(0, 200),
    module: (node.closest('.cp-module') || {className: ''}).className,
    feedback: node.closest('.cp-check-feedback') !== null,
    exercise: (node.closest('.cp-exercise') || {textContent: ''}).textContent.slice(0, 200),
    inView: box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0,
    top: box.top,
  };
}"""


def _title(slug: str) -> str:
    return CONTENT.modules[slug].meta.title


def _focus(page: Any) -> dict[str, Any] | None:
    found: dict[str, Any] | None = page.evaluate(FOCUS)
    return found


def _wait_for_focus_on_heading(page: Any, slug: str) -> dict[str, Any]:
    page.wait_for_function(
        "slug => { const n = document.activeElement;"
        " return n && n.tagName === 'H2' && n.closest('.cp-module-' + slug) !== null; }",
        arg=slug,
        timeout=30_000,
    )
    focus = _focus(page)
    assert focus is not None
    return focus


def _press_enter_on(page: Any, control: Any) -> None:
    """Reach a control as a keyboard user would land on it, then press Enter."""
    control.focus()
    page.keyboard.press("Enter")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_next_part_and_the_agenda_move_focus_to_the_new_heading(
    server: Server, browser: Any, viewport: dict[str, int]
) -> None:
    name = "phone" if viewport == PHONE else "desktop"
    page = open_learner_app(browser, server.link, viewport)
    page.locator(f".cp-module-{SLUGS[0]} h2").first.wait_for(timeout=60_000)
    next_part = page.get_by_role("button", name=CONTENT.interface.moving.next)
    next_part.scroll_into_view_if_needed()
    below = page.evaluate("window.scrollY")
    assert below > 200, "the Next part button should sit well down the page"

    _press_enter_on(page, next_part)
    focus = _wait_for_focus_on_heading(page, SLUGS[1])
    assert focus["text"] == _title(SLUGS[1])
    assert focus["inView"], f"the new part's heading is not in view: {focus}"
    assert page.evaluate("window.scrollY") < below
    shot(page, f"focus-next-part-{name}.png", full_page=False)
    assert axe_violations(page) == []

    agenda = page.get_by_role("navigation", name="Course agenda")
    _press_enter_on(page, agenda.get_by_role("button", name=_title(SLUGS[3])))
    focus = _wait_for_focus_on_heading(page, SLUGS[3])
    assert focus["text"] == _title(SLUGS[3]) and focus["inView"]

    # Tab from the heading goes on into the part, not back to the agenda.
    page.keyboard.press("Tab")
    after = _focus(page)
    assert after is not None and SLUGS[3] in after["module"], after

    # "Previous part" from the foot of a part also lands on the heading above.
    previous = page.get_by_role("button", name=CONTENT.interface.moving.previous)
    _press_enter_on(page, previous)
    focus = _wait_for_focus_on_heading(page, SLUGS[2])
    assert focus["inView"]
    assert axe_violations(page) == []
    page.context.close()


def test_check_my_answer_moves_focus_to_the_feedback(server: Server, browser: Any) -> None:
    page = open_learner_app(browser, server.link, DESKTOP)
    open_module(page, _title(SLUGS[1]))
    title = page.get_by_role("heading", name=QUESTION.title, exact=True)
    frame = page.locator(".cp-exercise", has=title)
    radios = frame.locator(".cp-choice input[type=radio]")
    radios.first.wait_for()

    wrong = next(i for i, option in enumerate(QUESTION.options) if not option.correct)
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(wrong):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check my answer"
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.closest('.cp-check-feedback')",
        timeout=30_000,
    )
    focus = _focus(page)
    assert focus is not None and focus["feedback"] and focus["inView"], focus
    assert "Not quite" in focus["text"]
    assert QUESTION.title in focus["exercise"]
    shot(page, "focus-check-feedback.png", full_page=False)
    assert axe_violations(page) == []

    # "Show me why" hides itself too: focus goes to the explanation it brought.
    _press_enter_on(page, frame.get_by_role("button", name="Show me why"))
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.matches('.cp-why')",
        timeout=30_000,
    )
    # "Try again" hides itself: focus goes back to the first answer, ready for a new choice.
    _press_enter_on(page, frame.get_by_role("button", name="Try again"))
    page.wait_for_function(
        "() => { const n = document.activeElement;"
        " return n && n.matches('.cp-choice input') && !n.disabled; }",
        timeout=30_000,
    )
    assert axe_violations(page) == []
    page.context.close()
