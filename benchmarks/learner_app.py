"""Benchmark the learner app against plain Voila, in headless Chromium.

What is measured, in one run, and why:

1. Learner app time-to-interactive (TTI): from the start of `page.goto(link)` until the first
   control (`.cp-textarea textarea, .cp-choice input`: in a live session, the join form's role
   choice) is visible and enabled. This is what a learner waits for after opening the link.
   The app runs under `coproduce serve`, whose pool of preheated kernels exists to make this
   fast; each sample uses a fresh browser context.
2. Plain Voila TTI, two baselines, each served by `python -m voila` with default settings (no
   preheating): (a) one module notebook (the first module, as a department lifts it out and
   previews it: the baseline the issue names), timed to its first exercise control; (b) a
   one-cell notebook showing one `RadioButtons` control, a stricter baseline that does no work
   of its own. The target is learner TTI / plain module TTI <= 0.7; the ratio against the
   one-widget page is printed too.
   A returning learner's TTI is also measured: a learner who has joined and opens the link
   again (or refreshes), timed to the first exercise control of the module they are taken to.
3. Module switch time: on one loaded learner page, from a click on an agenda button until that
   button is marked `aria-current="step"` and the module's exercise control is visible. Timed
   inside the page with `performance.now()`, so Playwright's round trips are not counted.
   Target: median under 150 ms.
4. Memory per learner kernel: resident set size (RSS) and unique set size (USS) of the
   `ipykernel_launcher` processes under the learner app's server, as a guide to how many
   learners one machine can hold.

Every page visit takes a kernel from the learner app's pool, and Voila starts a replacement a
moment later. So that refilling does not compete with the next measurement, the script waits
before each visit for Voila to log that the pool is full again and then for the server and its
kernels to go quiet: Voila logs "filled" as soon as the kernels have started, while they are
still running the app notebook. One unmeasured warm-up visit per server comes first.

Run with `python benchmarks/learner_app.py [--samples N] [--switches N] [--json PATH]`.
Chromium is taken from $CHROMIUM, else /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jupytext
import nbformat
import psutil
from course_server import CHROMIUM, COURSE_FOLDERS, ROOT
from course_server import FLAGS as CHROMIUM_FLAGS
from playwright.sync_api import Browser, Page, sync_playwright

from coproduce.serving.forked_kernels import is_kernel

LEARNER_CONTROL = ".cp-textarea textarea, .cp-choice input"
PLAIN_CONTROL = ".widget-radio-box input"
EXERCISE_CONTROL = ".cp-module-area :is(.cp-textarea textarea, .cp-choice input)"
PLAIN_MODULE = "01-welcome"
PLAIN_MODULE_CONTROL = ".cp-textarea textarea, .cp-choice input"
LEARNER_ID_KEY = "coproduce-learner-id"
AGENDA = 'nav[aria-label="Course agenda"]'
# A switch is done when the target module's first exercise control is usable and none of the
# module left behind is; each module's view carries the class cp-module-SLUG.
MODULE_CONTROL = ".cp-module-{slug} :is(textarea, input, button)"
SWITCHED_BETWEEN = 2  # the first two modules of the agenda
PLAIN_NOTEBOOK_SOURCE = (
    "import ipywidgets as w\nw.RadioButtons(options=['a', 'b', 'c'], description='Pick')"
)

CLASS_SIZE = 3  # the pool refills between visits, so it need not cover every sample
WARMUP_VISITS = 1
POOL_FILLED = "learner.ipynb is filled with"  # the trainer app has a pool of its own
VOILA_UP = "is running at"
START_TIMEOUT_S = 120.0
REFILL_TIMEOUT_S = 60.0
QUIET_WINDOW_S = 0.25
QUIET_WINDOWS = 2  # consecutive windows under the share below count as quiet
QUIET_CPU_SHARE = 0.05
PAGE_TIMEOUT_MS = 60_000
SWITCH_PAUSE_S = 0.3
TTI_RATIO_TARGET = 0.7
SWITCH_TARGET_MS = 150.0

# Resolves with performance.now() (ms since navigation start) once a control is usable.
READY_JS = """
(selector) => {
  for (const element of document.querySelectorAll(selector)) {
    const shown = element.getClientRects().length > 0
      && getComputedStyle(element).visibility !== "hidden";
    if (shown && !element.disabled) return performance.now();
  }
  return 0;
}
"""

# Clicks an agenda button and resolves with the ms until the switch is visible in the page.
SWITCH_JS = """
async ({ agenda, slug, show, hide, timeoutMs }) => {
  const usable = (element) => !element.disabled && element.getClientRects().length > 0;
  const button = () => document.querySelector(`${agenda} button[data-slug="${slug}"]`);
  const switched = () => {
    const current = button();
    return current !== null
      && current.getAttribute("aria-current") === "step"
      && Array.from(document.querySelectorAll(show)).some(usable)
      && !Array.from(document.querySelectorAll(hide)).some(usable);
  };
  return await new Promise((resolve, reject) => {
    let finished = false;
    const observer = new MutationObserver(() => check());
    const fail = () => reject(new Error(`no switch to ${slug}`));
    const timer = setTimeout(() => stop(fail), timeoutMs);
    function stop(settle) {
      finished = true;
      observer.disconnect();
      clearTimeout(timer);
      settle();
    }
    function check() {
      if (finished) return;
      if (switched()) {
        const elapsed = performance.now() - start;
        stop(() => resolve(elapsed));
      }
    }
    function poll() {
      check();
      if (!finished) requestAnimationFrame(poll);
    }
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    const start = performance.now();
    button().click();
    poll();
  });
}
"""


@dataclass
class Server:
    """A server started in its own process group, writing stdout and stderr to one log."""

    name: str
    process: subprocess.Popen[bytes]
    log: Path
    link: str = ""

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def count(self, marker: str) -> int:
        return self.log_text().count(marker)

    def wait_for(self, ready: Callable[[], bool], timeout_s: float, what: str) -> None:
        deadline = time.monotonic() + timeout_s
        while not ready():
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited while waiting for {what}:\n{self.tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name}: timed out waiting for {what}:\n{self.tail()}")
            time.sleep(0.1)

    def tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])


@dataclass
class Summary:
    count: int
    median: float
    minimum: float
    maximum: float


def summarise(values: list[float]) -> Summary:
    return Summary(len(values), statistics.median(values), min(values), max(values))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def clean_environment() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if not key.startswith("COPRODUCE_")}


def launch(name: str, command: list[str], log: Path, cwd: Path) -> Server:
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=clean_environment(),
            start_new_session=True,
        )
    return Server(name, process, log)


def stop(server: Server) -> None:
    """Terminate the server's process group, then any descendant (kernels run in their own)."""
    try:
        descendants = psutil.Process(server.process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        descendants = []
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGTERM)
        try:
            server.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait()
    _gone, alive = psutil.wait_procs(descendants, timeout=10)
    for process in alive:
        with suppress(psutil.NoSuchProcess):
            process.kill()


