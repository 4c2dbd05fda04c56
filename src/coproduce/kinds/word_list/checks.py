"""A few words in answer to a prompt: clean them to share safely, and explain kindly.

Plain functions, answer in and result out, so every rule is tested without a kernel or browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coproduce.text.clean import clean_line

# Enough to clean any sensible word; longer input is cut before any work is done on it.
_READ_AT_MOST = 2000


@dataclass(frozen=True)
class WordListResult:
    words: list[str]
    notes: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        if not self.words:
            return "Write at least one word, then press Submit."
        return "Thank you. Your words are in."


def box_name(number: int, count: int, noun: str = "word") -> str:
    """What a box is called in notes about it: "Ground rule 2", or "Your word" when alone."""
    if count == 1:
        return f"Your {noun}"
    return f"{noun[:1].upper()}{noun[1:]} {number}"


def box_label(number: int, count: int, noun: str = "word") -> str:
    """A box's label: "Ground rule 2 of 3", or "Your word" when it is the only one."""
    name = box_name(number, count, noun)
    return name if count == 1 else f"{name} of {count}"


def clean_word(raw: object, max_chars: int) -> tuple[str, bool]:
    """One word or short phrase: no control codes, single spaces, capped. Returns (word, cut)."""
    text = clean_line(raw[:_READ_AT_MOST] if isinstance(raw, str) else None)
    if len(text) > max_chars:
        return text[:max_chars].rstrip(), True
    return text, False


def clean_words(
    raw: object, max_words: int, max_chars: int, noun: str = "word", nouns: str = "words"
) -> WordListResult:
    """The words to keep, in order: no empties, no repeats (ignoring case), at most max_words.

    `noun` and `nouns` say what one answer is called in the notes ("ground rule")."""
    items = list(raw[: max_words * 4]) if isinstance(raw, list | tuple) else []
    words: list[str] = []
    seen: set[str] = set()
    notes: list[str] = []
    repeated = False
    for number, item in enumerate(items, start=1):
        word, cut = clean_word(item, max_chars)
        if not word:
            continue
        if word.casefold() in seen:
            repeated = True
            continue
        if len(words) == max_words:
            kept = (
                f"Only one {noun} is"
                if max_words == 1
                else f"Only the first {max_words} {nouns} are"
            )
            notes.append(f"{kept} kept.")
            break
        if cut:
            notes.append(
                f"{box_name(number, max_words, noun)} was longer than {max_chars} characters. "
                f"We kept the first {max_chars}."
            )
        seen.add(word.casefold())
        words.append(word)
    if repeated:
        notes.append("A word you wrote twice is kept once.")
    return WordListResult(words, notes)


def too_long_message(
    number: int, raw: object, max_chars: int, count: int = 10, noun: str = "word"
) -> str:
    """A gentle note while typing, or "" when the word fits; `count` is how many boxes."""
    text = raw[:_READ_AT_MOST] if isinstance(raw, str) else ""
    if len(" ".join(text.split())) <= max_chars:
        return ""
    return (
        f"{box_name(number, count, noun)} is a little long. "
        f"Only the first {max_chars} characters will be kept. "
        "Try a shorter word or two."
    )
