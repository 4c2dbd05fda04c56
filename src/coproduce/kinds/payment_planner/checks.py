"""Money for the payment planner: whole pence and Decimal, never floating point.

Plain functions, answer in and result out, so they can be tested without a kernel or a browser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from coproduce.content.activity_words import PaymentPlannerText
from coproduce.content.payment_rates import PaymentRate
from coproduce.content.plurals import plural as plural_form
from coproduce.text.clean import clean_text

MAX_PEOPLE = 200
MAX_UNITS = 500
MAX_EXPENSE_PENCE = 100_000_00  # 100,000 pounds for one expense is already far beyond a project
CURRENCY_SYMBOLS = {"GBP": "\u00a3", "EUR": "\u20ac", "USD": "$"}
_AMOUNT = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)$")
_NEGATIVE = re.compile("^[-\u2212\u2013(]")
_IGNORED = re.compile("[\\s,\u00a3\u20ac$]|gbp|eur|usd", re.IGNORECASE)


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


def format_money(pence: int, currency: str = "GBP") -> str:
    """12345 -> '£123.45'; a currency without a symbol is written as its code."""
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), 100)
    number = f"{pounds:,}.{rest:02d}"
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{sign}{symbol}{number}" if symbol else f"{sign}{currency} {number}"


def currency_label(currency: str) -> str:
    """The symbol to show beside an amount box, or the currency's code."""
    return CURRENCY_SYMBOLS.get(currency, currency)


def pence_text(pence: int) -> str:
    """Pence as a plain amount for saving, like '12.50'."""
    pounds, rest = divmod(max(0, pence), 100)
    return f"{pounds}.{rest:02d}"


@dataclass(frozen=True)
class AmountCheck:
    ok: bool
    pence: int  # 0 unless ok
    problem: str  # why not, when not ok: "not_a_number", "below_zero" or "too_large"

    def message(self, words: PaymentPlannerText, currency: str = "GBP") -> str:
        """A kind message when not ok, in the course's words (`payment_planner:`)."""
        if self.ok:
            return ""
        if self.problem == "too_large":
            return words.too_large.format(most=format_money(MAX_EXPENSE_PENCE, currency))
        return words.below_zero if self.problem == "below_zero" else words.not_a_number


def parse_amount(raw: object) -> AmountCheck:
    """What a learner typed in an amount box. Empty means nothing; below zero is refused."""
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
    number = _IGNORED.sub("", text)
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


def plural(count: int, word: str) -> str:
    if count == 1 or word.endswith("s"):
        return word
    return word + "s"


def rate_label(rate: PaymentRate, currency: str, example: str) -> str:
    """'A short task: £13.80 a task (example)': `example` follows a rate no source gives."""
    price = f"{rate.activity}: {format_money(rate_pence(rate), currency)} {per_unit(rate.unit)}"
    return price if rate.verified else f"{price} ({example})"


def per_unit(unit: str) -> str:
    """'a day', 'an hour': how a price for one unit is read."""
    article = "an" if unit[:1].lower() in "aeiou" or unit.lower().startswith("hour") else "a"
    return f"{article} {unit}"


def row_sentence(
    row: PlanRow,
    rates: Sequence[PaymentRate],
    words: PaymentPlannerText,
    language: str,
    currency: str = "GBP",
) -> str:
    """'3 people, 2 hours each, at £27.50 an hour: £165.00'. The unit is the rates file's word
    ("hour"), made plural and given its article here, in English."""
    rate = next((rate for rate in rates if rate.id == row.rate_id), None)
    if rate is None:
        return ""
    people = plural_form(words.people, row.people, language).format(count=row.people)
    units = words.units_each.format(count=row.units, unit=plural(row.units, rate.unit))
    return words.row.format(
        people=people,
        units=units,
        price=format_money(rate_pence(rate), currency),
        per_unit=per_unit(rate.unit),
        cost=format_money(row_pence(row, rates), currency),
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


def total_lines(total: PlanTotal, words: PaymentPlannerText, currency: str = "GBP") -> list[str]:
    return [
        words.payments_total.format(amount=format_money(total.payments, currency)),
        words.expenses_total.format(amount=format_money(total.expenses, currency)),
        words.total.format(amount=format_money(total.total, currency)),
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
