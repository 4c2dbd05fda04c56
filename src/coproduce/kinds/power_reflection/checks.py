"""Power reflection: ratings in, a private profile and reflective prompts out.

Ratings are kept as {statement number: scale number}, both counted from 0. In JSON the
statement numbers are strings ("0", "1", ...); both spellings are read back.

A source of power is "high" when its average rating sits in the top third of the scale and
"low" when it sits in the bottom third (edges included); otherwise it is in the middle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from coproduce.content import formats
from coproduce.content.kind_words import PowerReflectionText
from coproduce.content.model import PowerReflection
from coproduce.content.plurals import plural

Level = Literal["high", "middle", "low"]
_INDEX = re.compile(r"^[0-9]{1,4}$")


@dataclass(frozen=True)
class SourceScore:
    source: str
    average: float  # the mean scale number, from 0 to len(scale) - 1
    rated: int  # how many of this source's statements were rated
    statements: int
    level: Level


@dataclass(frozen=True)
class PowerProfile:
    scores: list[SourceScore]  # rated sources only, in the order they first appear
    prompts: list[str]
    rated: int
    statements: int

    @property
    def answered(self) -> bool:
        return self.rated > 0


def _index(raw: object) -> int | None:
    if type(raw) is int:
        return raw
    if isinstance(raw, str) and _INDEX.match(raw):
        return int(raw)
    return None


def valid_ratings(raw: object, statement_count: int, scale_size: int) -> dict[int, int]:
    """The ratings a browser or the store gave, with anything malformed or out of range dropped."""
    if not isinstance(raw, dict):
        return {}
    ratings: dict[int, int] = {}
    for key, value in list(raw.items())[: statement_count * 4 + 16]:
        statement = _index(key)
        if statement is None or not 0 <= statement < statement_count:
            continue
        if type(value) is not int or not 0 <= value < scale_size:
            continue
        ratings[statement] = value
    return dict(sorted(ratings.items()))


def level_of(total: int, count: int, scale_size: int) -> Level:
    """Where the average of `count` ratings adding up to `total` sits on the scale."""
    if count <= 0 or scale_size < 2:
        return "middle"
    position = Fraction(total, count * (scale_size - 1))  # 0 at the bottom, 1 at the top
    if position >= Fraction(2, 3):
        return "high"
    if position <= Fraction(1, 3):
        return "low"
    return "middle"


def sources_of(exercise: PowerReflection) -> list[str]:
    """Each source named by a statement, once, in the order they first appear."""
    return list(dict.fromkeys(statement.source for statement in exercise.statements))


def profile(exercise: PowerReflection, raw_ratings: object) -> PowerProfile:
    """Average rating per source, and the prompts that match a high or low source."""
    scale_size = len(exercise.scale)
    ratings = valid_ratings(raw_ratings, len(exercise.statements), scale_size)
    scores: list[SourceScore] = []
    levels: dict[str, Level] = {}
    for source in sources_of(exercise):
        numbers = [index for index, item in enumerate(exercise.statements) if item.source == source]
        given = [ratings[index] for index in numbers if index in ratings]
        if not given:
            continue
        level = level_of(sum(given), len(given), scale_size)
        levels[source] = level
        scores.append(SourceScore(source, sum(given) / len(given), len(given), len(numbers), level))
    prompts = [
        prompt.text for prompt in exercise.prompts if levels.get(prompt.source) == prompt.when
    ]
    return PowerProfile(scores, prompts, len(ratings), len(exercise.statements))


def rating_number(
    average: float, scale_size: int, words: PowerReflectionText, language: str
) -> str:
    """An average counted from 1, as on the chart: "3 of 4" or "2.5 of 4" (the language's
    way of writing a number, by Babel)."""
    shown = round(average + 1, 1)
    return words.rating.format(
        average=formats.number(shown, language), max=formats.number(scale_size, language)
    )


def rating_words(average: float, scale: list[str], words: PowerReflectionText) -> str:
    """An average in the scale's own words: "Quite like me", or between two of them."""
    if not scale:
        return ""
    top = len(scale) - 1
    lower = min(top, max(0, int(average)))
    upper = min(top, lower + 1)
    if abs(average - round(average)) < 0.05 or lower == upper:
        return scale[min(top, max(0, round(average)))]
    return words.between.format(lower=scale[lower], upper=scale[upper])


def progress_message(
    result: PowerProfile, words: PowerReflectionText, language: str, saved: bool = True
) -> str:
    """How far the learner has got, in the course's words (`power_reflection:`)."""
    if result.rated == 0:
        return words.start
    count = result.statements
    if result.rated < count:
        said = plural(words.rated, count, language).format(rated=result.rated, count=count)
    else:
        said = plural(words.rated_all, count, language).format(count=count)
    return f"{words.saved} {said}" if saved else said
