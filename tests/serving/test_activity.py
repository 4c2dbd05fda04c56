"""The light activity watcher keeps the same record as jupyter_server's own, message by message."""

from __future__ import annotations

from typing import Any

import pytest
from jupyter_client.session import Session
from jupyter_server.services.kernels.kernelmanager import MappingKernelManager

from coproduce.serving.activity import watch_activity


class Stream:
    def on_recv(self, callback: Any) -> None:
        self.callback = callback


class Kernel:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.execution_state = "starting"
        self.stream = Stream()

    def connect_iopub(self) -> Stream:
        return self.stream


def _watched(session: Session, ours: bool) -> tuple[MappingKernelManager, Kernel]:
    manager = MappingKernelManager()
    kernel = Kernel(session)
    manager._kernels["k"] = kernel  # type: ignore[assignment]
    if ours:
        watch_activity(manager, "k")
    else:
        manager.start_watching_activity("k")
    return manager, kernel


STEPS = [
    ("status", {"execution_state": "idle"}, "kernel_info_request"),
    ("status", {"execution_state": "busy"}, "execute_request"),
    ("stream", {"name": "stdout", "text": "2024-01-01 is a date"}, "execute_request"),
    ("comm_msg", {"comm_id": "c", "data": {"state": {"value": "x"}}}, "comm_msg"),
    ("status", {"execution_state": "idle"}, "execute_request"),
    ("status", {"execution_state": "busy"}, "comm_info_request"),
    ("comm_msg", {"comm_id": "c", "data": {}}, None),
    ("status", {"execution_state": "idle"}, "comm_info_request"),
]


@pytest.mark.parametrize("upto", range(1, len(STEPS) + 1))
def test_same_record_as_jupyter_server(upto: int) -> None:
    session = Session(key=b"secret")
    records = []
    for ours in (False, True):
        _, kernel = _watched(session, ours)
        moved = []
        for msg_type, content, parent_type in STEPS[:upto]:
            parent = session.msg(parent_type, {}) if parent_type else {}
            message = session.msg(msg_type, content, parent=parent)
            before = getattr(kernel, "last_activity", None)
            kernel.stream.callback([b"topic", *session.serialize(message)])
            moved.append(kernel.last_activity != before)  # type: ignore[attr-defined]
        records.append((kernel.execution_state, moved))
    assert records[0] == records[1]
    assert records[1][0] in {"idle", "busy"}


def test_a_send_to_a_closed_page_is_not_reported_as_never_retrieved() -> None:
    import asyncio

    from tornado.websocket import WebSocketClosedError

    from coproduce.serving.kernel_socket import _settled

    async def failed_send() -> asyncio.Future[None]:
        sent: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        sent.add_done_callback(_settled)
        sent.set_exception(WebSocketClosedError())
        await asyncio.sleep(0)  # the callback runs
        return sent

    sent = asyncio.run(failed_send())
    assert sent._log_traceback is False  # type: ignore[attr-defined]  # asyncio reports none
