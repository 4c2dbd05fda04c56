"""Knowledge check in Chromium: keyboard only, a second try, kept on refresh, no answer leaked."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from coproduce.content.loader import load_course

from ..browser_support import (
    DESKTOP,
    PHONE,
    axe_violations,
    join_session,
    open_learner_app,
    open_module,
    reload_app,
    shot,
)
from ..conftest import ROOT, Server

pytestmark = pytest.mark.browser

MODULE = "What co-production is"


def _exercise() -> Any:
    return load_course(ROOT).exercises["coproduction-or-not"]


def _frame(page: Any, exercise: Any) -> Any:
    """This exercise's own box: a module can hold other exercises with radio buttons too."""
    title = page.get_by_role("heading", name=exercise.title, exact=True)
    return page.locator(".cp-exercise", has=title)


def _secrets(exercise: Any) -> list[str]:
    right = next(option for option in exercise.options if option.correct)
    # Escaping can change quotes and apostrophes, so look for plain stretches of text.
    return [exercise.explanation[:50], right.feedback[:40]]


def test_the_answer_never_reaches_the_browser_before_the_learner_answers(
    server: Server, browser: Any
) -> None:
    exercise = _exercise()
    context = browser.new_context()
    page = context.new_page()
    received: list[str] = []

    def record(socket: Any) -> None:
        def keep(payload: Any) -> None:
            text = payload if isinstance(payload, str) else payload.decode("utf-8", "replace")
            received.append(text)

        socket.on("framereceived", keep)

    page.on("websocket", record)
    page.goto(server.link)
    join_session(page)
    open_module(page, MODULE)
    frame = _frame(page, exercise)
    frame.locator(".cp-choice input").first.wait_for()
    page.wait_for_timeout(500)
    before = "\n".join(received) + page.content()
    assert received, "no websocket messages were recorded"
    for secret in _secrets(exercise):
        assert secret not in before

    wrong = next(i for i, option in enumerate(exercise.options) if not option.correct)
    frame.locator(".cp-choice input").nth(wrong).check()
    frame.get_by_role("button", name="Check my answer").click()
    page.get_by_text("Not quite").wait_for()
    after = "\n".join(received)
    assert exercise.options[wrong].feedback[:40] in after, "the recorder missed the feedback"
    right = next(option for option in exercise.options if option.correct)
    assert right.feedback[:40] not in after, "a wrong answer revealed the right option's feedback"
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_keyboard_only_with_a_second_try(server: Server, browser: Any, viewport: Any) -> None:
    exercise = _exercise()
    page = open_learner_app(browser, server.link, viewport)
    open_module(page, MODULE)
    frame = _frame(page, exercise)
    radios = frame.locator(".cp-choice input[type=radio]")
    radios.first.wait_for()
    wrong = next(i for i, option in enumerate(exercise.options) if not option.correct)
    right = next(i for i, option in enumerate(exercise.options) if option.correct)

    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(wrong):
        page.keyboard.press("ArrowDown")
    assert radios.nth(wrong).is_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.get_by_text("Not quite").wait_for()
    assert axe_violations(page) == []

    frame.get_by_role("button", name="Try again").focus()
    page.keyboard.press("Enter")
    expect(radios.first).to_be_enabled()
    expect(radios.nth(wrong)).not_to_be_checked()
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(right):
        page.keyboard.press("ArrowDown")
    frame.get_by_role("button", name="Check my answer").focus()
    page.keyboard.press("Enter")
    page.get_by_text("That's right.").wait_for()
    name = "phone" if viewport == PHONE else "desktop"
    shot(page, f"kind-knowledge-check-{name}.png")

    reload_app(page)
    open_module(page, MODULE)
    page.get_by_text("That's right.").wait_for()
    assert _frame(page, exercise).locator("input[type=radio]").nth(right).is_checked()
    assert axe_violations(page) == []
    page.context.close()
