"""The payment planner's money: whole pence, kind refusals, safe restoring of saved plans."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from coproduce.content.interface import InterfaceText
from coproduce.content.payment_rates import PaymentRate, PaymentRates
from coproduce.content.yaml_lines import load_yaml
from coproduce.kinds.payment_planner.checks import (
    MAX_EXPENSE_PENCE,
    MAX_PEOPLE,
    MAX_UNITS,
    Money,
    PlanRow,
    clean_count,
    clean_expenses,
    clean_recognition,
    clean_rows,
    count_problem,
    parse_amount,
    pence_text,
    plan_answer,
    plan_total,
    rate_label,
    row_pence,
    row_sentence,
    to_pence,
    total_lines,
)

from .course_words import words

WORDS = words().payment_planner
UNITS = words().payment_units
MONEY = Money("GBP", "en", WORDS, UNITS)

ROOT = Path(__file__).resolve().parents[2]
RATES = [
    PaymentRate(id="hourly", activity="A meeting", unit="hour", amount=27.5, source="test"),
    PaymentRate(id="task", activity="A short task", unit="task", amount=13.8, source="test"),
    PaymentRate(id="day", activity="A full day", unit="day", amount=0.1, source="test"),
]


def test_amounts_become_exact_pence() -> None:
    assert to_pence(13.8) == 1380
    assert to_pence("0.1") == 10
    assert to_pence(Decimal("2.005")) == 201
    assert to_pence(495) == 49500
    # Floating point would give 0.30000000000000004 for three 10p items; pence do not.
    assert row_pence(PlanRow("day", 3, 1), RATES) == 30


@pytest.mark.parametrize("bad", [True, "abc", float("nan"), float("inf"), None])
def test_to_pence_refuses_what_is_not_an_amount(bad: object) -> None:
    with pytest.raises(ValueError):
        to_pence(bad)


def test_money_is_written_with_a_symbol_and_separators() -> None:
    assert MONEY(1380) == "\u00a313.80"
    assert MONEY(123456789) == "\u00a31,234,567.89"
    assert Money("EUR", "en", WORDS, UNITS)(5) == "\u20ac0.05"
    assert MONEY(-250) == "-\u00a32.50"
    assert Money("CHF", "en", WORDS, UNITS)(100) == "CHF1.00"  # as Babel writes it
    assert pence_text(1250) == "12.50" and pence_text(-5) == "0.00"


@pytest.mark.parametrize(
    ("typed", "pence"),
    [
        ("12.50", 1250),
        ("\u00a312.5", 1250),
        (" 1,200 ", 120000),
        ("7", 700),
        (".5", 50),
        ("3.456", 346),
        ("GBP 40", 4000),
        ("\u0661\u0662", 1200),  # Arabic-Indic digits are digits too
        ("", 0),
        (None, 0),
        (30, 3000),
        (2.5, 250),
    ],
)
def test_amounts_people_type_are_understood(typed: object, pence: int) -> None:
    checked = parse_amount(typed)
    assert checked.ok and checked.pence == pence and checked.message(WORDS, "GBP", "en") == ""


@pytest.mark.parametrize(
    ("typed", "language", "pence"),
    [
        ("12,50", "pl", 1250),  # a decimal comma, as Polish writes it
        ("1\u00a0234,50", "pl", 123450),  # grouped by a no-break space
        ("1.234,50", "de", 123450),
        ("1.234", "de", 123400),  # German groups thousands with a point
        ("12,5", "fr", 1250),
        ("1,234.50", "en", 123450),
        ("1.234", "en", 123),  # English: a decimal point, as before
        ("12,50", "en", 1250),  # the other mark alone is read kindly, not as 1,250
        ("12.50", "pl", 1250),
        ("12,50", "cy", 1250),
    ],
)
def test_amounts_are_read_in_the_learners_way_of_writing_numbers(
    typed: str, language: str, pence: int
) -> None:
    checked = parse_amount(typed, language)
    assert checked.ok and checked.pence == pence


def test_a_restored_amount_is_written_back_with_the_languages_decimal_mark() -> None:
    for language in ("pl", "de", "en"):
        shown = pence_text(123450, language)
        assert shown == ("1234.50" if language == "en" else "1234,50")
        assert parse_amount(shown, language).pence == 123450
    assert parse_amount("1.2.3", "en").problem == "not_a_number"
    assert parse_amount("1,2,3,4", "pl").problem == "not_a_number"


@pytest.mark.parametrize("typed", ["-5", "\u22125", "(12.00)", -3, -0.01])
def test_negative_amounts_are_refused_kindly(typed: object) -> None:
    checked = parse_amount(typed)
    assert not checked.ok and checked.pence == 0
    assert checked.message(WORDS, "GBP", "en").startswith("An amount cannot be less than zero.")


@pytest.mark.parametrize(
    "typed",
    [
        "ten pounds",
        "12.50.1",
        "<script>alert(1)</script>",
        "\U0001f4b7",
        "\u05e9\u05dc\u05d5\u05dd",
        "1e5",
        "nan",
        "Infinity",
        "9" * 5000,
        True,
        [12],
        {"amount": 12},
        float("nan"),
    ],
)
def test_things_that_are_not_amounts_get_a_kind_message(typed: object) -> None:
    checked = parse_amount(typed)
    assert not checked.ok and checked.pence == 0
    assert checked.message(WORDS, "GBP", "en") == "Please type a number, like 12.50."


def test_absurd_amounts_are_questioned_not_counted() -> None:
    assert parse_amount(pence_text(MAX_EXPENSE_PENCE)).ok
    checked = parse_amount("100000.01")
    assert not checked.ok and "very large" in checked.message(WORDS, "GBP", "en")
    assert "\u00a3100,000.00" in checked.message(WORDS, "GBP", "en")
    assert not parse_amount("99999999999999999999").ok


def test_control_characters_in_an_amount_are_dropped() -> None:
    assert parse_amount("1\x002.5\x07").pence == 1250


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(3, 3), (-4, 0), (10**9, 200), (True, 0), ("7", 0), (2.5, 0), (None, 0)],
)
def test_counts_are_whole_numbers_within_limits(raw: object, expected: int) -> None:
    assert clean_count(raw, MAX_PEOPLE) == expected


def test_a_count_at_its_limit_gets_a_kind_note() -> None:
    assert count_problem(MAX_UNITS, MAX_UNITS, WORDS.most_units).startswith("500 units is the most")
    assert count_problem(3, MAX_UNITS, WORDS.most_units) == ""
    assert count_problem("500", MAX_UNITS, WORDS.most_units) == ""


def test_a_plan_adds_up_in_pence() -> None:
    rows = [PlanRow("hourly", 3, 2), PlanRow("task", 10, 1)]
    total = plan_total(rows, {"Travel": 4550, "Food": 0}, RATES)
    assert total.payments == 3 * 2 * 2750 + 10 * 1380
    assert total.expenses == 4550
    assert total.total == 16500 + 13800 + 4550
    assert total_lines(total, MONEY) == [
        "Payment for time: \u00a3303.00",
        "Expenses: \u00a345.50",
        "Total: \u00a3348.50",
    ]


def test_a_row_reads_as_a_sentence() -> None:
    assert row_sentence(PlanRow("hourly", 3, 2), RATES, MONEY) == (
        "3 people, 2 hours each, at \u00a327.50 an hour: \u00a3165.00"
    )
    assert row_sentence(PlanRow("task", 1, 1), RATES, MONEY).startswith("1 person, 1 task each")
    assert row_sentence(PlanRow("gone", 1, 1), RATES, MONEY) == ""


def test_saved_rows_are_cleaned_on_restore() -> None:
    raw = [
        {"rate": "hourly", "people": 2, "units": 3},
        {"rate": "<script>", "people": 1, "units": 1},
        {"rate": "task", "people": -5, "units": 10**12},
        "not a row",
        {"rate": "day", "people": True, "units": "4"},
        {"rate": ["hourly"], "people": 1, "units": 1},
    ]
    rows = clean_rows(raw, RATES, max_rows=8)
    assert rows == [
        PlanRow("hourly", 2, 3),
        PlanRow("task", 0, MAX_UNITS),
        PlanRow("day", 0, 0),
    ]
    assert len(clean_rows([{"rate": "task", "people": 1, "units": 1}] * 100, RATES, 4)) == 4
    assert clean_rows("rows", RATES, 4) == [] and clean_rows(None, RATES, 4) == []


def test_saved_expenses_and_recognition_are_cleaned_on_restore() -> None:
    expenses = clean_expenses(
        {"Travel": "12.50", "Food": "-3", "Venue": "x" * 100_000, "Hacker": "5", "Signers": 7},
        ["Travel", "Food", "Venue", "Signers"],
    )
    assert expenses == {"Travel": 1250, "Signers": 700}
    assert clean_expenses(["Travel"], ["Travel"]) == {}
    options = ["Certificates", "Named in outputs"]
    assert clean_recognition(["Named in outputs", "Certificates", "<b>x</b>", 3], options) == [
        "Certificates",
        "Named in outputs",
    ]
    assert clean_recognition("Certificates", options) == []


def test_the_saved_answer_has_rows_expenses_and_recognition() -> None:
    answer = plan_answer([PlanRow("hourly", 2, 3)], {"Travel": 1250, "Food": 0}, ["Certificates"])
    assert answer == {
        "rows": [{"rate": "hourly", "people": 2, "units": 3}],
        "expenses": {"Travel": "12.50"},
        "recognition": ["Certificates"],
    }


def test_the_course_rates_are_dated_sourced_and_flagged_as_examples() -> None:
    rates = PaymentRates.model_validate(load_yaml(ROOT / "course" / "payment-rates.yml"))
    assert rates.currency == "GBP"
    assert rates.checked >= date(2025, 12, 16)
    assert "examples" in rates.note and "check" in rates.note.lower()
    sources = {source.id: source for source in rates.sources}
    assert "16 December 2025" in sources["nihr-rise-2025"].says
    assert "£13.80" in sources["nihr-range-2025"].says and "£495" in sources["nihr-range-2025"].says
    for source in rates.sources:
        assert source.read_on <= rates.checked, source.id
    # No amount is claimed as NIHR's own unless its source gives it; today none is.
    for rate in rates.rates:
        assert rate.verified or rate.source == "course-example", rate.id
    amounts = sorted(to_pence(rate.amount) for rate in rates.rates)
    assert amounts[0] == 1380 and amounts[-1] == 49500


def test_a_price_for_one_unit_reads_naturally() -> None:
    assert rate_label(RATES[0], MONEY, "example") == "A meeting: \u00a327.50 an hour (example)"
    assert rate_label(RATES[1], MONEY, "example").endswith(": \u00a313.80 a task (example)")


def test_the_people_in_a_row_take_their_plural_form() -> None:
    welsh = WORDS.model_copy(update={"people": {"two": "dau berson", "other": "{count} o bobl"}})
    written = Money("GBP", "cy", welsh, UNITS)
    assert row_sentence(PlanRow("hourly", 2, 1), RATES, written).startswith("dau berson, ")
    assert row_sentence(PlanRow("hourly", 7, 1), RATES, written).startswith("7 o bobl, ")


def test_a_unit_and_its_price_are_the_catalogues_in_each_language() -> None:
    """The unit's count, its "per" and its box's name were English made in Python ("an hour",
    "hours"); now each language's catalogue says them, and Babel writes the money."""
    for language, row, label in [
        ("cy", "tri pherson, 2 awr yr un, am £27.50 yr awr: £165.00", "Oriau"),
        ("ur", "3 لوگ، ہر ایک کے 2 گھنٹے، £27.50 فی گھنٹہ کے حساب سے: £165.00", "گھنٹے"),
    ]:
        catalogue = InterfaceText.model_validate(
            load_yaml(ROOT / "course" / f"interface.{language}.yml")
        )
        written = Money("GBP", language, catalogue.payment_planner, catalogue.payment_units)
        assert row_sentence(PlanRow("hourly", 3, 2), RATES, written) == row
        assert written.unit(RATES[0]).label == label
    urdu = InterfaceText.model_validate(load_yaml(ROOT / "course" / "interface.ur.yml"))
    one = Money("GBP", "ur", urdu.payment_planner, urdu.payment_units).units_of(RATES[0], 1)
    assert one == "1 گھنٹہ"
