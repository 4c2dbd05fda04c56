"""Helpers for browser tests: axe-core, screenshots, opening a module from the agenda."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1100, "height": 900}


def axe_violations(page: Any) -> list[str]:
    """Every axe-core violation on the page, as 'rule: help (first target)'."""
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({v['nodes'][0]['target'] if v['nodes'] else ''})"
        for v in results.response["violations"]
    ]


def shot(page: Any, name: str, full_page: bool = True) -> Path:
    """A screenshot in test-artifacts/: the whole page, or only what the viewport shows.

    A screenshot is for a person to look at, not an assertion. Chromium's whole-page capture
    of an emulated phone can stall on a busy machine (it resizes the view to the page's
    height), so a capture that times out is taken again as the viewport only, and one that
    fails again leaves a note in place of the picture rather than failing the test.
    """
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    try:
        page.screenshot(path=str(path), full_page=full_page, timeout=45_000)
        return path
    except PlaywrightTimeoutError as first:
        problem = f"whole page: {first.message.splitlines()[0]}"
    try:
        page.screenshot(path=str(path), full_page=False, timeout=30_000)
        print(f"screenshot {name}: viewport only ({problem})")
    except PlaywrightTimeoutError as second:
        note = path.with_suffix(".txt")
        note.write_text(f"{problem}\nviewport: {second.message.splitlines()[0]}\n")
        print(f"screenshot {name}: none taken, see {note.name}")
    return path


def open_learner_app(
    browser: Any, link: str, viewport: dict[str, int] = DESKTOP, role: str = ""
) -> Any:
    """A new learner (own browser context, so own learner id) who has joined the session."""
    context = browser.new_context(viewport=viewport, is_mobile=viewport == PHONE)
    page = context.new_page()
    page.goto(link)
    join_session(page, role)
    return page


def join_session(page: Any, role: str = "") -> None:
    """Join with the code the link filled in (keyboard only), or go on if already joined."""
    page.locator(".cp-join-text input, .cp-agenda-item").first.wait_for(timeout=60_000)
    code_box = page.get_by_role("textbox", name="Session code")
    if not code_box.is_visible():
        return
    # A learner who joined before is taken to the course once the browser says who they are,
    # so the join page can go away while we wait for the link to fill in the code.
    page.wait_for_function(
        "(() => { const box = document.querySelector('.cp-join-text input');"
        " return box === null || box.value.length > 0; })()",
        timeout=30_000,
    )
    if not code_box.is_visible():
        page.locator(".cp-agenda-item").first.wait_for(timeout=30_000)
        return
    if role:
        page.get_by_role("group", name="Your role (optional)").get_by_label(role).check()
    page.get_by_role("button", name="Join").focus()
    page.keyboard.press("Enter")
    page.locator(".cp-agenda-item").first.wait_for(timeout=30_000)


def reload_app(page: Any) -> None:
    """Refresh the page; a learner who joined before goes straight back to the course."""
    page.reload()
    page.locator(".cp-agenda-item").first.wait_for(timeout=60_000)


def open_module(page: Any, title: str) -> None:
    """Open a module with the keyboard: focus its agenda button and press Enter."""
    button = page.get_by_role("navigation", name="Course agenda").get_by_role("button", name=title)
    current = page.locator(f'.cp-agenda-item[aria-current="step"]:has-text("{title}")')
    moving = current.count() == 0
    button.focus()
    page.keyboard.press("Enter")
    current.wait_for()
    if moving:
        # Focus moves to the part's heading a moment after the agenda marks it; a test that
        # presses keys before then would press them somewhere else.
        page.locator(".cp-module-area h2:focus").wait_for()
