"""The lesson checker's checks beyond the schema: structure, plain language, jargon, colours.

Each check takes loaded content and returns problems; errors break a course, warnings ask an
author to look again. Schema and cross-reference errors come from the content loader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from coproduce.content.author_messages import problem, say
from coproduce.content.catalogues import SOURCE_LANGUAGE
from coproduce.content.course import (
    COURSE_FILE,
    GLOSSARY_FILE,
    INTERFACE_FILE,
    PAYMENT_RATES_FILE,
    STATEMENT_FILE,
    TECHNIQUES_FILE,
    CourseContent,
    Module,
)
from coproduce.content.errors import ContentProblem
from coproduce.content.readability import (
    longest_sentences,
    measure,
    syllables,
    words_per_sentence,
)
from coproduce.content.references import references_text
from coproduce.content.timings import day_minutes
from coproduce.content.yaml_lines import key_line

PLAIN_WORDS_FILE = Path("course/plain-words.yml")
TARGET_READING_EASE = 60
VAGUE_LINK_TEXT = {"here", "click here", "this link", "link", "more", "read more", "this"}
LONG_WORD_SYLLABLES = 4
_FENCE = re.compile(r"^```\{code-cell\}.*?^```", re.MULTILINE | re.DOTALL)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


@dataclass(frozen=True)
class MarkdownFile:
    path: Path
    text: str  # with front matter blanked, so line numbers match the file
    tokens: list[Token]


def read_markdown(path: Path) -> MarkdownFile:
    raw = path.read_text(encoding="utf-8")
    text = _blank_front_matter(raw)
    return MarkdownFile(path, text, MarkdownIt("commonmark").enable("table").parse(text))


def _blank_front_matter(raw: str) -> str:
    if not raw.startswith("---\n"):
        return raw
    end = raw.find("\n---", 4)
    if end < 0:
        return raw
    head = raw[: end + 4]
    return "\n" * head.count("\n") + raw[end + 4 :]


def _line(token: Token) -> int | None:
    return token.map[0] + 1 if token.map else None


def check_headings(doc: MarkdownFile) -> list[ContentProblem]:
    problems = []
    previous = 0
    for token in doc.tokens:
        if token.type != "heading_open":
            continue
        level = int(token.tag[1])
        if previous == 0 and level != 1:
            problems.append(problem("markdown.first_heading", doc.path, _line(token), level=level))
        elif level > previous + 1 and previous:
            problems.append(
                problem(
                    "markdown.heading_jump",
                    doc.path,
                    _line(token),
                    previous=previous,
                    level=level,
                    hashes="#" * (previous + 1),
                )
            )
        previous = level
    return problems


def _inline_children(doc: MarkdownFile) -> Iterator[tuple[Token, list[Token]]]:
    for token in doc.tokens:
        if token.type == "inline" and token.children:
            yield token, token.children


def check_images_and_links(doc: MarkdownFile) -> list[ContentProblem]:
    problems = []
    for block, children in _inline_children(doc):
        start = _line(block)
        for index, child in enumerate(children):
            # Line breaks inside a paragraph move the line on.
            line = start + _breaks_before(children, index) if start else None
            if child.type == "image" and not child.content.strip():
                problems.append(problem("markdown.no_alt_text", doc.path, line))
            if child.type == "link_open":
                text = _link_text(children[index + 1 :]).strip()
                href = str(child.attrs.get("href", ""))
                if text.lower() in VAGUE_LINK_TEXT or text == href or not text:
                    problems.append(problem("markdown.vague_link", doc.path, line, text=text))
    return problems


def _breaks_before(children: list[Token], index: int) -> int:
    return sum(child.type in ("softbreak", "hardbreak") for child in children[:index])


def _link_text(tokens: list[Token]) -> str:
    parts = []
    for token in tokens:
        if token.type == "link_close":
            break
        parts.append(token.content)
    return "".join(parts)


def learner_text(doc: MarkdownFile) -> str:
    """The words a learner reads: Markdown without code cells or markup."""
    text = _FENCE.sub(lambda match: "\n" * match.group(0).count("\n"), doc.text)
    text = re.sub(r"`[^`\n]*`", "", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^#+\s*(.*)$", r"\1.", text, flags=re.MULTILINE)
    return re.sub(r"[*_`>|]", "", text)


def check_plain_language(doc: MarkdownFile, module: Module) -> list[ContentProblem]:
    """The module's text with what its "Find out more" list says about each source."""
    text = "\n\n".join(filter(None, [learner_text(doc), references_text(module.meta.references)]))
    return _reading_ease_problems(
        text, doc.path, say("reading_ease.of_module", title=module.meta.title)
    )


def check_interface_plain(content: CourseContent) -> list[ContentProblem]:
    """The learner app's own words (course/interface.yml) are held to the same reading ease.
    The measure is for English: a course in another language is not scored (yet)."""
    if content.course.language.replace("_", "-").split("-")[0].lower() != SOURCE_LANGUAGE:
        return []
    text = "\n\n".join(content.interface.learner_texts())  # each text its own sentence
    path = content.root / INTERFACE_FILE
    return _reading_ease_problems(text, path, say("reading_ease.of_interface"))


