"""A co-trainer's own link, against the real trainer server: it opens the trainer app on their
device; once the trainer stops it, their open page is cut off and neither the cookie nor the
link opens the app again. The trainer's own access is untouched."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from coproduce.content.loader import load_course

from ..browser_support import axe_violations, shot
from ..conftest import ROOT, Server, copy_course, start_server, stop_server

pytestmark = pytest.mark.browser

COURSE = load_course(ROOT)
WORDS = COURSE.interface
TOKEN = "a-long-trainer-secret-for-the-co-trainer-test"


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("co-trainer")
    running = start_server(
        copy_course(base / "course"), base / "data", extra=("--trainer-token", TOKEN)
    )
    yield running
    stop_server(running.process)


def _get(url: str, cookie: str = "") -> tuple[int, dict[str, str]]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=60)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    connection.request("GET", path or "/", headers={"Cookie": cookie} if cookie else {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}


def _result(page: Any, exercise_id: str) -> Any:
    """One exercise's box under the live results."""
    title = COURSE.exercises[exercise_id].title
    heading = page.get_by_role("heading", name=title, exact=True)
    return page.locator(".widget-vbox", has=heading).last


def _signed_in(link: str) -> str:
    """The cookie a link's token becomes."""
    status, headers = _get(link)
    assert status == 302 and "/login" not in headers["location"], headers
    return headers["set-cookie"].split(";", 1)[0]


def test_a_co_trainer_link_works_until_the_trainer_stops_it(guarded: Server, browser: Any) -> None:
    words = WORDS.co_trainer
    trainer = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    trainer.goto(guarded.trainer_link)
    trainer.get_by_text(f"Session code: {guarded.code}").wait_for(timeout=60_000)
    trainer.get_by_role("textbox", name=words.label).fill("Sam")
    trainer.get_by_role("textbox", name=words.label).press("Tab")
    trainer.get_by_role("button", name=words.make).click()
    made = trainer.locator(".cp-co-trainer-link a")
    expect(made).to_be_visible(timeout=15_000)
    link = made.inner_text()
    assert TOKEN not in link and "token=" in link
    expect(trainer.get_by_role("img", name=words.qr.format(label="Sam"))).to_be_visible()
    assert axe_violations(trainer) == []
    shot(trainer, "trainer-app-co-trainer-link.png")

    cookie = _signed_in(link)
    co_trainer = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    co_trainer.goto(link)
    co_trainer.get_by_text(f"Session code: {guarded.code}").wait_for(timeout=60_000)
    assert "token=" not in co_trainer.url  # out of the address bar, as for the trainer
    # The co-trainer runs the room from their own device: the trainer's run-sheet follows.
    expect(trainer.get_by_text("(now)")).to_have_count(0)
    co_trainer.get_by_role("button", name="Move the room to the next part").click()
    expect(trainer.get_by_text("(now)")).to_have_count(1, timeout=15_000)
    # Their own page: the controls of the parts they lead, none of the trainer's, no links.
    close = WORDS.questions.close
    theirs, not_theirs = (
        _result(co_trainer, "ground-rules"),
        _result(co_trainer, "coproduction-so-far"),
    )
    expect(theirs.get_by_role("button", name=close, exact=True)).to_be_visible(timeout=15_000)
    expect(not_theirs.get_by_role("button", name=close, exact=True)).to_be_hidden()
    expect(co_trainer.get_by_role("button", name=words.make)).to_be_hidden()
    expect(
        _result(trainer, "coproduction-so-far").get_by_role("button", name=close, exact=True)
    ).to_be_visible()
    assert axe_violations(co_trainer) == []
    shot(co_trainer, "co-trainer-app-phone.png")

    trainer.get_by_role("button", name=words.revoke.format(label="Sam")).click()
    expect(trainer.get_by_text(words.revoked.format(label="Sam"))).to_be_visible(timeout=15_000)
    # The open page is cut off within seconds: its connection notice says so.
    expect(co_trainer.get_by_text(WORDS.trainer_connection.lost.split(".")[0])).to_be_visible(
        timeout=20_000
    )
    status, headers = _get(link.split("?")[0], cookie)
    assert status == 302 and "/login" in headers["location"]
    status, headers = _get(link)
    assert status == 302 and "/login" in headers["location"]
    # The trainer is still in.
    status, _ = _get(guarded.trainer_link.split("?")[0], _signed_in(guarded.trainer_link))
    assert status == 200
    for page in (trainer, co_trainer):
        page.context.close()
