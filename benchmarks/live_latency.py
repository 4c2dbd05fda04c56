"""Benchmark live results: how long a learner's answer takes to reach the trainer app.

What is measured, in one run, and why:

1. Answer-to-trainer latency: 40 learners (by default) answer a shared exercise at the same
   moment, each from its own Python process saving as each learner's kernel does (ask the store
   whether the trainer has closed the question, then `Store.save_answer`). The rounds take
   turns: a shared reflection, a poll vote, a rating on a five-point scale and an idea with
   votes for two others (ideas with votes). A reader in this
   process polls the store as the trainer app's refresh thread does (`TrainerApp._loop`: wait
   `REFRESH_SECONDS`, read `SessionStore.latest_change` and the closed questions, and on a
   change read `SessionStore.shared_answers` for every live exercise and draw the room's
   result: the bar chart of votes, the rating's spread, or the top ideas after the
   trainer's hides and merges). For each answer, the latency runs
   from the moment the learner's kernel starts saving it (a wall-clock time written into the
   answer) until the refresh that first returns it has finished drawing. The aim is a 95th
   percentile under 1 s, for each kind.
2. Save time: how long `save_answer` takes in each writer while all forty write at once (the
   write lock is taken up front, so this includes waiting for the others).
3. Refresh time: how long one refresh of the trainer app's reads takes.

Each round starts at a random offset from the reader's polling, so that the figures cover every
phase of its cycle. It runs on SQLite (a file in WAL mode, the default store) and, if
COPRODUCE_TEST_POSTGRES_URL is set (`.ci/install-postgres` prints one), on PostgreSQL, in a
schema of its own that is dropped afterwards.

Run with `python benchmarks/live_latency.py [--learners N] [--rounds N] [--json PATH]`;
`--refresh-seconds S` polls at another period than the trainer app's, to see what it would give.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, text

from coproduce.apps.trainer_app import REFRESH_SECONDS
from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course
from coproduce.content.model import Ideas, Poll, RatingScale, Reflection
from coproduce.live.questions import Questions
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store
from coproduce.reports.live_results import results_html
from coproduce.reports.room_answers import read_room

ROOT = Path(__file__).resolve().parents[1]

POSTGRES_URL_ENV = "COPRODUCE_TEST_POSTGRES_URL"
LEARNERS = 40
ROUNDS = 12  # three of each kind
ROUND_GAP_S = 2.5  # between rounds, on top of a random offset of up to one polling period
FIRST_ROUND_DELAY_S = 1.0
SETTLE_S = 3 * REFRESH_SECONDS  # after the last round, for the reader to see every answer
WRITER_TIMEOUT_S = 300.0
P95_TARGET_MS = 1000.0
ANSWER_TEXT = "What would help me speak freely: time to think before I answer. " * 3

# One learner's kernel: import, open the store, wait for the round start times, then save one
# shared answer per round at each start time, reporting how long each save took.
WRITER = """
import json, sys, time
from coproduce.live.questions import Questions
from coproduce.live.store import Store

target, learner, session, text, seat = sys.argv[1:6]
store = Store(target)
questions = Questions(store)
print("ready", flush=True)
plan = json.loads(sys.stdin.readline())
for number, (start, kind) in enumerate(plan):
    time.sleep(max(0.0, start - time.time()))
    submitted = time.time()
    if kind == "poll":
        answer = {"choice": int(seat) % 4}
    elif kind == "rating":
        answer = {"rating": int(seat) % 5}
    elif kind == "ideas":
        mine, others = int(seat), (int(seat) + 1, int(seat) + 2)
        idea = {"id": f"{mine:012x}", "text": f"An idea from seat {seat}"}
        answer = {"ideas": [idea], "votes": [f"{other:012x}" for other in others]}
    else:
        answer = {"text": text, "shared": True}
    answer["submitted_at"] = submitted
    exercise = f"bench-{number}"
    if not questions.is_closed(session, exercise):  # the learner's kernel asks first
        store.save_answer(learner, exercise, answer, session=session)
    print(f"saved {number} {time.time() - submitted:.6f}", flush=True)
