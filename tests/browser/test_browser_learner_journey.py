"""A learner's journey in a real Chromium against `coproduce serve`: keyboard only, axe clean."""

from __future__ import annotations

import time
from typing import Any

import psutil
import pytest
from playwright.sync_api import expect

from coproduce.content.loader import load_course
from coproduce.serving.forked_kernels import is_kernel

from ..browser_support import axe_violations, join_session, reload_app, shot
from ..conftest import ROOT, Server

pytestmark = pytest.mark.browser

MODULE_ONE = "Welcome and ground rules"
MODULE_TWO = "What co-production is"
REFLECTION = "Time to think first, and <b>no</b> jargon 🙂"
CHECK = load_course(ROOT).exercises["coproduction-or-not"]  # module two's knowledge check
# Module two's own radios: module one has radios too (a poll, a rating), still on the page for a
# moment after the agenda is pressed.
TWO = f".cp-module-{load_course(ROOT).course.module_slugs[1]}"
TWO_RADIOS = f"{TWO} .cp-choice input[type=radio]"
RIGHT = next(index for index, option in enumerate(CHECK.options) if option.correct)


def _agenda_button(page: Any, title: str) -> Any:
    return page.get_by_role("navigation", name="Course agenda").get_by_role("button", name=title)


def _current_module(page: Any) -> str:
    return str(page.locator('.cp-agenda-item[aria-current="step"]').inner_text())


def test_learner_moves_answers_refreshes_and_finds_everything_kept(
    server: Server, browser: Any
) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.goto(server.link)
    join_session(page)
    textarea = page.get_by_role("textbox", name="What would help you feel able to speak freely")
    textarea.wait_for(timeout=60_000)
    assert page.locator("h1").inner_text() == "Co-producing health and social care research"
    assert page.locator(".jp-InputArea, .jp-CodeMirrorEditor").count() == 0, "code is shown"
    assert MODULE_ONE in _current_module(page)
    assert axe_violations(page) == []
    shot(page, "learner-module-1.png")

    # Answer the reflection with the keyboard alone.
    textarea.focus()
    page.keyboard.type(REFLECTION)
    page.get_by_text("Saved.").wait_for(timeout=15_000)

    # Move to module two inside the kernel: the page must not reload.
    page.evaluate("window.__samePage = true")
    _agenda_button(page, MODULE_TWO).focus()
    page.keyboard.press("Enter")
    radios = page.locator(TWO_RADIOS)
    radios.first.wait_for(timeout=30_000)
    # The kernel moves focus to the new part's heading; wait for it, or it may land after the
    # test has focused a radio and take the arrow key with it.
    expect(page.locator(f"{TWO} h2").first).to_be_focused(timeout=15_000)
    assert page.evaluate("window.__samePage") is True
    assert MODULE_TWO in _current_module(page)
    assert axe_violations(page) == []

    # Pick the right option with arrow keys, then check it with the keyboard.
    for index in range(RIGHT):  # one step at a time: each choice goes to the kernel and back
        radios.nth(index).focus()
        page.keyboard.press("ArrowDown")
        expect(radios.nth(index + 1)).to_be_checked(timeout=15_000)
    page.get_by_role("button", name="Check my answer").focus()
    page.keyboard.press("Enter")
    page.get_by_text("That's right.").wait_for(timeout=15_000)
    page.get_by_role("button", name="Show me why").press("Enter")
    last_sentence = CHECK.explanation.rstrip(".").split(". ")[-1]
    page.get_by_text(last_sentence, exact=False).wait_for(timeout=15_000)
    assert axe_violations(page) == []
    shot(page, "learner-module-2-answered.png")

    # Refresh: the learner is back where they were, with their answers.
    reload_app(page)
    page.locator(TWO_RADIOS).first.wait_for(timeout=60_000)
    page.get_by_text("That's right.").wait_for(timeout=15_000)
    assert MODULE_TWO in _current_module(page)
    assert page.locator(TWO_RADIOS).nth(RIGHT).is_checked()
    _agenda_button(page, MODULE_ONE).click()
    restored = page.get_by_role("textbox", name="What would help you feel able to speak freely")
    restored.wait_for(timeout=30_000)
    assert restored.input_value() == REFLECTION
    context.close()


def test_the_learner_app_fits_a_phone(server: Server, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(server.link)
    join_session(page)
    page.locator(".cp-textarea textarea").wait_for(timeout=60_000)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways on a phone ({width}px wide)"
    assert axe_violations(page) == []
    shot(page, "learner-phone.png")
    context.close()


def _kernel_count(server: Server) -> int:
    """Kernels of the learners' Voila only (the trainer app has a Voila of its own)."""
    children = psutil.Process(server.process.pid).children()
    learners = next(child for child in children if "learner.ipynb" in " ".join(child.cmdline()))
    return sum(is_kernel(kernel) for kernel in learners.children(recursive=True))


def test_a_refresh_storm_does_not_pile_up_kernels(server: Server, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.link)
    join_session(page)
    page.locator(".cp-textarea textarea").wait_for(timeout=60_000)
    # Earlier tests' pages may still hold kernels until culled; count from here.
    before = _kernel_count(server)
    for _ in range(6):
        reload_app(page)
        page.locator(".cp-textarea textarea").wait_for(timeout=60_000)
    page.close(run_before_unload=True)
    context.close()
    # Each page's kernel is shut down when the page goes; the warm pool stays as it was.
    # Generous: on a loaded 2-core machine a kernel can take a while to stop and to start.
    deadline = time.monotonic() + 90
    while _kernel_count(server) > before and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _kernel_count(server) <= before, "refreshes left kernels behind"
