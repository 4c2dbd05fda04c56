"""course/payment-rates.yml: no figure without a source, and each source dated and addressed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coproduce.authoring.check import run_checks
from coproduce.content.errors import ContentError
from coproduce.content.formats import day
from coproduce.content.loader import load_course
from coproduce.content.payment_rates import PaymentRates, sources_html
from coproduce.content.yaml_lines import load_yaml

ROOT = Path(__file__).resolve().parents[2]
RATES = Path("course") / "payment-rates.yml"


def _problems(course: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_course(course)
    return caught.value.render()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_rate_names_a_source_that_says_what_was_checked_and_when() -> None:
    rates = PaymentRates.model_validate(load_yaml(ROOT / RATES))
    ids = {source.id for source in rates.sources}
    for rate in rates.rates:
        assert rate.source in ids, rate.id
    for source in rates.sources:
        assert source.says.strip() and source.read_on, source.id
    # The published sources are named with their web address.
    assert sum(bool(source.url) for source in rates.sources) >= 3


def test_a_rate_without_a_source_is_refused(course_dir: Path) -> None:
    _edit(
        course_dir / RATES, "    amount: 27.50\n    source: course-example\n", "    amount: 27.50\n"
    )
    message = _problems(course_dir)
    assert "course/payment-rates.yml" in message and "source" in message


def test_a_rate_naming_an_unknown_source_is_refused(course_dir: Path) -> None:
    _edit(
        course_dir / RATES,
        "amount: 27.50\n    source: course-example",
        "amount: 27.50\n    source: rumour",
    )
    message = _problems(course_dir)
    assert "course/payment-rates.yml" in message
    assert "'rumour'" in message and "course-example" in message


def test_a_verified_rate_needs_a_source_with_a_web_address(course_dir: Path) -> None:
    _edit(
        course_dir / RATES,
        "amount: 27.50\n    source: course-example",
        "amount: 27.50\n    source: course-example\n    verified: true",
    )
    assert "no web address" in _problems(course_dir)


def test_a_source_address_must_be_a_web_address(course_dir: Path) -> None:
    _edit(
        course_dir / RATES,
        "url: https://thecareruk.com/",
        "url: thecareruk.com/",
    )
    assert "is not a web address" in _problems(course_dir)


def test_the_words_keep_their_date_slot(course_dir: Path) -> None:
    _edit(course_dir / RATES, "last checked on {date}.", "last checked recently.")
    message = _problems(course_dir)
    assert "course/payment-rates.yml" in message and "{date}" in message


def test_the_sources_show_with_their_dates_links_and_the_note() -> None:
    rates = PaymentRates.model_validate(load_yaml(ROOT / RATES))
    shown = sources_html(rates, "{title}. {read_on} {says}", "en", "where")
    assert rates.words.checked.format(date=day(rates.checked, "en")) in shown
    for source in rates.sources:
        if source.url:
            assert f'href="{source.url}"' in shown
    assert rates.words.heading in shown and "examples for practice" in shown
    assert 'class="where"' in shown and "<script" not in shown


def test_check_warns_when_the_rates_words_are_hard_to_read(course_dir: Path) -> None:
    path = course_dir / RATES
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    hard = (
        "Remuneration determinations notwithstanding, institutional reimbursement "
        "methodologies necessitate comprehensive organisational authorisation procedures "
        "prior to disbursement of honorarium entitlements."
    )
    data["note"] = hard
    data["sources"] = [{**source, "says": hard} for source in data["sources"]]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    warnings = run_checks(course_dir).warnings
    assert any(
        "payment-rates.yml" in str(p.path) and "reading ease" in p.message for p in warnings
    ), [p.message for p in warnings]


def test_a_rate_whose_unit_has_no_words_in_the_catalogue_is_named(course_dir: Path) -> None:
    _edit(course_dir / RATES, "    unit: meeting\n", "    unit: week\n")
    message = _problems(course_dir)
    assert "the unit 'week' has no words in the course's catalogue (payment_units:)" in message
    assert "payment-rates.yml" in message and "course/interface.yml" in message


def test_the_sources_line_and_its_days_are_in_the_courses_language() -> None:
    rates = PaymentRates.model_validate(load_yaml(ROOT / RATES))
    shown = sources_html(rates, "{says} ({title}; {read_on})", "cy")
    assert "(<a href=" in shown and "; Read on 3 Rhagfyr 2026.)" in shown
    assert "3 December" not in shown
