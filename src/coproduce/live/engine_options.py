"""The store's engine options: pool size, overflow and psycopg's prepared statements.

A learner kernel holds its own connection pool, so a class of 200 against a PostgreSQL that
takes 100 connections needs small pools and a pooler (PgBouncer) in front. Behind PgBouncer in
transaction pooling, psycopg must not prepare statements on its own (`prepare_threshold` none):
a prepared statement lives in one server connection, and the next transaction may get another.

The options come from the store URL's query (taken out before SQLAlchemy sees the URL), else from
the environment (`config.settings`), e.g.

    postgresql+psycopg://user:pw@host:6432/db?pool_size=1&max_overflow=2&prepare_threshold=none
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.engine import URL, make_url

from coproduce.config.settings import store_engine_settings

POOL_SIZE = "pool_size"
MAX_OVERFLOW = "max_overflow"
PREPARE_THRESHOLD = "prepare_threshold"
OPTION_NAMES = (POOL_SIZE, MAX_OVERFLOW, PREPARE_THRESHOLD)
NONE_WORDS = {"none", "null", "off", ""}


def engine_options(
    url: str, settings: Mapping[str, str] | None = None
) -> tuple[URL, dict[str, Any]]:
    """The URL without our options, and the keyword arguments for `create_engine`.

    A value that is not a whole number (or "none" for `prepare_threshold`) raises ValueError
    naming the option, so a typo in a deployment stops the store at once, not mid-session."""
    parsed = make_url(url)
    chosen = dict(store_engine_settings() if settings is None else settings)
    query = dict(parsed.query)
    for name in OPTION_NAMES:
        if name in query:
            value = query.pop(name)
            chosen[name] = value[-1] if isinstance(value, tuple) else value
    clean = parsed.set(query=query)
    kwargs: dict[str, Any] = {}
    if POOL_SIZE in chosen:
        kwargs[POOL_SIZE] = _whole(POOL_SIZE, chosen[POOL_SIZE], least=1)
    if MAX_OVERFLOW in chosen:
        kwargs[MAX_OVERFLOW] = _whole(MAX_OVERFLOW, chosen[MAX_OVERFLOW], least=0)
    if PREPARE_THRESHOLD in chosen:
        if parsed.get_driver_name() != "psycopg":
            raise ValueError(f"{PREPARE_THRESHOLD} is a psycopg option: use postgresql+psycopg://")
        raw = chosen[PREPARE_THRESHOLD].strip().lower()
        threshold = None if raw in NONE_WORDS else _whole(PREPARE_THRESHOLD, raw, least=0)
        # Only connect_args reaches psycopg.connect as a keyword; in the URL it would be text.
        kwargs["connect_args"] = {PREPARE_THRESHOLD: threshold}
    return clean, kwargs


def _whole(name: str, value: str, least: int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"store option {name} must be a whole number, not {value!r}") from None
    if number < least:
        raise ValueError(f"store option {name} must be {least} or more, not {number}")
    return number
