"""In Chromium: the learner id is the server's to give. A made-up id in local storage reaches
nobody's answers (the browser is given a fresh, signed id and asked to join); a learner's own
id brings them straight back on a refresh; an altered one is refused."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

from ..browser_support import DESKTOP, axe_violations, join_session, reload_app, shot
from ..conftest import Server

pytestmark = pytest.mark.browser
KEY = "coproduce-learner-id"
QUESTION = "What would help you feel able to speak freely in this group today?"
SIGNED = re.compile(r"^[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{43}$")
# Puts an id in local storage before the page's own scripts run, unless the browser has one.
PLANT = "if (!window.localStorage.getItem({key!r})) window.localStorage.setItem({key!r}, {id!r});"


def _stored_id(page: Any) -> str:
    return str(page.evaluate(f"window.localStorage.getItem('{KEY}')") or "")


def _join_form_shows(page: Any) -> bool:
    page.locator(".cp-join-text input, .cp-agenda-item").first.wait_for(timeout=60_000)
    code = page.get_by_role("textbox", name="Session code")
    try:
        code.wait_for(timeout=15_000)
    except Exception:
        return False
    return bool(code.is_visible())


def test_a_made_up_id_reaches_no_answers_and_a_learners_own_id_is_kept(
    server: Server, browser: Any
) -> None:
    zeros = "0" * 32
    store = Store(server.data_dir)
    # Someone's private answer under an id of the right shape that this server never issued.
    SessionStore(store).join(server.code, zeros, "", "Researcher")
    private = {"text": "PLANTED: not yours to read.", "shared": False, "skipped": False}
    store.save_answer(zeros, "speak-freely", private, session=server.code)
    store.close()

    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(PLANT.format(key=KEY, id=zeros))
    page = context.new_page()
    page.goto(server.link)
    assert _join_form_shows(page), "a made-up id went straight into the course"
    given = _stored_id(page)
    assert given != zeros and SIGNED.match(given), given
    join_session(page)
    answer = page.get_by_role("textbox", name=QUESTION)
    expect(answer).to_have_value("", timeout=15_000)
    answer.fill("My own answer.")
    page.get_by_text("Saved.").first.wait_for(timeout=15_000)
    shot(page, "learner-id-made-up-refused.png", full_page=False)

    # A refresh: the same browser, its own signed id, straight back with its answer.
    reload_app(page)
    expect(page.get_by_role("textbox", name=QUESTION)).to_have_value(
        "My own answer.", timeout=15_000
    )
    assert _stored_id(page) == given
    assert axe_violations(page) == []

    # The same id with one character of its signature changed is refused: join again, no answer.
    altered = given[:-2] + ("A" if given[-2] != "A" else "B") + given[-1]
    page.evaluate(f"window.localStorage.setItem('{KEY}', '{altered}')")
    page.reload()
    assert _join_form_shows(page), "an altered id went straight into the course"
    fresh = _stored_id(page)
    assert fresh not in (given, altered) and SIGNED.match(fresh)
    join_session(page)
    expect(page.get_by_role("textbox", name=QUESTION)).to_have_value("", timeout=15_000)
    context.close()
