"""The knowledge checks read plainly and their feedback agrees with the option it answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduce.content.loader import load_course
from coproduce.content.model import KnowledgeCheck
from coproduce.content.readability import measure

ROOT = Path(__file__).resolve().parents[2]
CHECKS = [e for e in load_course(ROOT).exercises.values() if isinstance(e, KnowledgeCheck)]


def _words(check: KnowledgeCheck) -> list[str]:
    options = [text for option in check.options for text in (option.text, option.feedback)]
    return [check.prompt, *options, check.explanation]


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.id)
def test_a_knowledge_check_reads_at_70_or_more(check: KnowledgeCheck) -> None:
    assert measure("\n\n".join(_words(check))).reading_ease >= 70


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.id)
def test_feedback_does_not_say_yes_to_an_answer_that_says_no(check: KnowledgeCheck) -> None:
    for option in check.options:
        said = option.feedback.split(".")[0].strip().lower()
        if said in ("yes", "no"):
            assert option.text.lower().startswith(said), (option.text, option.feedback)
        assert not (said == "yes" and not option.correct), option.text
