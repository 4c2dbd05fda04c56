"""Folders and files that hold learners' words, for the user who runs the kit and nobody else.

Folders are made 0o700 and files 0o600 whatever the umask (a mode given to `mkdir` or `open` is
only ever narrowed by it, so the mode is set again after). A file that already exists and is
ours is tightened; one that belongs to someone else, or a folder that already existed, is left
as its owner chose (a data folder shared on purpose stays shared).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: Path) -> Path:
    """`path` as a folder, with any folders missing on the way made for the owner only."""
    missing = []
    here = path
    while not here.exists() and here != here.parent:
        missing.append(here)
        here = here.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue  # another process made it at the same moment, and set its mode
        os.chmod(folder, FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """`path` as a file only its owner can read or write: made empty if missing, else tightened."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        tighten(path)
        return path
    try:
        os.fchmod(descriptor, FILE_MODE)
    finally:
        os.close(descriptor)
    return path


def tighten(path: Path) -> None:
    """Make an existing file of ours private; a missing file or someone else's is left alone."""
    try:
        if path.stat().st_uid == os.getuid():
            os.chmod(path, FILE_MODE)
    except FileNotFoundError:
        pass


def open_private(path: Path, newline: str | None = None) -> TextIO:
    """`path` opened to write UTF-8 text from the start, readable by its owner only."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(descriptor, FILE_MODE)
    except PermissionError:
        pass  # someone else's file we may write to: its mode is theirs to choose
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "w", encoding="utf-8", newline=newline)


def write_private_text(path: Path, text: str) -> Path:
    """Write a whole text file (a report, an export) that only its owner can read."""
    with open_private(path) as file:
        file.write(text)
    return path
