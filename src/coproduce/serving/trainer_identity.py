"""Who may open the trainer app: the trainer's token, or a co-trainer's own link, not revoked.

Used by the trainer server only, and only when a token protects it (`--trainer-token`). A
co-trainer's token becomes a signed cookie like the trainer's; the cookie is checked against
the store on every request, so a revoked link signs its holder out at their next request, and
the kernel socket (`kernel_socket.py`) closes an open page within seconds.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from jupyter_server.auth.identity import PasswordIdentityProvider, User

from coproduce.config.settings import find_course_root, live_session_code, store_target
from coproduce.live.co_trainers import PREFIX, CoTrainers
from coproduce.live.store import Store


class TrainerIdentity(PasswordIdentityProvider):
    @cached_property
    def _co_trainers(self) -> CoTrainers:
        return CoTrainers(Store(store_target(find_course_root())))

    def _co_trainer(self, token: str) -> User | None:
        code = live_session_code()
        found = self._co_trainers.holder(code, token) if code and token else None
        if found is None:
            return None
        return User(PREFIX + found, name="Co-trainer", display_name="Co-trainer", initials="CT")

    def still_allowed(self, user: Any) -> bool:
        """The trainer always; a co-trainer while their link is not revoked."""
        username = getattr(user, "username", "")
        if not isinstance(username, str) or not username.startswith(PREFIX):
            return True
        code = live_session_code()
        return code is not None and self._co_trainers.active(code, username.removeprefix(PREFIX))

    async def get_user_token(self, handler: Any) -> User | None:
        user = await super().get_user_token(handler)
        if user is not None:
            return user
        return self._co_trainer(self.get_token(handler) or "")

    def user_from_cookie(self, cookie_value: str) -> User | None:
        user = super().user_from_cookie(cookie_value)
        return user if user is not None and self.still_allowed(user) else None

    def process_login_form(self, handler: Any) -> User | None:
        user = super().process_login_form(handler)
        if user is not None:
            return user
        return self._co_trainer(handler.get_argument("password", default=""))
