"""A one-question poll: read the learner's vote safely and say kindly what happened.

Plain functions, answer in and result out, so every rule is tested without a kernel or browser.
"""

from __future__ import annotations

from dataclasses import dataclass

COUNTED = "Your vote is counted. Thank you."
CHOOSE_FIRST = "Choose an answer first, then press Vote."


@dataclass(frozen=True)
class Vote:
    choice: int | None
    message: str

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
    choice = valid_choice(raw_selection, option_count)
    return Vote(choice, COUNTED if choice is not None else CHOOSE_FIRST)


def stored_vote(raw_answer: object, option_count: int) -> int | None:
    """The choice in a saved answer such as {"choice": 2}, or None if it is malformed."""
    if not isinstance(raw_answer, dict):
        return None
    choice = raw_answer.get("choice")
    return valid_choice(choice, option_count) if type(choice) is int else None
