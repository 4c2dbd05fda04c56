"""Where the course content and the answer store are, for the server and for kernels.

`coproduce serve` sets the environment variables; a notebook opened in JupyterLab finds the
course by walking up from its own folder.
"""

from __future__ import annotations

import os
from pathlib import Path

COURSE_DIR_ENV = "COPRODUCE_COURSE_DIR"
STORE_ENV = "COPRODUCE_STORE"
SESSION_ENV = "COPRODUCE_SESSION"  # the live session `coproduce serve` started
LEARNER_LINK_ENV = "COPRODUCE_LEARNER_LINK"  # shown as a QR code in the trainer app
TRAINER_BASE_ENV = "COPRODUCE_TRAINER_BASE"  # the trainer app's address, when a token guards it
PARSED_MODULES_ENV = "COPRODUCE_PARSED_MODULES"  # module notebooks the server parsed
LOOPBACK_ONLY_ENV = "COPRODUCE_LOOPBACK_ONLY"  # "1" when only this computer can join
LEARNER_SECRET_ENV = "COPRODUCE_LEARNER_SECRET"  # signs the learner ids the server issues
POOL_STATUS_ENV = "COPRODUCE_POOL_STATUS"  # URL KEY: the learner server's kernel counts
# The store's engine options when its URL does not give them (see live/engine_options.py).
STORE_ENGINE_ENV = {
    "pool_size": "COPRODUCE_STORE_POOL_SIZE",
    "max_overflow": "COPRODUCE_STORE_MAX_OVERFLOW",
    "prepare_threshold": "COPRODUCE_STORE_PREPARE_THRESHOLD",
}
DEFAULT_DATA_DIR = "data"


def find_course_root(start: Path | None = None) -> Path:
    """The folder holding course/course.yml: from the environment, or above `start`."""
    configured = os.environ.get(COURSE_DIR_ENV)
    if configured:
        return Path(configured).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "course" / "course.yml").is_file():
            return folder
    raise FileNotFoundError(
        f"No course found: run from a folder that holds course/course.yml, or set {COURSE_DIR_ENV}."
    )


def store_target(course_root: Path) -> str:
    """The store URL or data folder: from the environment, else the course's data folder."""
    return os.environ.get(STORE_ENV) or str(course_root / DEFAULT_DATA_DIR)


def parsed_modules_path() -> Path | None:
    """The module notebooks as `coproduce serve` parsed them, in a learner kernel; else None."""
    configured = os.environ.get(PARSED_MODULES_ENV)
    return Path(configured) if configured else None


def live_session_code() -> str | None:
    return os.environ.get(SESSION_ENV) or None


def loopback_only() -> bool:
    """Whether the learner server answers this computer only (the trainer app says so)."""
    return os.environ.get(LOOPBACK_ONLY_ENV) == "1"


def learner_secret_from_env() -> str | None:
    """The server's secret for signing learner ids (hex), in a kernel `coproduce serve` started."""
    return os.environ.get(LEARNER_SECRET_ENV) or None


def pool_status_address() -> tuple[str, str] | None:
    """Where the trainer app reads the learner server's kernel counts, and the key it shows."""
    url, _, key = os.environ.get(POOL_STATUS_ENV, "").partition(" ")
    return (url, key) if url and key else None


def store_engine_settings() -> dict[str, str]:
    """The store engine options set in the environment, by option name."""
    return {name: os.environ[env] for name, env in STORE_ENGINE_ENV.items() if env in os.environ}
