"""The shape of the day: the agenda's slots and a module's steps, each with its minutes in the
room and online."""

from __future__ import annotations

from typing import Annotated

from pydantic import Discriminator, Field, Tag, model_validator

from coproduce.content.strict import Strict


class ModuleSlot(Strict):
    module: str
    minutes: int | None = Field(default=None, ge=1)


class FixedSlot(Strict):
    """A part of the day that is not a module; `minutes: 0` leaves it out of a room day and
    `online_minutes: 0` out of an online one (an online day needs more, shorter breaks)."""

    minutes: int = Field(ge=0)
    online_minutes: int | None = Field(default=None, ge=0)  # None: as in the room

    def minutes_for(self, online: bool) -> int:
        if online and self.online_minutes is not None:
            return self.online_minutes
        return self.minutes


class BreakSlot(FixedSlot):
    break_: str = Field(alias="break")


class JoiningSlot(FixedSlot):
    """Time before the first module for everyone to arrive, join and check sound and screens."""

    joining: str


def _slot_kind(value: object) -> str:
    if isinstance(value, dict):
        if "break" in value:
            return "break"
        if "joining" in value:
            return "joining"
    return "module"


AgendaSlot = Annotated[
    Annotated[ModuleSlot, Tag("module")]
    | Annotated[BreakSlot, Tag("break")]
    | Annotated[JoiningSlot, Tag("joining")],
    Discriminator(_slot_kind),
]


STEP_KINDS = ("exercise", "read", "talk", "changeover")


class PlanStep(Strict):
    """One activity in a module's run: an exercise (by id), reading, talk, or a changeover."""

    exercise: str | None = None
    read: str | None = None
    talk: str | None = None
    changeover: str | None = None
    minutes: int = Field(ge=0)  # 0: this step happens only online
    online_minutes: int | None = Field(default=None, ge=0)  # None: as in the room
    lead: str | None = None  # a key of the course's leads; None: the module's lead
    optional: bool = False  # an extra, run only when the course switches it on
    # Runs at the same time as the step before it (each group takes one of them), so its
    # minutes are that step's and are not added again.
    alongside: bool = False

    @model_validator(mode="after")
    def _one_kind(self) -> PlanStep:
        given = [kind for kind in STEP_KINDS if getattr(self, kind) is not None]
        if len(given) != 1:
            raise ValueError(
                "a step is one of exercise:, read:, talk: or changeover: "
                f"(this one has {', '.join(given) or 'none of them'})"
            )
        return self

    @property
    def kind(self) -> str:
        return next(kind for kind in STEP_KINDS if getattr(self, kind) is not None)

    @property
    def what(self) -> str:
        return str(getattr(self, self.kind))

    def minutes_for(self, online: bool) -> int:
        if online and self.online_minutes is not None:
            return self.online_minutes
        return self.minutes

    def added_minutes(self, online: bool) -> int:
        """What this step adds to its module's time: nothing when it runs alongside another."""
        return 0 if self.alongside else self.minutes_for(online)
