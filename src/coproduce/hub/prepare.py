"""What every server on the hub serves, written once into one folder the servers can read.

`python -m coproduce.hub prepare --course DIR --out DIR` writes the learner and trainer app
notebooks, Voila's settings, the kernel spec, the parsed modules and a copy of the course, as
`coproduce serve` writes them into its data folder. The container image runs it at build time;
on one server the admin runs it after each change to the course.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from coproduce.apps.app_notebooks import write_learner_app, write_trainer_app
from coproduce.content.loader import load_course
from coproduce.content.parsed_modules import write_parsed_modules
from coproduce.serving.chunk_bundle import write_bundle
from coproduce.serving.serve import (
    APP_FOLDER,
    CONFIG_FOLDER,
    KERNEL_SHARE,
    PARSED_MODULES_FILE,
    SHARE_DIR,
    TRAINER_FOLDER,
    write_words,
)
from coproduce.serving.voila_command import (
    FRONT_END_FOLDER,
    KERNEL_NAME,
    write_kernel_spec,
    write_voila_config,
)

CONTENT_FOLDERS = ("course", "modules", "exercises", "facilitator_notes")
COURSE_COPY = "course-copy"
SHARE_COPY = "share"  # Voila's template for the apps, where every server can read it
SERVER_FILE = "server.json"


def prepare(course_root: Path, out: Path) -> Path:
    """Write everything into `out` (made readable by the servers' users); returns `out`."""
    content = load_course(course_root)
    out.mkdir(parents=True, exist_ok=True)
    copy = out / COURSE_COPY
    for folder in CONTENT_FOLDERS:
        if (course_root / folder).is_dir():
            shutil.rmtree(copy / folder, ignore_errors=True)
            shutil.copytree(course_root / folder, copy / folder)
    config_dir = write_voila_config(out / CONFIG_FOLDER)
    write_words(content, config_dir)
    write_kernel_spec(out / KERNEL_SHARE)
    bundle = write_bundle(config_dir / FRONT_END_FOLDER)
    write_learner_app(content, out / APP_FOLDER, KERNEL_NAME, bundle)
    write_trainer_app(content, out / TRAINER_FOLDER, KERNEL_NAME, bundle)
    write_parsed_modules(content, out / PARSED_MODULES_FILE)
    shutil.rmtree(out / SHARE_COPY, ignore_errors=True)
    shutil.copytree(SHARE_DIR, out / SHARE_COPY)
    (out / SERVER_FILE).write_text(json.dumps({"language": content.course.language}))
    for path in (out, *out.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return out
