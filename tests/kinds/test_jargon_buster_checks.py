"""The jargon buster's plain functions: reading ease, sentence length, jargon left, hostile text."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduce.content.model import Glossary, GlossaryTerm
from coproduce.content.readability import measure
from coproduce.content.yaml_lines import load_yaml
from coproduce.kinds.jargon_buster.checks import (
    MAX_MEASURED_CHARS,
    build_matcher,
    find_jargon,
    jargon_message,
    quoted_longest,
    reading_ease_message,
    score_text,
    sentence_message,
    whole,
)

from .course_words import words

WORDS = words().jargon_buster

ROOT = Path(__file__).resolve().parents[2]


def _course_glossary() -> Glossary:
    """The course's own glossary file, read alone so other files being edited do not matter."""
    return Glossary.model_validate(load_yaml(ROOT / "course" / "glossary.yml"))


def _glossary() -> Glossary:
    return Glossary(
        terms=[
            GlossaryTerm(
                term="stakeholder",
                plain="people with an interest",
                explanation="Anyone who gains or loses.",
                also=["stakeholders", "key stakeholders"],
            ),
            GlossaryTerm(
                term="co-production",
                plain="working together as equals",
                explanation="Sharing power.",
                also=["coproduction", "co-produced"],
            ),
            GlossaryTerm(term="carer", plain="someone who looks after", explanation="Unpaid."),
            GlossaryTerm(
                term="data analysis", plain="making sense of what we found", explanation="Looking."
            ),
            GlossaryTerm(
                term="ladder of participation",
                plain="a ladder",
                explanation="A picture.",
                also=["Arnstein's ladder"],
            ),
            GlossaryTerm(term="REC", plain="ethics group", explanation="Checks."),
        ]
    )


def _terms(text: str) -> dict[str, int]:
    return {found.term: found.count for found in find_jargon(text, build_matcher(_glossary()))}


def test_terms_match_as_whole_words_in_any_case_with_their_other_forms() -> None:
    found = _terms("STAKEHOLDERS met a Carer. Co-Produced work, then coproduction.")
    assert found == {"stakeholder": 1, "carer": 1, "co-production": 2}


def test_parts_of_longer_words_do_not_count() -> None:
    assert _terms("The carers recorded their caregiving; a stakeholdership.") == {}


def test_phrases_match_across_spaces_line_breaks_and_hyphens() -> None:
    found = _terms("We did data\nanalysis, then co production, then data-analysis.")
    assert found == {"data analysis": 2, "co-production": 1}


def test_the_longest_form_wins_and_is_reported_as_written() -> None:
    matches = find_jargon("Our Key Stakeholders agreed.", build_matcher(_glossary()))
    assert len(matches) == 1
    assert matches[0].written == "Key Stakeholders"
    assert matches[0].plain == "people with an interest"


def test_curly_apostrophes_match_straight_ones() -> None:
    assert _terms("We used Arnstein\u2019s ladder.") == {"ladder of participation": 1}


def test_terms_are_listed_in_the_order_they_first_appear() -> None:
    matches = find_jargon("A carer and a stakeholder and a carer.", build_matcher(_glossary()))
    assert [(m.term, m.count) for m in matches] == [("carer", 2), ("stakeholder", 1)]


def test_no_glossary_finds_nothing() -> None:
    assert find_jargon("stakeholder", build_matcher(None)) == ()


def test_the_course_glossary_finds_jargon_in_the_fixture_passage() -> None:
    glossary = _course_glossary()
    assert len(glossary.terms) >= 20
    passage = (
        "Public contributors on the steering group joined the data analysis with practitioners."
    )
    terms = {found.term for found in find_jargon(passage, build_matcher(glossary))}
    assert terms == {"public contributor", "steering group", "data analysis", "practitioner"}


def test_the_course_glossary_is_plain_itself() -> None:
    glossary = _course_glossary()
    for term in glossary.terms:
        assert measure(term.explanation).reading_ease >= 60, term.term
        assert len(term.plain) < len(term.explanation), term.term


