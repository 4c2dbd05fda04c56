"""A learner page, through the whole course, takes Voila's chunks from one bundle, not one by one.

Fails when the installed Voila's page loads chunks the recorded list does not hold (re-record
with benchmarks/record_voila_chunks.py), or when the bundle is missing from the page.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from coproduce.serving.chunk_bundle import recorded_chunks

from ..browser_support import join_session
from ..conftest import Server

pytestmark = pytest.mark.browser

CHUNK = re.compile(r"/voila/static/(\d+)\.voila\.js")


def test_the_page_loads_the_bundle_and_no_chunk_one_by_one(server: Server, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(server.link)
    join_session(page)  # then every module, each with its own kinds of control
    items = page.locator(".cp-agenda-item")
    for number in range(items.count()):
        items.nth(number).click()
        page.locator(f".cp-agenda-item >> nth={number}").and_(
            page.locator('[aria-current="step"]')
        ).wait_for()
        page.locator(".cp-module h2").first.wait_for()
    page.wait_for_timeout(1000)  # anything loaded late
    _, bundled = recorded_chunks()
    fetched = [found.group(1) for url in urls if (found := CHUNK.search(url))]
    assert not [chunk for chunk in fetched if chunk in bundled], "bundled chunks fetched again"
    assert not fetched, f"chunks not in the bundle (re-record the list): {fetched}"
    assert [url for url in urls if "/coproduce/front-end/voila-chunks." in url]
    context.close()
