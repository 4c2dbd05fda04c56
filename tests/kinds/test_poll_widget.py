"""The poll view without a browser: what it syncs, saves and restores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
import yaml

from coproduce.content.model import Poll
from coproduce.kinds.poll.view import PollView

from .course_words import context

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "kinds" / "try-poll.yml"
COUNTED = "Your vote is counted. Thank you."


def _synced_state(root: widgets.Widget) -> str:
    seen: list[dict[str, Any]] = []

    def walk(widget: widgets.Widget) -> None:
        seen.append(widget.get_state())
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(root)
    return json.dumps(seen, default=str)


def _exercise(**changes: Any) -> Poll:
    return Poll.model_validate({**yaml.safe_load(FIXTURE.read_text()), **changes})


def test_the_poll_shows_its_question_options_and_that_votes_are_anonymous() -> None:
    view = PollView(_exercise(), lambda *_: None, context())
    state = _synced_state(view.widget)
    assert view.choices.legend == _exercise().prompt
    assert view.choices.options == _exercise().options
    assert "without names" in state
    assert COUNTED not in state
    private = PollView(_exercise(visibility="private"), lambda *_: None, context())
    assert "Only you can see your vote." in _synced_state(private.widget)


def test_voting_saves_the_choice_and_thanks_the_learner() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = PollView(_exercise(), lambda eid, answer: saved.append((eid, answer)), context())
    view.vote()
    assert saved == []
    assert "Choose an answer first" in view.status.html
    view.choices.value = [2]
    view.vote()
    assert saved == [("try-poll", {"choice": 2})]
    assert COUNTED in view.status.html
    assert view.vote_button.description == "Change my vote"


def test_the_vote_can_be_changed() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = PollView(_exercise(), lambda eid, answer: saved.append((eid, answer)), context())
    view.choices.value = [0]
    view.vote()
    view.choices.value = [3]
    view.vote()
    assert saved[-1] == ("try-poll", {"choice": 3})
    assert "Your vote: None yet." in view.status.html
    assert not view.choices.disabled


def test_option_text_is_escaped_in_the_message() -> None:
    view = PollView(_exercise(options=["<script>x</script>", "B"]), lambda *_: None, context())
    view.choices.value = [0]
    view.vote()
    assert "<script>" not in view.status.html
    assert "&lt;script&gt;" in view.status.html


def test_a_save_problem_is_shown_and_the_vote_not_claimed() -> None:
    view = PollView(_exercise(), lambda *_: "Could not save just now.", context())
    view.choices.value = [1]
    view.vote()
    assert "Could not save just now." in view.status.html
    assert COUNTED not in view.status.html


def test_restore_brings_back_the_vote() -> None:
    view = PollView(_exercise(), lambda *_: None, context())
    view.restore({"choice": 1})
    assert view.choices.value == [1]
    assert COUNTED in view.status.html


@pytest.mark.parametrize(
    "answer",
    [
        {},
        {"choice": 99},
        {"choice": -1},
        {"choice": "1"},
        {"choice": True},
        {"choice": [1]},
        {"choice": "<script>" + "x" * 100_000},
        None,
        [],
    ],
)
def test_restore_tolerates_malformed_answers(answer: Any) -> None:
    view = PollView(_exercise(), lambda *_: None, context())
    view.restore(answer)
    assert view.choices.value == []
    assert view.vote_button.description == "Vote"
    assert COUNTED not in view.status.html
