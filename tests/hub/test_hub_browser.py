"""A trainer and three learners in Chromium, through the real JupyterHub recipe.

The trainer signs in on the hub's own form and starts their server for a new session; the trainer
app shows the session's code and learner link. Learners, each in a browser context of their
own (so each is a hub user of their own), open that link: the hub logs them in pseudonymously,
starts their servers and takes them to the learner app, where they join. The trainer moves the
room to a poll and both learners vote; the trainer sees both votes arrive and, as the room
waits for three (min_answers_shown), no split of them. A third learner joins late, lands on the
poll and votes: the trainer sees the counts. The room moves on to a reflection, all three share
one, and the trainer reads them. axe-core finds nothing on the learners' pages or the trainer's,
as served through the hub and its proxy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser_support import DESKTOP, PHONE, axe_violations, join_session, shot
from tests.conftest import ROOT
from tests.hub.hub_server import Hub, running_hub

pytestmark = [pytest.mark.hub, pytest.mark.browser]

POLL_FIXTURE = ROOT / "tests" / "fixtures" / "kinds" / "try-poll.yml"
POLL = yaml.safe_load(POLL_FIXTURE.read_text())
THOUGHT_FIXTURE = ROOT / "tests" / "fixtures" / "report" / "report-thoughts.yml"
THOUGHT = yaml.safe_load(THOUGHT_FIXTURE.read_text())
RESULTS = yaml.safe_load((ROOT / "course" / "interface.yml").read_text())["results"]
HUB_WORDS = yaml.safe_load((ROOT / "deploy" / "hub-words.yml").read_text())
START_MS = 180_000  # a server started on a busy machine: proxy, Voila and a warm kernel


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    base: Path = tmp_path_factory.mktemp("hub-browser")
    with running_hub(base, extra_modules=(POLL_FIXTURE, THOUGHT_FIXTURE)) as running:
        yield running


def _start_trainer(browser: Any, hub: Hub) -> Any:
    """The trainer signs in on the hub's form and starts their server for a new session."""
    page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    page.goto(f"{hub.url}hub/login")
    page.locator("#username_input").fill(hub.trainer)
    page.locator("#password_input").fill(hub.trainer_password)
    page.locator("#login_submit").click()
    page.wait_for_url(re.compile(r"/hub/(home|spawn)"), timeout=60_000)
    page.goto(f"{hub.url}hub/spawn")
    session_box = page.get_by_label(HUB_WORDS["trainer_session_label"])
    expect(session_box).to_be_visible()
    session_box.fill("")  # none given: the hub makes a new session for this trainer
    page.get_by_role("button", name="Start").click()
    page.wait_for_url(f"{hub.url}user/{hub.trainer}/**", timeout=START_MS, wait_until="commit")
    page.locator(".cp-session-code").wait_for(timeout=START_MS)
    return page


def _learner(browser: Any, link: str, viewport: dict[str, int]) -> Any:
    """A learner with a browser of their own follows the link through the hub and joins."""
    context = browser.new_context(viewport=viewport, is_mobile=viewport == PHONE)
    page = context.new_page()
    page.goto(link)
    # The hub's spawn-pending page follows the start and moves on to the learner's server.
    page.wait_for_url(
        re.compile(r"/user/l-[a-z0-9]+-[a-z0-9]+/\?code="), timeout=START_MS, wait_until="commit"
    )
    join_session(page)
    return page


def _current(page: Any) -> Any:
    return page.locator('.cp-agenda-item[aria-current="step"]')


def _vote(page: Any, option: str) -> None:
    box = page.locator(".cp-exercise", has=page.get_by_role("heading", name=POLL["title"]))
    box.get_by_label(option).check()
    box.get_by_role("button", name="Vote").click()
    box.get_by_text("Your vote is counted. Thank you.").wait_for(timeout=30_000)


def _move(trainer: Any, title: str, learners: tuple[Any, ...]) -> None:
    trainer.get_by_label("Move the room to").select_option(label=title)
    trainer.get_by_role("button", name="Move the room", exact=True).click()
    for learner in learners:
        expect(_current(learner)).to_contain_text(title, timeout=30_000)


def _share(page: Any, text: str) -> None:
    page.get_by_role("textbox", name=THOUGHT["prompt"]).fill(text)
    page.get_by_label("Share my answer with the room, without my name").check()
    page.get_by_text("Saved.").wait_for(timeout=30_000)


def test_a_trainer_and_three_learners_share_a_poll_and_reflections_through_the_hub(
    browser: Any, hub: Hub
) -> None:
    trainer = _start_trainer(browser, hub)
    code = trainer.locator(".cp-session-code strong").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4,}", code), code
    assert code != hub.code, "the trainer asked for a new session, not the one made beforehand"
    link = f"{hub.url}hub/join?code={code}"
    expect(trainer.locator(".cp-join-details")).to_contain_text(link)
    trainer.get_by_text("Nobody has joined yet.").wait_for(timeout=30_000)
    assert hub.store_password not in trainer.content()

    first = _learner(browser, link, DESKTOP)
    second = _learner(browser, link, PHONE)
    names = {page.url.split("/user/")[1].split("/")[0] for page in (first, second)}
    assert len(names) == 2, "each learner has a hub user and a server of their own"
    assert all(name.startswith(f"l-{code.lower()}-") for name in names)
    trainer.get_by_text("2 people joined.").wait_for(timeout=30_000)

    _move(trainer, POLL["title"], (first, second))
    first_choice, second_choice = POLL["options"][3], POLL["options"][1]
    _vote(first, first_choice)
    _vote(second, second_choice)

    # Two votes in a room where results wait for three (min_answers_shown): the trainer sees
    # that both arrived, and no split of them reaches the page.
    waiting = RESULTS["waiting"].format(needed=3, count=2)
    trainer.get_by_text(waiting).wait_for(timeout=30_000)
    assert trainer.locator(".cp-bar-chart", has_text=re.compile(r"\d+ votes? so far")).count() == 0
    assert not re.search(r"\b1 vote\b", trainer.content())

    # A late-comer joins on the part the room is on; the third vote brings the result.
    third = _learner(browser, link, DESKTOP)
    expect(_current(third)).to_contain_text(POLL["title"], timeout=30_000)
    _vote(third, first_choice)
    results = trainer.locator(".cp-bar-chart", has_text="3 votes so far")
    results.wait_for(timeout=30_000)
    for option in POLL["options"]:
        votes = {first_choice: 2, second_choice: 1}.get(option, 0)
        expect(results.locator("tr", has_text=option)).to_contain_text(
            f"{votes} vote" if votes == 1 else f"{votes} votes"
        )

    # The room moves on; each learner shares a reflection; the trainer reads all three.
    learners = (first, second, third)
    _move(trainer, THOUGHT["title"], learners)
    thoughts = [f"Thought number {n} from the hub" for n in range(1, 4)]
    for learner, thought in zip(learners, thoughts, strict=True):
        _share(learner, thought)
    shared = trainer.locator(".cp-shared-texts blockquote")
    expect(shared).to_have_count(3, timeout=30_000)
    assert sorted(shared.all_inner_texts()) == thoughts

    for learner in learners:
        assert hub.store_password not in learner.content()
        assert axe_violations(learner) == []
    assert axe_violations(trainer) == []
    shot(first, "hub-learner-poll.png")
    shot(trainer, "hub-trainer-poll-results.png")
    for page in (trainer, *learners):
        page.context.close()
