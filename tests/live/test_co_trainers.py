"""Co-trainer links in the store: a token of their own, kept only as a hash, revocable."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from coproduce.live.co_trainers import CoTrainers, token_hash
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store, co_trainers


def _room(tmp_path: Path) -> tuple[Store, CoTrainers, str]:
    store = Store(tmp_path)
    return store, CoTrainers(store), SessionStore(store).create_session()


def test_a_link_opens_for_its_session_only_until_it_is_stopped(tmp_path: Path) -> None:
    store, links, code = _room(tmp_path)
    other = SessionStore(store).create_session()
    made, token = links.issue(code, "  Sam\n  Jones ")
    assert made.label == "Sam Jones"
    assert links.holder(code, token) == made.id
    assert links.holder(other, token) is None
    assert links.holder(code, token + "x") is None and links.holder(code, "") is None
    assert links.active(code, made.id)
    assert [c.id for c in links.listing(code)] == [made.id]
    assert links.revoke(code, made.id)
    assert links.holder(code, token) is None
    assert not links.active(code, made.id)
    assert links.listing(code) == []
    assert not links.revoke(code, made.id)  # once is enough


def test_two_co_trainers_have_two_tokens_and_one_stop_leaves_the_other(tmp_path: Path) -> None:
    _store, links, code = _room(tmp_path)
    first, first_token = links.issue(code, "Sam")
    second, second_token = links.issue(code, "Ali")
    assert first_token != second_token
    links.revoke(code, first.id)
    assert links.holder(code, second_token) == second.id
    assert [c.label for c in links.listing(code)] == ["Ali"]


def test_the_store_keeps_no_token_only_its_hash(tmp_path: Path) -> None:
    store, links, code = _room(tmp_path)
    _made, token = links.issue(code, "Sam")
    with store.engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(select(co_trainers))]
    assert token not in str(rows)
    assert rows[0]["token_hash"] == token_hash(token)
    assert token not in (tmp_path / "coproduce.sqlite").read_bytes().decode("latin-1")
