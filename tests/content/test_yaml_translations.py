"""A translation of a course YAML file (ground-rules.cy.yml) holds words only: laid out as its
source, it replaces the words it has and leaves the rest; a key its source lacks, a key that
names rather than says (id, kind, the right rung), a list of another length and a number are
each refused with the translation's file and line; the words answers are kept by are shown
translated but kept as the source's; and what it leaves out is listed, for `coproduce check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduce.content.loader import in_language, load_course
from coproduce.content.translations import (
    is_translation,
    translate,
    translation_of,
    untranslated,
)
from coproduce.content.yaml_lines import load_yaml

from ..support.two_languages import two_language_course

SOURCE = """\
id: where-we-stand
kind: ladder_placement
title: Where do we stand?
prompt: Read each story.
ladder: arnstein
situations:
  - text: A leaflet is sent for comments.
    rung: consultation
    explanation: People are asked, with no promise.
  - text: Carers run their own study.
    rung: citizen-control
    explanation: The carers hold the money.
"""


def _read(folder: Path, name: str, text: str) -> object:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_yaml(path)


def _translate(folder: Path, text: str) -> tuple[object, list[str], Path]:
    source = _read(folder, "where-we-stand.yml", SOURCE)
    path = folder / "where-we-stand.cy.yml"
    merged, problems = translate(source, _read(folder, path.name, text), path)
    shown = []
    for problem in problems:
        assert problem.path == path and problem.line is not None, problem.render()
        line = path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
        shown.append(f"{line.strip()} | {problem.message}")
    return merged, shown, path


def test_the_words_it_has_replace_the_sources_and_the_rest_stay(tmp_path: Path) -> None:
    merged, problems, _ = _translate(
        tmp_path,
        "title: Ble rydyn ni'n sefyll?\n"
        "situations:\n"
        "  - explanation: Gofynnir i bobl, heb addewid.\n"
        "  - {}\n",
    )
    assert problems == []
    assert isinstance(merged, dict)
    assert merged["title"] == "Ble rydyn ni'n sefyll?"
    assert merged["prompt"] == "Read each story."  # not translated: the source's
    first, second = merged["situations"]
    assert first["explanation"] == "Gofynnir i bobl, heb addewid."
    assert first["text"] == "A leaflet is sent for comments."
    assert first["rung"] == "consultation" and second["rung"] == "citizen-control"
    assert merged["id"] == "where-we-stand"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("titel: Ble?\n", "titel: Ble?", "the source has no 'titel'"),
        ("id: ble-rydyn-ni\n", "id: ble-rydyn-ni", "'id' is the same in every language"),
        (
            "situations:\n  - rung: ymgynghori\n  - {}\n",
            "- rung: ymgynghori",
            "situations.0: 'rung' is the same in every language",
        ),
        (
            "situations:\n  - text: Un.\n  - text: Dau.\n  - text: Tri.\n",
            "situations:",
            "situations: has 3 items, but the source has 2",
        ),
        ("situations: Un stori.\n", "situations: Un stori.", "situations: has no list, but"),
        ("title: 3\n", "title: 3", "title: expected words"),
        ("title: ''\n", "title: ''", "title: expected words"),
    ],
)
def test_what_a_translation_cannot_do_is_refused_with_its_line(
    tmp_path: Path, text: str, line: str, message: str
) -> None:
    merged, problems, _ = _translate(tmp_path, text)
    assert len(problems) == 1 and problems[0].startswith(f"{line} | {message}")
    assert isinstance(merged, dict) and merged["id"] == "where-we-stand"
    assert merged["situations"][0]["rung"] == "consultation"


def test_the_words_answers_are_kept_by_are_shown_translated_but_kept_as_the_source(
    tmp_path: Path,
) -> None:
    source = _read(tmp_path, "airtime.yml", "id: airtime\nroles: [Researcher, Carer, Chair]\n")
    path = tmp_path / "airtime.cy.yml"
    shown: dict[str, dict[str, str]] = {}
    merged, problems = translate(
        source, _read(tmp_path, path.name, "roles: [Ymchwilydd, Gofalwr]\n"), path, shown
    )
    assert problems == []
    # Answers stay keyed by the source's words, so the room counts Welsh and English together.
    assert isinstance(merged, dict) and merged["roles"] == ["Researcher", "Carer", "Chair"]
    assert shown == {"roles": {"Researcher": "Ymchwilydd", "Carer": "Gofalwr", "Chair": "Chair"}}
    assert untranslated(source, {}) == ["roles"]
    assert untranslated(source, {"roles": ["Ymchwilydd", "Gofalwr"]}) == ["roles.2"]


def test_two_kept_words_that_read_the_same_are_refused(tmp_path: Path) -> None:
    source = _read(tmp_path, "plan.yml", "expense_types:\n  - Travel\n  - Bus fare\n")
    path = tmp_path / "plan.cy.yml"
    translation = _read(tmp_path, path.name, "expense_types:\n  - Teithio\n  - Teithio\n")
    _merged, problems = translate(source, translation, path, {})
    (problem,) = problems
    assert problem.line == 1  # the list's own line: YAML keeps none for a plain word
    assert problem.message == ("expense_types: 'Teithio' is given for both 'Travel' and 'Bus fare'")


def test_a_number_or_a_true_cannot_be_translated(tmp_path: Path) -> None:
    source = _read(tmp_path, "check.yml", "options:\n  - text: Agree\n    correct: true\n")
    path = tmp_path / "check.cy.yml"
    translation = _read(tmp_path, path.name, "options:\n  - text: Ie\n    correct: false\n")
    merged, problems = translate(source, translation, path)
    assert [problem.message for problem in problems] == [
        "options.0.correct: only words can be translated"
    ]
    assert isinstance(merged, dict) and merged["options"] == [{"text": "Ie", "correct": True}]


def test_a_glossary_terms_other_forms_may_be_more_or_fewer(tmp_path: Path) -> None:
    source = _read(tmp_path, "glossary.yml", "terms:\n  - term: carer\n    also: [carers]\n")
    path = tmp_path / "glossary.cy.yml"
    text = "terms:\n  - term: gofalwr\n    also: [gofalwyr, ofalwr, ngofalwr]\n"
    merged, problems = translate(source, _read(tmp_path, path.name, text), path)
    assert problems == []
    assert isinstance(merged, dict)
    assert merged["terms"][0]["also"] == ["gofalwyr", "ofalwr", "ngofalwr"]


def test_a_sources_title_and_authors_stay_as_published(tmp_path: Path) -> None:
    source = _read(
        tmp_path,
        "module.yml",
        "references:\n  - title: Guidance\n    who: INVOLVE\n    about: Five principles.\n",
    )
    path = tmp_path / "module.cy.yml"
    merged, problems = translate(
        source, _read(tmp_path, path.name, "references:\n  - title: Canllawiau\n"), path
    )
    assert [problem.message for problem in problems] == [
        "references.0: 'title' is the same in every language"
    ]
    assert isinstance(merged, dict) and merged["references"][0]["title"] == "Guidance"
    assert untranslated(source, {"references": [{}]}) == ["references.0.about"]


def test_what_it_leaves_out_is_listed_by_key(tmp_path: Path) -> None:
    source = _read(tmp_path, "where-we-stand.yml", SOURCE)
    translation = _read(
        tmp_path,
        "where-we-stand.cy.yml",
        "title: Ble?\nsituations:\n  - text: Taflen.\n    explanation: Heb addewid.\n  - {}\n",
    )
    assert untranslated(source, translation) == [
        "prompt",
        "situations.1.text",
        "situations.1.explanation",
    ]
    assert untranslated(source, source) == []


def test_a_translation_is_named_for_its_source_and_language() -> None:
    source = Path("exercises") / "ground-rules.yml"
    assert translation_of(source, "cy") == Path("exercises") / "ground-rules.cy.yml"
    assert is_translation(translation_of(source, "cy"))
    assert not is_translation(source)


def test_a_list_may_end_early_and_the_rest_stays_in_the_sources_language(tmp_path: Path) -> None:
    """An agenda that grew by a part keeps its translation; what is left is named."""
    merged, problems, _ = _translate(tmp_path, "situations:\n  - text: Taflen.\n")
    assert problems == []
    assert isinstance(merged, dict) and len(merged["situations"]) == 2
    assert merged["situations"][0]["text"] == "Taflen."
    assert merged["situations"][1]["text"] == "Carers run their own study."
    source = _read(tmp_path, "where-we-stand.yml", SOURCE)
    translation = _read(tmp_path, "short.cy.yml", "situations:\n  - text: Taflen.\n")
    assert untranslated(source, translation) == [
        "title",
        "prompt",
        "situations.0.explanation",
        "situations.1",
    ]


RATES = """\
currency: GBP
words:
  heading: Where these rates come from
