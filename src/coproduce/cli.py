"""The `coproduce` command: parses arguments and hands over to the module that does the work."""

from __future__ import annotations

import argparse
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coproduce.content.errors import ContentError
from coproduce.grading.command import add_parser as add_grade_parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ContentError as error:
        from coproduce.content.author_messages import say

        print(say("cli.content_problems", count=len(error.problems)), file=sys.stderr)
        print(error.render(), file=sys.stderr)
        return 1
    except (FileNotFoundError, LookupError) as error:
        print(error, file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coproduce", description=__doc__)
    parser.add_argument(
        "--course", type=Path, default=Path("."), help="folder holding course/ (default: here)"
    )
    commands = parser.add_subparsers(required=True, metavar="command")

    serve = commands.add_parser("serve", help="serve the course to learners with Voila")
    serve.add_argument("--port", type=int, default=8866, help="port to listen on (default 8866)")
    serve.add_argument(
        "--data-dir", type=Path, default=None, help="where answers are kept (default: ./data)"
    )
    reach = serve.add_mutually_exclusive_group()
    reach.add_argument(
        "--room",
        action="store_true",
        help="let phones and laptops on this network join (listen on every address)",
    )
    reach.add_argument(
        "--ip", default=None, help="address to listen on (default 127.0.0.1: this computer only)"
    )
    serve.add_argument(
        "--public-url",
        default=None,
        help="the learner link's start when a proxy or a DNS name sits in front",
    )
    serve.add_argument(
        "--new-session",
        action="store_true",
        help="start a new session (by default a restart resumes the last one)",
    )
    serve.add_argument(
        "--max-learners",
        type=int,
        default=None,
        help="learner pages at once, at most (default: what 3/4 of the free memory holds, "
        "at least --class-size plus 4)",
    )
    serve.add_argument(
        "--class-size",
        type=int,
        default=None,
        help="learners arriving together: kernels started before they come (default 40, "
        "fewer if the free memory would not hold twice that)",
    )
    serve.add_argument("--store", default=None, help="an SQLAlchemy URL instead of SQLite")
    serve.add_argument("--no-browser", action="store_true", help="do not open a browser")
    serve.add_argument(
        "--trainer-port", type=int, default=None, help="trainer app port (default: port + 1)"
    )
    trainer_access = serve.add_mutually_exclusive_group()
    trainer_access.add_argument(
        "--trainer-token",
        default=None,
        help="protect the trainer app with this secret and serve it on --ip too",
    )
    trainer_access.add_argument(
        "--trainer-remote",
        action="store_true",
        help="like --trainer-token, with a new random secret (printed in the trainer link)",
    )
    serve.add_argument(
        "--unconnected-seconds",
        type=float,
        default=90,
        help="shut a kernel whose page never connects after this long (default 90)",
    )
    serve.add_argument(
        "--left-seconds",
        type=float,
        default=600,
        help="shut a kernel whose page went away without closing after this long (default 600)",
    )
    serve.set_defaults(run=_serve)

    _add_session_commands(commands)
    add_grade_parser(commands).set_defaults(run=_grade)

    check = commands.add_parser(
        "check",
        help="check all course content: exit 0 if no errors, 1 if errors, 2 if no course",
    )
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.set_defaults(run=_check)
    build = commands.add_parser(
        "build", help="write the facilitator pack, learner workbook, static site and PDFs"
    )
    build.add_argument("--out", type=Path, default=None, help="output folder (default ./build)")
    build.add_argument("--no-pdf", action="store_true", help="skip the PDFs")
    build.set_defaults(run=_build)

    new_module = commands.add_parser("new-module", help="start a new module from a template")
    new_module.add_argument("title", help='the module title, in quotes: "Listening well"')
    new_module.add_argument("--minutes", type=int, default=20, help="planned length (default 20)")
    new_module.set_defaults(run=_new_module)
    return parser


def _build(args: argparse.Namespace) -> int:
    from coproduce.authoring.build import build_all
    from coproduce.content.author_messages import say

    root = _course_root(args.course)
    out = (args.out or root / "build").resolve()
    written = build_all(root, out, pdf=not args.no_pdf)
    print(say("cli.built", count=len(written), out=out))
    return 0


def _new_module(args: argparse.Namespace) -> int:
    from coproduce.authoring.scaffold import create_module
    from coproduce.content.author_messages import say

    root = _course_root(args.course)
    created = create_module(root, args.title, args.minutes)
    exercise, notes = created.exercise.relative_to(root), created.notes.relative_to(root)
    print(say("cli.module_created", folder=created.folder.relative_to(root)))
    print(say("cli.module_files_created", exercise=exercise, notes=notes))
    print(say("cli.module_added", slug=created.slug))
    print(say("cli.module_next"))
    return 0


def _serve(args: argparse.Namespace) -> int:
    from coproduce.serving.serve import ServeOptions, serve
    from coproduce.serving.voila_command import Culls

    root = _course_root(args.course)
    options = ServeOptions(
        course_root=root,
        data_dir=(args.data_dir or root / "data").resolve(),
        port=args.port,
        ip="0.0.0.0" if args.room else (args.ip or "127.0.0.1"),
        class_size=args.class_size,
        open_browser=not args.no_browser,
        store=args.store,
        trainer_port=args.trainer_port,
        trainer_token=args.trainer_token
        or (secrets.token_urlsafe(24) if args.trainer_remote else None),
        public_url=args.public_url,
        new_session=args.new_session,
        max_learners=args.max_learners,
        culls=Culls(args.unconnected_seconds, args.left_seconds),
    )
    return serve(options)


def _check(args: argparse.Namespace) -> int:
    from coproduce.authoring.check import check_course

    return check_course(_course_root(args.course), strict=args.strict)


def _course_root(path: Path) -> Path:
    from coproduce.config.settings import find_course_root

    return find_course_root(path)


def _add_session_commands(commands: Any) -> None:
    session = commands.add_parser(
        "session", help="sessions in the store: list, report, export, delete, purge"
    )
    actions = session.add_subparsers(required=True, metavar="action")
    listing = actions.add_parser("list", help="every session, newest first")
    listing.set_defaults(run=_session_list)
    report = actions.add_parser("report", help="write an HTML report of a session")
    report.add_argument("code", help="the session code")
    report.add_argument(
        "--out", type=Path, default=None, help="file (default build/session-CODE.html)"
    )
    report.set_defaults(run=_session_report)
    export = actions.add_parser("export", help="write a session's data as CSV and JSON")
    export.add_argument("code", help="the session code")
    export.add_argument("--out", type=Path, default=None, help="folder (default build/)")
    export.set_defaults(run=_session_export)
    delete = actions.add_parser("delete", help="remove every row of a session from the store")
    delete.add_argument("code", help="the session code")
    delete.set_defaults(run=_session_delete)
    purge = actions.add_parser("purge", help="delete sessions older than the retention period")
    purge.add_argument(
        "--older-than-days", type=int, default=None, help="retention period in days (default 90)"
    )
    purge.set_defaults(run=_session_purge)
    for action in (listing, report, export, delete, purge):
        action.add_argument("--data-dir", type=Path, default=None, help="as given to serve")
        action.add_argument("--store", default=None, help="an SQLAlchemy URL, as given to serve")


def _sessions(args: argparse.Namespace) -> tuple[Path, Any]:
    from coproduce.reports.session_commands import open_sessions

    root = _course_root(args.course)
    target = args.store or (args.data_dir or root / "data").resolve()
    return root, open_sessions(target, getattr(args, "code", None))


def _session_list(args: argparse.Namespace) -> int:
    from coproduce.reports.session_commands import listing

    _, sessions = _sessions(args)
    print(listing(sessions))
    return 0


def _session_report(args: argparse.Namespace) -> int:
    from coproduce.content.author_messages import say
    from coproduce.reports.session_commands import report

    root, sessions = _sessions(args)
    written = report(root, sessions, args.code, args.out)
    print(say("cli.wrote", path=written))
    return 0


def _session_export(args: argparse.Namespace) -> int:
    from coproduce.content.author_messages import say
    from coproduce.content.loader import load_course
    from coproduce.reports.session_commands import export

    root, sessions = _sessions(args)
    written = export(sessions, args.code, args.out or root / "build", load_course(root))
    names = ", ".join(path.name for path in written)
    print(say("cli.exported", count=len(written), names=names))
    return 0


def _session_delete(args: argparse.Namespace) -> int:
    from coproduce.content.author_messages import say
    from coproduce.reports.session_commands import delete

    _, sessions = _sessions(args)
    removed = delete(sessions, args.code)
    print(say("cli.session_deleted", code=args.code.strip().upper(), count=removed))
    return 0


def _session_purge(args: argparse.Namespace) -> int:
    from coproduce.content.author_messages import say
    from coproduce.reports.session_commands import purge

    _, sessions = _sessions(args)
    codes, days = purge(sessions, args.older_than_days)
    older = say("cli.days", count=days)
    print(say("cli.sessions_purged", count=len(codes), days=older))
    return 0


def _grade(args: argparse.Namespace) -> int:
    from coproduce.grading.command import run

    root = _course_root(args.course)
    return run(args, root, (args.data_dir or root / "data").resolve())
