"""Money, days and clock times written the way of the course's language, by Babel (CLDR data):
"£1,234.50", "3 December 2026" and "09:30" in English, "3 Rhagfyr 2026" in Welsh.

A language tag without a region is written as its language is in Great Britain when Babel knows
that (`en` as `en-GB`, `cy` as `cy-GB`: the kit's home), else as its language's own (`ur`). A
course elsewhere names its region in course.yml (`en-IE`, `en-US`). Machine columns (a CSV's
times, what is saved) stay ISO and are never written through here.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.numbers import (
    format_currency,
    format_decimal,
    format_percent,
    get_currency_symbol,
)

from coproduce.content.language import locale

HOME_REGION = "GB"


@cache
def format_locale(language: str) -> Locale:
    """Babel's locale for writing numbers, days and times in `language`."""
    try:
        found = locale(language)
    except ValueError:
        found = Locale("en")  # an unknown tag is the checker's to report; the page still shows
    if found.territory:
        return found
    try:
        return Locale.parse(f"{found.language}_{HOME_REGION}")
    except (ValueError, UnknownLocaleError):
        return found


def money(pence: int, currency: str, language: str) -> str:
    """An amount held in the currency's hundredths: 1380 is "£13.80" in English."""
    amount = Decimal(pence) / 100
    return format_currency(amount, currency, locale=format_locale(language))


def currency_symbol(currency: str, language: str) -> str:
    """The symbol for GBP is "£"; a currency without one in the language is written as its code."""
    return get_currency_symbol(currency, locale=format_locale(language))


def day(value: date | datetime, language: str) -> str:
    """A day written out: "3 December 2026". A moment is its day where the course runs."""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return format_date(value, format="long", locale=format_locale(language))


def clock(value: time | datetime, language: str) -> str:
    """A clock time, short: "09:30". A moment is written in the course's own time zone."""
    if isinstance(value, datetime):
        value = value.astimezone().time()
    return format_time(value, format="short", locale=format_locale(language))


def number(value: float, language: str) -> str:
    """A number as the language writes it: "2.5" in English, "2,5" in a language with a decimal
    comma; a whole number without decimals."""
    return format_decimal(value, locale=format_locale(language))


def percent(whole: float, language: str) -> str:
    """A percentage given as a number from 0 to 100, the language's way: "60%" in English."""
    return format_percent(whole / 100, locale=format_locale(language))
