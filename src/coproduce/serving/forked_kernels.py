"""Kernels forked from a zygote that has imported everything already (serving/kernel_zygote.py),
instead of a new Python that imports it all again: a kernel starts in a fraction of the CPU,
and shares the imports' memory with the others.

A jupyter_client kernel provisioner, named in the apps' kernel spec (serving/voila_command.py)
and registered as an entry point in pyproject.toml. It is LocalProvisioner in everything but
the launch: the zygote starts with the server's first kernel, and if it cannot fork one (it
failed to start, it died, the command is not ipykernel's), the kernel is launched the usual way
and the log says why. COPRODUCE_FORK_KERNELS=0 launches every kernel the usual way.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil
from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner

from coproduce.serving.kernel_zygote import KERNEL_PROCESS_NAME
from coproduce.serving.socket_folders import (
    MARKER,
    STARTING_SECONDS,
    ZYGOTE_PREFIX,
    kernel_socket_prefix,
    new_folder,
)

FORK_ENV = "COPRODUCE_FORK_KERNELS"
LAUNCHER = ["-m", "ipykernel_launcher"]


def is_kernel(process: psutil.Process) -> bool:
    """A running app kernel, forked or launched (for the benchmarks and tests that count them)."""
    try:
        if process.status() == psutil.STATUS_ZOMBIE:
            return False
        return process.name() == KERNEL_PROCESS_NAME or "ipykernel_launcher" in " ".join(
            process.cmdline()
        )
    except psutil.Error:
        return False


class ForkedProcess:
    """What LocalProvisioner needs of a Popen, for a kernel the zygote forked: it is not this
    process's child, so it is watched by pid (and start time, against a pid used again)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        try:
            self._started = psutil.Process(pid).create_time()
        except psutil.Error:
            self.returncode = 1

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                process = psutil.Process(self.pid)
                ended = process.create_time() != self._started
                ended = ended or process.status() == psutil.STATUS_ZOMBIE
            except psutil.Error:
                ended = True
            if ended:
                self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0)
            time.sleep(0.05)
        return code

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class Zygote:
    """The server's one zygote, started on first use and again if it has ended."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.folder = self.path = ""  # its socket's, made as it starts
        self.lock = asyncio.Lock()

    async def fork(self, argv: list[str], env: dict[str, str], cwd: str) -> int:
        async with self.lock:
            await self._running()
        reader, writer = await asyncio.open_unix_connection(self.path)
        try:
            request = {"argv": argv, "env": env, "cwd": cwd}
            writer.write(json.dumps(request).encode() + b"\n")
            await writer.drain()
            answer = json.loads(await asyncio.wait_for(reader.readline(), 30))
        finally:
            writer.close()
        if "pid" not in answer:
            raise OSError(answer.get("error", "no answer"))
        return int(answer["pid"])

    async def _running(self) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        # Mode 0700; the zygote removes it when it ends (it ends with this server).
        self.folder = new_folder(ZYGOTE_PREFIX)
        self.path = str(Path(self.folder) / MARKER)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "coproduce.serving.kernel_zygote", self.path],
            stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + STARTING_SECONDS
        while not os.path.exists(self.path):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise OSError("the kernel zygote did not start")
            await asyncio.sleep(0.05)


_zygote: Zygote | None = None


def zygote() -> Zygote:
    global _zygote
    if _zygote is None:
        _zygote = Zygote()
    return _zygote


def forking_wanted(env: dict[str, str] | os._Environ[str]) -> bool:
    return env.get(FORK_ENV, "1") != "0" and hasattr(os, "fork")


class ForkedKernelProvisioner(LocalProvisioner):
    """LocalProvisioner, with kernels forked from the zygote when it can, talking to the server
    over Unix sockets in its private folder (socket_folders.py says why)."""

    async def pre_launch(self, **kwargs: Any) -> dict[str, Any]:
        manager = self.parent
        if manager is not None and manager.transport == "tcp" and not self.ports_cached:
            prefix = kernel_socket_prefix(self.kernel_id)
            if prefix is None:
                self.log.warning("Kernel %s on TCP ports: no folder for sockets", self.kernel_id)
            else:
                manager.transport, manager.ip, manager.cache_ports = "ipc", prefix, False
        return await super().pre_launch(**kwargs)

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        env = dict(kwargs.get("env") or os.environ)
        if cmd[1:3] != LAUNCHER or not forking_wanted(os.environ):
            return await super().launch_kernel(cmd, **kwargs)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            pid = await zygote().fork(cmd[3:], env, cwd)
        except (OSError, ValueError) as error:  # a timeout is an OSError too
            self.log.warning("Starting a kernel the usual way: could not fork one (%s)", error)
            return await super().launch_kernel(cmd, **kwargs)
        self.process = ForkedProcess(pid)  # type: ignore[assignment]  # Popen's calls, by pid
        self.pid = pid
        self.pgid = pid  # the forked kernel leads its own process group
        self.cwd = cwd
        return self.connection_info
