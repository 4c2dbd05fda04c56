"""Who opened the trainer app's page: the lead trainer, or a co-trainer by their own link.

The trainer server writes it into the page request itself (`serving/voila_app.py`), whatever
the browser sent, and Voila passes it to the kernel the page is given. A pooled kernel runs the
app before any page asks for it, so the app starts as a co-trainer's and widens once the
server's word is in. Anything but the server's word for the lead trainer is a co-trainer.
"""

from __future__ import annotations

import os
import time

from voila.utils import wait_for_request

from coproduce.content.course import CourseContent
from coproduce.live.co_trainers import CO_TRAINER_VIEWER, LEAD_VIEWER, VIEWER_ENV


def page_viewer(retry_seconds: float = 1.0) -> str:
    """Wait until Voila has said who asked for this kernel's page (at once outside a pool)."""
    while VIEWER_ENV not in os.environ:
        wait_for_request()  # returns without a word if the server did not answer yet
        if VIEWER_ENV not in os.environ:
            if os.environ.get("VOILA_PREHEAT", "False") == "False":
                break  # not a pooled kernel: the request's words were there from the start
            time.sleep(retry_seconds)
    return LEAD_VIEWER if os.environ.get(VIEWER_ENV) == LEAD_VIEWER else CO_TRAINER_VIEWER


def co_trainer_exercises(content: CourseContent) -> set[str]:
    """The exercises of the parts a co-trainer leads: every lead but the course's first (the
    lead trainer), by the step's own lead or its module's."""
    lead_trainer = next(iter(content.course.leads))
    found = set()
    for slug in content.course.module_slugs:
        module = content.modules[slug]
        for step in module.meta.plan:
            if step.exercise and (step.lead or module.meta.lead) != lead_trainer:
                found.add(step.exercise)
    return found
