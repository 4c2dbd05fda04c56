"""What one exercise's room result is read from, once, for the trainer app, the report and the
results export alike: the answers, the earlier question a rating repeats, the trainer's marks on
ideas."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from coproduce.kinds.ideas.checks import Mark
from coproduce.live.idea_marks import IdeaMarks
from coproduce.live.sessions import SessionStore, SharedAnswer
from coproduce.reports.live_results import is_live, paired_answers


@dataclass(frozen=True)
class RoomAnswers:
    """What one exercise's room result is made of, read once for the page, report and export."""

    answers: list[SharedAnswer]
    before: list[SharedAnswer] | None = None  # the question a rating repeats
    marks: Mapping[str, Mark] = field(default_factory=dict)  # the trainer's, on ideas


def read_room(sessions: SessionStore, code: str, exercise: Any) -> RoomAnswers | None:
    """The answers behind one exercise's room result; None for one the room never sees."""
    if is_live(exercise):
        consent = exercise.kind == "reflection"
        answers = sessions.shared_answers(code, exercise.id, consent_needed=consent)
    elif exercise.kind == "knowledge_check":
        answers = sessions.shared_answers(code, exercise.id)
    else:
        return None
    marks = IdeaMarks(sessions.store).marks(code, exercise.id) if exercise.kind == "ideas" else {}
    return RoomAnswers(answers, paired_answers(sessions, code, exercise), marks)
