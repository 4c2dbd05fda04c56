"""Starting and stopping `coproduce serve`: a busy port is refused, a plain kill stops all, and
kernels talk to their server over private Unix sockets."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil

from coproduce.serving.forked_kernels import is_kernel
from coproduce.serving.socket_folders import KERNELS_PREFIX

from ..conftest import Server, copy_course, start_server, stop_server

COPRODUCE = str(Path(sys.executable).with_name("coproduce"))


def test_a_port_in_use_is_refused_with_a_plain_message(tmp_path: Path) -> None:
    course = copy_course(tmp_path / "course")
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        command = [COPRODUCE, "--course", str(course), "serve", "--no-browser"]
        command += ["--port", str(port), "--data-dir", str(tmp_path / "data")]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert f"Port {port} is already in use" in result.stderr
    assert "Learner link:" not in result.stdout and "Traceback" not in result.stderr


def test_a_plain_kill_stops_both_servers_and_every_kernel(tmp_path: Path) -> None:
    server = start_server(copy_course(tmp_path / "course"), tmp_path / "data", class_size=2)
    try:  # stopped in the end whatever fails, so that no server outlives the test
        children, kernels = _warm_kernels(server)
        assert len(kernels) >= 3  # two warm learner kernels and the trainer's
        server.process.send_signal(signal.SIGTERM)  # the parent only, as `kill PID` does
        server.process.wait(timeout=60)
        _, alive = psutil.wait_procs(children, timeout=30)
        assert alive == [], f"left running: {[process.cmdline() for process in alive]}"
    finally:
        stop_server(server.process)


def test_kernels_talk_over_private_unix_sockets_that_go_with_the_server(tmp_path: Path) -> None:
    """No kernel port on localhost for anyone to take first (or reach): each kernel's sockets
    are files in a folder only this user can open, and stopping the server removes it."""
    server = start_server(copy_course(tmp_path / "course"), tmp_path / "data", class_size=2)
    try:
        children, kernels = _warm_kernels(server)
        assert len(kernels) >= 3  # two warm learner kernels and the trainer's
        folders = set()
        for kernel in kernels:
            # At most the port ipykernel binds itself, at once, for its subprocesses' output.
            listening = [c for c in kernel.net_connections("inet") if c.status == "LISTEN"]
            assert len(listening) <= 1, listening
            paths = [Path(c.laddr) for c in kernel.net_connections("unix") if c.laddr]
            assert len(paths) >= 5, paths  # shell, iopub, stdin, control, heartbeat
            folders |= {path.parent for path in paths}
        assert len(folders) == 2  # one for each server: the learners' and the trainer's
        for folder in folders:
            assert folder.name.startswith(KERNELS_PREFIX)
            assert folder.stat().st_mode & 0o777 == 0o700
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=60)
        psutil.wait_procs(children, timeout=30)
        assert [folder for folder in folders if folder.exists()] == []
    finally:
        stop_server(server.process)


def _warm_kernels(server: Server) -> tuple[list[psutil.Process], list[psutil.Process]]:
    """The server's processes and its kernels, once both pools have filled (or a minute on)."""
    deadline = time.monotonic() + 60  # the pools fill as the servers come up
    while True:
        children = psutil.Process(server.process.pid).children(recursive=True)
        kernels = [child for child in children if is_kernel(child)]
        if len(kernels) >= 3 or time.monotonic() > deadline:
            return children, kernels
        time.sleep(0.5)
