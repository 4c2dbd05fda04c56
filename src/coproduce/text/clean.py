"""Cleaning learner text before it is kept: a string, normalised, without control codes, capped.

No widgets here, so every rule can be tested without a kernel or a browser.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Control characters other than tab and newline break layouts and logs; drop them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029]")


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
