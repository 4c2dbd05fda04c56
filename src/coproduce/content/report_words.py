"""The session report's words (`coproduce session report`), in course/interface.yml under
`report:`. How many joined is the trainer app's own text (`trainer: joined`)."""

from __future__ import annotations

from typing import ClassVar

from coproduce.content.filled_in import FilledIn
from coproduce.content.plurals import PluralText


class ReportText(FilledIn):
    """{day} is the day the session started, written the course's way (content/formats.py)."""

    slots: ClassVar[dict[str, set[str]]] = {
        "title": {"course"},
        "intro": {"code", "day"},
        "intro_undated": {"code"},
        "answered": {"count"},
        "right": {"right"},
    }
    title: str
    intro: str
    intro_undated: str  # a session whose start the store does not know
    who_came: str
    role_heading: str
    people_heading: str
    timings_heading: str
    timings_note: str
    part_heading: str
    planned_start: str
    actual_start: str
    planned_minutes: str
    actual_minutes: str
    evaluation_heading: str
    results_heading: str
    none: str  # a course without an evaluation
    answered: PluralText  # under each exercise, by how many answered
    right: str  # a knowledge check: how many of them found the right answer
    private: str  # an exercise whose answers only their learner sees
