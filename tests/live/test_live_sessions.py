"""SessionStore: codes, joining, the room's moves, shared answers, export, delete and purge.

The behaviour is written once, in `SessionStoreBehaviour`, and run here on a real SQLite file;
test_store_postgres.py runs the same class against a real PostgreSQL server.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from coproduce.live.co_trainers import CoTrainers
from coproduce.live.idea_marks import IdeaMarks
from coproduce.live.questions import Questions
from coproduce.live.sessions import (
    CODE_ALPHABET,
    CODE_LENGTH,
    SessionStore,
    answer_tag,
    new_code,
    normalise_code,
)
from coproduce.live.store import SESSION_TABLES, Store, sessions
from coproduce.reports.live_results import shared_texts

OpenStore = Callable[[], Store]


def session_key(table: object) -> object:
    return table.c.code if table is sessions else table.c.session_code  # type: ignore[attr-defined]


def rows_per_table(store: Store, code: str) -> dict[str, int]:
    counts = {}
    with store.engine.connect() as connection:
        for table in SESSION_TABLES:
            query = select(func.count()).select_from(table).where(session_key(table) == code)
            counts[table.name] = connection.execute(query).scalar_one()
    return counts


def fill_session(room: SessionStore, code: str, prefix: str) -> None:
    """A row in every table: a move, two learners, their answers and places, a closed question,
    a co-trainer link."""
    room.move_room(code, "01-welcome")
    Questions(room.store).close(code, "poll-1")
    CoTrainers(room.store).issue(code, "Sam")
    IdeaMarks(room.store).hide(code, "ideas-1", "a" * 12, True)
    for number, role in enumerate(("researcher", "public contributor")):
        learner = f"{prefix}-{number}-aaaaaaaaaaaa"
        room.join(code, learner, f"Name {number}", role)
        room.store.save_answer(learner, "poll-1", {"selected": [number]}, session=code)
        room.store.save_place(learner, "01-welcome", session=code)


def backdate(store: Store, code: str, days: int) -> None:
    with store.writing() as connection:
        connection.execute(
            update(sessions)
            .where(sessions.c.code == code)
            .values(created_at=datetime.now(UTC) - timedelta(days=days))
        )


def test_new_codes_use_the_alphabet_that_cannot_be_misread() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) > 190
    for code in codes:
        assert len(code) == CODE_LENGTH
        assert set(code) <= set(CODE_ALPHABET)
    assert not set("01OIL") & set(CODE_ALPHABET)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("ABC234", "ABC234"),
        (" abc 234 ", "ABC234"),
        ("a b\tc\n2 3 4", "ABC234"),
        ("", ""),
        ("   ", ""),
        ("ABC-23", ""),
        ("ABCO10", ""),  # O, 1 and 0 are never in a code
        ("<script>", ""),
        (None, ""),
        (123456, ""),
        ("A" * 40, "A" * 16),
    ],
)
def test_normalise_code(typed: object, code: str) -> None:
    assert normalise_code(typed) == code


class SessionStoreBehaviour:
    """Every test takes `open_store`, a fixture that opens the same empty store each call."""

    def test_a_created_session_exists_with_its_time(self, open_store: OpenStore) -> None:
        room = SessionStore(open_store())
        before = datetime.now(UTC)
        code = room.create_session()
        assert len(code) == CODE_LENGTH and normalise_code(code) == code
        assert room.exists(code)
        assert not room.exists("ZZZZZZ" if code != "ZZZZZZ" else "YYYYYY")
        assert not room.exists(code.lower())
        created = room.created_at(code)
        assert created is not None and created.tzinfo is not None
        assert before - timedelta(seconds=5) <= created <= datetime.now(UTC) + timedelta(seconds=5)
        assert room.created_at("ZZZZZZ" if code != "ZZZZZZ" else "YYYYYY") is None
        assert room.current_module(code) is None
        again = SessionStore(open_store())
        assert again.exists(code)
        assert len({room.create_session() for _ in range(5)} | {code}) == 6

    def test_join_records_the_role_and_a_second_join_updates_it(
        self, open_store: OpenStore
    ) -> None:
        room = SessionStore(open_store())
        code, other = room.create_session(), room.create_session()
        room.join(code, "learner-1-aaaaaaaaaaaa", "Sam", "researcher")
        assert room.joined_role(code, "learner-1-aaaaaaaaaaaa") == "researcher"
        assert room.joined_role(other, "learner-1-aaaaaaaaaaaa") is None
        assert room.joined_role(code, "learner-2-aaaaaaaaaaaa") is None
        room.join(code, "learner-1-aaaaaaaaaaaa", "", "practitioner")
        assert room.joined_role(code, "learner-1-aaaaaaaaaaaa") == "practitioner"
        assert sum(room.attendance(code).values()) == 1

    def test_attendance_counts_learners_by_role_in_their_session_only(
        self, open_store: OpenStore
    ) -> None:
        room = SessionStore(open_store())
        code, other = room.create_session(), room.create_session()
        roles = ["researcher", "researcher", "public contributor", "prefer not to say"]
        for number, role in enumerate(roles):
            room.join(code, f"learner-{number}-aaaaaaaaaaaa", "", role)
        room.join(other, "learner-9-aaaaaaaaaaaa", "", "practitioner")
        assert room.attendance(code) == {
            "researcher": 2,
            "public contributor": 1,
            "prefer not to say": 1,
        }
        assert room.attendance(other) == {"practitioner": 1}
        assert room.attendance("ZZZZZZ") == {}

    def test_room_moves_are_kept_in_order(self, open_store: OpenStore) -> None:
        room = SessionStore(open_store())
        code, other = room.create_session(), room.create_session()
        for module in ("01-welcome", "02-what", "03-listening", "02-what"):
            room.move_room(code, module)
        room.move_room(other, "05-other")
        moves = room.moves(code)
        assert [move.module for move in moves] == [
            "01-welcome",
            "02-what",
            "03-listening",
            "02-what",
        ]
        assert all(move.at.tzinfo is not None for move in moves)
        assert [move.at for move in moves] == sorted(move.at for move in moves)
        assert room.current_module(code) == "02-what"
        assert room.current_module(other) == "05-other"
        assert [move.module for move in room.moves(other)] == ["05-other"]

    def test_shared_answers_are_anonymous_and_only_the_shared_texts_reach_the_room(
        self, open_store: OpenStore
    ) -> None:
        store = open_store()
        room = SessionStore(store)
        code, other = room.create_session(), room.create_session()
        # How the reflection widget saves: the learner's tick is `shared` in the answer itself.
        saved = {
            "learner-a-aaaaaaaaaaaa": {"text": "I shared this", "shared": True},
            "learner-b-aaaaaaaaaaaa": {"text": "PRIVATE thought", "shared": False},
            "learner-c-aaaaaaaaaaaa": {"text": "no tick at all"},
            "learner-d-aaaaaaaaaaaa": {"text": "<b>me too</b>", "shared": True},
        }
        for learner, answer in saved.items():
            room.join(code, learner, "Secret Name", "researcher")
            store.save_answer(learner, "speak-freely", answer, session=code)
        store.save_answer("learner-a-aaaaaaaaaaaa", "other-exercise", {"x": 1}, session=code)
        store.save_answer("learner-e-aaaaaaaaaaaa", "speak-freely", {"shared": True}, session=other)
        store.save_answer("learner-f-aaaaaaaaaaaa", "speak-freely", {"text": "local"})

        answers = room.shared_answers(code, "speak-freely")
        for answer in answers:
            assert answer.tag in {answer_tag(code, learner) for learner in saved}
            shown = repr(answer)
            assert "learner-" not in shown and "Secret Name" not in shown
        shared = [answer.payload["text"] for answer in shared_texts(answers)]
        assert shared == ["I shared this", "<b>me too</b>"]
        for answer in answers:  # whatever else is returned keeps the learner's choice
            if answer.payload.get("text") in {"PRIVATE thought", "no tick at all"}:
                assert answer.payload.get("shared") is not True
        assert room.shared_answers(code, "nobody-answered") == []
        assert room.shared_answers("ZZZZZZ", "speak-freely") == []
        # Reflections ask for consent: private text does not even leave the store.
        consented = room.shared_answers(code, "speak-freely", consent_needed=True)
        assert [answer.payload["text"] for answer in consented] == [
            "I shared this",
            "<b>me too</b>",
        ]
        assert room.answer_count(code, "speak-freely") == 4
        assert room.answer_count(code, "nobody-answered") == 0

    def test_a_trainer_can_hide_and_show_one_answer(self, open_store: OpenStore) -> None:
        store = open_store()
        room = SessionStore(store)
        code = room.create_session()
        for learner in ("learner-a-aaaaaaaaaaaa", "learner-b-aaaaaaaaaaaa"):
            store.save_answer(learner, "words", {"words": [learner[8]]}, session=code)
        tag = answer_tag(code, "learner-a-aaaaaaaaaaaa")
        before = room.latest_change(code)
        assert room.set_hidden(code, "words", tag, True)
        hidden = {
            answer.payload["words"][0]: answer.hidden
            for answer in room.shared_answers(code, "words")
        }
        assert hidden == {"a": True, "b": False}
        assert room.latest_change(code) != before
        # The learner changing their answer does not bring it back onto the projected view.
        store.save_answer("learner-a-aaaaaaaaaaaa", "words", {"words": ["a2"]}, session=code)
        hidden = {answer.tag: answer.hidden for answer in room.shared_answers(code, "words")}
        assert hidden[tag] is True
        assert room.set_hidden(code, "words", tag, False)
        assert not any(answer.hidden for answer in room.shared_answers(code, "words"))
        assert not room.set_hidden(code, "words", "not-a-tag", True)
        assert not room.set_hidden(code, "other-exercise", tag, True)
        assert not room.set_hidden("ZZZZZZ", "words", tag, True)

    def test_latest_change_moves_with_answers_joins_and_moves(self, open_store: OpenStore) -> None:
        store = open_store()
        room = SessionStore(store)
        code = room.create_session()
        seen = [room.latest_change(code)]
        room.join(code, "learner-a-aaaaaaaaaaaa", "", "researcher")
        seen.append(room.latest_change(code))
        store.save_answer("learner-a-aaaaaaaaaaaa", "poll", {"selected": [0]}, session=code)
        seen.append(room.latest_change(code))
        room.move_room(code, "02-what")
        seen.append(room.latest_change(code))
        assert len(set(seen)) == len(seen)
        assert room.latest_change(code) == seen[-1]  # nothing changed, same fingerprint
        store.save_answer("learner-z-aaaaaaaaaaaa", "poll", {"selected": [1]}, session="OTHER2")
        assert room.latest_change(code) == seen[-1]

    def test_export_holds_every_row_of_the_session_and_nothing_else(
        self, open_store: OpenStore
    ) -> None:
        store = open_store()
        room = SessionStore(store)
        code, other = room.create_session(), room.create_session()
        fill_session(room, code, "mine")
        fill_session(room, other, "theirs")
        room.move_room(code, "02-what")
        exported = room.export(code)
        json.dumps(exported)  # plain values only: it is written out as JSON and CSV
        assert set(exported) == {table.name for table in SESSION_TABLES}
        assert {name: len(rows) for name, rows in exported.items()} == rows_per_table(store, code)
        assert [row["code"] for row in exported["sessions"]] == [code]
        assert [row["module"] for row in exported["moves"]] == ["01-welcome", "02-what"]
        assert {row["learner_id"] for row in exported["learners"]} == {
            "mine-0-aaaaaaaaaaaa",
            "mine-1-aaaaaaaaaaaa",
        }
        assert {row["role"] for row in exported["learners"]} == {"researcher", "public contributor"}
        assert sorted(json.loads(row["payload"])["selected"] for row in exported["answers"]) == [
            [0],
            [1],
        ]
        text = json.dumps(exported)
        assert "theirs-" not in text and other not in text
        for row in exported["answers"]:
            assert row["session_code"] == code
            datetime.fromisoformat(row["updated_at"])

    def test_delete_removes_every_row_of_the_session_and_only_those(
        self, open_store: OpenStore
    ) -> None:
        store = open_store()
        room = SessionStore(store)
        code, other = room.create_session(), room.create_session()
        fill_session(room, code, "mine")
        fill_session(room, other, "theirs")
        store.save_answer("mine-0-aaaaaaaaaaaa", "alone", {"text": "outside a session"})
        mine, theirs = rows_per_table(store, code), rows_per_table(store, other)
        local = store.load_answers("mine-0-aaaaaaaaaaaa")
        assert all(count > 0 for count in mine.values()), mine
        assert room.delete(code) == sum(mine.values())
        assert rows_per_table(store, code) == {table.name: 0 for table in SESSION_TABLES}
        assert rows_per_table(store, other) == theirs
        assert not room.exists(code) and room.exists(other)
        assert room.export(code) == {table.name: [] for table in SESSION_TABLES}
        assert store.load_answers("mine-0-aaaaaaaaaaaa") == local
        assert room.delete(code) == 0
        reopened = open_store()
        assert rows_per_table(reopened, code) == {table.name: 0 for table in SESSION_TABLES}

    def test_purge_removes_sessions_older_than_the_retention_period(
        self, open_store: OpenStore
    ) -> None:
        store = open_store()
        room = SessionStore(store)
        old, recent, fresh = room.create_session(), room.create_session(), room.create_session()
        for code, days in ((old, 40), (recent, 20)):
            fill_session(room, code, code)
            backdate(store, code, days)
        fill_session(room, fresh, fresh)
        kept = {code: rows_per_table(store, code) for code in (recent, fresh)}
        assert room.older_than(timedelta(days=30)) == [old]
        assert room.purge(timedelta(days=30)) == [old]
        assert rows_per_table(store, old) == {table.name: 0 for table in SESSION_TABLES}
        assert {code: rows_per_table(store, code) for code in (recent, fresh)} == kept
        assert room.purge(timedelta(days=30)) == []
        assert room.purge(timedelta(days=10)) == [recent]
        assert room.exists(fresh) and not room.exists(recent)


class TestSessionStoreOnSQLite(SessionStoreBehaviour):
    @pytest.fixture
    def open_store(self, tmp_path: Path) -> Iterator[OpenStore]:
        opened: list[Store] = []

        def open_one() -> Store:
            opened.append(Store(tmp_path))
            return opened[-1]

        yield open_one
        for store in opened:
            store.close()
