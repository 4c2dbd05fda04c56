"""The jargon buster's measures: reading ease, sentence length and glossary words still used.

Plain functions, text in and result out, so they can be tested without a kernel or a browser.
The messages are kind targets, never grades.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coproduce.content.activity_words import JargonBusterText
from coproduce.content.model import Glossary
from coproduce.content.plurals import plural
from coproduce.content.readability import longest_sentences, measure
from coproduce.text.clean import clean_text

# The most text ever measured; the view keeps less than this (JargonBuster.max_chars <= 10000).
MAX_MEASURED_CHARS = 10_000
# How much of the longest sentence is quoted back to the learner.
QUOTE_CHARS = 160
_JOINER = "[\\s\\-\u2010\u2011]+"  # a space or a hyphen between the words of a phrase
_SPLIT = re.compile(_JOINER)
_APOSTROPHES = re.compile("['\u2019]")


@dataclass(frozen=True)
class JargonFound:
    """A glossary term found in the text, with the way it was first written there."""

    term: str
    written: str
    plain: str
    explanation: str
    count: int


@dataclass(frozen=True)
class JargonMatcher:
    pattern: re.Pattern[str] | None
    # normalised form -> (term, plain, explanation)
    forms: dict[str, tuple[str, str, str]]


@dataclass(frozen=True)
class PlainScore:
    words: int
    sentences: int
    reading_ease: float  # Flesch Reading Ease, kept between 0 and 100 for showing
    words_per_sentence: float
    longest_sentence: str
    longest_sentence_words: int
    jargon: tuple[JargonFound, ...]

    @property
    def jargon_count(self) -> int:
        return sum(found.count for found in self.jargon)


def _normalise(phrase: str) -> str:
    words = _SPLIT.split(_APOSTROPHES.sub("'", phrase.casefold().strip()))
    return " ".join(word for word in words if word)


def _form_pattern(form: str) -> str:
    parts = [part for part in _SPLIT.split(form.strip()) if part]
    return _JOINER.join(re.escape(part).replace("'", "['\u2019]") for part in parts)


def build_matcher(glossary: Glossary | None) -> JargonMatcher:
    """One pattern for every term and its other forms, longest first so phrases win."""
    forms: dict[str, tuple[str, str, str]] = {}
    written: dict[str, str] = {}
    for term in glossary.terms if glossary else []:
        for form in (term.term, *term.also):
            key = _normalise(form)
            if key and key not in forms:
                forms[key] = (term.term, term.plain, term.explanation)
                written[key] = form
    if not forms:
        return JargonMatcher(None, {})
    ordered = sorted(written.values(), key=len, reverse=True)
    alternatives = "|".join(_form_pattern(form) for form in ordered)
    pattern = re.compile(f"(?<!\\w)(?:{alternatives})(?!\\w)", re.IGNORECASE)
    return JargonMatcher(pattern, forms)


def find_jargon(text: object, matcher: JargonMatcher) -> tuple[JargonFound, ...]:
    """Glossary words in the text: whole words or phrases, any case, in order of first use."""
    cleaned = clean_text(text, MAX_MEASURED_CHARS).text
    if matcher.pattern is None or not cleaned:
        return ()
    counts: dict[str, int] = {}
    first_written: dict[str, str] = {}
    for match in matcher.pattern.finditer(cleaned):
        entry = matcher.forms.get(_normalise(match.group(0)))
        if entry is None:
            continue
        term = entry[0]
        counts[term] = counts.get(term, 0) + 1
        first_written.setdefault(term, match.group(0))
    details = {entry[0]: entry for entry in matcher.forms.values()}
    return tuple(
        JargonFound(term, first_written[term], details[term][1], details[term][2], count)
        for term, count in counts.items()
    )


def score_text(text: object, matcher: JargonMatcher) -> PlainScore:
    """Every figure the learner sees for one version of the text."""
    cleaned = clean_text(text, MAX_MEASURED_CHARS).text
    figures = measure(cleaned)
    longest = longest_sentences(cleaned, 1)
    sentence = longest[0] if longest else ""
    return PlainScore(
        words=figures.words,
        sentences=figures.sentences if figures.words else 0,
        reading_ease=min(100.0, max(0.0, figures.reading_ease)),
        words_per_sentence=figures.words_per_sentence if figures.words else 0.0,
        longest_sentence=sentence,
        longest_sentence_words=measure(sentence).words,
        jargon=find_jargon(cleaned, matcher),
    )


def whole(number: float) -> int:
    """A figure rounded the way people expect (a half rounds up)."""
    return int(number + 0.5) if number >= 0 else -int(-number + 0.5)


def reading_ease_message(
    score: PlainScore, target: float, target_words: int, words: JargonBusterText
) -> str:
    if not score.words:
        return words.empty
    ease, aim = whole(score.reading_ease), whole(target)
    if score.reading_ease >= target:
        return words.ease_met.format(ease=ease, aim=aim)
    hint = words.hint_sentences if score.words_per_sentence > target_words else words.hint_words
    return words.ease_aim.format(ease=ease, aim=aim, hint=hint)


def sentence_message(
    score: PlainScore, target_words: int, words: JargonBusterText, language: str
) -> str:
    if not score.words:
        return ""
    average = whole(score.words_per_sentence)
    said = plural(words.sentences, average, language).format(average=average)
    if score.words_per_sentence <= target_words:
        return f"{said} {words.sentences_met.format(aim=target_words)}"
    longest = score.longest_sentence_words
    too_long = plural(words.sentences_long, longest, language)
    return f"{said} {too_long.format(aim=target_words, longest=longest)}"


def jargon_message(score: PlainScore, words: JargonBusterText, language: str) -> str:
    if not score.words:
        return ""
    left = len(score.jargon)
    if left == 0:
        return words.no_jargon
    return plural(words.jargon_left, left, language).format(count=left)


def quoted_longest(score: PlainScore, target_words: int) -> str:
    """The longest sentence, cut short, when it is longer than the aim; else nothing."""
    if score.longest_sentence_words <= target_words:
        return ""
    sentence = " ".join(score.longest_sentence.split())
    if len(sentence) > QUOTE_CHARS:
        sentence = sentence[:QUOTE_CHARS].rsplit(" ", 1)[0] + " ..."
    return sentence
