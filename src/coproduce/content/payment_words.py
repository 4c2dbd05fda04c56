"""The payment planner's words in course/interface.yml: its own (`payment_planner:`), and each
unit a rate is paid by (`payment_units:`, keyed by the rates file's `unit:`), with the words a
unit takes that Python cannot make in every language: its count, its price's "per", its name."""

from __future__ import annotations

from typing import ClassVar

from coproduce.content.filled_in import FilledIn
from coproduce.content.plurals import PluralText


class UnitText(FilledIn):
    """One unit of payment ("hour"): "3 hours", "£27.50 an hour", "Hours each"."""

    slots: ClassVar[dict[str, set[str]]] = {"count": {"count"}}
    count: PluralText  # how many, by the number: "{count} hours"
    per: str  # after a price for one: "an hour"
    label: str  # the name of a box of how many: "Hours"


class PaymentPlannerText(FilledIn):
    """The payment planner: rows of paid time, expenses, recognition and the totals, and the
    rates as the planner and the facilitator pack list them. {units} and {per_unit} are a
    unit's words (`payment_units:`, UnitText); {example} and {read_on} the rates file's."""

    slots: ClassVar[dict[str, set[str]]] = {
        "no_rates": {"file"},
        "rows_hint": {"people", "units", "rows"},
        "expense_label": {"name", "currency"},
        "too_many_rows": {"rows"},
        "added": {"number"},
        "removed": {"number"},
        "expense_note": {"name", "message"},
        "activity": {"number"},
        "people_label": {"number"},
        "units_label": {"units", "number"},
        "too_large": {"most"},
        "most_people": {"count"},
        "most_units": {"count"},
        "people": {"count"},
        "units_each": {"units"},
        "row": {"people", "units", "price", "per_unit", "cost"},
        "rate": {"activity", "price", "per_unit"},
        "not_checked": {"rate", "example"},
        "source": {"title", "read_on", "says"},
        "payments_total": {"amount"},
        "expenses_total": {"amount"},
        "total": {"amount"},
    }
    no_rates: str
    add_row: str
    remove_row: str
    recognition: str
    remember: str  # before the exercise's reminder
    time_heading: str
    rows_hint: str
    expenses_heading: str
    expenses_hint: str
    expense_label: str
    too_many_rows: PluralText  # by the most rows a plan has
    added: str
    one_row: str
    removed: str
    expense_note: str
    saved: str
    activity: str
    people_label: str
    units_label: str
    not_a_number: str
    below_zero: str
    too_large: str
    most_people: str
    most_units: str
    people: PluralText  # in a row's sentence, by the number of people
    units_each: str  # {units}: a unit's count, "2 hours"
    row: str
    payments_total: str
    expenses_total: str
    total: str
    rate: str  # one rate in the list of activities and in the pack: "A task: £13.80 a task"
    not_checked: str  # a rate no source gives, with the rates file's word for it
    source: str  # one of the rates' sources: its title, the day it was read, what it says
