"""Ladder placement in Chromium: keyboard only, kind explanations after a check, kept on refresh."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import expect
from sqlalchemy import select

from coproduce.live.store import Store, answers

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
from ..conftest import Server

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "try-ladder.yml"
EXERCISE = yaml.safe_load(FIXTURE.read_text())
# Options run from the top rung down, after "Choose a rung": how many steps down to each rung.
STEPS = {
    "citizen-control": 1,
    "delegated-power": 2,
    "partnership": 3,
    "placation": 4,
    "consultation": 5,
    "informing": 6,
    "therapy": 7,
    "manipulation": 8,
}


def _frame(page: Any) -> Any:
    """This exercise's own box: a module can hold several exercises."""
    title = page.get_by_role("heading", name=EXERCISE["title"], exact=True)
    return page.locator(".cp-exercise", has=title)


def _choose(page: Any, number: int, rung: str) -> None:
    select = _frame(page).get_by_role("combobox", name=f"Where does situation {number} sit?")
    select.focus()
    page.keyboard.press("Home")
    for _ in range(STEPS[rung]):
        page.keyboard.press("ArrowDown")


def _wait_until_stored(server: Server, second: str) -> None:
    store = Store(server.data_dir)
    query = select(answers.c.payload).where(answers.c.exercise_id == "try-ladder")
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with store.engine.connect() as connection:
                placed = [
                    json.loads(row.payload).get("placements") for row in connection.execute(query)
                ]
            if any(isinstance(p, list) and len(p) > 1 and p[1] == second for p in placed):
                return
            time.sleep(0.2)
        raise AssertionError(f"situation 2 was never saved as {second!r}: {placed}")
    finally:
        store.close()


def _record_frames(page: Any) -> list[str]:
    received: list[str] = []

    def record(socket: Any) -> None:
        def keep(payload: Any) -> None:
            text = payload if isinstance(payload, str) else payload.decode("utf-8", "replace")
            received.append(text)

        socket.on("framereceived", keep)

    page.on("websocket", record)
    return received


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_place_check_change_and_refresh_by_keyboard(
    kinds_server: tuple[Server, dict[str, str]], browser: Any, viewport: Any
) -> None:
    server, titles = kinds_server
    title = titles["try-ladder"]
    context = browser.new_context(viewport=viewport, is_mobile=viewport == PHONE)
    page = context.new_page()
    received = _record_frames(page)
    page.goto(server.link)
    join_session(page)
    open_module(page, title)
    frame = _frame(page)
    frame.get_by_role("combobox", name="Where does situation 1 sit?").wait_for()
    frame.get_by_text("Top of the ladder").wait_for()
    assert axe_violations(page) == []

    _choose(page, 1, "informing")
    _choose(page, 2, "manipulation")
    frame.get_by_role("button", name="Check my placements").focus()
    page.keyboard.press("Enter")
    frame.get_by_text("Choose a rung for each situation, then check.").wait_for()
    secrets = [situation["explanation"][:40] for situation in EXERCISE["situations"]]
    before = "\n".join(received) + page.content()
    assert received, "no websocket messages were recorded"
    for secret in secrets:
        assert secret not in before

    _choose(page, 3, "partnership")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    frame.get_by_text("You placed 2 of 3 where we would.").wait_for()
    frame.get_by_text("We would put it on Consultation, 1 rung higher.").wait_for()
    for situation in EXERCISE["situations"]:
        frame.get_by_text(situation["explanation"][:40]).wait_for()
    assert axe_violations(page) == []
    name = "phone" if viewport == PHONE else "desktop"
    shot(page, f"kind-ladder-placement-{name}.png")

    select = frame.get_by_role("combobox", name="Where does situation 1 sit?")
    select.focus()
    page.keyboard.press("ArrowUp")
    frame.get_by_text("You changed this one.").wait_for()
    frame.get_by_role("button", name="Check my placements").focus()
    page.keyboard.press("Enter")
    frame.get_by_text("You placed every situation where we would.").wait_for()

    reload_app(page)
    open_module(page, title)
    frame = _frame(page)
    frame.get_by_text("You placed every situation where we would.").wait_for()
    expect(frame.get_by_role("combobox", name="Where does situation 1 sit?")).to_have_value(
        "consultation"
    )
    assert axe_violations(page) == []
    context.close()


def test_a_refresh_keeps_placements_made_before_checking(
    kinds_server: tuple[Server, dict[str, str]], browser: Any
) -> None:
    server, titles = kinds_server
    page = open_learner_app(browser, server.link, DESKTOP)
    open_module(page, titles["try-ladder"])
    frame = _frame(page)
    frame.get_by_role("combobox", name="Where does situation 2 sit?").wait_for()
    _choose(page, 2, "therapy")
    # Each key press saves the rung it passes; reload only once the last one is in the store
    # (a fixed wait lost the race on a busy machine and reloaded an earlier rung).
    _wait_until_stored(server, second="therapy")
    reload_app(page)
    open_module(page, titles["try-ladder"])
    frame = _frame(page)
    select = frame.get_by_role("combobox", name="Where does situation 2 sit?")
    expect(select).to_have_value("therapy")
    assert "We would" not in page.content()
    page.context.close()