@contextmanager
def running(server: Server) -> Iterator[Server]:
    try:
        yield server
    finally:
        stop(server)


def start_learner_app(workdir: Path) -> Server:
    """`coproduce serve` on this repository's course, answers kept in a temporary folder."""
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("coproduce")),
        "--course",
        str(ROOT),
        "serve",
        "--no-browser",
        "--port",
        str(port),
        "--data-dir",
        str(workdir / "data"),
        "--class-size",
        str(CLASS_SIZE),
        # A port of its own: the default (port + 1) may be the one plain Voila was given.
        "--trainer-port",
        str(free_port()),
    ]
    return launch("coproduce serve", command, workdir / "learner-app.log", workdir)


def wait_for_learner_app(server: Server) -> None:
    server.wait_for(lambda: "Learner link:" in server.log_text(), START_TIMEOUT_S, "the link")
    server.wait_for(lambda: server.count(POOL_FILLED) >= 1, START_TIMEOUT_S, "a full pool")
    line = next(x for x in server.log_text().splitlines() if x.startswith("Learner link:"))
    server.link = line.split(":", 1)[1].strip()


def write_plain_notebook(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(PLAIN_NOTEBOOK_SOURCE)]
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / "plain.ipynb"
    nbformat.write(notebook, path)
    return path


def start_plain_voila(workdir: Path) -> Server:
    """Voila with default settings on a one-widget notebook: no preheating, no template."""
    notebook = write_plain_notebook(workdir / "plain")
    port = free_port()
    command = [sys.executable, "-m", "voila", str(notebook), "--no-browser", f"--port={port}"]
    server = launch("plain voila", command, workdir / "plain-voila.log", notebook.parent)
    server.link = f"http://localhost:{port}/"
    return server


