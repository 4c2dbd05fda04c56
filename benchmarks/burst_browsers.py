"""The real Chromium of benchmarks/class_burst.py: the files a page fetches, a few real learners,
and the trainer's own page counting the class in."""

from __future__ import annotations

import re
import time
from typing import Any

from burst_learner import Learner
from course_server import CHROMIUM, FLAGS
from playwright.sync_api import sync_playwright


def record_statics(link: str) -> list[str]:
    """The files a real Chromium fetches for this page, beside the page itself."""
    urls: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.on("request", lambda request: urls.append(request.url))
        page.goto(link)
        page.locator(".cp-join-text input, .widget-radio-box input, textarea").first.wait_for(
            timeout=120_000
        )
        page.wait_for_timeout(1000)
        browser.close()
    base = link.split("?", 1)[0]
    return [url for url in urls if url.startswith(base) and url.split("?", 1)[0] != base]


def browser_learners(link: str, count: int, start_at: float, results: list[float]) -> None:
    """Real Chromium learners: seconds from opening the link to a usable join form."""
    if count == 0:
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        time.sleep(max(0.0, start_at - time.monotonic()))
        for _ in range(count):
            context = browser.new_context()
            page = context.new_page()
            began = time.monotonic()
            page.goto(link, timeout=300_000)
            page.locator(".cp-join-text input, .widget-radio-box input, textarea").first.wait_for(
                timeout=300_000
            )
            results.append(time.monotonic() - began)
            context.close()
        browser.close()


def trainer_screen(
    link: str, pattern: str, nobody: str, ready: Any, done: Any, seen: list[Any]
) -> None:
    """The trainer's own page on the serving machine, as in a real room: every change of the
    'N people joined' line it shows during the burst, with the wall-clock time it showed it."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.goto(link, timeout=300_000)
        page.get_by_text(nobody).wait_for(timeout=300_000)
        page.evaluate(
            """pattern => {
                const found = new RegExp(pattern);
                window.cpSeen = [];
                let last = -1;
                setInterval(() => {
                    const match = document.body.innerText.match(found);
                    const count = match ? Number(match.slice(1).find(n => n)) : 0;
                    if (count !== last) { last = count; window.cpSeen.push([Date.now(), count]); }
                }, 50);
            }""",
            pattern,
        )
        ready.set()
        done.wait()
        page.wait_for_timeout(5000)  # the last joins reach the screen
        seen.extend(page.evaluate("window.cpSeen"))
        browser.close()


def joined_pattern(words: dict[str, str]) -> str:
    """A regular expression for the trainer's 'N people joined' line in each plural form."""
    forms = [re.escape(text).replace(re.escape("{total}"), r"(\d+)") for text in words.values()]
    return "|".join(forms)


def trainer_lags(seen: list[Any], learners: list[Learner]) -> list[float]:
    """For the k-th learner in, how long after they were in the trainer's screen counted k."""
    joined = sorted(x.joined_at for x in learners if x.joined_at is not None)
    lags = []
    for k, at in enumerate(joined, start=1):
        shown = next((ms / 1000 for ms, count in seen if count >= k), None)
        if shown is not None:
            lags.append(max(0.0, shown - at))
    return lags
