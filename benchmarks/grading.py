"""Benchmark the nbgrader bridge against nbgrader's own autograde, on the same submissions.

1. The bridge, end to end: `coproduce grade CODE` (generate the source notebook and the release
   version, collect every learner's stored answers into a submission, autograde each learner with
   nbgrader's Autograde app, write nbgrader's feedback and the certificates).
2. nbgrader alone: `nbgrader autograde CODE --force` run from the course folder, on the very
   submissions the bridge collected (then `nbgrader generate_feedback CODE --force`).
3. The bridge again with `--force` (every learner regraded), right after nbgrader's run, so the
   two are measured in the same conditions.

The bridge does more than nbgrader's autograde (it also writes the feedback), so the first ratio is
an upper bound on what the bridge adds; the second compares with nbgrader's autograde followed by
`nbgrader generate_feedback CODE --force`. Learners answer at random, with a fixed seed: about a
third of them answer everything, a third some, a third nothing.

Run with `python benchmarks/grading.py [--learners 40] [--timeout 30] [--json PATH]`.
"""

from __future__ import annotations

import argparse
import json
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coproduce.content.loader import load_course
from coproduce.content.model import KnowledgeCheck, Reflection
from coproduce.grading.chain import grade_session
from coproduce.grading.paths import grading_root
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

ROOT = Path(__file__).resolve().parents[1]
CONTENT_FOLDERS = ("course", "modules", "exercises", "facilitator_notes")


def make_session(course: Path, data: Path, learners: int, seed: int) -> str:
    content = load_course(course)
    store = Store(data)
    sessions = SessionStore(store)
    code = sessions.create_session()
    chance = random.Random(seed)
    for number in range(learners):
        learner = secrets.token_urlsafe(16).replace("-", "x")
        sessions.join(code, learner, "", "Prefer not to say")
        share = (1.0, 0.5, 0.0)[number % 3]
        for exercise in content.exercises.values():
            if chance.random() >= share:
                continue
            if isinstance(exercise, KnowledgeCheck):
                picked = [chance.randrange(len(exercise.options))]
                store.save_answer(learner, exercise.id, {"selected": picked}, session=code)
            elif isinstance(exercise, Reflection):
                text = "I would like " + "more time to think. " * chance.randint(1, 20)
                store.save_answer(learner, exercise.id, {"text": text}, session=code)
    store.close()
    return code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument("--timeout", type=int, default=30)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-grading-bench-") as tmp:
        course = Path(tmp) / "course"
        for folder in CONTENT_FOLDERS:
            skip = shutil.ignore_patterns("nbgrader")
            shutil.copytree(ROOT / folder, course / folder, ignore=skip)
        data = Path(tmp) / "data"
        code = make_session(course, data, args.learners, args.seed)

        started = time.perf_counter()
        report = grade_session(course, data, code, timeout=args.timeout, stream=sys.stderr)
        bridge = time.perf_counter() - started
        graded = len(report.graded)

        nbgrader = str(Path(sys.executable).with_name("nbgrader"))
        started = time.perf_counter()
        subprocess.run(
            [nbgrader, "autograde", code, "--force"],
            cwd=grading_root(course),
            check=True,
            capture_output=True,
        )
        alone = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run(
            [nbgrader, "generate_feedback", code, "--force"],
            cwd=grading_root(course),
            check=True,
            capture_output=True,
        )
        feedback = time.perf_counter() - started
        # The bridge again on the same submissions, all regraded, in the same (warm) conditions
        # as nbgrader's run just before: the fairer comparison on a busy machine.
        started = time.perf_counter()
        grade_session(course, data, code, timeout=args.timeout, force=True, stream=sys.stderr)
        warm = time.perf_counter() - started

    figures = {
        "learners": args.learners,
        "graded_by_bridge": graded,
        "problems": len(report.problems),
        "bridge_seconds": round(bridge, 2),
        "bridge_seconds_per_learner": round(bridge / args.learners, 3),
        "nbgrader_autograde_seconds": round(alone, 2),
        "nbgrader_autograde_seconds_per_learner": round(alone / args.learners, 3),
        "ratio_bridge_to_nbgrader": round(bridge / alone, 3),
        "nbgrader_feedback_seconds": round(feedback, 2),
        "bridge_again_seconds": round(warm, 2),
        "bridge_again_seconds_per_learner": round(warm / args.learners, 3),
        "ratio_bridge_again_to_nbgrader": round(warm / alone, 3),
        "ratio_bridge_to_nbgrader_autograde_and_feedback": round(bridge / (alone + feedback), 3),
    }
    problems = len(report.problems)
    print(f"Learners graded end to end: {graded} of {args.learners} ({problems} problems)")
    print(
        f"Bridge (generate, collect, autograde, feedback): {bridge:.1f} s, "
        f"{bridge / args.learners:.2f} s per learner"
    )
    print(
        f"nbgrader autograde on the same submissions: {alone:.1f} s, "
        f"{alone / args.learners:.2f} s per learner"
    )
    print(f"nbgrader generate_feedback on them: {feedback:.1f} s")
    print(f"Ratio bridge / nbgrader autograde: {bridge / alone:.2f}")
    print(
        f"Bridge again, every learner regraded (--force): {warm:.1f} s, "
        f"{warm / args.learners:.2f} s per learner; ratio to nbgrader autograde "
        f"{warm / alone:.2f}"
    )
    print(f"Ratio bridge / (nbgrader autograde + feedback): {bridge / (alone + feedback):.2f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
