"""Where the nbgrader course lives and how sessions and learners are named in it.

The course folder sits under `exercises/`, is git-ignored, and is never inside the folder Voila
serves (the learner app's own folder under the data directory).
"""

from __future__ import annotations

import re
from pathlib import Path

GRADING_FOLDER = Path("exercises") / "nbgrader"
CONFIG_FILE = "nbgrader_config.py"
GRADEBOOK_FILE = "gradebook.db"
COURSE_ID = "coproduce"
# The shape of learner ids the learner app hands out; anything else is not used as a folder name.
_STUDENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_ASSIGNMENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,16}$")


def grading_root(course_root: Path) -> Path:
    return course_root / GRADING_FOLDER


def gradebook_path(course_root: Path) -> Path:
    return grading_root(course_root) / GRADEBOOK_FILE


def assignment_id(session_code: str) -> str:
    """One nbgrader assignment per live session: the trainer knows it by its code."""
    code = session_code.strip().upper() if session_code != "local" else session_code
    if not _ASSIGNMENT_ID.match(code):
        raise LookupError(f"'{session_code}' is not a session code")
    return code


def usable_student_id(learner_id: str) -> bool:
    return bool(_STUDENT_ID.match(learner_id))