def start_plain_module(workdir: Path) -> Server:
    """Voila with default settings on the first module's notebook, in a copy of the course."""
    course = workdir / "course-copy"
    for folder in COURSE_FOLDERS:
        shutil.copytree(ROOT / folder, course / folder)
    module = course / "modules" / PLAIN_MODULE
    notebook = module / "content.ipynb"
    jupytext.write(jupytext.read(module / "content.md"), notebook)
    port = free_port()
    command = [sys.executable, "-m", "voila", str(notebook), "--no-browser", f"--port={port}"]
    server = launch("plain voila (module)", command, workdir / "plain-module.log", module)
    server.link = f"http://localhost:{port}/"
    return server


def wait_for_plain_voila(server: Server) -> None:
    server.wait_for(lambda: VOILA_UP in server.log_text(), START_TIMEOUT_S, "startup")


@dataclass
class TtiSample:
    wall_ms: float  # Python clock, from goto() until the control was seen
    in_page_ms: float  # performance.now() in the page, from navigation start


def visit(browser: Browser, link: str, selector: str, learner_id: str = "") -> TtiSample:
    """Open the link in a fresh context and time until a control matching selector is usable.

    With `learner_id`, the browser is one that has joined before (its id in local storage).
    """
    context = browser.new_context()
    if learner_id:
        context.add_init_script(
            f"window.localStorage.setItem({json.dumps(LEARNER_ID_KEY)}, {json.dumps(learner_id)})"
        )
    try:
        page = context.new_page()
        started = time.perf_counter()
        page.goto(link, wait_until="commit", timeout=PAGE_TIMEOUT_MS)
        ready = page.wait_for_function(
            READY_JS, arg=selector, polling="raf", timeout=PAGE_TIMEOUT_MS
        )
        wall_ms = (time.perf_counter() - started) * 1000
        return TtiSample(wall_ms, float(ready.json_value()))
    finally:
        context.close()


def visit_learner_app(browser: Browser, server: Server, learner_id: str = "") -> TtiSample:
    """One visit, then wait until Voila has replaced the kernel the visit took from the pool."""
    filled = server.count(POOL_FILLED)
    selector = EXERCISE_CONTROL if learner_id else LEARNER_CONTROL
    sample = visit(browser, server.link, selector, learner_id)
    wait_for_refill(server, filled)
    return sample


def visit_plain_voila(browser: Browser, server: Server, selector: str) -> TtiSample:
    sample = visit(browser, server.link, selector)
    wait_until_quiet(server)  # the closed page's kernel is shut down in the background
    return sample


def joined_learner(browser: Browser, server: Server) -> str:
    """Join once, as a learner would; return the browser's learner id for later visits."""
    filled = server.count(POOL_FILLED)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.link, timeout=PAGE_TIMEOUT_MS)
        join(page)
        learner_id = page.evaluate(f"window.localStorage.getItem({json.dumps(LEARNER_ID_KEY)})")
    finally:
        context.close()
    wait_for_refill(server, filled)
    if not learner_id:
        raise RuntimeError("the learner app kept no learner id in local storage")
    return str(learner_id)


def wait_for_refill(server: Server, filled_before: int) -> None:
    """Wait for a new pooled kernel, then for it to finish running the app notebook.

    Voila logs that the pool is filled once the kernel has started, before the notebook has
    run in it, so the log line alone would let that run compete with the next measurement.
    """
    server.wait_for(lambda: server.count(POOL_FILLED) > filled_before, REFILL_TIMEOUT_S, "refill")
    wait_until_quiet(server)


def cpu_seconds(server: Server) -> float:
    """CPU time used so far by the server and every process under it."""
    total = 0.0
    root = psutil.Process(server.process.pid)
    for process in [root, *root.children(recursive=True)]:
        with suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def wait_until_quiet(server: Server) -> None:
    """Wait until the server and its kernels use under QUIET_CPU_SHARE of a CPU for a while."""
    deadline = time.monotonic() + REFILL_TIMEOUT_S
    quiet_windows = 0
    while quiet_windows < QUIET_WINDOWS:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{server.name} did not go quiet:\n{server.tail()}")
        before = cpu_seconds(server)
        time.sleep(QUIET_WINDOW_S)
        busy = (cpu_seconds(server) - before) / QUIET_WINDOW_S
        quiet_windows = quiet_windows + 1 if busy < QUIET_CPU_SHARE else 0


@dataclass
class TtiRuns:
    learner: list[TtiSample]
    returning: list[TtiSample]
    plain_module: list[TtiSample]
    plain_widget: list[TtiSample]


