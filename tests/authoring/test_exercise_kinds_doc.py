"""The department guide to exercise kinds: one example per kind, and every example loads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter

from coproduce.content.model import EXERCISE_MODELS, Exercise

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "exercise-kinds.md"
EXAMPLES = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)


def _kind(model: type) -> str:
    return str(model.model_fields["kind"].annotation.__args__[0])


def test_the_guide_has_one_example_of_every_kind() -> None:
    kinds = sorted(yaml.safe_load(example)["kind"] for example in EXAMPLES)
    assert kinds == sorted(_kind(model) for model in EXERCISE_MODELS)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda text: text.split("\n")[0])
def test_every_example_in_the_guide_is_a_valid_exercise(example: str) -> None:
    exercise = TypeAdapter(Exercise).validate_python(yaml.safe_load(example))
    assert exercise.title and exercise.prompt


def test_the_ladder_examples_name_rungs_the_course_has() -> None:
    ladders = yaml.safe_load((ROOT / "course" / "ladders.yml").read_text(encoding="utf-8"))
    rungs = {ladder["id"]: {r["id"] for r in ladder["rungs"]} for ladder in ladders["ladders"]}
    for example in EXAMPLES:
        data = yaml.safe_load(example)
        if data["kind"] == "ladder_placement":
            assert {s["rung"] for s in data["situations"]} <= rungs[data["ladder"]]
