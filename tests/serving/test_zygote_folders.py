"""A zygote killed outright (SIGKILL, the out-of-memory killer) cannot remove its socket folder;
the next zygote to start removes such folders, and only those: this user's, old enough, with no
live socket in them."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coproduce.serving import forked_kernels
from coproduce.serving.forked_kernels import FOLDER_PREFIX, Zygote, sweep_stale_folders

needs_proc = pytest.mark.skipif(
    not forked_kernels.BOUND_SOCKETS.exists(), reason="no /proc/net/unix on this system"
)


@pytest.fixture
def temp() -> Iterator[Path]:
    # Short, for socket paths (at most 107 bytes); not pytest's tmp_path, which can be longer.
    folder = Path(tempfile.mkdtemp(prefix="cp-sweep-"))
    yield folder
    for child in folder.iterdir():
        for inner in child.iterdir():
            inner.unlink()
        child.rmdir()
    folder.rmdir()


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
    killed, _ = _folder(temp, f"{FOLDER_PREFIX}killed", age=600)
    live, listener = _folder(temp, f"{FOLDER_PREFIX}live", age=600, bound=True)
    starting, _ = _folder(temp, f"{FOLDER_PREFIX}starting", age=1)
    other, _ = _folder(temp, "someone-else-old", age=600)
    theirs, _ = _folder(temp, f"{FOLDER_PREFIX}theirs", age=600)
    if os.getuid() == 0:  # as root (CI), another user's folder can be made
        os.chown(theirs, 65534, 65534)
    try:
        removed = sweep_stale_folders(temp)
    finally:
        listener.close()
    assert removed == [killed]
    assert not killed.exists()
    assert live.exists() and starting.exists() and other.exists()
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
