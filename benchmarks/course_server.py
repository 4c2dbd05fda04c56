"""A course server for the benchmarks: `coproduce serve` or plain Voila on a copy of the course,
and what its process tree holds (kernels, memory, CPU)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import suppress
from pathlib import Path
from typing import Any

import jupytext
import nbformat
import psutil

from coproduce.serving.forked_kernels import is_kernel

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
COURSE_FOLDERS = ("course", "modules", "exercises", "facilitator_notes")
TIMEOUT_S = 300.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_course(work: Path, class_size: int | None, extra: list[str]) -> tuple[Any, str, Path]:
    course = work / "course"
    course.mkdir(parents=True, exist_ok=True)
    for folder in COURSE_FOLDERS:
        subprocess.run(["cp", "-r", str(ROOT / folder), str(course / folder)], check=False)
    port = free_port()
    log = work / "serve.log"
    command = [
        str(Path(sys.executable).with_name("coproduce")),
        "--course",
        str(course),
        "serve",
        "--no-browser",
        "--port",
        str(port),
        "--trainer-port",
        str(free_port()),
        "--data-dir",
        str(work / "data"),
        *(["--class-size", str(class_size)] if class_size else []),
        *extra,
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=log.open("w"), text=True, start_new_session=True
    )
    assert process.stdout is not None
    link = ""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline and not link:
        line = process.stdout.readline()
        if line.startswith("Learner link:"):
            link = line.split(":", 1)[1].strip().replace("localhost", "127.0.0.1")
    try:
        wait_for(lambda: "learner.ipynb is filled with" in log.read_text(), "the pool")
    except SystemExit:
        stop(process)  # a server that never got ready must not outlive the run
        raise
    settle(process.pid)
    return process, link, log


def trainer_link(process: Any) -> str:
    """The trainer link `coproduce serve` prints after the learner link and its QR code."""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("Trainer link:"):
            return str(line.split(":", 1)[1].strip().replace("localhost", "127.0.0.1"))
        if not line:
            break
    raise SystemExit("coproduce serve printed no trainer link")


def start_plain_voila(work: Path) -> tuple[Any, str]:
    course = work / "course"
    course.mkdir(parents=True, exist_ok=True)
    for folder in COURSE_FOLDERS:
        subprocess.run(["cp", "-r", str(ROOT / folder), str(course / folder)], check=False)
    module = course / "modules" / "01-welcome"
    notebook = jupytext.read(module / "content.md")
    nbformat.write(notebook, module / "content.ipynb")
    port = free_port()
    env = {**os.environ, "COPRODUCE_COURSE_DIR": str(course)}
    process = subprocess.Popen(
        [sys.executable, "-m", "voila", "content.ipynb", "--no-browser", f"--port={port}"],
        cwd=module,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(work / "voila.log").open("w"),
        start_new_session=True,
    )
    wait_for(lambda: _answers(f"http://127.0.0.1:{port}/voila/static/voila.js"), "plain Voila")
    return process, f"http://127.0.0.1:{port}/"


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def wait_for(ready: Any, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.25)
    raise SystemExit(f"timed out waiting for {what}")


def tree(pid: int) -> list[psutil.Process]:
    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


def kernels(pid: int) -> list[psutil.Process]:
    return [process for process in tree(pid)[1:] if is_kernel(process)]


def zygotes(pid: int) -> list[psutil.Process]:
    """The processes the kernels are forked from (serving/kernel_zygote.py)."""
    found = []
    for process in tree(pid)[1:]:
        with suppress(psutil.Error):
            # A forked kernel keeps the zygote's command line: told apart by its name.
            if "kernel_zygote" in " ".join(process.cmdline()) and not is_kernel(process):
                found.append(process)
    return found


def kernel_memory_mb(pid: int) -> tuple[int, float]:
    """Kernels, and their resident memory summed (pages they share counted in each)."""
    total = 0
    found = kernels(pid)
    for process in found:
        with suppress(psutil.Error):
            total += process.memory_info().rss
    return len(found), total / 1e6


def kernel_pss_mb(pid: int) -> float:
    """The memory the kernels and their zygote take together: each shared page counted once
    (proportional set size), as the machine feels it."""
    total = 0
    for process in [*kernels(pid), *zygotes(pid)]:
        with suppress(psutil.Error):
            total += process.memory_full_info().pss
    return total / 1e6


def server_cpu_seconds(pid: int) -> float:
    """CPU of the processes that serve pages and relay messages (not the kernels)."""
    total = 0.0
    for process in tree(pid):
        try:
            if is_kernel(process) or "kernel_zygote" in " ".join(process.cmdline()):
                continue
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return total


def cpu_seconds(pid: int) -> float:
    total = 0.0
    for process in tree(pid):
        try:
            times = process.cpu_times()
            total += times.user + times.system + times.children_user + times.children_system
        except psutil.NoSuchProcess:
            continue
    return total


def settle(pid: int, quiet_share: float = 0.15, seconds: float = 60.0) -> None:
    """Wait until the server and its kernels use little CPU (a pool finished warming)."""
    deadline = time.monotonic() + seconds
    last = cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(1.0)
        now = cpu_seconds(pid)
        if now - last < quiet_share:
            return
        last = now


def stop(process: Any) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


def learner_pages(pid: int) -> int | None:
    """Learner pages holding a kernel, as the learner server counts them (the trainer app's
    figure), read with the key `coproduce serve` gave its Voila processes."""
    import json

    for process in tree(pid)[1:]:
        try:
            if "learner.ipynb" not in " ".join(process.cmdline()):
                continue
            url, _, key = process.environ().get("COPRODUCE_POOL_STATUS", "").partition(" ")
        except psutil.Error:
            continue
        if not url:
            return None
        request = urllib.request.Request(url, headers={"X-Coproduce-Pool-Key": key})
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(json.loads(response.read())["learners"])
    return None