sources:
  - id: example
    title: Example amounts
    says: Not checked.
rates:
  - id: hourly
    activity: Taking part in a meeting
    unit: hour
    amount: 27.50
    source: example
"""


def test_payment_rates_translate_their_words_but_not_their_units_sources_or_money(
    tmp_path: Path,
) -> None:
    source = _read(tmp_path, "payment-rates.yml", RATES)
    path = tmp_path / "payment-rates.cy.yml"
    words = (
        "words:\n  heading: O ble daw'r cyfraddau hyn\n"
        "sources:\n  - says: Heb ei wirio.\n"
        "rates:\n  - activity: Cymryd rhan mewn cyfarfod\n"
    )
    merged, problems = translate(source, _read(tmp_path, path.name, words), path)
    assert problems == []
    assert isinstance(merged, dict)
    assert merged["rates"][0] == {
        "id": "hourly",
        "activity": "Cymryd rhan mewn cyfarfod",
        "unit": "hour",
        "amount": 27.50,
        "source": "example",
    }
    assert merged["sources"][0]["says"] == "Heb ei wirio."
    assert merged["sources"][0]["title"] == "Example amounts"  # cited as published
    refused = (
        "currency: EUR\n"
        "sources:\n  - title: Symiau enghreifftiol\n"
        "rates:\n  - unit: awr\n    source: enghraifft\n"
    )
    _merged, problems = translate(source, _read(tmp_path, path.name, refused), path)
    assert [problem.message for problem in problems] == [
        "'currency' is the same in every language",
        "sources.0: 'title' is the same in every language",
        "rates.0: 'unit' is the same in every language",
        "rates.0: 'source' is the same in every language",
    ]
    assert untranslated(source, {}) == ["words", "sources", "rates"]


def test_a_welsh_learner_reads_the_payment_rates_through_their_translation(
    tmp_path: Path,
) -> None:
    root = two_language_course(tmp_path / "course")
    (root / "course" / "payment-rates.cy.yml").write_text(
        "words:\n  heading: O ble daw'r cyfraddau hyn\n"
        "rates:\n  - activity: Tasg fer, fel rhoi sylwadau ar daflen\n",
        encoding="utf-8",
    )
    english = load_course(root)
    welsh = in_language(english, "cy")
    assert english.payment_rates is not None and welsh.payment_rates is not None
    assert welsh.payment_rates.words.heading == "O ble daw'r cyfraddau hyn"
    first, *rest = welsh.payment_rates.rates
    assert first.activity == "Tasg fer, fel rhoi sylwadau ar daflen"
    assert (first.unit, first.amount) == (english.payment_rates.rates[0].unit, 13.80)
    assert rest == english.payment_rates.rates[1:]
    assert english.payment_rates.words.heading == "Where these rates come from"
