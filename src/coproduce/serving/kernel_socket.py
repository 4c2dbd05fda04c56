"""The kernel websocket, for a page that goes away while its socket is opening.

A learner who reloads quickly closes the socket in the middle of its handshake: jupyter_server's
handler then meets its own connection already gone and prints two tracebacks and a missing-
template error into the trainer's terminal. Nothing is wrong, so this one simply stops there.
"""

from __future__ import annotations

from typing import Any

from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler


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