def check_rates_plain(content: CourseContent) -> list[ContentProblem]:
    """The words learners read beside the payment rates: the note, each source's summary."""
    rates = content.payment_rates
    if rates is None:
        return []
    words = rates.words
    texts = [rates.note, *(source.says for source in rates.sources), words.checked, words.change]
    text = "\n\n".join(text for text in texts if text)
    path = content.root / PAYMENT_RATES_FILE
    return _reading_ease_problems(text, path, say("reading_ease.of_rates"))


def check_cards_plain(content: CourseContent) -> list[ContentProblem]:
    """The technique cards, which public contributors read and use as well as trainers."""
    cards = content.techniques
    if cards is None:
        return []
    texts = [cards.words.intro]
    for card in cards.techniques:
        texts += [card.when, *card.steps, card.online]
    path = content.root / TECHNIQUES_FILE
    return _reading_ease_problems("\n\n".join(texts), path, say("reading_ease.of_cards"))


def check_statement(content: CourseContent) -> list[ContentProblem]:
    """The accessibility statement, if the course has one: learners read it too."""
    path = content.root / STATEMENT_FILE
    if not path.is_file():
        return []
    doc = read_markdown(path)
    problems = check_headings(doc) + check_images_and_links(doc)
    return problems + _reading_ease_problems(
        learner_text(doc), path, say("reading_ease.of_statement")
    )


# A translation whose sentences run this much longer than its source's reads harder than it.
LONGER_SENTENCES = 1.5
SHORT_ENOUGH = 15  # words a sentence may run on average in any case


def check_translation_plain(source: MarkdownFile, translated: MarkdownFile) -> list[ContentProblem]:
    """A part's translation against its source, by the length of their sentences (reading
    ease itself is measured for English only)."""
    before = words_per_sentence(learner_text(source))
    after = words_per_sentence(learner_text(translated))
    if after <= max(before * LONGER_SENTENCES, SHORT_ENOUGH):
        return []
    return [
        problem(
            "reading_ease.longer_sentences",
            translated.path,
            None,
            severity="warning",
            after=after,
            before=before,
            source=source.path.name,
        )
    ]


def _reading_ease_problems(text: str, path: Path, what_scores: str) -> list[ContentProblem]:
    score = measure(text)
    if score.reading_ease >= TARGET_READING_EASE:
        return []
    worst = "; ".join(f'"{sentence[:80]}"' for sentence in longest_sentences(text, 3))
    return [
        problem(
            "reading_ease.low",
            path,
            None,
            severity="warning",
            what_scores=what_scores,
            score=score.reading_ease,
            target=TARGET_READING_EASE,
            worst=worst,
        )
    ]


def check_jargon(doc: MarkdownFile, known: set[str]) -> list[ContentProblem]:
    problems = []
    seen: set[str] = set()
    for number, line in enumerate(learner_text(doc).splitlines(), start=1):
        for word in _WORD.findall(line):
            lower = word.lower()
            if lower in seen or lower in known or syllables(lower) < LONG_WORD_SYLLABLES:
                continue
            seen.add(lower)
            problems.append(
                problem(
                    "jargon.long_word",
                    doc.path,
                    number,
                    severity="warning",
                    word=word,
                    glossary=GLOSSARY_FILE,
                    plain_words=PLAIN_WORDS_FILE,
                )
            )
    return problems


def known_words(content: CourseContent, plain_words: list[str]) -> set[str]:
    words = {word.lower() for word in plain_words}
    if content.glossary:
        for term in content.glossary.terms:
            for phrase in (term.term, *term.also):
                words.update(part.lower() for part in _WORD.findall(phrase))
    return words


def check_day_fits(content: CourseContent) -> list[ContentProblem]:
    """The day, in the room and online, leaves min_slack_minutes free within max_minutes."""
    course = content.course
    course_file = content.root / COURSE_FILE
    room_for = course.max_minutes - course.min_slack_minutes
    problems = []
    for online, key in ((False, "duration_minutes"), (True, "online_duration_minutes")):
        total = day_minutes(content, online)
        if total > room_for:
            problems.append(
                problem(
                    "day.online_too_long" if online else "day.too_long",
                    course_file,
                    key_line(course_file, key) or key_line(course_file, "duration_minutes"),
                    total=total,
                    slack=course.min_slack_minutes,
                    room_for=room_for,
                    max_minutes=course.max_minutes,
                )
            )
    return problems


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def check_brand_colours(content: CourseContent) -> list[ContentProblem]:
    brand = content.course.branding
    pairs = [
        ("text_colour", brand.text_colour, "background_colour", brand.background_colour, 4.5),
        (say("colour.white_header_text"), "#ffffff", "primary_colour", brand.primary_colour, 4.5),
        ("primary_colour", brand.primary_colour, "background_colour", brand.background_colour, 4.5),
        ("accent_colour", brand.accent_colour, "primary_colour", brand.primary_colour, 3.0),
    ]
    path = content.root / COURSE_FILE
    problems = []
    for first_name, first, second_name, second, needed in pairs:
        ratio = contrast_ratio(first, second)
        if ratio < needed:
            problems.append(
                problem(
                    "colour.contrast",
                    path,
                    _colour_line(path, first_name, second_name),
                    first=first_name,
                    second=second_name,
                    ratio=ratio,
                    needed=needed,
                )
            )
    return problems


def _colour_line(path: Path, *names: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if any(line.strip().startswith(f"{name}:") for name in names):
            return number
    return None
