"""The typed shape of the course content: course, modules, exercises.

Every model forbids unknown keys, so a misspelt key is reported instead of ignored.
"""

from __future__ import annotations

from datetime import time
from typing import Annotated, Literal

from pydantic import (
    Field,
    model_validator,
)

from coproduce.content.branding import Branding
from coproduce.content.course_languages import CourseLanguages
from coproduce.content.day_plan import AgendaSlot, ModuleSlot, PlanStep
from coproduce.content.references import Reference
from coproduce.content.strict import Strict

EXERCISE_ID = r"^[a-z0-9][a-z0-9-]*$"


class Course(CourseLanguages):
    """course.yml; its language keys (`language`, `languages`, `trainer_language`) are in
    CourseLanguages."""

    title: str
    audience: str
    outcomes: list[str] = Field(min_length=1)
    start_time: time
    duration_minutes: int = Field(ge=1)
    online_duration_minutes: int | None = Field(default=None, ge=1)  # the online day's total
    max_minutes: int = Field(default=210, ge=1)  # the longest a half-day may run
    min_slack_minutes: int = Field(default=10, ge=0)  # kept free within max_minutes
    # Which timings the run-sheet and the learner app follow; the packs print both.
    delivery: Literal["room", "online"] = "room"
    # Who can lead a part of the day, by role: the key is used in modules' `lead:`.
    leads: dict[str, str] = Field(min_length=1)
    extras_on: list[str] = Field(default_factory=list)  # optional extras this course runs
    # Off: knowledge checks give their feedback at once and nothing is marked afterwards.
    marking: bool = False
    # A shared result (poll, word list, chart, a role in a split) shows once this many answer.
    min_answers_shown: int = Field(default=3, ge=1)
    # The airtime tracker the trainer app runs for the whole room (an exercise id), if any.
    room_airtime: str | None = None
    agenda: list[AgendaSlot] = Field(min_length=1)
    branding: Branding
    # Offered when a learner joins a live session; choosing one is optional.
    roles: list[str] = Field(
        default_factory=lambda: [
            "Researcher",
            "Practitioner",
            "Public contributor",
            "Prefer not to say",
        ],
        min_length=2,
    )

    @property
    def module_slugs(self) -> list[str]:
        return [slot.module for slot in self.agenda if isinstance(slot, ModuleSlot)]


class ModuleMeta(Strict):
    title: str
    minutes: int = Field(ge=1)  # the core steps' minutes in the room add up to this
    lead: str  # a key of the course's leads
    objectives: list[str] = Field(min_length=1)
    key_points: list[str] = Field(min_length=1)
    contributors: list[str] = Field(default_factory=list)  # real people only; none is honest
    plan: list[PlanStep] = Field(min_length=1)
    references: list[Reference] = Field(default_factory=list)  # shown as "Find out more"

    @property
    def exercises(self) -> list[str]:
        """Every exercise in the plan, optional extras too, in the plan's order."""
        return [step.exercise for step in self.plan if step.exercise is not None]

    @property
    def optional_exercises(self) -> set[str]:
        return {step.exercise for step in self.plan if step.exercise and step.optional}


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


class LadderSituation(Strict):
    text: str
    rung: str
    explanation: str


class LadderPlacement(ExerciseBase):
    """Place situations on a ladder of participation (the ladder lives in course/ladders.yml)."""

    kind: Literal["ladder_placement"]
    ladder: str
    situations: list[LadderSituation] = Field(min_length=1)


class PowerStatement(Strict):
    source: str
    text: str


class PowerPrompt(Strict):
    source: str
    when: Literal["high", "low"]
    text: str


class PowerReflection(ExerciseBase):
    """Rate statements about one's own sources of power; always private, never graded."""

    kind: Literal["power_reflection"]
    scale: list[str] = Field(min_length=3)
    statements: list[PowerStatement] = Field(min_length=2)
    prompts: list[PowerPrompt] = Field(default_factory=list)

    @model_validator(mode="after")
    def _always_private(self) -> PowerReflection:
        if self.visibility != "private" or self.graded:
            raise ValueError("a power reflection is always private and never graded")
        return self


class JargonBuster(ExerciseBase):
    """Rewrite a passage in plain words; the glossary lives in course/glossary.yml."""

    kind: Literal["jargon_buster"]
    passage: str
    target_reading_ease: float = 60
    target_sentence_words: int = Field(default=20, ge=5)
    max_chars: int = Field(default=3000, ge=100, le=10000)


