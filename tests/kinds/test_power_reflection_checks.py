"""Power reflection rules: ratings in, averages per source, high/low levels and prompts out."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coproduce.content.model import PowerPrompt, PowerReflection, PowerStatement
from coproduce.content.readability import measure
from coproduce.kinds.power_reflection.checks import (
    level_of,
    profile,
    progress_message,
    rating_number,
    rating_words,
    sources_of,
    valid_ratings,
)

from .course_words import words

FIXTURE = Path(__file__).parents[1] / "fixtures" / "kinds" / "try-power.yml"
WORDS = words().power_reflection
SCALE = ["Not like me", "A little like me", "Quite like me", "Very like me"]


def _exercise() -> PowerReflection:
    return PowerReflection(
        id="p",
        kind="power_reflection",
        title="Power",
        prompt="Rate each sentence.",
        scale=SCALE,
        statements=[
            PowerStatement(source="Position", text="My job title carries weight."),
            PowerStatement(source="Position", text="I set the agenda."),
            PowerStatement(source="Lived experience", text="I have used these services."),
            PowerStatement(source="Money", text="I am paid for this."),
        ],
        prompts=[
            PowerPrompt(source="Position", when="high", text="POSITION HIGH"),
            PowerPrompt(source="Position", when="low", text="POSITION LOW"),
            PowerPrompt(source="Lived experience", when="high", text="LIVED HIGH"),
            PowerPrompt(source="Lived experience", when="low", text="LIVED LOW"),
            PowerPrompt(source="Money", when="low", text="MONEY LOW"),
        ],
    )


def test_averages_are_per_source_in_the_order_sources_first_appear() -> None:
    result = profile(_exercise(), {"0": 3, "1": 2, "2": 0})
    assert [score.source for score in result.scores] == ["Position", "Lived experience"]
    position = result.scores[0]
    assert position.average == 2.5 and position.rated == 2 and position.statements == 2
    assert result.rated == 3 and result.statements == 4 and result.answered


def test_prompts_follow_high_and_low_sources_only() -> None:
    result = profile(_exercise(), {"0": 3, "1": 2, "2": 0, "3": 1})
    assert result.prompts == ["POSITION HIGH", "LIVED LOW", "MONEY LOW"]
    middle = profile(_exercise(), {"0": 1, "1": 2})  # average 1.5 of 0..3: the middle third
    assert middle.scores[0].level == "middle"
    assert middle.prompts == []


def test_an_unrated_source_gets_no_bar_and_no_prompt() -> None:
    result = profile(_exercise(), {"3": 0})
    assert [score.source for score in result.scores] == ["Money"]
    assert result.prompts == ["MONEY LOW"]


@pytest.mark.parametrize(
    ("total", "count", "size", "expected"),
    [
        (0, 1, 4, "low"),
        (1, 1, 4, "low"),  # 1 of 0..3 is exactly one third: bottom third, edge included
        (3, 2, 4, "middle"),  # 1.5
        (2, 1, 4, "high"),  # exactly two thirds: top third, edge included
        (3, 1, 4, "high"),
        (1, 1, 3, "middle"),  # the middle of a 3-point scale
        (2, 1, 5, "middle"),
        (3, 1, 5, "high"),  # 0.75
        (1, 1, 5, "low"),  # 0.25
        (0, 0, 4, "middle"),  # nothing rated
        (0, 1, 1, "middle"),  # a scale with one point has no thirds
    ],
)
def test_top_third_is_high_and_bottom_third_is_low(
    total: int, count: int, size: int, expected: str
) -> None:
    assert level_of(total, count, size) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "0:3",
        [3, 2],
        {"0": "3"},
        {"0": 3.0},
        {"0": True},
        {"0": 4},
        {"0": -1},
        {"-1": 2},
        {"4": 1},
        {"\u0660": 1},  # an Arabic-Indic zero is not a statement number here
        {"\uff10": 1},  # nor is a full-width zero
        {" 0": 1},
        {"<script>alert(1)</script>": 2},
        {"0" * 100_000: 1},
        {None: 1},
        {"0\x00": 1},
        {"שלום": 1, "🙂": 2},
    ],
)
def test_malformed_ratings_are_dropped(raw: object) -> None:
    assert valid_ratings(raw, 4, 4) == {}
    assert profile(_exercise(), raw).rated == 0
    assert profile(_exercise(), raw).prompts == []


def test_ratings_read_both_number_and_string_keys_and_drop_the_rest() -> None:
    raw = {0: 1, "1": 2, "2": "x", "9": 1, 3: 3}
    assert valid_ratings(raw, 4, 4) == {0: 1, 1: 2, 3: 3}


def test_a_huge_ratings_dict_is_read_without_trouble() -> None:
    raw = {str(index): 1 for index in range(200_000)}
    assert valid_ratings(raw, 4, 4) == {0: 1, 1: 1, 2: 1, 3: 1}


def test_ratings_are_shown_counted_from_one_with_the_scales_own_words() -> None:
    assert rating_number(2.0, 4, WORDS, "en") == "3 of 4"
    assert rating_number(1.5, 4, WORDS, "en") == "2.5 of 4"
    assert rating_number(2 / 3, 4, WORDS, "en") == "1.7 of 4"
    # The number is the language's, by Babel: Polish writes a decimal comma.
    assert rating_number(1.5, 4, WORDS, "pl") == "2,5 of 4"
    assert rating_words(2.0, SCALE, WORDS) == "Quite like me"
    assert (
        rating_words(1.5, SCALE, WORDS)
        == "Between \u201cA little like me\u201d and \u201cQuite like me\u201d"
    )
    assert rating_words(3.0, SCALE, WORDS) == "Very like me"
    assert rating_words(9.0, SCALE, WORDS) == "Very like me"
    assert rating_words(1.0, [], WORDS) == ""


def test_progress_says_how_many_are_rated() -> None:
    exercise = _exercise()
    assert (
        progress_message(profile(exercise, {}), WORDS, "en")
        == "Rate a sentence to start your profile."
    )
    assert (
        progress_message(profile(exercise, {"0": 1}), WORDS, "en")
        == "Saved. You have rated 1 of 4 sentences."
    )
    every = profile(exercise, {"0": 1, "1": 1, "2": 1, "3": 1})
    assert progress_message(every, WORDS, "en", saved=False) == "You have rated all 4 sentences."


def test_statements_with_hostile_text_are_kept_as_given_for_escaping_later() -> None:
    hostile = "<script>alert(1)</script> שלום 🙂 \x07"
    exercise = PowerReflection(
        id="h",
        kind="power_reflection",
        title="T",
        prompt="P",
        scale=["a", "b", "c"],
        statements=[
            PowerStatement(source=hostile, text="one"),
            PowerStatement(source="Plain", text="two"),
        ],
        prompts=[PowerPrompt(source=hostile, when="high", text=hostile)],
    )
    assert sources_of(exercise) == [hostile.strip(), "Plain"]
    result = profile(exercise, {"0": 2})
    assert result.scores[0].source == hostile.strip()
    assert result.prompts == [hostile.strip()]


def test_the_fixture_has_plain_statements_over_enough_sources_and_a_prompt_for_each() -> None:
    exercise = PowerReflection.model_validate(yaml.safe_load(FIXTURE.read_text()))
    sources = sources_of(exercise)
    assert len(exercise.statements) >= 6 and len(sources) >= 5 and len(exercise.scale) == 4
    for source in sources:
        for when in ("high", "low"):
            assert any(p.source == source and p.when == when for p in exercise.prompts), (
                source,
                when,
            )
    texts = [exercise.prompt] + [s.text for s in exercise.statements]
    texts += [p.text for p in exercise.prompts]
    for text in texts:
        assert measure(text).reading_ease >= 60, text


def test_the_progress_takes_its_plural_form_by_the_number_of_sentences() -> None:
    exercise = _exercise()
    every = profile(exercise, {"0": 1, "1": 1, "2": 1, "3": 1})
    welsh = WORDS.model_copy(
        update={"rated_all": {"few": "Y tair", "many": "Y chwech", "other": "Pob un o'r {count}"}}
    )
    assert progress_message(every, welsh, "cy", saved=False) == "Pob un o'r 4"
    three = profile(exercise.model_copy(update={"statements": exercise.statements[:3]}), {})
    assert three.statements == 3
    done = profile(
        exercise.model_copy(update={"statements": exercise.statements[:3]}),
        {"0": 1, "1": 1, "2": 1},
    )
    assert progress_message(done, welsh, "cy", saved=False) == "Y tair"
