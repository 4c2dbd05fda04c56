"""`configure(c)`: the whole hub recipe, for `deploy/jupyterhub_config.py` to call.

It sets the authenticator, the spawn hooks, the start timeouts, the idle culler and the hub's
database; it leaves the spawner class alone (The Littlest JupyterHub and Zero to JupyterHub
choose theirs), so the same file works in TLJH's `jupyterhub_config.d` and in plain JupyterHub.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from coproduce.hub.authenticator import CourseAuthenticator
from coproduce.hub.settings import HubSettings
from coproduce.hub.spawning import ServerPlan

SERVER_PYTHON_ENV = "COPRODUCE_HUB_SERVER_PYTHON"  # the Python in the servers' image or venv
# A half-day is about four hours; a server older than six is from another day.
MAX_AGE_SECONDS = 6 * 3600
CULL_EVERY_SECONDS = 300
CULLER_SCOPES = [
    "list:users",
    "read:users:activity",
    "read:servers",
    "delete:servers",
    "admin:users",  # to remove culled learners' pseudonymous hub users
]


def configure(c: Any, words_file: Path, settings: HubSettings | None = None) -> ServerPlan:
    """Apply the recipe to the config object `c`; returns the server plan it installed."""
    settings = settings or HubSettings.from_environment(words_file)
    plan = ServerPlan(settings, os.environ.get(SERVER_PYTHON_ENV) or sys.executable)
    c.JupyterHub.authenticator_class = CourseAuthenticator
    c.CourseAuthenticator.store_url = settings.store_url
    c.CourseAuthenticator.trainers_file = str(settings.trainers_file)
    c.CourseAuthenticator.words = settings.words
    if settings.hub_db_url:
        c.JupyterHub.db_url = settings.hub_db_url
    c.JupyterHub.allow_named_servers = False
    # A learner's link goes straight to their app; the hub's home page is for trainers.
    c.JupyterHub.default_url = "/hub/home"
    c.Spawner.pre_spawn_hook = plan.pre_spawn
    c.Spawner.options_form = plan.options_form
    c.Spawner.options_from_form = plan.options_from_form
    # A class arriving together starts many servers at once: give each time to answer.
    c.Spawner.start_timeout = settings.start_seconds
    c.Spawner.http_timeout = settings.start_seconds
    c.Spawner.default_url = "/"
    c.JupyterHub.services = [*_existing(c, "services"), culler_service(settings)]
    c.JupyterHub.load_roles = [
        *_existing(c, "load_roles"),
        {"name": "coproduce-idle-culler", "scopes": CULLER_SCOPES, "services": ["idle-culler"]},
    ]
    return plan


def culler_service(settings: HubSettings) -> dict[str, Any]:
    """jupyterhub-idle-culler: a learner's server idle past a long break is stopped and the
    pseudonymous user removed (their answers stay in the store); trainers are kept."""
    return {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={settings.idle_minutes * 60}",
            f"--cull-every={CULL_EVERY_SECONDS}",
            f"--max-age={MAX_AGE_SECONDS}",
            "--cull-users=True",
            "--cull-admin-users=False",
        ],
    }


def _existing(c: Any, name: str) -> list[Any]:
    """What another config file (TLJH's own) already put in this list, kept."""
    value = getattr(c.JupyterHub, name, None)
    return list(value) if isinstance(value, list) else []
