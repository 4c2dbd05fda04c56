"""Watching a kernel's activity for the idle cull, reading only what that needs.

jupyter_server decodes every message a kernel publishes (checking its signature, turning every
date-like string into a date) only to note when the kernel was last active and whether it is
busy. With a class joining, that was a fifth of the learner server's time. This reads the
message's header and parent header, and the content only of a status message: the same record,
kept the same way.
"""

from __future__ import annotations

import json
from typing import Any

from jupyter_server._tz import utcnow

DELIMITER = b"<IDS|MSG>"


def _frames(parts: list[Any]) -> list[bytes]:
    """Header, parent header, metadata, content (and buffers): what follows the signature."""
    raw = [bytes(part) for part in parts]
    return raw[raw.index(DELIMITER) + 2 :]


def watch_activity(manager: Any, kernel_id: str) -> None:
    """What `MappingKernelManager.start_watching_activity` does, without decoding whole messages."""
    kernel = manager._kernels[kernel_id]
    kernel.reason = ""
    kernel.last_activity = utcnow()
    kernel._activity_stream = kernel.connect_iopub()

    def record(parts: list[Any]) -> None:
        frames = _frames(parts)
        msg_type = json.loads(frames[0]).get("msg_type")
        parent_type = (json.loads(frames[1]) or {}).get("msg_type")
        tracked = manager.track_message_type(parent_type)
        if manager.track_message_type(msg_type) or tracked or kernel.execution_state == "busy":
            manager.last_kernel_activity = kernel.last_activity = utcnow()
        if msg_type == "status":
            state = json.loads(frames[3]).get("execution_state")
            if tracked:
                kernel.execution_state = state
            elif kernel.execution_state == "starting" and state != "starting":
                kernel.execution_state = "idle"

    kernel._activity_stream.on_recv(record)
