"""The kernel websocket, for a page that goes away while its socket is opening.

A learner who reloads quickly closes the socket in the middle of its handshake: jupyter_server's
handler then meets its own connection already gone and prints two tracebacks and a missing-
template error into the trainer's terminal. Nothing is wrong, so this one simply stops there.
Likewise a page that closes while the kernel's messages are on their way: the unsent ones are
dropped quietly instead of ending as "Task exception was never retrieved". On the trainer
server, a co-trainer's socket closes once their link is revoked.
"""

from __future__ import annotations

from typing import Any

from tornado.ioloop import PeriodicCallback
from tornado.websocket import WebSocketClosedError
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

REVOKED_CHECK_MS = 2000


class KernelSocket(VoilaKernelWebsocketHandler):
    def select_subprotocol(self, subprotocols: Any) -> Any:
        if self.connection is None:  # the page closed during the handshake
            return None
        return super().select_subprotocol(subprotocols)

    async def open(self, kernel_id: str) -> None:
        if self.connection is None:
            self.close()
            return
        await super().open(kernel_id)
        # A co-trainer's page closes within seconds of their link being revoked (the trainer
        # server only: elsewhere the identity provider has no `still_allowed`).
        allowed = getattr(self.identity_provider, "still_allowed", None)
        if allowed is not None and not allowed(self.current_user):
            self.close()
        elif allowed is not None:
            self._revoked_watch = PeriodicCallback(self._close_if_revoked, REVOKED_CHECK_MS)
            self._revoked_watch.start()

    def _close_if_revoked(self) -> None:
        if not self.identity_provider.still_allowed(self.current_user):
            self._revoked_watch.stop()
            self.close()

    def on_close(self) -> None:
        watch = getattr(self, "_revoked_watch", None)
        if watch is not None:
            watch.stop()
        super().on_close()

    def write_message(self, message: Any, binary: bool = False) -> Any:
        try:
            sent = super().write_message(message, binary=binary)
        except WebSocketClosedError:
            return None  # the page has gone; its answers are in the store already
        if sent is not None:
            sent.add_done_callback(_settled)
        return sent


def _settled(sent: Any) -> None:
    """Retrieve a failed send's exception (the page closed), so asyncio does not report it."""
    if not sent.cancelled():
        sent.exception()
