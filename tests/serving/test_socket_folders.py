"""A server or zygote killed outright (SIGKILL, the out-of-memory killer) cannot remove its socket
folder; the next to start removes such folders, and only those: this user's, old enough, whose
marker socket nobody holds. A kernels' folder too long for a socket's path leaves kernels on TCP."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coproduce.serving import socket_folders
from coproduce.serving.forked_kernels import Zygote
from coproduce.serving.socket_folders import KERNELS_PREFIX, ZYGOTE_PREFIX, sweep_stale_folders

needs_proc = pytest.mark.skipif(
    not socket_folders.BOUND_SOCKETS.exists(), reason="no /proc/net/unix on this system"
)


@pytest.fixture
def temp() -> Iterator[Path]:
    # Short, for socket paths (at most 107 bytes); not pytest's tmp_path, which can be longer.
    folder = Path(tempfile.mkdtemp(prefix="cp-sweep-"))
    yield folder
    shutil.rmtree(folder)


def _folder(temp: Path, name: str, age: float, bound: bool = False) -> tuple[Path, socket.socket]:
    folder = temp / name
    folder.mkdir(mode=0o700)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(folder / "socket"))
    if bound:
        listener.listen(1)
    else:
        listener.close()  # the file stays, bound by nobody: its zygote was killed
    then = time.time() - age
    os.utime(folder, (then, then))
    return folder, listener


@needs_proc
def test_only_old_folders_whose_socket_nobody_holds_are_removed(temp: Path) -> None:
    killed, _ = _folder(temp, f"{ZYGOTE_PREFIX}killed", age=600)
    live, listener = _folder(temp, f"{ZYGOTE_PREFIX}live", age=600, bound=True)
    server_killed, _ = _folder(temp, f"{KERNELS_PREFIX}killed", age=600)
    server_live, marker = _folder(temp, f"{KERNELS_PREFIX}live", age=600, bound=True)
    starting, _ = _folder(temp, f"{ZYGOTE_PREFIX}starting", age=1)
    other, _ = _folder(temp, "someone-else-old", age=600)
    theirs, _ = _folder(temp, f"{ZYGOTE_PREFIX}theirs", age=600)
    if os.getuid() == 0:  # as root (CI), another user's folder can be made
        os.chown(theirs, 65534, 65534)
    try:
        removed = sweep_stale_folders(temp)
    finally:
        listener.close()
        marker.close()
    assert sorted(removed) == sorted([killed, server_killed])
    assert not killed.exists() and not server_killed.exists()
    assert live.exists() and server_live.exists() and starting.exists() and other.exists()
    assert theirs.exists() or os.getuid() != 0


@needs_proc
def test_a_new_zygote_removes_the_folder_a_killed_one_left(
    temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    first, second = Zygote(), Zygote()
    try:
        asyncio.run(first._running())
        assert first.process is not None
        first.process.send_signal(signal.SIGKILL)
        first.process.wait()
        left = Path(first.folder)
        assert left.is_dir()  # killed outright, it could not tidy up
        then = time.time() - 600
        os.utime(left, (then, then))
        asyncio.run(second._running())
        assert not left.exists()
        assert Path(second.path).is_socket()  # the new zygote's own is kept
    finally:
        for zygote in (first, second):
            if zygote.process is not None and zygote.process.poll() is None:
                zygote.process.terminate()
                zygote.process.wait()


def test_a_temporary_folder_too_long_for_a_socket_path_leaves_kernels_on_tcp(
    temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Long enough that the folder's marker fits a socket's path but a kernel's sockets do not.
    long = temp / ("x" * (63 - len(str(temp)) - 1))
    long.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(long))
    monkeypatch.setattr(socket_folders, "_kernels_folder", None)
    monkeypatch.setattr(socket_folders, "_marker", None)
    assert socket_folders.kernel_socket_prefix("0123456789abcdef") is None
    made = socket_folders._kernels_folder
    assert made is not None and Path(made).parent == long  # made, but too deep for sockets


def test_a_kernel_socket_prefix_is_short_and_in_a_private_folder_marked_live(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(socket_folders, "_kernels_folder", None)
    monkeypatch.setattr(socket_folders, "_marker", None)
    prefix = socket_folders.kernel_socket_prefix("0123456789abcdef")
    assert prefix is not None and len(prefix) + 3 <= socket_folders.LONGEST_PATH
    folder = Path(prefix).parent
    assert folder.name.startswith(KERNELS_PREFIX) and folder.stat().st_mode & 0o777 == 0o700
    if socket_folders.BOUND_SOCKETS.exists():
        assert str(folder / "socket") in socket_folders.BOUND_SOCKETS.read_text()
    assert socket_folders.kernel_socket_prefix("fedcba9876543210") == str(folder / "fedcba98")
