"""Money for the payment planner: whole pence and Decimal, never floating point; written the
course's way by Babel (content/formats.py), in the catalogue's words.

Plain functions, answer in and result out, so they can be tested without a kernel or a browser.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.numbers import get_decimal_symbol, get_group_symbol

from coproduce.content.formats import format_locale, money
from coproduce.content.payment_rates import PaymentRate
from coproduce.content.payment_words import PaymentPlannerText, UnitText
from coproduce.content.plurals import plural as plural_form
from coproduce.text.clean import clean_text

MAX_PEOPLE = 200
MAX_UNITS = 500
MAX_EXPENSE_PENCE = 100_000_00  # 100,000 pounds for one expense is already far beyond a project
_AMOUNT = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)$")
_NEGATIVE = re.compile("^[-\u2212\u2013(]")
_IGNORED = re.compile("[\\s\u00a3\u20ac$]|gbp|eur|usd", re.IGNORECASE)
_GROUPED = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")  # 1,234 or 1.234.567: thousands, no decimals


def to_pence(amount: object) -> int:
    """An amount in pounds (number or text) as whole pence, a half penny rounding up."""
    if isinstance(amount, bool):
        raise ValueError("not an amount")
    try:
        value = Decimal(str(amount))
    except InvalidOperation as error:
        raise ValueError("not an amount") from error
    if not value.is_finite():
        raise ValueError("not an amount")
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def pence_text(pence: int, language: str = "") -> str:
    """Pence as a plain amount: '12.50' for saving; in a box, with the language's decimal mark
    ('12,50' in Polish), so that it reads back as it was typed."""
    pounds, rest = divmod(max(0, pence), 100)
    mark = get_decimal_symbol(format_locale(language)) if language else "."
    return f"{pounds}{mark}{rest:02d}"


def _plain_number(text: str, language: str) -> str:
    """A typed amount with '.' as its decimal mark and no grouping: the language's own marks
    ('1.234,50' in German, '1,234.50' in English); a number grouped in threes only
    ('1,234') is whole; and the other language's decimal mark alone ('12,50' typed on an
    English page, '12.50' on a Polish one) is read kindly as a decimal mark too."""
    found = format_locale(language or "en")  # any tag, the pseudo-locale's en-XA too
    decimal, group = get_decimal_symbol(found), get_group_symbol(found)
    if decimal in ".," and decimal in text:
        whole, _, fraction = text.rpartition(decimal)
        return (whole.replace(group, "") if group in ".," else whole) + "." + fraction
    if _GROUPED.match(text):
        return text.replace(".", "").replace(",", "")
    other = "," if decimal == "." else "."
    return text.replace(other, ".") if text.count(other) == 1 else text


@dataclass(frozen=True)
class AmountCheck:
    ok: bool
    pence: int  # 0 unless ok
    problem: str  # why not, when not ok: "not_a_number", "below_zero" or "too_large"

    def message(self, words: PaymentPlannerText, currency: str, language: str) -> str:
        """A kind message when not ok, in the course's words (`payment_planner:`)."""
        if self.ok:
            return ""
        if self.problem == "too_large":
            return words.too_large.format(most=money(MAX_EXPENSE_PENCE, currency, language))
        return words.below_zero if self.problem == "below_zero" else words.not_a_number


def parse_amount(raw: object, language: str = "") -> AmountCheck:
    """What a learner typed in an amount box, in `language`'s way of writing numbers (a saved
    amount has none: '12.50'). Empty means nothing; below zero is refused."""
    not_a_number = AmountCheck(False, 0, "not_a_number")
    if raw is None:
        return AmountCheck(True, 0, "")
    if isinstance(raw, bool) or not isinstance(raw, str | int | float | Decimal):
        return not_a_number
    if isinstance(raw, str) and len(raw) > 40:
        return not_a_number
    text = clean_text(raw, 40).text.strip() if isinstance(raw, str) else str(raw)
    if not text:
        return AmountCheck(True, 0, "")
    if _NEGATIVE.match(text):
        return AmountCheck(False, 0, "below_zero")
    number = _plain_number(_IGNORED.sub("", text), language)
    if not _AMOUNT.match(number):
        return not_a_number
    pence = to_pence(number)
    if pence > MAX_EXPENSE_PENCE:
        return AmountCheck(False, 0, "too_large")
    return AmountCheck(True, pence, "")


def clean_count(raw: object, maximum: int) -> int:
    """A whole number from 0 to maximum; anything else becomes 0 (or the maximum if too big)."""
    if isinstance(raw, bool) or not isinstance(raw, int):
        return 0
    return min(max(raw, 0), maximum)


def count_problem(raw: object, maximum: int, text: str) -> str:
    """A kind message when a count is at its limit, else nothing; `text` holds {count}."""
    if isinstance(raw, int) and not isinstance(raw, bool) and raw >= maximum:
        return text.format(count=maximum)
    return ""


@dataclass(frozen=True)
class PlanRow:
    rate_id: str
    people: int
    units: int

    def as_answer(self) -> dict[str, object]:
        return {"rate": self.rate_id, "people": self.people, "units": self.units}


def clean_rows(raw: object, rates: Sequence[PaymentRate], max_rows: int) -> list[PlanRow]:
    """Saved rows made safe: known rates only, counts within limits, no more than max_rows."""
    if not isinstance(raw, list):
        return []
    known = {rate.id for rate in rates}
    rows = []
    for item in raw[: max_rows * 4]:
        if not isinstance(item, dict) or not isinstance(item.get("rate"), str):
            continue
        if item["rate"] not in known:
            continue
        rows.append(
            PlanRow(
                str(item["rate"]),
                clean_count(item.get("people"), MAX_PEOPLE),
                clean_count(item.get("units"), MAX_UNITS),
            )
        )
    return rows[:max_rows]


def clean_expenses(raw: object, expense_types: Sequence[str]) -> dict[str, int]:
    """Saved expenses made safe: known types only, valid amounts only, in pence."""
    if not isinstance(raw, dict):
        return {}
    expenses = {}
    for name in expense_types:
        checked = parse_amount(raw.get(name))
        if checked.ok and checked.pence:
            expenses[name] = checked.pence
    return expenses


def clean_recognition(raw: object, options: Sequence[str]) -> list[str]:
    """Saved recognition choices made safe: known options only, in the course's order."""
    if not isinstance(raw, list):
        return []
    chosen = {item for item in raw if isinstance(item, str)}
    return [option for option in options if option in chosen]


def rate_pence(rate: PaymentRate) -> int:
    return to_pence(rate.amount)


def row_pence(row: PlanRow, rates: Sequence[PaymentRate]) -> int:
    rate = next((rate for rate in rates if rate.id == row.rate_id), None)
    if rate is None:
        return 0
    people = clean_count(row.people, MAX_PEOPLE)
    units = clean_count(row.units, MAX_UNITS)
    return rate_pence(rate) * people * units


@dataclass(frozen=True)
class Money:
    """How the course writes money and its rates: its currency, language and words."""

    currency: str
    language: str
    words: PaymentPlannerText
    units: Mapping[str, UnitText]  # the catalogue's payment_units, by the rates file's unit

    def __call__(self, pence: int) -> str:
        return money(pence, self.currency, self.language)

    def unit(self, rate: PaymentRate) -> UnitText:
        """The unit's words; `coproduce check` makes sure every rate's unit has them."""
        return self.units[rate.unit]

    def units_of(self, rate: PaymentRate, count: int) -> str:
        """'2 hours', by the language's plural rules."""
        return plural_form(self.unit(rate).count, count, self.language).format(count=count)


def rate_label(rate: PaymentRate, written: Money, example: str) -> str:
    """'A short task: £13.80 a task (example)': `example` follows a rate no source gives."""
    words = written.words
    price = words.rate.format(
        activity=rate.activity, price=written(rate_pence(rate)), per_unit=written.unit(rate).per
    )
    return price if rate.verified else words.not_checked.format(rate=price, example=example)


def row_sentence(row: PlanRow, rates: Sequence[PaymentRate], written: Money) -> str:
    """'3 people, 2 hours each, at £27.50 an hour: £165.00', in the catalogue's words."""
    rate = next((rate for rate in rates if rate.id == row.rate_id), None)
    if rate is None:
        return ""
    words = written.words
    people = plural_form(words.people, row.people, written.language).format(count=row.people)
    return words.row.format(
        people=people,
        units=words.units_each.format(units=written.units_of(rate, row.units)),
        price=written(rate_pence(rate)),
        per_unit=written.unit(rate).per,
        cost=written(row_pence(row, rates)),
    )


@dataclass(frozen=True)
class PlanTotal:
    payments: int
    expenses: int

    @property
    def total(self) -> int:
        return self.payments + self.expenses


def plan_total(
    rows: Sequence[PlanRow], expenses: dict[str, int], rates: Sequence[PaymentRate]
) -> PlanTotal:
    payments = sum(row_pence(row, rates) for row in rows)
    spent = sum(pence for pence in expenses.values() if isinstance(pence, int) and pence > 0)
    return PlanTotal(payments, spent)


def total_lines(total: PlanTotal, written: Money) -> list[str]:
    words = written.words
    return [
        words.payments_total.format(amount=written(total.payments)),
        words.expenses_total.format(amount=written(total.expenses)),
        words.total.format(amount=written(total.total)),
    ]


def plan_answer(
    rows: Sequence[PlanRow], expenses: dict[str, int], recognition: Sequence[str]
) -> dict[str, object]:
    """What is saved: rows, expenses as '12.50' text by type, recognition by its words."""
    return {
        "rows": [row.as_answer() for row in rows],
        "expenses": {name: pence_text(pence) for name, pence in expenses.items() if pence > 0},
        "recognition": list(recognition),
    }
