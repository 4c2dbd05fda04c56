"""Record which of Voila's front-end chunks the course's pages load (for serving/chunk_bundle.py).

Serves the course, walks a learner through the join page and every module, and the trainer app,
in Chromium, and notes each `NNNN.voila.js` the pages fetch one by one. Chunks already in the
bundle are not fetched, so a run adds only what is missing; with another Voila installed no
bundle is made, every chunk is fetched, and the list is written afresh for that version.

Run: python benchmarks/record_voila_chunks.py   (then commit src/coproduce/serving/voila_chunks.txt)
"""

from __future__ import annotations

import re
import tempfile
from importlib.metadata import version
from pathlib import Path

from course_server import CHROMIUM, FLAGS, start_course, stop
from playwright.sync_api import sync_playwright

from coproduce.serving.chunk_bundle import CHUNK_LIST, recorded_chunks

CHUNK = re.compile(r"/voila/static/(\d+)\.voila\.js")
HEADER = [line for line in CHUNK_LIST.read_text().splitlines() if line.startswith("#")]


def walk(link: str, trainer_link: str) -> list[str]:
    """Chunk ids fetched one by one, in the order first fetched."""
    seen: list[str] = []

    def note(url: str) -> None:
        found = CHUNK.search(url)
        if found and found.group(1) not in seen:
            seen.append(found.group(1))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.on("request", lambda request: note(request.url))
        page.goto(link)
        page.locator(".cp-join-text input").first.wait_for(timeout=120_000)
        page.wait_for_function("document.querySelector('.cp-join-text input').value.length > 0")
        page.locator(".cp-join button.mod-primary, .cp-join button").last.click()
        items = page.locator(".cp-agenda-item")
        items.first.wait_for(timeout=60_000)
        for number in range(items.count()):
            items.nth(number).click()
            page.wait_for_timeout(1500)
        trainer = browser.new_page()
        trainer.on("request", lambda request: note(request.url))
        trainer.goto(trainer_link)
        trainer.wait_for_timeout(8000)
        browser.close()
    return seen


def main() -> None:
    recorded_for, old = recorded_chunks()
    kept = old if recorded_for == version("voila") else []
    with tempfile.TemporaryDirectory() as folder:
        process, link, _ = start_course(Path(folder), 2, [])
        try:
            trainer_link = ""
            while not trainer_link:  # printed after the learner link and its QR code
                line = process.stdout.readline()
                if line.startswith("Trainer link:"):
                    trainer_link = line.split(":", 1)[1].strip()
            fetched = walk(link, trainer_link)
        finally:
            stop(process)
    chunks = kept + [chunk for chunk in fetched if chunk not in kept]
    lines = [*HEADER, f"voila=={version('voila')}", *chunks]
    CHUNK_LIST.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(chunks)} chunks ({len(chunks) - len(kept)} new) written to {CHUNK_LIST.name}")


if __name__ == "__main__":
    main()
