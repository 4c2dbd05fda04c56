"""The words of a learner's "My feedback" panel and certificate of completion
(grading/feedback.py): the catalogue's `feedback:` and `certificate:`."""

from __future__ import annotations

from typing import ClassVar

from coproduce.content.filled_in import FilledIn
from coproduce.content.plurals import PluralText


class FeedbackText(FilledIn):
    """The "My feedback" panel (grading/feedback.py); {score} and {total} are marks."""

    slots: ClassVar[dict[str, set[str]]] = {
        "scored": {"score", "total"},
        "waiting": {"count"},
        "marks": {"score", "total"},
        "chose": {"option"},
        "why": {"explanation"},
        "from_trainer": {"comment"},
    }
    button: str
    heading: str
    none_yet: str
    scored: str
    waiting: PluralText  # answers the trainer has still to mark
    not_answered: str
    not_marked: str
    marks: str
    chose: str
    why: str
    from_trainer: str
    completed: str


class CertificateText(FilledIn):
    """The certificate of completion (grading/feedback.py)."""

    slots: ClassVar[dict[str, set[str]]] = {"title": {"course"}, "logo": {"organisation"}}
    title: str
    heading: str
    intro: str  # before the learner's name
    name_blank: str  # the line left for a name, as a screen reader says it
    took_part: str  # after the name
    covered: str  # before the course's outcomes
    logo: str
