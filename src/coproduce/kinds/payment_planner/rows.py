"""One row of the payment plan: an activity, how many people and how many units each."""

from __future__ import annotations

import ipywidgets as widgets

from coproduce.content.payment_rates import PaymentRate, PaymentRates
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import paragraphs
from coproduce.kinds.payment_planner.checks import (
    MAX_PEOPLE,
    MAX_UNITS,
    Money,
    PlanRow,
    rate_label,
    row_sentence,
)

# Given where each control is made, so that it goes with the control's first message.
FIELD = ("cp-pay-field",)


class RowControls:
    """One row of the plan: an activity, how many people and how many units each."""

    def __init__(
        self,
        number: int,
        rates: PaymentRates,
        row: PlanRow,
        written: Money,
    ) -> None:
        self.rates = rates
        self.number = number
        self.written = written
        self.words = words = written.words
        options = [
            (rate_label(rate, written, rates.words.example), rate.id) for rate in rates.rates
        ]
        style = light.wide_label(widgets.Dropdown)  # the same for the number boxes
        self.activity = widgets.Dropdown(
            options=options,
            value=row.rate_id,
            description=words.activity.format(number=number),
            style=style,
            layout=light.full_width(),
            _dom_classes=FIELD,
        )
        self.people = widgets.BoundedIntText(
            value=row.people,
            min=0,
            max=MAX_PEOPLE,
            description=words.people_label.format(number=number),
            style=style,
            _dom_classes=FIELD,
        )
        self.units = widgets.BoundedIntText(
            value=row.units,
            min=0,
            max=MAX_UNITS,
            description=self._units_label(row.rate_id),
            style=style,
            _dom_classes=FIELD,
        )
        self.cost = light.HTML(classes=["cp-pay-row-cost"])
        counts = light.HBox([self.people, self.units], classes=["cp-pay-counts"])
        self.box = light.VBox([self.activity, counts, self.cost], classes=["cp-pay-row"])
        self.refresh()

    def _rate(self, rate_id: str) -> PaymentRate:
        return next((rate for rate in self.rates.rates if rate.id == rate_id), self.rates.rates[0])

    def _units_label(self, rate_id: str) -> str:
        unit = self.written.unit(self._rate(rate_id))
        return self.words.units_label.format(units=unit.label, number=self.number)

    @property
    def row(self) -> PlanRow:
        return PlanRow(str(self.activity.value), int(self.people.value), int(self.units.value))

    def refresh(self) -> None:
        self.units.description = self._units_label(str(self.activity.value))
        # A phone cuts a long activity short inside the list, so it is written out in full here.
        self.cost.value = paragraphs(
            [self._rate(str(self.activity.value)).activity], "cp-pay-row-activity"
        ) + paragraphs([row_sentence(self.row, self.rates.rates, self.written)])

    def set(self, row: PlanRow) -> None:
        self.activity.value = row.rate_id
        self.people.value = row.people
        self.units.value = row.units
        self.refresh()
