"""The shape of course/techniques.yml: the technique cards, a small handbook of power sharing.

One card per technique: when to use it, how long it takes, its steps, how to run it online and
where it comes from. The labels printed on every card live in the file too, never in Python.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, field_validator, model_validator

from coproduce.content.filled_in import FilledIn
from coproduce.content.model import EXERCISE_ID, Strict


class CardWords(FilledIn):
    """The fixed words on the cards and around them."""

    slots: ClassVar[dict[str, set[str]]] = {"minutes": {"minutes"}}
    heading: str
    intro: str
    when: str
    minutes: str
    steps: str
    online: str
    source: str


class Technique(Strict):
    id: Annotated[str, Field(pattern=EXERCISE_ID)]
    name: str = Field(min_length=1)
    when: str = Field(min_length=1)
    minutes: int = Field(ge=1)
    timing: str = ""  # a few words after the minutes: "30 to write, 10 to sort the ideas"
    steps: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    online: str = Field(min_length=1)
    source: str = Field(min_length=1)
    url: str = ""

    @field_validator("url")
    @classmethod
    def _is_a_web_address(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError(f"'{value}' is not a web address starting with https://")
        return value


class TechniqueCards(Strict):
    words: CardWords
    techniques: list[Technique] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_are_unique(self) -> TechniqueCards:
        seen: set[str] = set()
        for technique in self.techniques:
            if technique.id in seen:
                raise ValueError(f"two techniques share the id '{technique.id}': give each its own")
            seen.add(technique.id)
        return self