store.close()
print("done", flush=True)
"""
KINDS = ("reflection", "poll", "rating", "ideas")  # the rounds take turns


def bench_exercises(rounds: int) -> list[Any]:
    """The shared exercises the rounds answer, as the course would declare them."""
    made: list[Any] = []
    for number in range(rounds):
        kind = KINDS[number % len(KINDS)]
        common = {"id": f"bench-{number}", "title": f"Round {number}", "prompt": "A question?"}
        if kind == "poll":
            made.append(Poll(kind="poll", options=["A", "B", "C", "D"], **common))
        elif kind == "rating":
            scale = ["Not at all", "A little", "Fairly", "Quite", "Very"]
            made.append(RatingScale(kind="rating_scale", scale=scale, **common))
        elif kind == "ideas":
            made.append(Ideas(kind="ideas", votes=2, **common))
        else:
            made.append(Reflection(kind="reflection", can_share=True, **common))
    return made


@dataclass
class Summary:
    count: int
    median: float
    p95: float
    maximum: float


def summarise(values: list[float]) -> Summary:
    if len(values) < 2:
        only = values[0] if values else float("nan")
        return Summary(len(values), only, only, only)
    p95 = statistics.quantiles(values, n=100, method="inclusive")[94]
    return Summary(len(values), statistics.median(values), p95, max(values))


@dataclass
class Reader:
    """The trainer app's refresh loop, noting when each answer is first read."""

    sessions: SessionStore
    code: str
    exercises: list[Any]
    content: CourseContent
    interval_s: float = REFRESH_SECONDS
    seen_ms: dict[tuple[str, str], float] = field(default_factory=dict)
    refresh_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    fingerprint: tuple[Any, ...] | None = None

    def __post_init__(self) -> None:
        self.questions = Questions(self.sessions.store)

    def refresh(self) -> None:
        started = time.perf_counter()
        states = self.questions.states(self.code)  # as the trainer app reads them
        fingerprint = (*self.sessions.latest_change(self.code), frozenset(states.items()))
        if fingerprint == self.fingerprint:
            self.refresh_ms.append((time.perf_counter() - started) * 1000)
            return
        self.fingerprint = fingerprint
        found = []
        for exercise in self.exercises:
            # Read and drawn as the trainer app does (the ideas' marks too).
            room = read_room(self.sessions, self.code, exercise)
            answers = room.answers if room else []
            if room:
                results_html(self.content, exercise, answers, before=room.before, marks=room.marks)
            found += [(exercise.id, answer) for answer in answers]
        read_at = time.time()
        self.refresh_ms.append((time.perf_counter() - started) * 1000)
        for exercise_id, answer in found:
            key = (exercise_id, answer.tag)
            if key not in self.seen_ms:
                self.seen_ms[key] = (read_at - float(answer.payload["submitted_at"])) * 1000

    def loop(self) -> None:
        while not self.stop.wait(self.interval_s):
            try:
                self.refresh()
            except Exception as error:  # as the trainer app does: note it, keep refreshing
                self.errors.append(repr(error))


@contextmanager
def reading(reader: Reader) -> Iterator[Reader]:
    thread = threading.Thread(target=reader.loop, name="trainer-refresh", daemon=True)
    thread.start()
    try:
        yield reader
    finally:
        reader.stop.set()
        thread.join(timeout=30)


def start_writers(target: str, code: str, learners: int) -> list[subprocess.Popen[str]]:
    writers = []
    for number in range(learners):
        learner = f"bench-{number:03d}"
        command = [sys.executable, "-c", WRITER, target, learner, code, ANSWER_TEXT, str(number)]
        writers.append(
            subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        )
    return writers


def stop_writers(writers: list[subprocess.Popen[str]]) -> None:
    for writer in writers:
        if writer.poll() is None:
            writer.kill()
            writer.wait()


