"""Two hundred store clients against a PostgreSQL that takes 100 connections.

Every learner kernel holds its own store, with its own connection pool. Straight to the server,
a class of 200 is refused connections; through PgBouncer in transaction pooling, with psycopg's
prepared statements off, all of them write and read back with no error. The direct run is here
so the test can fail: if the server took them all, the PgBouncer run would prove nothing.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Callable

import pytest
from sqlalchemy import create_engine, delete, text
from sqlalchemy.engine import URL

from coproduce.live.store import Store, answers
from tests.hub.support import pgbouncer, postgres_url

pytestmark = pytest.mark.hub
CLIENTS_AT_LEAST = 200


def max_connections(url: URL) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SHOW max_connections")).scalar_one())
    finally:
        engine.dispose()


def class_of(url: str, clients: int, session: str) -> tuple[int, list[str]]:
    """Each client opens its own store (one pooled connection), and all of them, together,
    save an answer and read it back. Returns the answers read back right, and the errors."""
    stores: list[Store] = []
    errors: list[str] = []
    good = 0
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def learner(number: int) -> None:
        nonlocal good
        try:
            store = Store(url)
            with lock:
                stores.append(store)
        except Exception as error:
            start.abort()
            with lock:
                errors.append(f"open: {error}")
            return
        # If some could not connect, the others go on, one by one.
        with contextlib.suppress(threading.BrokenBarrierError):
            start.wait(timeout=60)
        try:
            learner_id = f"load-{session}-{number:04d}"
            store.save_answer(learner_id, "poll", {"choice": number}, session=session)
            read = store.load_answers(learner_id, session=session)
            with lock:
                good += read == {"poll": {"choice": number}}
        except Exception as error:
            with lock:
                errors.append(f"write/read: {error}")

    threads = [threading.Thread(target=learner, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    for store in stores:
        store.close()
    return good, errors


def run_class(url: str, clients: int) -> tuple[int, list[str]]:
    session = secrets.token_hex(4).upper()
    try:
        return class_of(url, clients, session)
    finally:
        cleaner: Callable[[], None] = _cleaner(url, session)
        cleaner()


def _cleaner(url: str, session: str) -> Callable[[], None]:
    def clean() -> None:
        store = Store(url)
        try:
            with store.writing() as connection:
                connection.execute(delete(answers).where(answers.c.session_code == session))
        finally:
            store.close()

    return clean


def test_two_hundred_clients_through_pgbouncer_and_not_without() -> None:
    server = postgres_url()
    clients = max(CLIENTS_AT_LEAST, 2 * max_connections(server))
    small_pool = {"pool_size": "1", "max_overflow": "0"}
    direct = server.set(query={**dict(server.query), **small_pool})
    good, errors = run_class(direct.render_as_string(hide_password=False), clients)
    assert errors, f"the server took {clients} connections: this test would prove nothing"
    assert any("too many clients" in error or "connection" in error for error in errors)
    assert good < clients
    with pgbouncer(server, pool_size=20) as pooled:
        url = pooled.update_query_dict(small_pool).render_as_string(hide_password=False)
        good, errors = run_class(url, clients)
    assert errors == []
    assert good == clients
