"""Checking and cleaning answers: plain functions, answer in and result out.

No widgets here, so every rule can be tested without a kernel or a browser.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .content_model import KnowledgeCheck

# Control characters other than tab and newline break layouts and logs; drop them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029]")
LEARNER_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


@dataclass(frozen=True)
class CleanText:
    text: str
    was_cut: bool


def clean_text(raw: object, max_chars: int) -> CleanText:
    """Learner free text made safe to keep: a string, normalised, no control codes, capped."""
    text = raw if isinstance(raw, str) else ""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text))
    if len(text) > max_chars:
        return CleanText(text[:max_chars], was_cut=True)
    return CleanText(text, was_cut=False)


def count_message(length: int, max_chars: int) -> str:
    """The gentle count shown under a text box."""
    left = max_chars - length
    if left >= 0:
        return f"{length} of {max_chars} characters used"
    return f"{length} of {max_chars} characters: only the first {max_chars} will be kept"


@dataclass(frozen=True)
class ChoiceResult:
    answered: bool
    correct: bool
    feedback: list[str]
    message: str


def valid_choices(raw: object, option_count: int) -> list[int]:
    """The option numbers a browser sent, with anything malformed or out of range dropped."""
    if not isinstance(raw, list | tuple):
        return []
    picked = {item for item in raw if type(item) is int and 0 <= item < option_count}
    return sorted(picked)


def check_choice(exercise: KnowledgeCheck, raw_selection: object) -> ChoiceResult:
    """Mark a knowledge check answer and gather the feedback for each option chosen."""
    selection = valid_choices(raw_selection, len(exercise.options))
    if not exercise.multiple:
        selection = selection[:1]
    if not selection:
        return ChoiceResult(False, False, [], "Choose an answer first, then check it.")
    right = {index for index, option in enumerate(exercise.options) if option.correct}
    correct = set(selection) == right
    feedback = [exercise.options[index].feedback for index in selection]
    if correct:
        message = "That's right."
    elif set(selection) & right:
        message = "Part of that is right. Have a look at why, then try again if you like."
    else:
        message = "Not quite. Have a look at why, then try again if you like."
    return ChoiceResult(True, correct, feedback, message)


def valid_learner_id(raw: object) -> str | None:
    """A learner id from the browser, or None if it is not the shape we hand out."""
    if isinstance(raw, str) and LEARNER_ID.match(raw):
        return raw
    return None
