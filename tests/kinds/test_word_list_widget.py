"""The word list view without a browser: labelled boxes, what it saves and restores."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from coproduce.content.model import WordList
from coproduce.kinds.word_list.view import WordListView

from .course_words import context

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "kinds" / "try-word-list.yml"


def _exercise(**changes: Any) -> WordList:
    return WordList.model_validate({**yaml.safe_load(FIXTURE.read_text()), **changes})


def _view(saved: list[tuple[str, dict[str, Any]]]) -> WordListView:
    return WordListView(_exercise(), lambda eid, answer: saved.append((eid, answer)), context())


def test_one_labelled_box_per_word() -> None:
    view = WordListView(_exercise(max_words=4), lambda *_: None, context())
    assert [box.description for box in view.boxes] == [f"Word {n} of 4" for n in range(1, 5)]


def test_submit_saves_cleaned_words_and_shows_them_back() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = _view(saved)
    view.boxes[0].value = "  shared \t power "
    view.boxes[1].value = "SHARED   POWER"
    view.boxes[2].value = "trust\x00"
    view.submit()
    assert saved == [("try-word-list", {"words": ["shared power", "trust"]})]
    assert [box.value for box in view.boxes] == ["shared power", "trust", ""]
    assert "Thank you. Your words are in." in view.status.html
    assert "kept once" in view.status.html


def test_nothing_is_saved_without_a_word() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = _view(saved)
    view.boxes[1].value = "   "
    view.submit()
    assert saved == []
    assert "Write at least one word" in view.status.html


def test_a_long_word_gets_a_kind_note_while_typing_and_is_cut() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = _view(saved)
    view.boxes[1].value = "x" * 31
    assert "Word 2 is a little long." in view.hint.html
    view.boxes[1].value = "x" * 30
    assert view.hint.html == ""
    view.boxes[1].value = "y" * 45
    view.submit()
    assert saved[-1][1] == {"words": ["y" * 30]}
    assert "Word 2 was longer than 30 characters." in view.status.html
    assert view.hint.html == ""


def test_markup_is_escaped_in_messages() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = WordListView(
        _exercise(prompt="<script>alert(1)</script>"),
        lambda eid, answer: saved.append((eid, answer)),
        context(),
    )
    view.boxes[0].value = "<b>bold</b>"
    view.submit()
    assert saved[-1][1] == {"words": ["<b>bold</b>"]}
    assert "<b>" not in view.status.html
    assert "<script>" not in view.widget.children[1].value


def test_a_save_problem_is_shown() -> None:
    view = WordListView(_exercise(), lambda *_: "Could not keep this just now.", context())
    view.boxes[0].value = "hope"
    view.submit()
    assert "Could not keep this just now." in view.status.html
    assert "Thank you" not in view.status.html


def test_restore_fills_the_boxes() -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    view = _view(saved)
    view.restore({"words": ["hope", "trust"]})
    assert [box.value for box in view.boxes] == ["hope", "trust", ""]
    assert "Your words are in" in view.status.html
    assert saved == [], "restoring must not save again"


@pytest.mark.parametrize(
    "answer",
    [
        {},
        {"words": None},
        {"words": "hope"},
        {"words": [1, 2, None]},
        {"words": {"a": "b"}},
        {"words": ["\x00", "  "]},
        None,
        [],
    ],
)
def test_restore_tolerates_malformed_answers(answer: Any) -> None:
    view = WordListView(_exercise(), lambda *_: None, context())
    view.restore(answer)
    assert [box.value for box in view.boxes] == ["", "", ""]
    assert view.status.html == ""


def test_restore_cleans_a_hostile_stored_answer() -> None:
    view = WordListView(_exercise(), lambda *_: None, context())
    view.restore({"words": ["z" * 100_000, "Z" * 30, "ok\u202e", "more", "extra"]})
    assert [box.value for box in view.boxes] == ["z" * 30, "ok", "more"]
