"""A department can lift one module out and run it in plain Voila, with its exercise working."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import jupytext
import pytest

from ..conftest import free_port

pytestmark = pytest.mark.browser


def test_a_module_runs_in_plain_voila(course_dir: Path, browser: Any) -> None:
    module = course_dir / "modules" / "01-welcome"
    notebook = module / "content.ipynb"
    jupytext.write(jupytext.read(module / "content.md"), notebook)
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("COPRODUCE_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "voila", str(notebook), "--no-browser", f"--port={port}"],
        cwd=module,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        page = browser.new_page()
        deadline = time.monotonic() + 60
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}/")
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        box = page.get_by_role("textbox", name="What would help you feel able to speak freely")
        box.wait_for(timeout=60_000)
        box.fill("Plain Voila works")
        assert page.locator(".jp-InputArea-editor").count() == 0
        page.get_by_text("Saved.").wait_for(timeout=15_000)
        assert (course_dir / "data" / "coproduce.sqlite").is_file()
        page.close()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
