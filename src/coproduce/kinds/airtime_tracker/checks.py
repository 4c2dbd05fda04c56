"""Airtime tracker: seconds of speaking per role in, shares and a kind sentence out."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

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
    sentence: str


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


def duration_words(seconds: float) -> str:
    """Seconds as "45 s", "2 min 5 s" or "1 h 3 min"."""
    whole = int(max(0.0, seconds) if math.isfinite(seconds) else 0)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def _names(roles: list[str]) -> str:
    return roles[0] if len(roles) == 1 else ", ".join(roles[:-1]) + " and " + roles[-1]


def summary_sentence(shares: Sequence[RoleShare], equal: float) -> str:
    """What the chart shows, in kind plain words."""
    total = sum(item.seconds for item in shares)
    if total <= 0 or not shares:
        return "No speaking time yet. Press a button when someone starts to speak."
    fair = percent(equal)
    most = max(item.percent for item in shares)
    top = [item.role for item in shares if item.percent == most]
    if len(top) == len(shares):
        return f"Everyone has had the same share so far: {most}% each."
    each = " each" if len(top) > 1 else ""
    sentence = f"{_names(top)} spoke {most}% of the time{each}; an equal share is {fair}%."
    least = min(item.percent for item in shares)
    quiet = [item.role for item in shares if item.percent == least]
    if least * 2 < fair:
        verb = "have" if len(quiet) > 1 else "has"
        sentence += f" {_names(quiet)} {verb} had {least}%. How could the group make more room?"
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
    return Airtime(shares, total, equal, summary_sentence(shares, equal))
