"""The plain functions behind the ladder placement exercise, including hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coproduce.content.model import Ladder, LadderPlacement, Ladders
from coproduce.content.yaml_lines import load_yaml
from coproduce.kinds.ladder_placement.checks import check_placements, rung_label, valid_placements

from .course_words import words

WORDS = words().ladder_placement

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "kinds" / "try-ladder.yml"
HOSTILE = [
    None,
    "consultation",
    42,
    {"0": "consultation"},
    ["<script>alert(1)</script>", "\x00\x07", "🙂", "שלום", "x" * 100_000],
    [["consultation"], {"rung": "partnership"}, 3.5],
    [True, False, None],
]


def _course_ladders() -> dict[str, Ladder]:
    """The course's own ladders file, read alone so other files being edited do not matter."""
    ladders = Ladders.model_validate(load_yaml(ROOT / "course" / "ladders.yml"))
    return {ladder.id: ladder for ladder in ladders.ladders}


def _ladder() -> Ladder:
    return _course_ladders()["arnstein"]


def _exercise() -> LadderPlacement:
    return LadderPlacement.model_validate(yaml.safe_load(FIXTURE.read_text()))


def _expected() -> list[str]:
    return [situation.rung for situation in _exercise().situations]


def test_the_course_has_both_ladders_in_order_from_the_bottom() -> None:
    ladders = _course_ladders()
    arnstein = [rung.id for rung in ladders["arnstein"].rungs]
    assert arnstein[0] == "manipulation" and arnstein[-1] == "citizen-control"
    assert len(arnstein) == 8
    groups = [rung.group for rung in ladders["arnstein"].rungs]
    assert groups == ["Non-participation"] * 2 + ["Tokenism"] * 3 + ["Citizen power"] * 3
    tlap = ladders["tlap"].rungs
    assert tlap[0].id == "coercion" and tlap[-1].id == "co-production"
    assert len(tlap) == 7
    assert {rung.group for rung in tlap} == {"Doing to", "Doing for", "Doing with"}


def test_every_placement_where_we_would_is_counted() -> None:
    result = check_placements(_exercise(), _ladder(), _expected(), WORDS, "en")
    assert result.complete and result.matched == 3
    assert all(situation.same for situation in result.situations)
    assert result.situations[0].message == "You chose Consultation. We would put it there too."
    assert result.message.startswith("You placed every situation where we would")


def test_a_different_placement_is_explained_kindly_with_distance_and_group() -> None:
    placements = ["informing", "manipulation", "citizen-control"]
    result = check_placements(_exercise(), _ladder(), placements, WORDS, "en")
    first, _, third = result.situations
    assert result.matched == 1 and not first.same and not third.same
    assert "We would put it on Consultation, 1 rung higher" in first.message
    assert "same part of the ladder: tokenism" in first.message
    assert "We would put it on Partnership, 2 rungs lower" in third.message
    assert first.explanation == _exercise().situations[0].explanation
    assert result.message.startswith("You placed 1 of 3 where we would")
    wording = " ".join([result.message, *(s.message for s in result.situations)]).lower()
    for harsh in ("wrong", "incorrect", "mistake", "fail"):
        assert harsh not in wording


def test_a_different_group_is_named() -> None:
    result = check_placements(
        _exercise(), _ladder(), ["partnership", "therapy", "partnership"], WORDS, "en"
    )
    assert "That is in the tokenism part of the ladder." in result.situations[0].message
    assert "1 rung lower" in result.situations[1].message


def test_checking_needs_a_rung_for_every_situation_and_reveals_nothing() -> None:
    result = check_placements(_exercise(), _ladder(), ["consultation", None, None], WORDS, "en")
    assert not result.complete and result.situations == [] and result.matched == 0
    assert "2 situations still need a rung" in result.message
    one_left = check_placements(
        _exercise(), _ladder(), ["consultation", "therapy", None], WORDS, "en"
    )
    assert "1 situation still needs a rung" in one_left.message


@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_placements_become_empty_and_never_raise(raw: object) -> None:
    placements = valid_placements(raw, _ladder(), 3)
    assert placements == [None, None, None]
    result = check_placements(_exercise(), _ladder(), raw, WORDS, "en")
    assert not result.complete and result.situations == []


def test_placements_keep_known_rungs_and_fit_the_situation_count() -> None:
    ladder = _ladder()
    assert valid_placements(["therapy"], ladder, 3) == ["therapy", None, None]
    assert valid_placements(["therapy", "nope", "placation", "partnership"], ladder, 3) == [
        "therapy",
        None,
        "placation",
    ]
    assert valid_placements(("therapy",), ladder, 1) == ["therapy"]


def test_rung_labels_give_name_number_and_group() -> None:
    ladder = _ladder()
    assert rung_label(ladder, "consultation", WORDS) == "Consultation (rung 4 of 8, tokenism)"
    assert rung_label(ladder, "citizen-control", WORDS).startswith("Citizen control (rung 8 of 8")
    assert rung_label(ladder, "<b>unknown</b>", WORDS) == "<b>unknown</b>"


def test_the_distance_and_the_count_left_take_their_plural_forms() -> None:
    welsh = WORDS.model_copy(
        update={
            "missing": {"two": "Dwy ar ôl", "other": "{count} ar ôl"},
            "lower": {"two": "Dau ris yn is: {rung}", "other": "{count} gris yn is: {rung}"},
        }
    )
    two_left = check_placements(_exercise(), _ladder(), ["consultation", None, None], welsh, "cy")
    assert two_left.message == "Dwy ar ôl"
    placements = ["informing", "manipulation", "citizen-control"]
    result = check_placements(_exercise(), _ladder(), placements, welsh, "cy")
    assert "Dau ris yn is: Partnership" in result.situations[2].message
