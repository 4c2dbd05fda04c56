"""The shape of course/payment-rates.yml: rates, where each comes from, and when it was checked.

No figure without a source: every rate names one of the file's sources, each source says what
was checked in it and on what day, and a rate is marked verified only when its source gives that
amount. The words the planner and the pack put around the rates live in the file too.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Annotated, ClassVar

from pydantic import Field, field_validator, model_validator

from coproduce.content.filled_in import FilledIn
from coproduce.content.formats import day
from coproduce.content.model import EXERCISE_ID, Strict


class RateSource(Strict):
    id: Annotated[str, Field(pattern=EXERCISE_ID)]
    title: str
    url: str = ""  # where to read it; empty for a source that is not published
    read_on: date  # the day someone read it to check this file
    says: str  # what was checked in it, in plain words; what was not, said as plainly

    @field_validator("url")
    @classmethod
    def _is_a_web_address(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError(f"'{value}' is not a web address starting with https://")
        return value


class PaymentRate(Strict):
    id: Annotated[str, Field(pattern=EXERCISE_ID)]
    activity: str
    unit: str
    amount: float = Field(ge=0)
    source: str  # the id of one of the file's sources
    verified: bool = False  # true only when that source gives this amount for this activity


class RatesWords(FilledIn):
    """The words around the rates, in the planner and the facilitator pack."""

    slots: ClassVar[dict[str, set[str]]] = {"checked": {"date"}, "read_on": {"date"}}
    heading: str
    checked: str
    read_on: str
    example: str  # after a rate whose amount no source gives
    change: str


class PaymentRates(Strict):
    currency: str = "GBP"
    checked: date  # the day the whole file was last checked against its sources
    note: str = ""
    words: RatesWords
    sources: list[RateSource] = Field(min_length=1)
    rates: list[PaymentRate] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_rate_has_a_known_source(self) -> PaymentRates:
        known = {source.id: source for source in self.sources}
        if len(known) != len(self.sources):
            raise ValueError("two sources share an id: give each its own")
        if len({rate.id for rate in self.rates}) != len(self.rates):
            raise ValueError("two rates share an id: give each its own")
        for rate in self.rates:
            source = known.get(rate.source)
            if source is None:
                raise ValueError(
                    f"the rate '{rate.id}' names the source '{rate.source}', which is not "
                    f"under sources: use one of {', '.join(known)}"
                )
            if rate.verified and not source.url:
                raise ValueError(
                    f"the rate '{rate.id}' is marked verified, but its source has no web "
                    "address to check it against"
                )
        return self


def sources_html(
    rates: PaymentRates, line: str, language: str, css_class: str = "", heading: bool = True
) -> str:
    """Where the rates come from and when they were checked, as escaped HTML: the planner
    shows it under the plan, the facilitator pack beside the rates. `line` is the catalogue's
    text for one source ("{title}. {read_on} {says}"); days are written in `language`."""
    words = rates.words
    attribute = f' class="{css_class}"' if css_class else ""
    items = []
    for source in rates.sources:
        title = html.escape(source.title)
        if source.url:
            address = html.escape(source.url, quote=True)
            title = f'<a href="{address}" target="_blank" rel="noopener noreferrer">{title}</a>'
        read_on = words.read_on.format(date=day(source.read_on, language))
        said = html.escape(line).format(
            title=title, read_on=html.escape(read_on), says=html.escape(source.says)
        )
        items.append(f"<li>{said}</li>")
    checked = words.checked.format(date=day(rates.checked, language))
    parts = [f"<p{attribute}><strong>{html.escape(words.heading)}</strong></p>"] if heading else []
    parts += [
        f"<p{attribute}>{html.escape(checked)}</p>",
        f"<ul{attribute}>{''.join(items)}</ul>",
    ]
    parts += [
        f"<p{attribute}>{html.escape(text)}</p>" for text in (rates.note, words.change) if text
    ]
    return "".join(parts)
