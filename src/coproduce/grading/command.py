"""`coproduce grade SESSION_CODE` and `coproduce grade --export`: parsing and printing only."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

DEFAULT_EXPORT = Path("build") / "grades.csv"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    grade = subparsers.add_parser(
        "grade",
        help="mark a session with nbgrader (knowledge checks autograded), or export the grades",
    )
    grade.add_argument("code", nargs="?", default=None, help="the session code to grade")
    grade.add_argument(
        "--export",
        action="store_true",
        help="write the grades CSV (of CODE if given, else of every graded session)",
    )
    grade.add_argument(
        "--out", type=Path, default=None, help=f"CSV file for --export (default {DEFAULT_EXPORT})"
    )
    grade.add_argument(
        "--timeout",
        type=int,
        default=None,
        help="seconds any one notebook cell may run before nbgrader stops it (default 30)",
    )
    grade.add_argument(
        "--force", action="store_true", help="grade every submission again, changed or not"
    )
    grade.add_argument("--data-dir", type=Path, default=None, help="as given to serve")
    grade.add_argument("--store", default=None, help="an SQLAlchemy URL, as given to serve")
    return grade


def run(args: argparse.Namespace, course_root: Path, data_dir: Path) -> int:
    from coproduce.content.loader import load_course
    from coproduce.live.sessions import normalise_code

    code = normalise_code(args.code) if args.code else None
    if args.code and not code:
        print(f"'{args.code}' is not a session code.", file=sys.stderr)
        return 2
    content = load_course(course_root)
    if not content.course.marking:
        print(
            "Marking is off for this course, so learners were told nothing is marked. "
            "For an assessed cohort, set marking: true in course/course.yml before the session.",
            file=sys.stderr,
        )
        return 2
    if args.export:
        from coproduce.grading.export import export_grades

        out = (args.out or course_root / DEFAULT_EXPORT).resolve()
        rows = export_grades(content, out, code)
        print(f"Wrote {out} ({rows} learner rows)")
        return 0
    if not code:
        print("Give a session code to grade, or --export.", file=sys.stderr)
        return 2
    from coproduce.grading.chain import grade_session
    from coproduce.grading.nbgrader_apps import GradingError
    from coproduce.grading.paths import grading_root

    try:
        report = grade_session(
            course_root,
            args.store or data_dir,
            code,
            timeout=args.timeout,
            force=args.force,
        )
    except GradingError as error:
        print(error, file=sys.stderr)
        return 1
    folder = grading_root(course_root)
    print(
        f"Session {report.session}: {len(report.graded)} graded, {len(report.unchanged)} "
        f"unchanged, {len(report.problems)} with problems, {report.certificates} certificates."
    )
    for learner, problem in report.problems.items():
        print(f"  {learner}: {problem}", file=sys.stderr)
    print(f"nbgrader course: {folder} (formgrader: run `jupyter server` there)")
    return 0 if report.ok else 1
