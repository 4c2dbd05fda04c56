"""The room's speaking time, kept in the trainer app for the whole session, trainers included.

The course names an airtime tracker for it (course.yml's `room_airtime`); its times are kept in
the store under the session and ROOM_TRACKER, so they outlive a restart of the trainer app and
reach the session report and the results export. One person presses; a second trainer app
open at the same time shows the times it last saw.
"""

from __future__ import annotations

import logging
from typing import Any

import ipywidgets as widgets
from sqlalchemy.exc import SQLAlchemyError

from coproduce.content.course import CourseContent
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import ExerciseContext, paragraphs
from coproduce.kinds.registry import build_exercise
from coproduce.live.store import ROOM_TRACKER, Store

log = logging.getLogger(__name__)


def room_airtime_view(content: CourseContent, store: Store, code: str) -> widgets.Widget | None:
    exercise_id = content.course.room_airtime
    if exercise_id is None:
        return None
    words = content.interface.room_airtime

    def keep(kept_id: str, answer: dict[str, Any]) -> str | None:
        try:
            store.save_answer(ROOM_TRACKER, kept_id, answer, session=code)
        except SQLAlchemyError:
            log.exception("could not keep the room's speaking time")
            return words.not_saved
        return None

    view = build_exercise(content.exercises[exercise_id], keep, ExerciseContext(content))
    kept = store.load_answers(ROOM_TRACKER, session=code).get(exercise_id)
    if kept is not None:
        view.restore(kept)
    return light.VBox([light.HTML(paragraphs([words.intro])), view.widget])
