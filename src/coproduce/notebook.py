"""What a module notebook imports, so it also runs on its own in JupyterLab or plain Voila."""

from __future__ import annotations

from functools import cache

import ipywidgets as widgets

from .content_loader import CourseContent, load_course
from .learner_session import LearnerSession
from .settings import find_course_root, store_target
from .store import Store
from .widgets.browser_identity import BrowserIdentity
from .widgets.exercise_base import ExerciseContext
from .widgets.exercise_factory import build_exercise


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
        return widgets.VBox([identity, view.widget])
    return view.widget
