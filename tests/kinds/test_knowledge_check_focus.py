"""Where the knowledge check sends keyboard focus when a button hides itself (kernel side).

The browser half, that focus really lands there, is tests/browser/test_browser_focus_moves.py.
"""

from __future__ import annotations

from typing import Any

from coproduce.content.model import KnowledgeCheck
from coproduce.kinds.knowledge_check.view import KnowledgeCheckView

from .course_words import context
from .page_script import click_from_page
from .test_nothing_earned_early import QUESTION


def _view() -> tuple[KnowledgeCheckView, list[dict[str, Any]]]:
    view = KnowledgeCheckView(KnowledgeCheck.model_validate(QUESTION), lambda *_: None, context())
    asked: list[dict[str, Any]] = []
    view.focus.send = lambda content, buffers=None: asked.append(content)  # type: ignore[method-assign]
    return view, asked


def test_each_button_that_hides_itself_hands_focus_on() -> None:
    view, asked = _view()
    click_from_page(view.check_button)  # nothing chosen: the button stays, and so does focus
    assert asked == []
    view.choices.value = [0]
    click_from_page(view.check_button)
    click_from_page(view.why_button)
    click_from_page(view.again_button)
    assert [(ask["selector"], ask["within"]) for ask in asked] == [
        (".cp-check-feedback .cp-live", ".cp-exercise"),
        (".cp-why", ".cp-exercise"),
        (".cp-choice input", ".cp-exercise"),
    ]
    assert "cp-check-feedback" in view.feedback._dom_classes


def test_a_restored_answer_moves_no_focus() -> None:
    view, asked = _view()
    view.restore({"selected": [1], "attempts": 1})
    assert view.answered and asked == []
