"""Login without accounts: the session link lets a learner in, trainers sign in as hub admins.

- `/hub/join?code=K7M2QX` (the learner link) checks the code in the store and, if a session has
  it, logs the browser in as a new pseudonymous hub user, `l-k7m2qx-<random>`, then starts that
  user's server. The code is in the name, so the server knows its session from the link. A
  browser already in that session is sent back to its own server rather than given another.
- A stranger without a valid code gets a plain page and no hub user, so no server.
- The hub's sign-in form takes no code, only trainers (name and password, checked against the
  trainers file of salted hashes), who are hub admins.
"""

from __future__ import annotations

import asyncio
import html
import re
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jupyterhub.auth import Authenticator
from jupyterhub.handlers import BaseHandler
from jupyterhub.utils import url_path_join
from traitlets import Dict, Unicode

from coproduce.content.language import page_attributes
from coproduce.hub.passwords import check_password, read_trainers
from coproduce.live.sessions import SessionStore, normalise_code
from coproduce.live.store import Store

LEARNER_NAME = re.compile(r"^l-([a-z0-9]{4,16})-[a-z0-9]{8}$")


def learner_name(code: str) -> str:
    alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
    return f"l-{code.lower()}-{''.join(secrets.choice(alphabet) for _ in range(8))}"


def session_of(username: str) -> str | None:
    """The session code a learner's hub name carries; None for any other name."""
    match = LEARNER_NAME.match(username)
    return normalise_code(match.group(1)) or None if match else None


def session_exists(store_url: str, code: str) -> bool:
    store = Store(store_url)
    try:
        return SessionStore(store).exists(code)
    finally:
        store.close()


class CourseAuthenticator(Authenticator):
    """Learners by the session code, trainers by name and password."""

    store_url = Unicode("", config=True, help="The store URL, to check session codes.")
    trainers_file = Unicode("", config=True, help="File of 'name: password hash' lines.")
    words = Dict(config=True, help="Words of the join page (deploy/hub-words.yml).")

    def check_allowed(self, username: str, authentication: Any = None) -> bool:
        # authenticate() lets in only learners with a live code and the trainers in the file.
        return True

    def get_handlers(self, app: Any) -> list[tuple[str, type]]:
        return [("/join", JoinHandler)]

    async def authenticate(self, handler: Any, data: dict[str, str]) -> dict[str, Any] | None:
        if isinstance(handler, JoinHandler):
            code = normalise_code(data.get("code"))
            if not code:
                return None
            found: bool = await asyncio.to_thread(session_exists, self.store_url, code)
            return {"name": learner_name(code), "admin": False} if found else None
        name = (data.get("username") or "").strip().lower()
        password = data.get("password") or ""
        trainers = await asyncio.to_thread(read_trainers, Path(self.trainers_file))
        stored = trainers.get(name)
        if not stored:
            return None
        right: bool = await asyncio.to_thread(check_password, password, stored)
        return {"name": name, "admin": True} if right else None


class JoinHandler(BaseHandler):
    """The learner link: a valid code logs this browser in and starts its learner app."""

    async def get(self) -> None:
        raw = self.get_argument("code", "")
        code = normalise_code(raw)
        current = self.current_user
        if current is not None and code and session_of(current.name) == code:
            self.redirect(self._server_url(current.name, code))
            return
        user = await self.login_user({"code": code}) if code else None
        if user is None:
            self.set_status(403)
            self.set_header("Cache-Control", "no-store")
            self.finish(join_refused_page(self.authenticator.words))
            return
        self.redirect(self._server_url(user.name, code))

    def _server_url(self, name: str, code: str) -> str:
        server = url_path_join(self.base_url, "user", name, "/") + f"?code={code}"
        spawn = url_path_join(self.hub.base_url, "spawn", name)
        return f"{spawn}?next={quote(server, safe='')}"


def join_refused_page(words: dict[str, str]) -> str:
    esc = html.escape
    return (
        f"<!doctype html><html {page_attributes(words.get('language', 'en'))}><head>"
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{esc(words.get('join_refused_heading', ''))}</title>"
        "<style>body{font:1.125rem/1.5 system-ui,sans-serif;color:#1a1a1a;margin:0}"
        "main{max-width:36rem;margin:2rem auto;padding:0 1rem}</style></head><body><main>"
        f"<h1>{esc(words.get('join_refused_heading', ''))}</h1>"
        f"<p>{esc(words.get('join_refused_text', ''))}</p></main></body></html>"
    )
