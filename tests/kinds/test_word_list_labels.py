"""Word list labels name what each box holds, and the counts agree with their nouns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from coproduce.content.model import WordList
from coproduce.kinds.word_list.view import WordListView

from .course_words import context
from .page_script import MadeWidgets

ROOT = Path(__file__).resolve().parents[2]


def _view(**data: Any) -> WordListView:
    base = {"id": "words", "kind": "word_list", "title": "Words", "prompt": "Say it."}
    return WordListView(WordList.model_validate({**base, **data}), lambda *_: None, context())


def test_a_one_word_list_speaks_of_one_word() -> None:
    with MadeWidgets() as made:
        view = _view(max_words=1, max_chars_per_word=40)
        state = made.state()
    assert "1 words" not in state
    assert "Word 1 of 1" not in state
    assert [box.description for box in view.boxes] == ["Your word"]
    assert "One word, up to 40 characters." in state


def test_boxes_are_labelled_with_the_noun_the_exercise_gives() -> None:
    with MadeWidgets() as made:
        view = _view(max_words=3, noun="ground rule", nouns="ground rules")
        state = made.state()
    assert [box.description for box in view.boxes] == [
        "Ground rule 1 of 3",
        "Ground rule 2 of 3",
        "Ground rule 3 of 3",
    ]
    assert "Up to 3 ground rules." in state and "Word 1" not in state
    view.boxes[1].value = "x" * 200
    assert "Ground rule 2 is a little long" in view.hint.html


def test_the_plural_defaults_to_the_noun_with_an_s() -> None:
    view = _view(max_words=2, noun="idea")
    assert view.boxes[0].description == "Idea 1 of 2"
    plain = _view(max_words=3)
    assert plain.boxes[0].description == "Word 1 of 3"


def test_the_ground_rules_are_labelled_as_ground_rules() -> None:
    data = yaml.safe_load((ROOT / "exercises" / "ground-rules.yml").read_text())
    view = WordListView(WordList.model_validate(data), lambda *_: None, context())
    assert view.boxes[0].description.startswith("Ground rule 1 of")
