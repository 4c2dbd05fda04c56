"""A one-question poll: read the learner's vote safely (its words are the course's, `poll:`).

Plain functions, answer in and result out, so every rule is tested without a kernel or browser.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Vote:
    choice: int | None

    @property
    def counted(self) -> bool:
        return self.choice is not None


def valid_choice(raw: object, option_count: int) -> int | None:
    """One option number from a stored answer or the browser, or None if it is not one."""
    if isinstance(raw, list | tuple):
        raw = raw[0] if len(raw) == 1 else None
    if type(raw) is int and 0 <= raw < option_count:
        return raw
    return None


def check_vote(raw_selection: object, option_count: int) -> Vote:
    """A vote is one option in range; anything else asks the learner to choose first."""
    return Vote(valid_choice(raw_selection, option_count))


def stored_vote(raw_answer: object, option_count: int) -> int | None:
    """The choice in a saved answer such as {"choice": 2}, or None if it is malformed."""
    if not isinstance(raw_answer, dict):
        return None
    choice = raw_answer.get("choice")
    return valid_choice(choice, option_count) if type(choice) is int else None
