"""The typed shape of the course content: course, modules, exercises.

Every model forbids unknown keys, so a misspelt key is reported instead of ignored.
"""

from __future__ import annotations

import re
from datetime import time
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
EXERCISE_ID = r"^[a-z0-9][a-z0-9-]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Branding(Strict):
    name: str
    primary_colour: str = "#1d4f91"
    accent_colour: str = "#ffd166"
    text_colour: str = "#1a1a1a"
    background_colour: str = "#ffffff"

    @field_validator("primary_colour", "accent_colour", "text_colour", "background_colour")
    @classmethod
    def _is_hex(cls, value: str) -> str:
        if not HEX_COLOUR.match(value):
            raise ValueError(f"'{value}' is not a colour like #1d4f91")
        return value


class ModuleSlot(Strict):
    module: str
    minutes: int | None = Field(default=None, ge=1)


class BreakSlot(Strict):
    break_: str = Field(alias="break")
    minutes: int = Field(ge=1)


def _slot_kind(value: object) -> str:
    return "break" if isinstance(value, dict) and "break" in value else "module"


AgendaSlot = Annotated[
    Annotated[ModuleSlot, Tag("module")] | Annotated[BreakSlot, Tag("break")],
    Discriminator(_slot_kind),
]


class Course(Strict):
    title: str
    audience: str
    outcomes: list[str] = Field(min_length=1)
    start_time: time
    duration_minutes: int = Field(ge=1)
    language: str = "en"
    agenda: list[AgendaSlot] = Field(min_length=1)
    branding: Branding

    @property
    def module_slugs(self) -> list[str]:
        return [slot.module for slot in self.agenda if isinstance(slot, ModuleSlot)]


class ModuleMeta(Strict):
    title: str
    teaching_minutes: int = Field(ge=0)
    activity_minutes: int = Field(ge=0)
    objectives: list[str] = Field(min_length=1)
    key_points: list[str] = Field(min_length=1)
    contributors: list[str] = Field(min_length=1)
    exercises: list[str] = Field(min_length=1)
    references: list[str] = Field(default_factory=list)

    @property
    def minutes(self) -> int:
        return self.teaching_minutes + self.activity_minutes


class ChoiceOption(Strict):
    text: str
    correct: bool = False
    feedback: str


class ExerciseBase(Strict):
    id: Annotated[str, Field(pattern=EXERCISE_ID)]
    title: str
    prompt: str
    graded: bool = False
    points: int = Field(default=0, ge=0)
    visibility: Literal["private", "shared"] = "private"

    @model_validator(mode="after")
    def _points_only_when_graded(self) -> ExerciseBase:
        if self.graded and self.points == 0:
            raise ValueError("a graded exercise needs points greater than 0")
        if not self.graded and self.points:
            raise ValueError("points are only given for a graded exercise: set graded: true")
        return self


class KnowledgeCheck(ExerciseBase):
    kind: Literal["knowledge_check"]
    multiple: bool = False
    options: list[ChoiceOption] = Field(min_length=2)
    explanation: str

    @model_validator(mode="after")
    def _has_right_number_of_answers(self) -> KnowledgeCheck:
        correct = sum(option.correct for option in self.options)
        if correct == 0:
            raise ValueError("no option is marked correct: true")
        if correct > 1 and not self.multiple:
            raise ValueError("more than one option is correct: set multiple: true or mark one")
        return self


class Reflection(ExerciseBase):
    kind: Literal["reflection"]
    max_chars: int = Field(default=1200, ge=50, le=5000)
    can_share: bool = True
    placeholder: str = ""


Exercise = Annotated[KnowledgeCheck | Reflection, Field(discriminator="kind")]
