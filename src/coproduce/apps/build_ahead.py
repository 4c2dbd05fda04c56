"""Parts built before the learner needs them, so that showing one only swaps it in.

A part's widgets take a kernel about a tenth of a CPU-second to build. Built when the trainer
moves the room, that is 100 kernels building at the same moment on a laptop's two cores: in
benchmarks/class_burst.py every page of a class of 100 waited about 5 s for the next part. So
the room's part is built in the kernel pool, before anyone comes (learner_app.py), and, once the
learner is in, the room's next part is built while they read, each kernel at its own moment in
a spread of seconds so that a class joining together does not build together.

A part that shows what the room shared as it is built (kinds.registry.READS_THE_ROOM) is never
built ahead: before Join a page must not hold the room's answers, and after it such a part is
built when shown, so what it shows is the room's latest.
"""

from __future__ import annotations

import random
import time
from collections.abc import Container

from coproduce.content.course import CourseContent
from coproduce.content.timings import run_exercises
from coproduce.kinds.registry import READS_THE_ROOM

# Seconds after Join before the next part is built: long enough for the class's Join to be
# over, spread so that forty kernels do not build at the same moment.
NEXT_PART_AFTER = (5.0, 25.0)


def reads_the_room(content: CourseContent, slug: str) -> bool:
    module = content.modules[slug]
    kinds = {content.exercises[e].kind for e in run_exercises(content, module)}
    return bool(kinds & READS_THE_ROOM)


class NextPart:
    """When, and which, part to build ahead for a learner who is in."""

    def __init__(self) -> None:
        self.due_at: float | None = None

    def joined(self) -> None:
        self.due_at = time.monotonic() + random.uniform(*NEXT_PART_AFTER)

    def to_build(
        self, content: CourseContent, room: str | None, built: Container[str]
    ) -> str | None:
        """The part after the room's, if it is time, it is not built, and it may be built."""
        if self.due_at is None or time.monotonic() < self.due_at:
            return None
        slugs = content.course.module_slugs
        if room not in slugs:
            return None
        index = slugs.index(room) + 1
        if index >= len(slugs):
            return None
        slug = slugs[index]
        if slug in built or reads_the_room(content, slug):
            return None
        return slug
