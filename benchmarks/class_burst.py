"""A whole class opening the link in the same minute, against plain Voila in the same run.

Each simulated learner does, over HTTP and the kernel websocket, what a browser does: fetch the
page, fetch every static file a real Chromium fetched for that page (recorded once, before the
burst, with compression on as browsers ask for it), open the kernel websocket and wait for the
widget state (the page is then ready to use), then, in the learner app, press Join and wait for
the first module's controls. Once the last is in and the class has read part 1 for a while
(--read-for, 30 s), they all move to the second module at the same moment, as when the trainer
moves the room (--switch-in-burst: each right after joining, as before). A few real Chromium
learners join in the same burst, to check that the simulation matches what a person sees, and
the trainer's own page is open in Chromium, to see how soon it counts each learner in.

The baseline is plain Voila (`python -m voila`, default settings) serving the first module's
notebook to the same burst: page, static files, widget state.

Printed: p50 / p95 / max of page HTML, page ready, Join to first module, module switch; bytes per
learner (on the wire); peak and settled kernels and their memory; CPU seconds of each server.

Run: python benchmarks/class_burst.py [--learners 40] [--spread 5] [--class-size N] [--browsers 2]
     python benchmarks/class_burst.py --hundred      (100 learners within 10 s)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from burst_browsers import (
    browser_learners,
    joined_pattern,
    record_statics,
    trainer_lags,
    trainer_screen,
)
from burst_learner import Learner, RoomMove, one_learner
from course_server import (
    ROOT,
    TIMEOUT_S,
    cpu_seconds,
    kernel_memory_mb,
    kernel_pss_mb,
    server_cpu_seconds,
    settle,
    start_course,
    start_plain_voila,
    stop,
    trainer_link,
)


@dataclass
class Run:
    name: str
    learners: list[Learner] = field(default_factory=list)
    kernels_peak: int = 0
    memory_peak_mb: float = 0.0
    kernels_settled: int = 0
    memory_settled_mb: float = 0.0
    shared_settled_mb: float = 0.0  # the same kernels, each shared page once, and their zygote
    cpu_s: float = 0.0
    client_cpu_s: float = 0.0  # the simulated learners' own share of the machine
    relay_cpu_s: float = 0.0  # the server processes without their kernels
    browser_ready_s: list[float] = field(default_factory=list)
    trainer_lag_s: list[float] = field(default_factory=list)
    switch_in_burst: bool = False
    read_for: float = 0.0
    move_cpu_s: tuple[float, float] | None = None  # the room move's CPU: all, the servers alone


# -- the burst -------------------------------------------------------------------------------


def burst(
    name: str,
    pid: int,
    link: str,
    statics: list[str],
    args: Any,
    app: bool,
    join_text: str,
    trainer: tuple[str, str, str] | None = None,
) -> Run:
    run = Run(name, switch_in_burst=args.switch_in_burst, read_for=args.read_for)

    seen: list[Any] = []
    trainer_ready, burst_done = threading.Event(), threading.Event()
    watcher_thread = None
    if trainer is not None:
        watcher_thread = threading.Thread(
            target=trainer_screen, args=(*trainer, trainer_ready, burst_done, seen)
        )
        watcher_thread.start()
        trainer_ready.wait(timeout=TIMEOUT_S)
        settle(pid)
    code = link.split("code=", 1)[1] if "code=" in link else ""
    cpu_before = cpu_seconds(pid)
    own_cpu_before = time.process_time()
    relay_before = server_cpu_seconds(pid)
    peak = [0, 0.0]
    done = asyncio.Event()

    async def watch() -> None:
        while not done.is_set():
            kernels_now, memory = kernel_memory_mb(pid)
            peak[0], peak[1] = max(peak[0], kernels_now), max(peak[1], memory)
            await asyncio.sleep(0.5)

    async def everyone() -> list[Learner]:
        watcher = asyncio.create_task(watch())
        gap = args.spread / max(1, args.learners - 1)
        move = RoomMove(args.learners, not args.switch_in_burst, args.read_for, pid)
        learners = await asyncio.gather(
            *(
                one_learner(i * gap, link, statics, code, join_text, app, move)
                for i in range(args.learners)
            )
        )
        done.set()
        await watcher
        run.move_cpu_s = move.used
        return learners

    browser_results: list[float] = []
    browsers = threading.Thread(
        target=browser_learners,
        args=(
            link,
            args.browsers if app else 0,
            time.monotonic() + args.spread / 2,
            browser_results,
        ),
    )
    browsers.start()
    run.learners = asyncio.run(everyone())
    browsers.join()
    burst_done.set()
    if watcher_thread is not None:
        watcher_thread.join()
        run.trainer_lag_s = trainer_lags(seen, run.learners)
    run.browser_ready_s = browser_results
    run.cpu_s = cpu_seconds(pid) - cpu_before
    run.client_cpu_s = time.process_time() - own_cpu_before
    run.relay_cpu_s = server_cpu_seconds(pid) - relay_before
    run.kernels_peak, run.memory_peak_mb = peak[0], peak[1]
    settle(pid)
    run.kernels_settled, run.memory_settled_mb = kernel_memory_mb(pid)
    run.shared_settled_mb = kernel_pss_mb(pid)
    return run


def watch_for_full_pool(log: Path, seen: list[float]) -> None:
    """Note when the learner server's log says its pool is filled (its lines carry no time)."""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if log.exists() and "learner.ipynb is filled with" in log.read_text():
            seen.append(time.time())
            return
        time.sleep(0.2)


