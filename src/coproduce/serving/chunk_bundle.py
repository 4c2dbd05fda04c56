"""Voila's front-end chunks a course page loads, sent as one file instead of about seventy.

Voila's page script fetches its code in small pieces ("chunks", `NNNN.voila.js`) as it starts:
about 70 requests for every new learner, and with a class arriving together the one server
process spent most of its time answering them. A chunk file only registers its code with the
page script (it runs nothing by itself), and the page script takes up any chunk registered
before it starts instead of fetching it. So `coproduce serve` writes the chunks a course page is
known to load into one file, named by a hash of its content, and the page template loads it just
before Voila's own script.

The list of chunks (`voila_chunks.txt`) was recorded from a real page in Chromium for one Voila
version (`benchmarks/record_voila_chunks.py`). With another version installed no bundle is made,
and pages load their chunks one by one as plain Voila does: slower, never broken.
"""

from __future__ import annotations

import hashlib
import os
from importlib.metadata import version
from pathlib import Path

from jupyter_core.paths import jupyter_path

CHUNK_LIST = Path(__file__).with_name("voila_chunks.txt")
URL_PATH = "coproduce/front-end"


def recorded_chunks(listing: Path = CHUNK_LIST) -> tuple[str, list[str]]:
    """The Voila version the list was recorded with, and the chunk ids, in the order loaded."""
    lines = [
        line.strip()
        for line in listing.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    recorded_for = lines[0].removeprefix("voila==") if lines else ""
    return recorded_for, lines[1:]


def voila_static_folder() -> Path | None:
    for folder in jupyter_path("voila", "templates", "base", "static"):
        if (Path(folder) / "voila.js").is_file():
            return Path(folder)
    return None


def write_bundle(folder: Path, listing: Path = CHUNK_LIST, static: Path | None = None) -> str:
    """Write the bundle into `folder`; its file name, or "" when there is nothing to bundle."""
    recorded_for, chunks = recorded_chunks(listing)
    static = static or voila_static_folder()
    if static is None or recorded_for != version("voila"):
        return ""
    parts = [
        (static / f"{chunk}.voila.js").read_bytes()
        for chunk in chunks
        if (static / f"{chunk}.voila.js").is_file()
    ]
    if not parts:
        return ""
    body = b"\n".join(parts) + b"\n"  # a chunk may end in a line comment
    name = f"voila-chunks.{hashlib.sha256(body).hexdigest()[:16]}.js"
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f"{name}.partial"
    partial.write_bytes(body)
    os.replace(partial, folder / name)
    return name