def measure_tti(
    browser: Browser, learner: Server, module: Server, widget: Server, samples: int
) -> TtiRuns:
    """Take turns between the servers, so slow drift in the machine affects all alike."""
    learner_id = joined_learner(browser, learner)
    visits: dict[str, Callable[[], TtiSample]] = {
        "learner": lambda: visit_learner_app(browser, learner),
        "returning": lambda: visit_learner_app(browser, learner, learner_id),
        "plain_module": lambda: visit_plain_voila(browser, module, PLAIN_MODULE_CONTROL),
        "plain_widget": lambda: visit_plain_voila(browser, widget, PLAIN_CONTROL),
    }
    for _ in range(WARMUP_VISITS):
        for take in visits.values():
            take()
    runs = TtiRuns([], [], [], [])
    for index in range(samples):
        taken = {name: take() for name, take in visits.items()}
        for name, sample in taken.items():
            getattr(runs, name).append(sample)
        shown = ", ".join(f"{name} {sample.wall_ms:.0f} ms" for name, sample in taken.items())
        print(f"  sample {index + 1}/{samples}: {shown}", flush=True)
    return runs


def join(page: Page) -> None:
    """Join the session with the code the link filled in, as a learner would."""
    page.wait_for_selector(".cp-join-text input", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function(
        "document.querySelector('.cp-join-text input').value.length > 0",
        timeout=PAGE_TIMEOUT_MS,
    )
    page.get_by_role("button", name="Join").click()
    page.wait_for_selector(f"{AGENDA} button.cp-agenda-item", timeout=PAGE_TIMEOUT_MS)


def agenda_slugs(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        f"{AGENDA} button.cp-agenda-item", "buttons => buttons.map(b => b.dataset.slug)"
    )


def current_slug(page: Page) -> str:
    return page.get_attribute(f'{AGENDA} button[aria-current="step"]', "data-slug") or ""


def switch_module(page: Page, slug: str, show: str, hide: str) -> float:
    arguments = {"agenda": AGENDA, "slug": slug, "show": show, "hide": hide}
    return float(page.evaluate(SWITCH_JS, {**arguments, "timeoutMs": PAGE_TIMEOUT_MS}))


def measure_switches(browser: Browser, server: Server, switches: int) -> list[float]:
    """Switch back and forth between the first two modules on one page; ms per switch."""
    filled = server.count(POOL_FILLED)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.link, timeout=PAGE_TIMEOUT_MS)
        page.wait_for_function(READY_JS, arg=LEARNER_CONTROL, timeout=PAGE_TIMEOUT_MS)
        wait_for_refill(server, filled)
        join(page)
        slugs = agenda_slugs(page)[:SWITCHED_BETWEEN]
        timings: list[float] = []
        for _ in range(switches):
            here = current_slug(page)
            target = next(slug for slug in slugs if slug != here)
            show = MODULE_CONTROL.format(slug=target)
            hide = MODULE_CONTROL.format(slug=here)
            timings.append(switch_module(page, target, show, hide))
            time.sleep(SWITCH_PAUSE_S)  # let the kernel finish saving the learner's place
        return timings
    finally:
        context.close()


@dataclass
class KernelMemory:
    rss_mb: list[float]
    uss_mb: list[float]


def kernel_processes(server: Server) -> list[psutil.Process]:
    kernels = []
    for process in psutil.Process(server.process.pid).children(recursive=True):
        if is_kernel(process):
            kernels.append(process)
    return kernels


def measure_kernel_memory(server: Server) -> KernelMemory:
    megabyte = 1024 * 1024
    memory = KernelMemory([], [])
    for process in kernel_processes(server):
        try:
            memory.rss_mb.append(process.memory_info().rss / megabyte)
            memory.uss_mb.append(process.memory_full_info().uss / megabyte)
        except psutil.AccessDenied:
            continue  # RSS was recorded; USS needs more rights than we have
        except psutil.NoSuchProcess:
            continue
    return memory


def run_benchmark(samples: int, switches: int) -> dict[str, Any]:
    load_average = os.getloadavg()[0]  # other work on the machine skews every figure
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="cp-bench-")))
        print("Starting coproduce serve and plain voila ...", flush=True)
        started = time.perf_counter()
        learner = stack.enter_context(running(start_learner_app(workdir)))
        widget = stack.enter_context(running(start_plain_voila(workdir)))
        module = stack.enter_context(running(start_plain_module(workdir)))
        wait_for_learner_app(learner)
        wait_for_plain_voila(widget)
        wait_for_plain_voila(module)
        wait_until_quiet(learner)  # the pool's kernels are still running the app notebook
        startup_s = time.perf_counter() - started
        print(f"Both up after {startup_s:.1f} s; learner link {learner.link}", flush=True)
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        stack.callback(browser.close)
        tti = measure_tti(browser, learner, module, widget, samples)
        switch_ms = measure_switches(browser, learner, switches)
        memory = measure_kernel_memory(learner)
    figures = results(startup_s, tti, switch_ms, memory)
    return {**figures, "load_average_at_start": load_average, "cpu_count": os.cpu_count()}


