"""The store and SessionStore on a real PostgreSQL server, through an SQLAlchemy URL.

The server comes from COPRODUCE_TEST_POSTGRES_URL (for example
postgresql+psycopg://user:password@127.0.0.1:5432/db; `.ci/install-postgres` makes one and prints
it). Without it these tests skip, except under CI=true, where they fail. Each test works in a
schema of its own, dropped afterwards, so tests cannot see each other's rows.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from coproduce.live.sessions import SessionStore
from coproduce.live.store import AnswerTooLarge, Store, answers, metadata
from tests.live.test_live_sessions import SessionStoreBehaviour
from tests.live.test_store_concurrency import (
    ANSWERS_EACH,
    WRITERS,
    check_forty_writers,
    check_killed_writer,
)

URL_ENV = "COPRODUCE_TEST_POSTGRES_URL"


@pytest.fixture(scope="module")
def postgres_url() -> str:
    url = os.environ.get(URL_ENV, "")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{URL_ENV} is required under CI: .ci/run sets it from .ci/install-postgres"
            )
        pytest.skip(f"no PostgreSQL server: set {URL_ENV} (sh .ci/install-postgres prints one)")
    if make_url(url).get_backend_name() != "postgresql":
        pytest.fail(f"{URL_ENV} must be a postgresql URL, not {make_url(url).get_backend_name()}")
    return url


@pytest.fixture
def schema_url(postgres_url: str) -> Iterator[str]:
    """A URL whose connections work in a new, empty schema."""
    schema = f"cp_test_{secrets.token_hex(6)}"
    admin = create_engine(postgres_url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        separator = "&" if "?" in postgres_url else "?"
        yield f"{postgres_url}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def open_postgres_store(schema_url: str) -> Iterator[Callable[[], Store]]:
    opened: list[Store] = []

    def open_one() -> Store:
        opened.append(Store(schema_url))
        return opened[-1]

    yield open_one
    for store in opened:
        store.close()


def test_the_store_really_runs_on_postgresql_in_its_own_schema(
    open_postgres_store: Callable[[], Store], schema_url: str
) -> None:
    store = open_postgres_store()
    assert store.engine.dialect.name == "postgresql"
    with store.engine.connect() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
        tables = connection.execute(
            text("SELECT table_name FROM information_schema.tables WHERE table_schema = :s"),
            {"s": schema},
        ).scalars()
        # Every table the store declares, ideas' marks included, and nothing else.
        found = set(tables)
        assert found == set(metadata.tables)
        assert {"answers", "sessions", "idea_marks"} <= found
    assert schema in schema_url


def test_answers_and_place_survive_reopening_the_store(
    open_postgres_store: Callable[[], Store],
) -> None:
    store = open_postgres_store()
    store.save_answer("learner-aaaaaaaaaaaa", "q1", {"selected": [1]})
    store.save_answer("learner-aaaaaaaaaaaa", "q1", {"selected": [2]})
    store.save_answer("learner-aaaaaaaaaaaa", "q1", {"selected": [3]}, session="ABCDEF")
    store.save_place("learner-aaaaaaaaaaaa", "02-what-coproduction-is")
    store.save_place("learner-aaaaaaaaaaaa", "03-listening")
    store.close()

    reopened = open_postgres_store()
    assert reopened.load_answers("learner-aaaaaaaaaaaa") == {"q1": {"selected": [2]}}
    assert reopened.load_answers("learner-aaaaaaaaaaaa", session="ABCDEF") == {
        "q1": {"selected": [3]}
    }
    assert reopened.load_place("learner-aaaaaaaaaaaa") == "03-listening"
    assert reopened.load_answers("someone-else-bbbbbbbb") == {}
    assert reopened.load_place("someone-else-bbbbbbbb") is None
    with reopened.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(answers)).scalar_one() == 2


def test_hostile_text_is_stored_exactly(open_postgres_store: Callable[[], Store]) -> None:
    store = open_postgres_store()
    text_ = '\'); DROP TABLE answers; -- <script>alert(1)</script> 🙂 שלום \\ "quoted"'
    store.save_answer("learner-aaaaaaaaaaaa", "r1", {"text": text_})
    assert open_postgres_store().load_answers("learner-aaaaaaaaaaaa")["r1"]["text"] == text_


def test_a_huge_answer_is_refused_and_the_old_one_kept(
    open_postgres_store: Callable[[], Store],
) -> None:
    store = open_postgres_store()
    store.save_answer("learner-aaaaaaaaaaaa", "r1", {"text": "kept"})
    with pytest.raises(AnswerTooLarge):
        store.save_answer("learner-aaaaaaaaaaaa", "r1", {"text": "x" * 200_000})
    assert store.load_answers("learner-aaaaaaaaaaaa")["r1"]["text"] == "kept"


def test_a_store_from_before_live_sessions_keeps_its_answers(
    schema_url: str, open_postgres_store: Callable[[], Store]
) -> None:
    # The layout the first store made (SQLAlchemy's types for it on PostgreSQL).
    engine = create_engine(schema_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TABLE answers (learner_id VARCHAR(64), exercise_id VARCHAR(100), "
                "payload TEXT, updated_at TIMESTAMPTZ, PRIMARY KEY (learner_id, exercise_id))"
            )
        )
        connection.execute(
            text(
                "CREATE TABLE places (learner_id VARCHAR(64) PRIMARY KEY, module VARCHAR(100), "
                "updated_at TIMESTAMPTZ)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO answers VALUES ('learner-aaaaaaaaaaaa', 'q1', "
                "'{\"text\": \"kept\"}', '2026-01-01 10:00:00+00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO places VALUES ('learner-aaaaaaaaaaaa', 'm2', '2026-01-01 10:00:00+00')"
            )
        )
    engine.dispose()
    store = open_postgres_store()
    assert store.load_answers("learner-aaaaaaaaaaaa") == {"q1": {"text": "kept"}}
    assert store.load_place("learner-aaaaaaaaaaaa") == "m2"


class TestSessionStoreOnPostgres(SessionStoreBehaviour):
    @pytest.fixture
    def open_store(self, open_postgres_store: Callable[[], Store]) -> Callable[[], Store]:
        return open_postgres_store


@pytest.mark.timeout(300)
def test_forty_writers_at_once_lose_and_duplicate_nothing(schema_url: str) -> None:
    # The writers open a schema with no tables yet: they race to make them too.
    elapsed = check_forty_writers(schema_url)
    print(f"{WRITERS} writers x {ANSWERS_EACH} answers on PostgreSQL in {elapsed:.1f} s")


@pytest.mark.timeout(300)
def test_a_writer_killed_mid_write_leaves_the_database_intact(
    schema_url: str, open_postgres_store: Callable[[], Store]
) -> None:
    def intact() -> None:
        store = open_postgres_store()
        with store.engine.connect() as connection:
            # Every committed row is readable through the primary key index and the table.
            by_index = connection.execute(
                text("SELECT count(*) FROM answers WHERE session_code = 'KILLED'")
            ).scalar_one()
            connection.execute(text("SET enable_indexscan = off; SET enable_bitmapscan = off"))
            by_scan = connection.execute(
                text("SELECT count(*) FROM answers WHERE session_code = 'KILLED'")
            ).scalar_one()
        assert by_index == by_scan > 0
        assert SessionStore(store).attendance("KILLED")["researcher"] == 1

    check_killed_writer(schema_url, intact)