def test_scores_show_reading_ease_and_sentence_length() -> None:
    hard = score_text(
        "Organisational stakeholders operationalise multidisciplinary methodological "
        "considerations, notwithstanding institutional constraints and considerable "
        "administrative complexity throughout implementation.",
        build_matcher(_glossary()),
    )
    easy = score_text(
        "We will ask people what they think. Then we will tell them what we found.",
        build_matcher(None),
    )
    assert hard.reading_ease < 30 < 60 < easy.reading_ease
    assert easy.sentences == 2 and easy.words_per_sentence == 7.5
    assert [found.term for found in hard.jargon] == ["stakeholder"]
    assert 0 <= hard.reading_ease <= 100


def test_messages_are_kind_targets() -> None:
    matcher = build_matcher(_glossary())
    long = score_text(
        " and ".join(["we will talk with each person who uses the service about their care"] * 5),
        matcher,
    )
    message = reading_ease_message(long, 60, 20, WORDS)
    assert message.startswith("Aim for 60 or more. You are at ")
    assert message.endswith("shorter sentences will help.")
    assert "Aim for 20 or fewer" in sentence_message(long, 20, WORDS, "en")
    hard_words = score_text(
        "Organisational considerations necessitate reconceptualisation.", matcher
    )
    assert reading_ease_message(hard_words, 60, 20, WORDS).endswith(
        "shorter, everyday words will help."
    )
    easy = score_text("We ask. You tell us. We act.", matcher)
    assert "meets the aim" in reading_ease_message(easy, 60, 20, WORDS)
    assert "within the aim" in sentence_message(easy, 20, WORDS, "en")
    assert jargon_message(easy, WORDS, "en").startswith("No words from the course glossary")
    assert jargon_message(score_text("A carer.", matcher), WORDS, "en").startswith("One word")
    assert jargon_message(score_text("A carer and stakeholders.", matcher), WORDS, "en").startswith(
        "2 words"
    )


def test_an_empty_answer_invites_writing_and_shows_no_figures() -> None:
    score = score_text("", build_matcher(_glossary()))
    assert score.words == 0 and score.sentences == 0 and score.jargon == ()
    assert reading_ease_message(score, 60, 20, WORDS).startswith("Write your plain version")
    assert (
        sentence_message(score, 20, WORDS, "en") == "" and jargon_message(score, WORDS, "en") == ""
    )


def test_the_longest_sentence_is_quoted_short_only_when_too_long() -> None:
    matcher = build_matcher(None)
    short = score_text("A short one. Another.", matcher)
    assert quoted_longest(short, 20) == ""
    long = score_text("word " * 80 + ".", matcher)
    quote = quoted_longest(long, 20)
    assert quote.endswith(" ...") and len(quote) <= 165


def test_whole_rounds_halves_up() -> None:
    assert [whole(0.5), whole(1.5), whole(2.4), whole(-0.5)] == [1, 2, 2, -1]


HOSTILE = [
    "<script>alert('x')</script> stakeholder",
    "stake\x00holder \x07 carer\x1b[31m",
    "\u05e9\u05dc\u05d5\u05dd stakeholder \u05e2\u05d5\u05dc\u05dd",
    "\U0001f642 carer \U0001f642\U0001f642",
    "carer " * 50_000,
    "(" * 5000 + "stakeholder" + ")" * 5000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_measured_safely(text: str) -> None:
    score = score_text(text, build_matcher(_glossary()))
    assert 0 <= score.reading_ease <= 100
    assert score.words <= MAX_MEASURED_CHARS
    for found in score.jargon:
        assert found.term in {"stakeholder", "carer"}


def test_control_characters_are_dropped_before_matching() -> None:
    assert _terms("stake\x00holder") == {"stakeholder": 1}


@pytest.mark.parametrize("raw", [None, 42, ["carer"], {"text": "carer"}, b"carer"])
def test_wrong_types_count_as_no_text(raw: object) -> None:
    matcher = build_matcher(_glossary())
    assert find_jargon(raw, matcher) == ()
    assert score_text(raw, matcher).words == 0


def test_the_glossary_count_takes_its_plural_form() -> None:
    matcher = build_matcher(_glossary())
    two = score_text("A carer and stakeholders.", matcher)
    welsh = WORDS.model_copy(update={"jargon_left": {"two": "Dau air", "other": "{count} gair"}})
    assert jargon_message(two, welsh, "cy") == "Dau air"
