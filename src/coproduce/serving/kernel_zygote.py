"""The kernel zygote: one process per app server that has already imported everything a learner
kernel needs (ipykernel, ipywidgets, the course engine) and forks each new kernel from itself.

A kernel started the usual way spends about a second of CPU importing, and holds those imports
in memory of its own: 40 learners arriving together start 40 of them on two cores, and hold
40 copies. A forked kernel starts from the imports already made, and shares their memory pages
with the zygote and with every other kernel until it writes to them (copy on write; the
objects are frozen out of the garbage collector's way first, so that collecting does not write
to every page). See serving/forked_kernels.py for the side that asks for a kernel.

Protocol, on a Unix socket only the server's user can open: one JSON line asking for a kernel
(`argv` after `-m ipykernel_launcher`, `env`, `cwd`), one JSON line back (`pid`). Run as
`python -m coproduce.serving.kernel_zygote SOCKET`; it ends when its parent, the server, does.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import importlib
import json
import os
import shutil
import signal
import socket
import sys
import traceback
from typing import Any

# What a learner or trainer kernel imports anyway; each one imported here is shared by every
# kernel forked after. Nothing here may start a thread or open a socket at import time.
PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.comm",
    "IPython.core.interactiveshell",
    "ipywidgets",
    "anywidget",
    "sqlalchemy",
    "coproduce.apps.learner_app",
    "coproduce.apps.trainer_app",
)
WAIT_FOR_ACCEPT = 1.0  # seconds between checks that the server is still there
# What `ps` and psutil's name() call a forked kernel (its command line is the zygote's).
KERNEL_PROCESS_NAME = "ipykernel-fork"
PR_SET_NAME = 15  # prctl(2)


def preload() -> None:
    # Each kind's view too: imported on first use, a room's move to a part made every kernel
    # import that part's kinds at the same moment.
    from coproduce.kinds.registry import view_modules

    for name in (*PRELOAD, *view_modules()):
        try:
            importlib.import_module(name)
        except Exception:  # a kernel that needs it will import it (and say why) itself
            traceback.print_exc()


def serve(path: str) -> None:
    # No collection while importing: it would leave holes among the imported objects, which a
    # kernel's new objects would fill, copying those pages into every kernel.
    gc.disable()
    preload()
    gc.freeze()
    # Kernels are reaped by the system as they end: the server polls them by pid.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _ended)  # asked to stop: tidy up as when the server ends
    parent = os.getppid()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old_mask = os.umask(0o177)  # the socket is the server user's alone
    try:
        listener.bind(path)
    finally:
        os.umask(old_mask)
    listener.listen(64)
    listener.settimeout(WAIT_FOR_ACCEPT)
    try:
        while os.getppid() == parent:
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection:
                _answer(connection, listener)
    finally:  # the server has gone, however it went: its socket and folder go too
        listener.close()
        shutil.rmtree(os.path.dirname(path), ignore_errors=True)


def _ended(_signum: int, _frame: object) -> None:
    raise SystemExit(0)


def _answer(connection: socket.socket, listener: socket.socket) -> None:
    connection.settimeout(10)
    try:
        request = json.loads(_read_line(connection))
        answer: dict[str, Any] = {"pid": _fork_kernel(request, listener, connection)}
    except Exception as error:  # told to the server, which starts the kernel itself
        answer = {"error": f"{type(error).__name__}: {error}"}
    connection.sendall(json.dumps(answer).encode() + b"\n")


def _read_line(connection: socket.socket) -> str:
    data = b""
    while not data.endswith(b"\n"):
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    return data.decode()


def _fork_kernel(request: dict[str, Any], *inherited: socket.socket) -> int:
    argv = [str(arg) for arg in request["argv"]]
    env = {str(key): str(value) for key, value in request["env"].items()}
    cwd = str(request.get("cwd") or os.getcwd())
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        for held in inherited:
            held.close()
        os.setsid()  # its own process group, as a launched kernel has: signals reach it alone
        _name_process(KERNEL_PROCESS_NAME)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the kernel waits for its own children
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        gc.enable()  # for the kernel's own objects; the zygote's stay frozen
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        # It ends when the zygote does, as a launched kernel ends with its server.
        argv.append(f"--IPKernelApp.parent_handle={os.getppid()}")
        sys.argv = [sys.argv[0], *argv]
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize(argv)
        _as_if_imported_in_a_kernel()
        app.start()
        code = 0
    except SystemExit as ended:
        code = ended.code if isinstance(ended.code, int) else 0
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(code)


def _as_if_imported_in_a_kernel() -> None:
    """What a preloaded module does only when it is imported inside a running kernel: ipywidgets
    registers its comm targets then (without them a page never gets its widgets' state)."""
    import ipywidgets

    ipywidgets.register_comm_target()


def _name_process(name: str) -> None:
    # Not Linux: the kernel keeps the zygote's name.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(PR_SET_NAME, name.encode(), 0, 0, 0)


if __name__ == "__main__":
    serve(sys.argv[1])
