"""Careless and hostile clients against the kernel budget: rapid reloads, script-less clients and
browsers that vanish, each measured against the server's own baseline in the same run.

Phases, each on the same `coproduce serve` (default class size unless --class-size):

1. reloads: one real Chromium page reloaded N times, each reload as soon as the page's HTML
   has arrived (a learner hammering refresh). A page that unloads sends Voila's shutdown beacon.
2. script-less: M plain HTTP clients fetch the learner link at once and never run the page's
   JavaScript, so their kernels are never connected; the cap answers the rest with the
   room-full page.
3. vanished: K Chromium pages join, then their browser contexts are closed without unloading
   (a phone put away, a browser killed), so no beacon is sent.

For each: peak and settled learner pages holding a kernel (as the server counts them), all
kernels and their memory (RSS) against the baseline (the warm pool before the phase), and the
seconds until no learner page held a kernel and the kernel count was back to the baseline.
The culls work on the server's real clock (90 s for unconnected pages, 600 s for pages that
went away, checked every 15 s); --quick shortens both so a run takes a few minutes.

Run: python benchmarks/refresh_storm.py [--reloads 30] [--clients 10] [--vanished 5] [--quick]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import shutil
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from course_server import (
    CHROMIUM,
    FLAGS,
    kernel_memory_mb,
    learner_pages,
    settle,
    start_course,
    stop,
)
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

READY = ".cp-join-text input, .cp-agenda-item"


@dataclass
class Phase:
    name: str
    baseline_kernels: int
    baseline_mb: float
    peak_pages: int = 0  # learner pages holding a kernel, as the server counts them
    settled_pages: int = 0
    peak_kernels: int = 0
    peak_mb: float = 0.0
    settled_kernels: int = 0
    settled_mb: float = 0.0
    settle_s: float | None = None  # None: not back to the baseline within the wait
    refused: int = 0  # room-full answers


class Watch:
    """Samples the server's kernels; keeps the peak."""

    def __init__(self, pid: int, phase: Phase) -> None:
        self.pid = pid
        self.phase = phase

    def sample(self) -> tuple[int, float, int]:
        count, memory = kernel_memory_mb(self.pid)
        pages = learner_pages(self.pid) or 0
        if count > self.phase.peak_kernels:
            self.phase.peak_kernels, self.phase.peak_mb = count, memory
        self.phase.peak_pages = max(self.phase.peak_pages, pages)
        return count, memory, pages

    def until_settled(self, wait_s: float) -> None:
        started = time.monotonic()
        while True:
            count, memory, pages = self.sample()
            self.phase.settled_kernels, self.phase.settled_mb = count, memory
            self.phase.settled_pages = pages
            if count <= self.phase.baseline_kernels and pages == 0:
                self.phase.settle_s = time.monotonic() - started
                return
            if time.monotonic() - started > wait_s:
                return
            time.sleep(1.0)


def begin(name: str, pid: int) -> tuple[Phase, Watch]:
    settle(pid)
    count, memory = kernel_memory_mb(pid)
    phase = Phase(name, count, memory)
    return phase, Watch(pid, phase)


def reloads(browser: Any, link: str, pid: int, count: int, wait_s: float) -> Phase:
    phase, watch = begin(f"{count} rapid reloads (Chromium)", pid)
    page = browser.new_context().new_page()
    page.goto(link, wait_until="commit")
    for _ in range(count):
        try:
            page.reload(wait_until="domcontentloaded")
        except PlaywrightError:  # a reload racing the last one's navigation: press again
            page.wait_for_timeout(200)
        watch.sample()
    # The last page is a learner's, once the room has space for them again.
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        try:
            page.locator(READY).first.wait_for(timeout=15_000)
            break
        except PlaywrightTimeout:
            phase.refused += 1
            page.reload()
    page.close(run_before_unload=True)  # the learner leaves properly at the end
    watch.until_settled(wait_s)
    return phase


def _fetch(link: str) -> int:
    try:
        with urllib.request.urlopen(link, timeout=120) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def script_less(link: str, pid: int, count: int, wait_s: float) -> Phase:
    phase, watch = begin(f"{count} script-less clients at once", pid)
    with concurrent.futures.ThreadPoolExecutor(count) as pool:
        statuses = list(pool.map(_fetch, [link] * count))
    phase.refused = statuses.count(503)
    watch.until_settled(wait_s)
    return phase


def vanished(
    browser: Any, link: str, pid: int, count: int, connected_s: float, wait_s: float
) -> Phase:
    phase, watch = begin(f"{count} browsers that vanish", pid)
    contexts = []
    for _ in range(count):
        context = browser.new_context()
        page = context.new_page()
        page.goto(link)
        page.locator(READY).first.wait_for(timeout=120_000)
        contexts.append(context)
        watch.sample()
    time.sleep(connected_s)  # connected through a cull pass, as a real learner would be
    watch.sample()
    for context in contexts:
        context.close()  # no beforeunload, so no shutdown beacon
    watch.until_settled(wait_s)
    return phase


def show(phase: Phase) -> None:
    back = f"{phase.settle_s:.0f} s" if phase.settle_s is not None else "not within the wait"
    print(
        f"{phase.name}: learner pages peak {phase.peak_pages}, settled {phase.settled_pages}; "
        f"baseline {phase.baseline_kernels} kernels ({phase.baseline_mb:.0f} MB); "
        f"peak {phase.peak_kernels} ({phase.peak_mb:.0f} MB, "
        f"x{phase.peak_mb / max(phase.baseline_mb, 1):.2f}); settled {phase.settled_kernels} "
        f"({phase.settled_mb:.0f} MB, x{phase.settled_mb / max(phase.baseline_mb, 1):.2f}) "
        f"after {back}" + (f"; {phase.refused} told the room is full" if phase.refused else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reloads", type=int, default=30)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--vanished", type=int, default=5)
    parser.add_argument("--class-size", type=int, default=None)
    parser.add_argument("--quick", action="store_true", help="culls after 20 s and 30 s")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--log", type=Path, default=None, help="keep the server's log here")
    args = parser.parse_args()
    unconnected, left = (20.0, 30.0) if args.quick else (90.0, 600.0)
    # Wait for two cull passes (every 15 s) past the longest cull that applies.
    extra = ["--unconnected-seconds", str(unconnected), "--left-seconds", str(left)]
    with tempfile.TemporaryDirectory() as folder:
        process, link, log = start_course(Path(folder), args.class_size, extra)
        phases = []
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
                phases.append(reloads(browser, link, process.pid, args.reloads, unconnected + 40))
                show(phases[-1])
                phases.append(script_less(link, process.pid, args.clients, unconnected + 40))
                show(phases[-1])
                phases.append(vanished(browser, link, process.pid, args.vanished, 20, left + 40))
                show(phases[-1])
                browser.close()
        finally:
            stop(process)
            if args.log:
                shutil.copyfile(log, args.log)
    if args.json:
        args.json.write_text(json.dumps([asdict(phase) for phase in phases], indent=2))


if __name__ == "__main__":
    main()
