"""Airtime tracker: seconds of speaking per role in, shares and a kind sentence out."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from coproduce.content.kind_words import AirtimeTrackerText
from coproduce.content.plurals import plural

MAX_SECONDS = 24 * 60 * 60.0  # a day per role is more than any session; larger values are noise


@dataclass(frozen=True)
class RoleShare:
    role: str
    seconds: float
    share: float  # from 0 to 1 of all speaking time

    @property
    def percent(self) -> int:
        return percent(self.share)


@dataclass(frozen=True)
class Airtime:
    shares: list[RoleShare]
    total_seconds: float
    equal_share: float


def named(result: Airtime, name: Callable[[str], str]) -> Airtime:
    """The same shares, each role as the page's language names it (kept by the source's)."""
    shares = [RoleShare(name(item.role), item.seconds, item.share) for item in result.shares]
    return Airtime(shares, result.total_seconds, result.equal_share)


def percent(share: float) -> int:
    """A share from 0 to 1 as a whole percentage (halves round up, as people expect)."""
    if not math.isfinite(share):
        return 0
    return math.floor(share * 100 + 0.5)


def equal_share(role_count: int) -> float:
    return 1 / role_count if role_count > 0 else 0.0


def unique_roles(roles: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(role for role in roles if isinstance(role, str) and role))


def valid_seconds(raw: object, roles: Sequence[str]) -> dict[str, float]:
    """Seconds for every role, from a saved answer; anything malformed counts as 0."""
    source = raw if isinstance(raw, dict) else {}
    seconds: dict[str, float] = {}
    for role in unique_roles(roles):
        value = source.get(role)
        number = 0.0
        if isinstance(value, int) and not isinstance(value, bool):
            number = float(min(max(value, 0), int(MAX_SECONDS)))  # huge ints overflow a float
        elif isinstance(value, float):
            number = value
        if not math.isfinite(number) or number < 0:
            number = 0.0
        seconds[role] = min(number, MAX_SECONDS)
    return seconds


def duration_words(seconds: float, words: AirtimeTrackerText) -> str:
    """Seconds as "45 s", "2 min 5 s" or "1 h 3 min", in the course's words."""
    whole = int(max(0.0, seconds) if math.isfinite(seconds) else 0)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return words.hours.format(hours=hours, minutes=minutes)
    if minutes:
        return words.minutes.format(minutes=minutes, seconds=secs)
    return words.seconds.format(seconds=secs)


def _names(roles: list[str], words: AirtimeTrackerText) -> str:
    if len(roles) == 1:
        return roles[0]
    return words.names.format(first=", ".join(roles[:-1]), last=roles[-1])


def summary_sentence(result: Airtime, words: AirtimeTrackerText, language: str) -> str:
    """What the chart shows, in kind plain words (the course's `airtime_tracker:`)."""
    shares = result.shares
    if result.total_seconds <= 0 or not shares:
        return words.no_time
    fair = percent(result.equal_share)
    most = max(item.percent for item in shares)
    top = [item.role for item in shares if item.percent == most]
    if len(top) == len(shares):
        return words.all_same.format(percent=most)
    sentence = plural(words.most, len(top), language).format(
        names=_names(top, words), percent=most, equal=fair
    )
    least = min(item.percent for item in shares)
    quiet = [item.role for item in shares if item.percent == least]
    if least * 2 < fair:
        said = plural(words.least, len(quiet), language)
        sentence += " " + said.format(names=_names(quiet, words), percent=least)
    return sentence


def airtime(raw_seconds: object, roles: Sequence[str]) -> Airtime:
    """Each role's share of the speaking time, against an equal share."""
    seconds = valid_seconds(raw_seconds, roles)
    total = sum(seconds.values())
    shares = [
        RoleShare(role, value, value / total if total > 0 else 0.0)
        for role, value in seconds.items()
    ]
    equal = equal_share(len(shares))
    return Airtime(shares, total, equal)
