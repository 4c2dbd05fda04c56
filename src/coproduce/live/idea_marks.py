"""The trainer's marks on an ideas question: an idea hidden from the room, or merged into another.

Kept apart from the learners' answers, so a learner's next save (a vote, a new idea) never
undoes what the trainer decided. Only the trainer app writes here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from coproduce.live.store import Store, idea_marks, now


@dataclass(frozen=True)
class IdeaMark:
    hidden: bool = False
    merged_into: str | None = None


class IdeaMarks:
    def __init__(self, store: Store) -> None:
        self.store = store

    def marks(self, code: str, exercise_id: str) -> dict[str, IdeaMark]:
        query = select(idea_marks.c.idea_id, idea_marks.c.hidden, idea_marks.c.merged_into).where(
            idea_marks.c.session_code == code, idea_marks.c.exercise_id == exercise_id
        )
        with self.store.engine.connect() as connection:
            return {
                row.idea_id: IdeaMark(bool(row.hidden), row.merged_into)
                for row in connection.execute(query)
            }

    def hide(self, code: str, exercise_id: str, idea_id: str, hidden: bool) -> None:
        mark = self.marks(code, exercise_id).get(idea_id, IdeaMark())
        self._set(code, exercise_id, idea_id, IdeaMark(hidden, mark.merged_into))

    def merge(self, code: str, exercise_id: str, idea_id: str, into: str | None) -> None:
        """Count `idea_id` as `into` (None: on its own again). Merging an idea into itself, or
        into one merged into it, is refused: the caller checks with `would_loop`."""
        mark = self.marks(code, exercise_id).get(idea_id, IdeaMark())
        self._set(code, exercise_id, idea_id, IdeaMark(mark.hidden, into))

    def _set(self, code: str, exercise_id: str, idea_id: str, mark: IdeaMark) -> None:
        row = {
            "session_code": code,
            "exercise_id": exercise_id,
            "idea_id": idea_id,
            "hidden": mark.hidden,
            "merged_into": mark.merged_into,
            "updated_at": now(),
        }
        self.store.upsert(idea_marks, row, ["session_code", "exercise_id", "idea_id"])