def quantiles(values: list[float]) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered):6.2f} / {p95:6.2f} / {ordered[-1]:6.2f} s"


def report(run: Run) -> dict[str, Any]:
    ok = [learner for learner in run.learners if not learner.error]
    errors = [learner.error for learner in run.learners if learner.error]
    print(f"\n== {run.name}: {len(run.learners)} learners, {len(errors)} errors")
    for error in sorted(set(errors))[:5]:
        print(f"   error x{errors.count(error)}: {error}")
    print(f"  page HTML        p50 / p95 / max  {quantiles([x.html_s for x in ok if x.html_s])}")
    statics = [x.statics_s for x in ok if x.statics_s]
    print(f"  static files in  p50 / p95 / max  {quantiles(statics)}")
    print(f"  page ready       p50 / p95 / max  {quantiles([x.ready_s for x in ok if x.ready_s])}")
    joins = [x.join_s for x in ok if x.join_s is not None]
    switches = [x.switch_s for x in ok if x.switch_s is not None]
    if joins:
        print(f"  Join -> module 1 p50 / p95 / max  {quantiles(joins)}")
        when = (
            "each right after joining"
            if run.switch_in_burst
            else f"all at once, {run.read_for:.0f} s after the last Join"
        )
        print(f"  module switch    p50 / p95 / max  {quantiles(switches)} ({when})")
        join_kb = statistics.median([x.join_bytes for x in ok if x.join_s is not None]) / 1e3
        switch_kb = statistics.median([x.switch_bytes for x in ok if x.switch_s is not None] or [0])
        print(f"  join: {join_kb:.0f} KB, module switch: {switch_kb / 1e3:.0f} KB (median)")
        if run.move_cpu_s is not None and switches:
            total, servers = run.move_cpu_s
            print(
                f"  the move took {total:.1f} CPU-seconds, the servers {servers:.1f} of them: "
                f"{total / len(switches) * 1e3:.0f} ms a learner, {total / 2:.1f} s of two cores"
            )
    if run.browser_ready_s:
        print(f"  real Chromium, link to join form: {quantiles(run.browser_ready_s)}")
    if run.trainer_lag_s:
        print(f"  trainer's screen counts a join    {quantiles(run.trainer_lag_s)} after it")
    wire = statistics.median([x.bytes for x in ok]) / 1e6 if ok else 0
    print(f"  bytes per new learner on the wire: {wire:.2f} MB (median)")
    print(
        f"  kernels peak {run.kernels_peak} ({run.memory_peak_mb / 1e3:.1f} GB), settled "
        f"{run.kernels_settled} ({run.memory_settled_mb / 1e3:.1f} GB resident, "
        f"{run.shared_settled_mb / 1e3:.1f} GB with shared pages once); "
        f"CPU: server and kernels {run.cpu_s:.0f} s, of it the servers alone "
        f"{run.relay_cpu_s:.0f} s; simulated learners {run.client_cpu_s:.0f} s"
    )
    return {
        "name": run.name,
        "errors": len(errors),
        "html": [x.html_s for x in ok],
        "ready": [x.ready_s for x in ok],
        "join": joins,
        "switch": switches,
        "kernels_peak": run.kernels_peak,
        "memory_peak_mb": run.memory_peak_mb,
        "shared_settled_mb": run.shared_settled_mb,
        "cpu_s": run.cpu_s,
        "trainer_lag": run.trainer_lag_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument("--spread", type=float, default=5.0, help="seconds the arrivals span")
    parser.add_argument("--class-size", type=int, default=None, help="default: serve's default")
    parser.add_argument("--browsers", type=int, default=2, help="real Chromium learners too")
    parser.add_argument("--hundred", action="store_true", help="100 learners within 10 s")
    parser.add_argument("--no-baseline", action="store_true", help="skip plain Voila")
    parser.add_argument(
        "--read-for",
        type=float,
        default=30.0,
        help="seconds the class reads part 1, once the last is in, before all move to part 2",
    )
    parser.add_argument(
        "--switch-in-burst",
        action="store_true",
        help="each learner moves to part 2 right after joining, not all once the last is in",
    )
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--keep-log", type=Path, default=None, help="copy the server's log here")
    args = parser.parse_args()
    if args.hundred:
        args.learners, args.spread = 100, 10.0
    from coproduce.content.loader import load_course

    words = load_course(ROOT).interface
    join_text = words.join.button
    joined = words.trainer.joined
    forms = joined if isinstance(joined, dict) else {"other": joined}
    results = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "app").mkdir()
        (work / "app" / "course").mkdir()
        filled: list[float] = []
        log = work / "app" / "serve.log"
        threading.Thread(target=watch_for_full_pool, args=(log, filled), daemon=True).start()
        started = time.time()
        process, link, _ = start_course(work / "app", args.class_size, [])
        if filled:
            warming, used = filled[0] - started, cpu_seconds(process.pid)
            print(
                f"pool filled {warming:.0f} s after `coproduce serve` started, using {used:.0f} "
                f"CPU-seconds ({used / warming:.1f} of the two cores on average)"
            )
        try:
            trainer = (trainer_link(process), joined_pattern(forms), words.trainer.nobody_joined)
            statics = record_statics(link)
            settle(process.pid)
            label = f"learner app, class size {args.class_size or 'default'}"
            run = burst(label, process.pid, link, statics, args, True, join_text, trainer)
            results.append(report(run))
        finally:
            stop(process)
            if args.keep_log:
                args.keep_log.write_bytes((work / "app" / "serve.log").read_bytes())
        if not args.no_baseline:
            (work / "plain").mkdir()
            (work / "plain" / "course").mkdir()
            process, link = start_plain_voila(work / "plain")
            try:
                statics = record_statics(link)
                run = burst(
                    "plain Voila, first module", process.pid, link, statics, args, False, ""
                )
                results.append(report(run))
            finally:
                stop(process)
    if len(results) == 2 and results[0]["ready"] and results[1]["ready"]:
        ours = sorted(results[0]["ready"])[round(0.95 * (len(results[0]["ready"]) - 1))]
        plain = sorted(results[1]["ready"])[round(0.95 * (len(results[1]["ready"]) - 1))]
        print(
            f"\npage ready p95, learner app / plain Voila: {ours:.2f} / {plain:.2f} = "
            f"{ours / plain:.2f}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
