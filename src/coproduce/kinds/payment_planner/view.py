"""Plan what involving public contributors costs: time, expenses and other ways to say thanks."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from coproduce.content.formats import currency_symbol
from coproduce.content.model import PaymentPlanner
from coproduce.content.payment_rates import sources_html
from coproduce.content.plurals import plural
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.choice_group import ChoiceGroup
from coproduce.kinds.common.frame import (
    ExerciseContext,
    SaveAnswer,
    button,
    exercise_frame,
    paragraphs,
)
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.kinds.payment_planner.checks import (
    MAX_PEOPLE,
    MAX_UNITS,
    Money,
    PlanRow,
    clean_expenses,
    clean_recognition,
    clean_rows,
    count_problem,
    parse_amount,
    pence_text,
    plan_answer,
    plan_total,
    total_lines,
)
from coproduce.kinds.payment_planner.rows import RowControls

RATES_FILE = "course/payment-rates.yml"


class PaymentPlannerView:
    """Saves on each change; money is counted in whole pence."""

    def __init__(
        self, exercise: PaymentPlanner, save: SaveAnswer, context: ExerciseContext
    ) -> None:
        self.exercise = exercise
        self._save = save
        self._quiet = False
        self._language = context.language
        self.words = words = context.content.interface.payment_planner
        rates = context.content.payment_rates
        self.status = LiveMessage()
        if rates is None:
            self.rates = None
            missing = words.no_rates.format(file=RATES_FILE)
            self.status.html = paragraphs([missing], "cp-note")
            self.widget = exercise_frame(exercise.title, [self.status])
            return
        self.rates = rates
        units = context.content.interface.payment_units
        self.written = Money(rates.currency, self._language, words, units)
        self.rows: list[RowControls] = []
        self.rows_box = light.VBox(classes=["cp-pay-rows"])
        self.add_button = button(words.add_row)
        self.remove_button = button(words.remove_row)
        self.add_button.on_click(lambda _: self.add_row())
        self.remove_button.on_click(lambda _: self.remove_row())
        actions = light.HBox([self.add_button, self.remove_button], classes=["cp-actions"])

        self.expenses: dict[str, widgets.Text] = {}
        for name in exercise.expense_types:
            box = light.Text(
                description=words.expense_label.format(
                    name=exercise.shown("expense_types", name),
                    currency=currency_symbol(rates.currency, self._language),
                ),
                continuous_update=False,
                style=light.wide_label(light.Text),
                classes=["cp-pay-field", "cp-pay-expense"],
            )
            box.observe(self._on_expense, "value")
            self.expenses[name] = box
        self.expense_notes = light.HTML(classes=["cp-pay-expense-notes"])

        self.recognition = ChoiceGroup(
            legend=words.recognition,
            options=exercise.shown_all("recognition_options", exercise.recognition_options),
            multiple=True,
            classes=["cp-pay-recognition"],
        )
        self.recognition.observe(self._on_change, "value")

        self.total = LiveMessage(classes=["cp-pay-total"])
        reminder = light.HTML(
            f'<p class="cp-pay-reminder"><strong>{html.escape(words.remember)}</strong> '
            f"{html.escape(exercise.reminder)}</p>"
        )
        # Where each rate comes from and when it was checked, in the rates file's words around
        # the catalogue's; each day written the course's way.
        source = light.HTML(sources_html(rates, words.source, self._language, "cp-pay-source"))
        self.widget = exercise_frame(
            exercise.title,
            [
                light.HTML(paragraphs([exercise.prompt])),
                light.HTML(f'<h4 class="cp-pay-heading">{html.escape(words.time_heading)}</h4>'),
                light.HTML(
                    paragraphs(
                        [
                            words.rows_hint.format(
                                people=MAX_PEOPLE, units=MAX_UNITS, rows=exercise.max_rows
                            )
                        ],
                        "cp-pay-hint",
                    )
                ),
                self.rows_box,
                actions,
                light.HTML(
                    f'<h4 class="cp-pay-heading">{html.escape(words.expenses_heading)}</h4>'
                ),
                light.HTML(paragraphs([words.expenses_hint], "cp-pay-hint")),
                *self.expenses.values(),
                self.expense_notes,
                self.recognition,
                self.total,
                reminder,
                self.status,
                source,
            ],
            classes=["cp-pay"],
        )
        self._set_rows([self._new_row()])
        self._show_total()

    # Rows

    def _new_row(self) -> PlanRow:
        assert self.rates is not None
        return PlanRow(self.rates.rates[0].id, 1, 1)

    def _set_rows(self, rows: list[PlanRow]) -> None:
        assert self.rates is not None
        while len(self.rows) > len(rows):
            self._drop_last()
        for index, row in enumerate(rows):
            if index < len(self.rows):
                self.rows[index].set(row)
            else:
                self._append(row)
        self.rows_box.children = [controls.box for controls in self.rows]

    def _append(self, row: PlanRow) -> None:
        assert self.rates is not None
        controls = RowControls(len(self.rows) + 1, self.rates, row, self.written)
        for control in (controls.activity, controls.people, controls.units):
            control.observe(self._on_row_change, "value")
        self.rows.append(controls)

    def _drop_last(self) -> None:
        controls = self.rows.pop()
        for control in (controls.activity, controls.people, controls.units):
            control.unobserve(self._on_row_change, "value")

    def add_row(self) -> None:
        if len(self.rows) >= self.exercise.max_rows:
            most = self.exercise.max_rows
            room = plural(self.words.too_many_rows, most, self._language).format(rows=most)
            self.status.html = paragraphs([room], "cp-note")
            return
        self._append(self._new_row())
        self.rows_box.children = [controls.box for controls in self.rows]
        self._changed(self.words.added.format(number=len(self.rows)))

    def remove_row(self) -> None:
        if len(self.rows) <= 1:
            self.status.html = paragraphs([self.words.one_row], "cp-note")
            return
        self._drop_last()
        self.rows_box.children = [controls.box for controls in self.rows]
        self._changed(self.words.removed.format(number=len(self.rows) + 1))

    # Changes

    def _on_row_change(self, change: dict[str, Any]) -> None:
        for controls in self.rows:
            if change["owner"] in (controls.activity, controls.people, controls.units):
                controls.refresh()
                limit = ""
                if change["owner"] is controls.people:
                    limit = count_problem(change["new"], MAX_PEOPLE, self.words.most_people)
                elif change["owner"] is controls.units:
                    limit = count_problem(change["new"], MAX_UNITS, self.words.most_units)
                if limit and not self._quiet:
                    self._changed(limit)
                    return
        self._on_change(change)

    def _on_expense(self, _change: dict[str, Any]) -> None:
        # The note is also said in the status, so a screen reader hears why an amount is left out.
        notes = self._show_expense_notes()
        if not self._quiet:
            self._changed(" ".join(notes))

    def _on_change(self, _change: dict[str, Any]) -> None:
        if not self._quiet:
            self._changed("")

    def _show_expense_notes(self) -> list[str]:
        assert self.rates is not None
        notes = []
        for name, box in self.expenses.items():
            checked = parse_amount(box.value, self._language)
            if not checked.ok:
                message = checked.message(self.words, self.rates.currency, self._language)
                shown = self.exercise.shown("expense_types", name)
                notes.append(self.words.expense_note.format(name=shown, message=message))
        self.expense_notes.value = paragraphs(notes, "cp-note")
        return notes

    def _expense_pence(self) -> dict[str, int]:
        assert self.rates is not None
        amounts = {}
        for name, box in self.expenses.items():
            checked = parse_amount(box.value, self._language)
            if checked.ok and checked.pence:
                amounts[name] = checked.pence
        return amounts

    def _recognition(self) -> list[str]:
        options = self.exercise.recognition_options
        return [options[i] for i in self.recognition.value if 0 <= i < len(options)]

    def _plan_rows(self) -> list[PlanRow]:
        """The rows as the boxes hold them, checked again: the page can change a box's limits."""
        assert self.rates is not None
        raw = [controls.row.as_answer() for controls in self.rows]
        return clean_rows(raw, self.rates.rates, self.exercise.max_rows)

    def _show_total(self) -> None:
        assert self.rates is not None
        rows = self._plan_rows()
        total = plan_total(rows, self._expense_pence(), self.rates.rates)
        lines = total_lines(total, self.written)
        self.total.html = paragraphs(lines[:-1]) + paragraphs(lines[-1:], "cp-pay-grand")

    def _changed(self, message: str) -> None:
        self._show_total()
        self.save_now(message)

    def answer(self) -> dict[str, Any]:
        return plan_answer(self._plan_rows(), self._expense_pence(), self._recognition())

    def save_now(self, message: str = "") -> None:
        problem = self._save(self.exercise.id, self.answer())
        if problem:
            self.status.html = paragraphs([problem], "cp-note")
        else:
            self.status.html = paragraphs([message, self.words.saved], "cp-saved")

    def restore(self, answer: dict[str, Any]) -> None:
        if self.rates is None or not isinstance(answer, dict):
            return
        self._quiet = True
        try:
            rows = clean_rows(answer.get("rows"), self.rates.rates, self.exercise.max_rows)
            self._set_rows(rows or [self._new_row()])
            expenses = clean_expenses(answer.get("expenses"), self.exercise.expense_types)
            for name, box in self.expenses.items():
                box.value = pence_text(expenses[name], self._language) if name in expenses else ""
            self._show_expense_notes()
            options = self.exercise.recognition_options
            chosen = clean_recognition(answer.get("recognition"), options)
            self.recognition.value = [options.index(option) for option in chosen]
        finally:
            self._quiet = False
        self._show_total()
