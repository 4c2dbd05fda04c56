"""The store's engine options, from the URL's query or the environment."""

from __future__ import annotations

import pytest

from coproduce.config.settings import STORE_ENGINE_ENV
from coproduce.live.engine_options import engine_options
from coproduce.live.store import _make_engine

PG = "postgresql+psycopg://u:secret@127.0.0.1:6432/db"


def test_options_in_the_query_leave_the_url_and_reach_the_engine() -> None:
    url, options = engine_options(
        f"{PG}?pool_size=1&max_overflow=2&prepare_threshold=none&sslmode=disable", {}
    )
    assert dict(url.query) == {"sslmode": "disable"}
    assert options == {
        "pool_size": 1,
        "max_overflow": 2,
        "connect_args": {"prepare_threshold": None},
    }


def test_the_environment_gives_options_the_url_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STORE_ENGINE_ENV["pool_size"], "3")
    monkeypatch.setenv(STORE_ENGINE_ENV["prepare_threshold"], "5")
    _, options = engine_options(f"{PG}?pool_size=1")
    assert options == {"pool_size": 1, "connect_args": {"prepare_threshold": 5}}


def test_no_options_change_nothing() -> None:
    url, options = engine_options(PG, {})
    assert url.render_as_string(hide_password=False) == PG
    assert options == {}


@pytest.mark.parametrize(
    ("query", "named"),
    [("pool_size=0", "pool_size"), ("max_overflow=lots", "max_overflow")],
)
def test_a_wrong_value_names_the_option(query: str, named: str) -> None:
    with pytest.raises(ValueError, match=named):
        engine_options(f"{PG}?{query}", {})


def test_prepare_threshold_is_for_psycopg_only() -> None:
    with pytest.raises(ValueError, match="psycopg"):
        engine_options("postgresql+pg8000://u:p@h/db?prepare_threshold=none", {})


def test_the_engine_gets_the_pool_and_psycopg_the_threshold() -> None:
    engine = _make_engine(f"{PG}?pool_size=2&max_overflow=0&prepare_threshold=none")
    try:
        assert engine.pool.size() == 2  # type: ignore[attr-defined]
        assert engine.pool._max_overflow == 0  # type: ignore[attr-defined]
        assert "prepare_threshold" not in engine.url.query
        _, kwargs = engine.dialect.create_connect_args(engine.url)
        assert "prepare_threshold" not in kwargs  # given through connect_args instead
    finally:
        engine.dispose()
