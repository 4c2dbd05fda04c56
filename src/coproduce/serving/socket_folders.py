"""Private folders for a server's Unix sockets: its kernel zygote's, and its kernels' own.

Kernels talk to their server over Unix sockets in such a folder, not over TCP ports on
localhost. jupyter_client finds a kernel's five TCP ports by binding port 0 and letting go, and
the kernel binds them a moment later; in that moment a port can be taken by someone else (the
other server starting kernels too, or the source port of one of this server's own connections
to a kernel, which comes from the same range). With a class arriving together that happened:
a kernel's heartbeat failed with "Address already in use" and printed a traceback into the
trainer's terminal. A socket's path is chosen, not found free, so nothing can take it first; and
in a folder of mode 0700 no other local user can reach a kernel at all.

A folder is marked live by a socket its owner holds bound (the zygote's listener; the server's
own marker for its kernels' folder), so a server killed outright (SIGKILL, the out-of-memory
killer), which had no chance to remove its folders, leaves folders the next server can tell
apart and remove.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import socket
import tempfile
import time
from pathlib import Path

ZYGOTE_PREFIX = "coproduce-zygote-"
KERNELS_PREFIX = "coproduce-kernels-"
MARKER = "socket"  # the socket whose being bound says the folder's owner is alive
STARTING_SECONDS = 60.0  # a zygote's imports, on a machine busy starting a class
BOUND_SOCKETS = Path("/proc/net/unix")  # Linux: every bound Unix socket, with its path
# sun_path holds 108 bytes on Linux, 104 on macOS; ZMQ adds "-N" for each of a kernel's sockets.
LONGEST_PATH = 100

_kernels_folder: str | None = None
_marker: socket.socket | None = None


def new_folder(prefix: str) -> str:
    """A new folder of mode 0700 in the temporary folder, after removing any a killed server
    left there."""
    sweep_stale_folders(Path(tempfile.gettempdir()))
    return tempfile.mkdtemp(prefix=prefix)


def kernel_socket_prefix(kernel_id: str) -> str | None:
    """Where a kernel's Unix sockets go (jupyter_client adds "-1" to "-5"), in this server's
    folder; None if one cannot be made here, and the kernel uses TCP ports as before."""
    global _kernels_folder, _marker
    if _kernels_folder is None or not os.path.isdir(_kernels_folder):
        if not hasattr(socket, "AF_UNIX"):
            return None
        try:
            folder = new_folder(KERNELS_PREFIX)
            marker = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            marker.bind(os.path.join(folder, MARKER))
        except OSError:
            return None
        _kernels_folder, _marker = folder, marker
        atexit.register(_remove, folder, marker)
    prefix = os.path.join(_kernels_folder, kernel_id[:8])
    return prefix if len(prefix) + 3 <= LONGEST_PATH else None


def _remove(folder: str, marker: socket.socket) -> None:
    with contextlib.suppress(OSError):
        marker.close()
    shutil.rmtree(folder, ignore_errors=True)


def sweep_stale_folders(temp: Path) -> list[Path]:
    """Remove the socket folders of servers and zygotes that were killed outright: this user's,
    older than a zygote takes to start, whose marker socket nobody has bound. Without /proc,
    nothing is removed."""
    try:
        bound = {line.split()[-1] for line in BOUND_SOCKETS.read_text().splitlines()[1:]}
    except OSError:
        return []
    now = time.time()
    removed = []
    for prefix in (ZYGOTE_PREFIX, KERNELS_PREFIX):
        for folder in temp.glob(f"{prefix}*"):
            try:
                info = folder.lstat()
            except OSError:
                continue
            old = now - info.st_mtime > STARTING_SECONDS
            stale = old and str(folder / MARKER) not in bound
            if folder.is_dir() and not folder.is_symlink() and info.st_uid == os.getuid() and stale:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed
