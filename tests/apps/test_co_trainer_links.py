"""The trainer app makes a co-trainer link, shows it once, and stops it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coproduce.apps.trainer_app import TrainerApp
from coproduce.config.settings import TRAINER_BASE_ENV
from coproduce.content.loader import load_course
from coproduce.live.co_trainers import CoTrainers
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
WORDS = CONTENT.interface.co_trainer
BASE = "http://trainer.example:8867/"


def _trainer(tmp_path: Path) -> tuple[TrainerApp, Store, str]:
    store = Store(tmp_path)
    code = SessionStore(store).create_session()
    return TrainerApp(CONTENT, store, code, "http://localhost:8866/"), store, code


def test_a_link_is_made_for_a_named_co_trainer_and_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TRAINER_BASE_ENV, BASE)
    app, store, code = _trainer(tmp_path)
    links = app.co_trainers
    links.make()
    assert WORDS.name_first in links.message.html
    assert CoTrainers(store).listing(code) == []
    links.label.value = "<b>Sam</b>"
    links.make_button.click()
    assert WORDS.made.format(label="&lt;b&gt;Sam&lt;/b&gt;") in links.message.html
    token = re.search(r'href="http://trainer\.example:8867/\?token=([\w-]+)"', links.message.html)
    assert token is not None
    holder = CoTrainers(store).holder(code, token.group(1))
    assert holder is not None
    assert links.label.value == ""  # ready for the next co-trainer
    stop = links.links.children[1]
    assert stop.description == WORDS.revoke.format(label="<b>Sam</b>")
    stop.click()
    assert CoTrainers(store).holder(code, token.group(1)) is None
    assert WORDS.revoked.format(label="&lt;b&gt;Sam&lt;/b&gt;") in links.message.html
    assert len(links.links.children) == 1 and WORDS.none in links.links.children[0].value


def test_without_a_trainer_token_no_link_is_offered_or_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TRAINER_BASE_ENV, raising=False)
    app, store, code = _trainer(tmp_path)
    links = app.co_trainers
    assert WORDS.only_here.split(",")[0] in links.widget.children[0].value
    assert links.make_button not in links.widget.children
    links.label.value = "Sam"
    links.make()  # a script calling it anyway
    assert CoTrainers(store).listing(code) == []


def test_the_projector_view_hides_the_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TRAINER_BASE_ENV, BASE)
    app, _store, _code = _trainer(tmp_path)
    assert app.co_trainers.widget in app.for_trainer.children
    app.projector.value = True
    assert app.for_trainer.layout.display == "none"