def results(
    startup_s: float, tti: TtiRuns, switch_ms: list[float], memory: KernelMemory
) -> dict[str, Any]:
    def median(samples: list[TtiSample]) -> float:
        return summarise([sample.wall_ms for sample in samples]).median

    learner = median(tti.learner)
    switch = summarise(switch_ms)
    figures: dict[str, Any] = {"startup_s": startup_s}
    for name in ("learner", "returning", "plain_module", "plain_widget"):
        samples: list[TtiSample] = getattr(tti, name)
        figures[f"{name}_tti_ms"] = [sample.wall_ms for sample in samples]
        figures[f"{name}_tti_in_page_ms"] = [sample.in_page_ms for sample in samples]
    return {
        **figures,
        "module_switch_ms": switch_ms,
        "kernel_rss_mb": memory.rss_mb,
        "kernel_uss_mb": memory.uss_mb,
        "tti_ratio": learner / median(tti.plain_module),
        "tti_ratio_returning": median(tti.returning) / median(tti.plain_module),
        "tti_ratio_one_widget": learner / median(tti.plain_widget),
        "tti_ratio_target": TTI_RATIO_TARGET,
        "tti_ratio_met": learner / median(tti.plain_module) <= TTI_RATIO_TARGET,
        "switch_target_ms": SWITCH_TARGET_MS,
        "switch_target_met": switch.median < SWITCH_TARGET_MS,
    }


def table_row(label: str, values: list[float], unit: str) -> str:
    if not values:
        return f"{label:<38} {0:>4}  {'n/a':>9}"
    summary = summarise(values)
    return (
        f"{label:<38} {summary.count:>4}  {summary.median:>9.1f} {summary.minimum:>9.1f} "
        f"{summary.maximum:>9.1f}  {unit}"
    )


def tti_rows(figures: dict[str, Any], name: str, label: str) -> list[str]:
    return [
        table_row(label, figures[f"{name}_tti_ms"], "ms"),
        table_row("  (in page, from navigation start)", figures[f"{name}_tti_in_page_ms"], "ms"),
    ]


def report(figures: dict[str, Any]) -> str:
    ratio_verdict = "met" if figures["tti_ratio_met"] else "NOT met"
    switch_verdict = "met" if figures["switch_target_met"] else "NOT met"
    first_switch = figures["module_switch_ms"][0]
    lines = [
        f"{'figure':<38} {'n':>4}  {'median':>9} {'min':>9} {'max':>9}  unit",
        "-" * 82,
        *tti_rows(figures, "learner", "learner app TTI (join page)"),
        *tti_rows(figures, "returning", "learner app TTI (returning learner)"),
        *tti_rows(figures, "plain_module", "plain voila TTI (module notebook)"),
        *tti_rows(figures, "plain_widget", "plain voila TTI (one-widget page)"),
        table_row("module switch (in page)", figures["module_switch_ms"], "ms"),
        table_row("learner kernel RSS", figures["kernel_rss_mb"], "MB"),
        table_row("learner kernel USS", figures["kernel_uss_mb"], "MB"),
        "-" * 82,
        f"TTI ratio learner app / plain voila module notebook (medians): "
        f"{figures['tti_ratio']:.2f} (target <= {TTI_RATIO_TARGET}: {ratio_verdict})",
        f"  returning learner / plain voila module notebook: {figures['tti_ratio_returning']:.2f}",
        f"  learner app / plain voila one-widget page: {figures['tti_ratio_one_widget']:.2f}",
        f"module switch median under {SWITCH_TARGET_MS:.0f} ms: {switch_verdict} "
        f"(first switch, which builds the second module's view: {first_switch:.1f} ms)",
        f"servers ready (learner pool full and idle) after {figures['startup_s']:.1f} s; "
        f"load average at start {figures['load_average_at_start']:.2f} "
        f"on {figures['cpu_count']} CPUs",
    ]
    return "\n".join(lines)


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=7, help="page loads per server (7)")
    parser.add_argument("--switches", type=int, default=15, help="module switches (15)")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    arguments = parser.parse_args(argv)
    if arguments.samples < 1 or arguments.switches < 1:
        parser.error("--samples and --switches must be at least 1")
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    figures = run_benchmark(arguments.samples, arguments.switches)
    print()
    print(report(figures))
    if arguments.json is not None:
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n")
        print(f"results written to {arguments.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
