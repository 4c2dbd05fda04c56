"""The join form's wrong-code message echoes what was typed, cleaned: no control codes."""

from __future__ import annotations

from pathlib import Path

from coproduce.apps.learner_app import LearnerApp
from coproduce.content.loader import load_course
from coproduce.live.learner_ids import token_for
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
LEARNER = "0123456789abcdef0123456789abcdef"


def _app(tmp_path: Path) -> tuple[LearnerApp, SessionStore, str]:
    store = Store(tmp_path)
    sessions = SessionStore(store)
    code = sessions.create_session()
    app = LearnerApp(CONTENT, store, code)
    app.identity.learner_id = token_for(LEARNER)
    return app, sessions, code


def test_a_wrong_code_is_echoed_without_control_or_direction_codes(tmp_path: Path) -> None:
    app, _sessions, _code = _app(tmp_path)
    message = app._join("\u202eNO\x1b[2J\x07PE\r\n12", "", "")
    assert message is not None and "NO[2JPE 12" in message
    assert not any(ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 for char in message)
    assert "\u202e" not in message


def test_a_code_of_control_codes_only_asks_for_the_code(tmp_path: Path) -> None:
    app, _sessions, _code = _app(tmp_path)
    assert app._join("\x07\u202e\x1b", "", "") == CONTENT.interface.join.no_code


def test_a_name_is_kept_on_one_line_without_direction_codes(tmp_path: Path) -> None:
    app, sessions, code = _app(tmp_path)
    assert app._join(code, "Sam\u202e\n  Jones\x07", "Researcher") is None
    (learner,) = sessions.export(code)["learners"]
    assert learner["display_name"] == "Sam Jones"
    if app.follower:
        app.follower.stop()
