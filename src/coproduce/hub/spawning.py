"""What each server on the hub runs: the learner app for a learner, the trainer app for a trainer.

The hooks work with any spawner (SystemdSpawner under The Littlest JupyterHub, KubeSpawner, the
local ones): they set the command and the environment of the one server being started.

The command is jupyter-server-proxy's standalone proxy (it does the hub's OAuth sign-in and
proxies everything to one process) in front of Voila's own server on the app notebook, which
answers no `/lab`, `/tree`, terminals, contents or kernel-starting API, and refuses every kernel
message but widget traffic. The session is the one in the learner's hub name (from the link),
or the one the trainer chose when starting their server (a new one when they gave none).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tornado import web

from coproduce.apps.app_notebooks import LEARNER_APP, TRAINER_APP
from coproduce.config.settings import (
    COURSE_DIR_ENV,
    LEARNER_LINK_ENV,
    LEARNER_SECRET_ENV,
    LOOPBACK_ONLY_ENV,
    PARSED_MODULES_ENV,
    SESSION_ENV,
    STORE_ENV,
)
from coproduce.hub.authenticator import session_exists, session_of
from coproduce.hub.prepare import COURSE_COPY, SERVER_FILE, SHARE_COPY
from coproduce.hub.settings import HubSettings
from coproduce.live.sessions import SessionStore, normalise_code
from coproduce.live.store import Store
from coproduce.serving.links import Addresses
from coproduce.serving.serve import (
    APP_FOLDER,
    CONFIG_FOLDER,
    KERNEL_SHARE,
    PARSED_MODULES_FILE,
    TRAINER_FOLDER,
)
from coproduce.serving.voila_command import learner_command, trainer_command

SESSION_OPTION = "session"
STANDALONE_PROXY = "jupyter-standaloneproxy"  # next to the servers' Python
# A learner's own server holds one page, a reload and a second tab at most.
LEARNER_PAGES = 3


@dataclass(frozen=True)
class ServerPlan:
    """The hooks' settings: the hub's, and which Python the servers run."""

    settings: HubSettings
    python: str

    def options_form(self, spawner: Any) -> str:
        """A trainer chooses a session to resume, or none for a new one; a learner sees none."""
        if not spawner.user.admin:
            return ""
        words = self.settings.words
        return (
            f'<label for="cp-session">{html.escape(words["trainer_session_label"])}</label>'
            f'<input id="cp-session" name="{SESSION_OPTION}" class="form-control" '
            'autocomplete="off" maxlength="16">'
            f"<p>{html.escape(words['trainer_session_hint'])}</p>"
        )

    @staticmethod
    def options_from_form(form: dict[str, list[str]]) -> dict[str, str]:
        given = form.get(SESSION_OPTION) or [""]
        value = given[0] if isinstance(given, list) else str(given)
        return {SESSION_OPTION: normalise_code(value)} if value.strip() else {}

    def pre_spawn(self, spawner: Any) -> None:
        """Set this server's command and environment, or refuse to start it."""
        user = spawner.user
        if user.admin:
            code = self.trainer_session(spawner)
            notebook = self.settings.prepared / TRAINER_FOLDER / TRAINER_APP
        else:
            code = session_of(user.name) or ""
            if not code or not session_exists(self.settings.store_url, code):
                raise web.HTTPError(403, self.settings.words["learner_no_session"])
            notebook = self.settings.prepared / APP_FOLDER / LEARNER_APP
        spawner.cmd = self.command(notebook, trainer=bool(user.admin))
        spawner.environment = {**spawner.environment, **self.environment(code)}

    def trainer_session(self, spawner: Any) -> str:
        chosen = normalise_code((spawner.user_options or {}).get(SESSION_OPTION, ""))
        store = Store(self.settings.store_url)
        try:
            sessions = SessionStore(store)
            if not chosen:
                chosen = sessions.create_session()
                # Kept with the server: a restart resumes this session, not a new one.
                spawner.user_options = {**(spawner.user_options or {}), SESSION_OPTION: chosen}
            elif not sessions.exists(chosen):
                raise web.HTTPError(400, self.settings.words["trainer_no_session"])
        finally:
            store.close()
        return chosen

    def command(self, notebook: Path, trainer: bool) -> list[str]:
        prepared = self.settings.prepared
        config_dir = prepared / CONFIG_FOLDER
        server = json.loads((prepared / SERVER_FILE).read_text(encoding="utf-8"))
        addresses = Addresses("127.0.0.1", 0, 0, self.settings.public_url)
        if trainer:
            voila = trainer_command(addresses, notebook, config_dir, server["language"])
        else:
            voila = learner_command(
                addresses, 1, LEARNER_PAGES, notebook, config_dir, server["language"]
            )
        # Both answer the hub's public name (the proxy passes the browser's Host on).
        voila = [_placeholders(arg) for arg in voila if not arg.startswith("--CourseVoila.hosts=")]
        voila.append(f"--CourseVoila.hosts={','.join(addresses.learner_host_names())}")
        voila[0] = self.python
        return [
            str(Path(self.python).with_name(STANDALONE_PROXY)),
            # Voila is told its place under /user/NAME/, so its page's own links are right.
            "--absolute-url",
            f"--timeout={self.settings.start_seconds}",
            "--",
            *voila,
            "--Voila.base_url={base_url}/",
        ]

    def environment(self, code: str) -> dict[str, str]:
        prepared = self.settings.prepared
        return {
            SESSION_ENV: code,
            STORE_ENV: self.settings.store_url,
            COURSE_DIR_ENV: str(prepared / COURSE_COPY),
            PARSED_MODULES_ENV: str(prepared / PARSED_MODULES_FILE),
            LEARNER_SECRET_ENV: self.settings.learner_secret,
            LEARNER_LINK_ENV: f"{self.settings.public_url}hub/join?code={code}",
            LOOPBACK_ONLY_ENV: "",
            "JUPYTER_PATH": f"{prepared / SHARE_COPY}:{prepared / KERNEL_SHARE}",
        }


def _placeholders(arg: str) -> str:
    """The proxy chooses Voila's port and says so in `{port}`; one warm kernel is enough for
    one learner's own server (its page takes it, and the next is ready for a reload)."""
    if arg.startswith("--port="):
        return "--port={port}"
    if arg.startswith("--pool_size="):
        return "--pool_size=1"
    return arg
