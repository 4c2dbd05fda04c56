"""The UK Standards for Public Involvement are taught, and the power reflection asks about who
people are and their circumstances, one idea to a statement (issue 13).

The six standards (UK Public Involvement Standards Development Partnership, 2019): inclusive
opportunities, working together, support and learning, communications, impact, governance
(sites.google.com/nihr.ac.uk/pi-standards; CSO Scotland's summary lists the same six).
"""

from __future__ import annotations

from pathlib import Path

from coproduce.content.loader import load_course
from coproduce.content.model import PowerReflection

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
STANDARDS = [
    "inclusive opportunities",
    "working together",
    "support and learning",
    "communications",
    "impact",
    "governance",
]
NEW_SOURCES = ("Who I am", "My circumstances")


def _text(slug: str) -> str:
    module = CONTENT.modules[slug]
    return " ".join(module.content_path.read_text(encoding="utf-8").lower().split())


def test_module_two_teaches_the_six_standards_and_reaching_beyond_the_usual_few() -> None:
    text = _text("02-what-coproduction-is")
    assert "six standards" in text
    assert [name for name in STANDARDS if f"- {name}." not in text] == []
    assert "reach beyond the usual few" in text and "who is missing" in text


def test_the_power_reflection_asks_about_identity_and_circumstance() -> None:
    exercise = CONTENT.exercises["my-sources-of-power"]
    assert isinstance(exercise, PowerReflection)
    for source in NEW_SOURCES:
        statements = [s.text for s in exercise.statements if s.source == source]
        assert len(statements) >= 2, source
        for text in statements:  # one idea each: no list of things, no second clause
            assert text.count(".") == 1 and "," not in text and " and " not in text, text
            assert " or " not in text, text
        levels = {p.when for p in exercise.prompts if p.source == source}
        assert levels == {"high", "low"}, source
