"""A module's sources, as data: what each is, who made it, when, and where to read it.

Learners see them under "Find out more" in the app, the static site and the workbook. A link
starts a new browser tab (the learner app must not be left behind) with rel="noopener noreferrer",
and its name is the source's title, so a screen reader says where it goes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator

_WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"']+$")


class Reference(BaseModel):
    """One source: `title`, `who` made it, the `year` (if known), a `url` (only if checked)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    title: str = Field(min_length=1)
    who: str = Field(min_length=1)
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: str | None = None
    about: str = ""  # a plain sentence on what the learner finds there; held to reading ease

    @field_validator("url")
    @classmethod
    def _is_a_web_address(cls, value: str | None) -> str | None:
        if value is not None and not _WEB_ADDRESS.match(value):
            raise ValueError(f"'{value}' is not a web address like https://www.nihr.ac.uk/")
        return value


def find_out_more_html(
    references: Sequence[Reference], heading: str, new_tab: str, *, on_paper: bool = False
) -> str:
    """The "Find out more" list; '' for a module without sources.

    `new_tab` is read out after each link's title (it is hidden from sight, not from a screen
    reader). `on_paper`: print each web address too, since paper cannot follow a link.
    """
    if not references:
        return ""
    items = "".join(_item(reference, new_tab, on_paper) for reference in references)
    return f'<h3>{html.escape(heading)}</h3><ul class="cp-find-out-more">{items}</ul>'


def _item(reference: Reference, new_tab: str, on_paper: bool) -> str:
    title = html.escape(reference.title)
    if reference.url:
        address = html.escape(reference.url, quote=True)
        hidden = f'<span class="cp-visually-hidden"> ({html.escape(new_tab)})</span>'
        title = f'<a href="{address}" target="_blank" rel="noopener noreferrer">{title}{hidden}</a>'
        if on_paper:
            title += f' <span class="cp-web-address">{html.escape(reference.url)}</span>'
    year = f" ({reference.year})" if reference.year else ""
    about = f" {html.escape(reference.about)}" if reference.about else ""
    return f"<li>{title}. {html.escape(reference.who)}{year}.{about}</li>"


def references_text(references: Sequence[Reference]) -> str:
    """The sentences a learner reads about the sources, for the plain-language check."""
    return "\n\n".join(reference.about for reference in references if reference.about)
