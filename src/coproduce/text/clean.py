"""Cleaning learner text before it is kept or shown: a string, normalised, without control codes.

One set of rules for every place a learner's words go (answers, shared reflections, names, the
code echoed back on the join form), so no screen can show what another screen would drop. No
widgets here, so every rule can be tested without a kernel or a browser.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Control characters other than tab and newline break layouts and logs (C0, DEL, C1), as do the
# zero-width space and the line and paragraph separators. Bidirectional embeddings, overrides and
# isolates (U+202A-U+202E, U+2066-U+2069, and the deprecated format codes up to U+206F) reverse
# the words around them on a shared screen, and one left open runs on into the text after it.
# The plain direction marks (LRM U+200E, RLM U+200F, ALM U+061C) are kept: right-to-left writers
# use them to place punctuation, and they reverse nothing beyond their own position.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2066-\u206f]")
_LINE_ENDS = re.compile(r"\r\n?")
_READ_AT_LEAST = 2000


@dataclass(frozen=True)
class CleanText:
    text: str
    was_cut: bool


def clean_text(raw: object, max_chars: int | None = None) -> CleanText:
    """Learner free text made safe to keep or show: a string, no control codes, NFC, capped.

    Anything but a string is no text. Line breaks from any system become newlines.
    """
    text = raw if isinstance(raw, str) else ""
    text = unicodedata.normalize("NFC", _CONTROL.sub("", _LINE_ENDS.sub("\n", text)))
    if max_chars is not None and len(text) > max_chars:
        return CleanText(text[:max_chars], was_cut=True)
    return CleanText(text, was_cut=False)


def clean_line(raw: object, max_chars: int | None = None) -> str:
    """A name, a code or a word: cleaned as above, on one line with single spaces, capped."""
    if isinstance(raw, str) and max_chars is not None:
        # Enough for any sensible line; a huge paste is cut before any work is done on it.
        raw = raw[: max(_READ_AT_LEAST, 20 * max_chars)]
    line = " ".join(clean_text(raw).text.split())
    return line[:max_chars].rstrip() if max_chars is not None else line
