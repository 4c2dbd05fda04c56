"""A module's sources, as data: what each is, who made it, when, and where to read it.

Learners see them under "Find out more" in the app, the static site and the workbook
(content/find_out_more.py).
"""

from __future__ import annotations

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


def references_text(references: Sequence[Reference]) -> str:
    """The sentences a learner reads about the sources, for the plain-language check."""
    return "\n\n".join(reference.about for reference in references if reference.about)