def run_backend(
    name: str, target: str, learners: int, rounds: int, interval_s: float
) -> dict[str, Any]:
    store = Store(target)
    sessions = SessionStore(store)
    code = sessions.create_session()
    exercises = bench_exercises(rounds)
    print(f"{name}: starting {learners} writer processes ...", flush=True)
    writers = start_writers(target, code, learners)
    try:
        for writer in writers:
            assert writer.stdout is not None and writer.stdin is not None
            line = writer.stdout.readline()
            if line.strip() != "ready":
                raise RuntimeError(f"a writer failed to start:\n{line}{writer.stdout.read()}")
        reader = Reader(sessions, code, exercises, load_course(ROOT), interval_s)
        with reading(reader):
            start = time.time() + FIRST_ROUND_DELAY_S
            starts = []
            for number in range(rounds):
                start += random.uniform(0, max(interval_s, REFRESH_SECONDS))
                starts.append((start, KINDS[number % len(KINDS)]))
                start += ROUND_GAP_S
            plan = json.dumps(starts) + "\n"
            for writer in writers:
                assert writer.stdin is not None
                writer.stdin.write(plan)
                writer.stdin.flush()
            print(f"{name}: {rounds} rounds of {learners} answers at once ...", flush=True)
            outputs = [writer.communicate(timeout=WRITER_TIMEOUT_S)[0] for writer in writers]
            deadline = time.monotonic() + SETTLE_S
            while len(reader.seen_ms) < learners * rounds and time.monotonic() < deadline:
                time.sleep(0.05)
    finally:
        stop_writers(writers)
        store.close()
    save_ms = []
    for writer, output in zip(writers, outputs, strict=True):
        if writer.returncode != 0 or "locked" in output.lower():
            raise RuntimeError(f"a writer failed:\n{output}")
        save_ms += [
            float(x.split()[2]) * 1000 for x in output.splitlines() if x.startswith("saved")
        ]
    return {
        "backend": name,
        "learners": learners,
        "rounds": rounds,
        "answers_written": len(save_ms),
        "answers_seen": len(reader.seen_ms),
        "latency_ms": sorted(reader.seen_ms.values()),
        "latency_ms_by_kind": {
            kind: sorted(
                ms
                for (exercise_id, _tag), ms in reader.seen_ms.items()
                if KINDS[int(exercise_id.split("-")[1]) % len(KINDS)] == kind
            )
            for kind in KINDS
        },
        "save_ms": save_ms,
        "refresh_ms": reader.refresh_ms,
        "reader_errors": reader.errors,
    }


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """A URL whose connections work in a new schema, dropped on the way out."""
    schema = f"cp_bench_{secrets.token_hex(6)}"
    admin = create_engine(url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        separator = "&" if "?" in url else "?"
        yield f"{url}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


def run_benchmark(learners: int, rounds: int, interval_s: float) -> dict[str, Any]:
    load_average = os.getloadavg()[0]  # other work on the machine skews every figure
    backends = []
    with ExitStack() as stack:
        folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="cp-live-bench-"))
        backends.append(run_backend("SQLite", folder, learners, rounds, interval_s))
        url = os.environ.get(POSTGRES_URL_ENV, "")
        if url:
            target = stack.enter_context(postgres_schema(url))
            backends.append(run_backend("PostgreSQL", target, learners, rounds, interval_s))
        else:
            print(f"PostgreSQL skipped: set {POSTGRES_URL_ENV} to include it", flush=True)
    return {
        "backends": backends,
        "refresh_seconds": interval_s,
        "trainer_app_refresh_seconds": REFRESH_SECONDS,
        "p95_target_ms": P95_TARGET_MS,
        "load_average_at_start": load_average,
        "cpu_count": os.cpu_count(),
    }


def table_row(label: str, values: list[float], unit: str) -> str:
    summary = summarise(values)
    return (
        f"{label:<40} {summary.count:>5}  {summary.median:>8.1f} {summary.p95:>8.1f} "
        f"{summary.maximum:>8.1f}  {unit}"
    )


def report(figures: dict[str, Any]) -> str:
    lines = [
        f"{'figure':<40} {'n':>5}  {'median':>8} {'p95':>8} {'max':>8}  unit",
        "-" * 80,
    ]
    for backend in figures["backends"]:
        name = backend["backend"]
        lines += [
            table_row(f"{name}: answer to trainer app", backend["latency_ms"], "ms"),
            *(
                table_row(f"{name}:   {kind}", values, "ms")
                for kind, values in backend["latency_ms_by_kind"].items()
            ),
            table_row(
                f"{name}: save_answer, {backend['learners']} at once", backend["save_ms"], "ms"
            ),
            table_row(f"{name}: one trainer refresh (reads)", backend["refresh_ms"], "ms"),
        ]
    lines.append("-" * 80)
    for backend in figures["backends"]:
        p95 = summarise(backend["latency_ms"]).p95
        verdict = "met" if p95 < P95_TARGET_MS else "NOT met"
        missing = backend["answers_written"] - backend["answers_seen"]
        errors = len(backend["reader_errors"])
        lines.append(
            f"{backend['backend']}: p95 answer to trainer {p95:.0f} ms (target under "
            f"{P95_TARGET_MS:.0f} ms: {verdict}); {backend['answers_seen']} of "
            f"{backend['answers_written']} answers seen ({missing} missing), {errors} read errors"
        )
    lines.append(
        f"reader polled every {figures['refresh_seconds']:.2f} s (the trainer app: every "
        f"{figures['trainer_app_refresh_seconds']:.2f} s); load average at start "
        f"{figures['load_average_at_start']:.2f} on {figures['cpu_count']} CPUs"
    )
    return "\n".join(lines)


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=LEARNERS, help=f"writers ({LEARNERS})")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"answers each ({ROUNDS})")
    parser.add_argument(
        "--refresh-seconds",
        type=float,
        default=REFRESH_SECONDS,
        help=f"poll period of the reader (the trainer app's: {REFRESH_SECONDS})",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    arguments = parser.parse_args(argv)
    if arguments.learners < 1 or arguments.rounds < 1:
        parser.error("--learners and --rounds must be at least 1")
    if arguments.refresh_seconds <= 0:
        parser.error("--refresh-seconds must be more than 0")
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    figures = run_benchmark(arguments.learners, arguments.rounds, arguments.refresh_seconds)
    print()
    print(report(figures))
    if arguments.json is not None:
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n")
        print(f"results written to {arguments.json}")
    ok = all(
        backend["answers_seen"] == backend["answers_written"] and not backend["reader_errors"]
        for backend in figures["backends"]
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
