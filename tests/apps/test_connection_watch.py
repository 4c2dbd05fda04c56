"""The connection watch's kernel side: it answers well-formed pings and ignores anything else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from coproduce.apps.chrome.connection_watch import ConnectionWatch, connection_watch
from coproduce.content.loader import load_course
from coproduce.live.learner_session import LearnerSession
from coproduce.live.store import Store

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


def test_the_messages_say_what_to_do_in_plain_words(tmp_path: Path) -> None:
    learners = connection_watch(WORDS, LearnerSession(Store(tmp_path)))
    assert learners.lost_text == WORDS.lost and "saved" in WORDS.lost
    assert learners.back_text == WORDS.back
    # A page that keeps nothing (the trainer's) promises nothing.
    trainers = connection_watch(WORDS)
    assert trainers.lost_text == trainers.stuck_text == WORDS.not_kept
