"""Plain-language measures: Flesch Reading Ease and sentence length, for English text.

Syllables are estimated by counting vowel groups with a few English corrections; the result is
close to published counters and good enough to say "shorter sentences, simpler words".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n\s*\n|\n\s*[-*]\s|\n\s*\d+\.\s")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Any language written with spaces between words (Urdu and Arabic end sentences with their own).
_ANY_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
_ANY_SENTENCE_END = re.compile(r"[.!?\u06d4\u061f]+(?:\s|$)|\n\s*\n|\n\s*[-*]\s|\n\s*\d+\.\s")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def reading_ease(self) -> float:
        """Flesch Reading Ease: 60 to 70 is plain English; higher is easier."""
        if not self.words:
            return 100.0
        return (
            206.835 - 1.015 * (self.words / self.sentences) - 84.6 * (self.syllables / self.words)
        )

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


def syllables(word: str) -> int:
    word = word.lower().strip("'\u2019-")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(_VOWEL_GROUP.findall(word)))


def sentences_of(text: str) -> list[str]:
    parts = [part.strip() for part in _SENTENCE_END.split(text)]
    return [part for part in parts if _WORD.search(part)]


def measure(text: str) -> Readability:
    words = _WORD.findall(text)
    return Readability(
        words=len(words),
        sentences=max(1, len(sentences_of(text))),
        syllables=sum(syllables(word) for word in words),
    )


def words_per_sentence(text: str) -> float:
    """How long the sentences run, in words: a plain-language measure that holds in any
    language written with spaces, where Flesch's formula is for English only."""
    parts = [part for part in _ANY_SENTENCE_END.split(text) if _ANY_WORD.search(part)]
    words = sum(len(_ANY_WORD.findall(part)) for part in parts)
    return words / len(parts) if parts else 0.0


def longest_sentences(text: str, count: int = 3) -> list[str]:
    """The sentences with the most words, longest first: where rewriting helps most."""
    return sorted(sentences_of(text), key=lambda s: len(_WORD.findall(s)), reverse=True)[:count]
