"""Money, days and clock times are Babel's, in the course's language (content/formats.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from coproduce.content.formats import (
    clock,
    currency_symbol,
    day,
    format_locale,
    money,
    number,
    percent,
)

DAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "en_GB"),  # a tag without a region is written as in Great Britain
        ("en-GB", "en_GB"),
        ("cy", "cy_GB"),
        ("ur", "ur"),  # Babel has no ur_GB: Urdu's own
        ("en-US", "en_US"),  # a region the course names is kept
        ("en-XA", "en_GB"),  # the tests' pseudo-locale, a region Babel lacks
        ("not a tag", "en_GB"),  # the checker reports it; the page still shows
    ],
)
def test_the_locale_follows_the_course_language(language: str, written: str) -> None:
    assert str(format_locale(language)) == written


def test_money_in_english_welsh_urdu_and_polish() -> None:
    assert money(2500, "GBP", "en") == "£25.00"
    assert money(123450, "GBP", "en") == "£1,234.50"
    assert money(2500, "GBP", "cy") == "£25.00"  # Welsh writes pounds as English does
    assert money(123450, "GBP", "ur") == "£1,234.50"  # Babel's Urdu keeps Latin digits
    assert money(123450, "GBP", "pl") == "1\xa0234,50\xa0GBP"  # another language's way
    assert money(-250, "GBP", "en") == "-£2.50"
    assert money(5, "EUR", "en") == "€0.05"


def test_a_currency_symbol_or_its_code() -> None:
    assert currency_symbol("GBP", "en") == "£"
    assert currency_symbol("CHF", "en") == "CHF"
    assert currency_symbol("GBP", "pl") == "GBP"


def test_days_in_english_welsh_and_urdu() -> None:
    assert day(DAY, "en") == "3 December 2026"
    assert day(DAY, "cy") == "3 Rhagfyr 2026"
    assert day(DAY, "ur") == "3 دسمبر، 2026"
    assert day(DAY, "en-US") == "December 3, 2026"


def test_clock_times_in_english_welsh_and_urdu() -> None:
    assert clock(time(9, 30), "en") == "09:30"
    assert clock(time(14, 5), "cy") == "14:05"
    assert clock(time(14, 5), "ur") == "2:05 PM"  # as Babel's Urdu writes it


def test_a_moment_is_written_where_the_course_runs() -> None:
    moment = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
    assert clock(moment, "en") == clock(moment.astimezone().time(), "en")
    assert day(moment, "cy") == day(moment.astimezone().date(), "cy")


def test_numbers_and_percentages_are_the_languages() -> None:
    assert [number(2.5, "en"), number(3.0, "en"), number(2.5, "pl")] == ["2.5", "3", "2,5"]
    assert percent(60, "en") == "60%" and percent(60, "cy") == "60%"
    assert percent(60, "pl") == "60%" and percent(7, "de") == "7\xa0%"
