"""The parsed module notebooks `coproduce serve` writes, so learner kernels need no jupytext."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from coproduce.config.settings import PARSED_MODULES_ENV
from coproduce.content.loader import load_course
from coproduce.content.module_notebook import MarkdownBlock, text_digest
from coproduce.content.parsed_modules import read_parsed_modules, write_parsed_modules
from coproduce.serving.serve import ServeOptions, server_environment

ROOT = Path(__file__).resolve().parents[2]


def test_the_written_blocks_read_back_the_same(tmp_path: Path) -> None:
    content = load_course(ROOT)
    parsed = read_parsed_modules(write_parsed_modules(content, tmp_path / "parsed.json"))
    assert len(parsed) == len(content.modules)
    for module in content.modules.values():
        digest = text_digest(module.content_path.read_text(encoding="utf-8"))
        assert parsed[digest] == module.blocks


def test_the_course_takes_the_blocks_whose_digest_matches(course_dir: Path, tmp_path: Path) -> None:
    content = load_course(course_dir)
    path = write_parsed_modules(content, tmp_path / "parsed.json")
    first = next(iter(content.modules.values()))
    digest = text_digest(first.content_path.read_text(encoding="utf-8"))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["modules"][digest][0] = {"markdown": "Text the server parsed."}
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_course(course_dir, parsed=read_parsed_modules(path))
    blocks = loaded.modules[first.slug].blocks
    assert blocks[0] == MarkdownBlock("Text the server parsed.")
    assert blocks[1:] == first.blocks[1:]


def test_a_module_edited_since_is_parsed_afresh(course_dir: Path, tmp_path: Path) -> None:
    content = load_course(course_dir)
    parsed = read_parsed_modules(write_parsed_modules(content, tmp_path / "parsed.json"))
    first = next(iter(content.modules.values()))
    with first.content_path.open("a", encoding="utf-8") as notebook:
        notebook.write("\nA sentence added after the server started.\n")
    loaded = load_course(course_dir, parsed=parsed)
    last = loaded.modules[first.slug].blocks[-1]
    assert isinstance(last, MarkdownBlock)
    assert last.text.endswith("A sentence added after the server started.")


def test_a_broken_or_foreign_file_means_parse_everything(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 1, "modules": {"abc": [{"nothing": 1}]', encoding="utf-8")
    assert read_parsed_modules(broken) == {}
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"format": 99, "modules": {}}', encoding="utf-8")
    assert read_parsed_modules(foreign) == {}
    assert read_parsed_modules(tmp_path / "missing.json") == {}


def test_serve_points_the_kernels_at_the_file(tmp_path: Path) -> None:
    options = ServeOptions(course_root=ROOT, data_dir=tmp_path)
    env = server_environment(options, "ABC123")
    assert Path(env[PARSED_MODULES_ENV]).parent == tmp_path


def test_a_learner_kernel_with_the_file_never_imports_jupytext(tmp_path: Path) -> None:
    path = write_parsed_modules(load_course(ROOT), tmp_path / "parsed.json")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "import coproduce.apps.learner_app\n"
        "from coproduce.content.loader import load_course\n"
        f"content = load_course(Path({str(ROOT)!r}))\n"
        "assert len(content.modules) > 1\n"
        "print(sorted(name for name in ('jupytext', 'nbformat', 'jupyter_server')"
        " if name in sys.modules))\n"
    )
    env = {**os.environ, PARSED_MODULES_ENV: str(path)}
    found = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "[]"
    # Without the file the same kernel parses with jupytext: the test can tell the two apart.
    env.pop(PARSED_MODULES_ENV)
    parsed_here = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert "jupytext" in parsed_here.stdout
