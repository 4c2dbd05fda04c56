"""What a module notebook imports: `from coproduce.notebook import exercise`.

So a module also runs on its own in JupyterLab or plain Voila. Department notebooks import this
name, so it stays here. May import `apps`, `kinds`, `live`, `content` and `config`."""

from __future__ import annotations

from functools import cache

import ipywidgets as widgets

from coproduce.apps.chrome.browser_identity import BrowserIdentity
from coproduce.config.settings import find_course_root, store_target
from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import ExerciseContext
from coproduce.kinds.registry import build_exercise
from coproduce.live.learner_session import LearnerSession
from coproduce.live.store import Store


@cache
def _standalone() -> tuple[CourseContent, LearnerSession]:
    root = find_course_root()
    return load_course(root), LearnerSession(Store(store_target(root)))


def exercise(exercise_id: str) -> widgets.Widget:
    """Show one exercise, saving answers for the learner this browser belongs to."""
    content, session = _standalone()
    context = ExerciseContext(content, lambda: session.stored)
    view = build_exercise(content.exercises[exercise_id], session.save, context)
    session.register(exercise_id, view)
    if session.views.keys() == {exercise_id}:
        identity = BrowserIdentity()
        identity.observe(lambda change: session.identify(change["new"]), "learner_id")
        return light.VBox([identity, view.widget])
    return view.widget
