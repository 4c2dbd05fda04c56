"""`python -m coproduce.hub prepare --course DIR --out DIR` or `... password NAME`."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from coproduce.hub.passwords import hash_password
from coproduce.hub.prepare import prepare


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coproduce.hub")
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("prepare", help="write what every server on the hub serves")
    made.add_argument("--course", type=Path, default=Path.cwd(), help="the course folder")
    made.add_argument("--out", type=Path, required=True, help="the folder the servers read")
    word = commands.add_parser("password", help="print a trainers-file line for a trainer")
    word.add_argument("name")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        print(prepare(args.course.resolve(), args.out.resolve()))
        return 0
    password = getpass.getpass(f"Password for {args.name}: ")
    if len(password) < 12:
        print("Use a password of 12 characters or more.", file=sys.stderr)
        return 2
    print(f"{args.name.lower()}: {hash_password(password)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
