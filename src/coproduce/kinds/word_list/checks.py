"""A few words in answer to a prompt: clean them to share safely, and explain kindly.

Plain functions, answer in and result out, so every rule is tested without a kernel or browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coproduce.content.kind_words import WordListText
from coproduce.content.plurals import plural
from coproduce.text.clean import clean_line

# Enough to clean any sensible word; longer input is cut before any work is done on it.
_READ_AT_MOST = 2000


@dataclass(frozen=True)
class WordListResult:
    words: list[str]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Naming:
    """How the notes speak: the course's words (course/interface.yml's `word_list:`), its
    language (for plural forms), and what one answer is called ("ground rule", "ground rules")."""

    words: WordListText
    language: str
    noun: str = "word"
    nouns: str = "words"

    def message(self, result: WordListResult) -> str:
        return self.words.done if result.words else self.words.empty

    def box_name(self, number: int, count: int) -> str:
        """What a box is called in notes about it: "Ground rule 2", or "Your word" when alone."""
        if count == 1:
            return self.words.box_alone.format(noun=self.noun)
        return self.words.box.format(noun=f"{self.noun[:1].upper()}{self.noun[1:]}", number=number)

    def box_label(self, number: int, count: int) -> str:
        """A box's label: "Ground rule 2 of 3", or "Your word" when it is the only one."""
        name = self.box_name(number, count)
        return name if count == 1 else self.words.box_of.format(name=name, count=count)


def clean_word(raw: object, max_chars: int) -> tuple[str, bool]:
    """One word or short phrase: no control codes, single spaces, capped. Returns (word, cut)."""
    text = clean_line(raw[:_READ_AT_MOST] if isinstance(raw, str) else None)
    if len(text) > max_chars:
        return text[:max_chars].rstrip(), True
    return text, False


def clean_words(raw: object, max_words: int, max_chars: int, naming: Naming) -> WordListResult:
    """The words to keep, in order: no empties, no repeats (ignoring case), at most max_words;
    the notes about what was cut or left out, in the words `naming` gives."""
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
            kept = plural(naming.words.kept_only, max_words, naming.language)
            notes.append(kept.format(count=max_words, nouns=naming.nouns))
            break
        if cut:
            name = naming.box_name(number, max_words)
            notes.append(naming.words.cut.format(name=name, max_chars=max_chars))
        seen.add(word.casefold())
        words.append(word)
    if repeated:
        notes.append(naming.words.repeat)
    return WordListResult(words, notes)


def too_long_message(number: int, raw: object, max_chars: int, count: int, naming: Naming) -> str:
    """A gentle note while typing, or "" when the word fits; `count` is how many boxes."""
    text = raw[:_READ_AT_MOST] if isinstance(raw, str) else ""
    if len(" ".join(text.split())) <= max_chars:
        return ""
    return naming.words.too_long.format(name=naming.box_name(number, count), max_chars=max_chars)