class PaymentPlanner(ExerciseBase):
    """Cost public involvement; the rates live in course/payment-rates.yml."""

    kind: Literal["payment_planner"]
    expense_types: list[str] = Field(min_length=1)
    recognition_options: list[str] = Field(min_length=1)
    reminder: str
    max_rows: int = Field(default=8, ge=1, le=30)


class Poll(ExerciseBase):
    kind: Literal["poll"]
    options: list[str] = Field(min_length=2)
    visibility: Literal["private", "shared"] = "shared"


class WordList(ExerciseBase):
    kind: Literal["word_list"]
    max_words: int = Field(default=3, ge=1, le=10)
    max_chars_per_word: int = Field(default=30, ge=3, le=80)
    visibility: Literal["private", "shared"] = "shared"
    # What one answer is, for the boxes' labels ("Ground rule 1 of 3"); its plural.
    noun: str = Field(default="word", min_length=1, max_length=40)
    nouns: str | None = Field(default=None, min_length=1, max_length=40)

    @property
    def plural(self) -> str:
        return self.nouns or f"{self.noun}s"


class RatingScale(ExerciseBase):
    """One question answered on a scale, low to high; the room sees the spread, not an average.

    `before` names the same question asked earlier in the day: this one is then the "after",
    and the room's result shows the two side by side.
    """

    kind: Literal["rating_scale"]
    scale: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(
        min_length=3, max_length=11
    )
    visibility: Literal["private", "shared"] = "shared"
    before: Annotated[str, Field(pattern=EXERCISE_ID)] | None = None


class Ideas(ExerciseBase):
    """Learners add short ideas and vote for a few of the room's; always shared, without names."""

    kind: Literal["ideas"]
    max_ideas: int = Field(default=2, ge=1, le=5)  # per learner
    max_chars: int = Field(default=100, ge=10, le=200)
    votes: int = Field(default=3, ge=1, le=10)  # per learner
    visibility: Literal["shared"] = "shared"


class AirtimeTracker(ExerciseBase):
    kind: Literal["airtime_tracker"]
    roles: list[str] = Field(
        default_factory=lambda: ["Researcher", "Practitioner", "Public contributor"], min_length=2
    )
    visibility: Literal["private", "shared"] = "shared"


class TimerPhase(Strict):
    name: str
    seconds: int = Field(ge=5, le=3600)
    instruction: str


class ActivityTimer(ExerciseBase):
    kind: Literal["activity_timer"]
    phases: list[TimerPhase] = Field(min_length=1)


class PlanQuestion(Strict):
    id: Annotated[str, Field(pattern=EXERCISE_ID)]
    label: str
    kind: Literal["text", "date"] = "text"


class PlanFollowUp(Strict):
    """A day the learner picks to look back at their plan: from today to `max_days` ahead."""

    label: str = Field(min_length=1)
    max_days: int = Field(default=365, ge=1, le=731)


class ActionPlan(ExerciseBase):
    """What the learner will do differently; downloadable with their private reflections."""

    kind: Literal["action_plan"]
    questions: list[PlanQuestion] = Field(min_length=1)
    include_reflections: bool = True
    follow_up: PlanFollowUp | None = None  # offered as a calendar file (.ics) as well


Exercise = Annotated[
    KnowledgeCheck
    | Reflection
    | LadderPlacement
    | PowerReflection
    | JargonBuster
    | PaymentPlanner
    | Poll
    | WordList
    | RatingScale
    | Ideas
    | AirtimeTracker
    | ActivityTimer
    | ActionPlan,
    Field(discriminator="kind"),
]
EXERCISE_MODELS = (
    KnowledgeCheck,
    Reflection,
    LadderPlacement,
    PowerReflection,
    JargonBuster,
    PaymentPlanner,
    Poll,
    WordList,
    RatingScale,
    Ideas,
    AirtimeTracker,
    ActivityTimer,
    ActionPlan,
)


# Course-wide data files that exercises draw on.


class GlossaryTerm(Strict):
    term: str
    plain: str
    explanation: str
    also: list[str] = Field(default_factory=list)


class Glossary(Strict):
    terms: list[GlossaryTerm] = Field(min_length=1)


class Rung(Strict):
    id: Annotated[str, Field(pattern=EXERCISE_ID)]
    name: str
    group: str
    description: str


class Ladder(Strict):
    id: Annotated[str, Field(pattern=EXERCISE_ID)]
    title: str
    source: str
    rungs: list[Rung] = Field(min_length=2)  # from the bottom rung to the top


class Ladders(Strict):
    ladders: list[Ladder] = Field(min_length=1)
