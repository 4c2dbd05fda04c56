"""The connection watch's kernel side: it answers well-formed pings and ignores anything else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from coproduce.apps.chrome.connection_watch import ConnectionWatch, connection_watch
from coproduce.content.loader import load_course

WORDS = load_course(Path(__file__).resolve().parents[2]).interface.connection


def _replies(content: Any) -> list[Any]:
    watch = ConnectionWatch()
    sent: list[Any] = []
    watch.send = sent.append  # type: ignore[method-assign]
    watch._answer(watch, content, [])
    return sent


def test_a_ping_gets_a_pong_with_the_same_number() -> None:
    assert _replies({"ping": 7}) == [{"pong": 7}]


@pytest.mark.parametrize(
    "content", [{"ping": "7"}, {"ping": True}, {"ping": None}, {}, "ping", [1], None]
)
def test_anything_else_gets_no_reply(content: Any) -> None:
    assert _replies(content) == []


def test_the_messages_say_what_to_do_in_plain_words() -> None:
    watch = connection_watch(WORDS)
    assert watch.lost_text == WORDS.lost and "saved" in WORDS.lost
    assert watch.back_text == WORDS.back
