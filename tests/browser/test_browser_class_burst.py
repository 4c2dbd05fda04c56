"""A class opening the link in the same moment: every page shows the join form, none is blank.

More learners arrive at once than the server keeps warm, so some of them wait for a kernel that
starts as they arrive while the pool refills. Under that load Voila's executor used to give up on
a kernel's output (a blank page), and two learners could wait on the same pooled kernel (a page
with no kernel, or an error).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from coproduce.content.loader import load_course

from ..conftest import Server, copy_course, start_server, stop_server

pytestmark = pytest.mark.browser

ARRIVING = 10
WARM = 4
WORDS = load_course(Path(__file__).resolve().parents[2]).interface.join


@pytest.fixture(scope="module")
def burst_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("burst")
    running = start_server(copy_course(base / "course"), base / "data", class_size=WARM)
    yield running
    stop_server(running.process)


def test_a_class_arriving_together_all_get_the_join_form(
    burst_server: Server, browser: Any
) -> None:
    pages = [browser.new_context().new_page() for _ in range(ARRIVING)]
    statuses: list[int] = []
    for page in pages:
        page.on(
            "response",
            lambda response: (
                statuses.append(response.status)
                if response.request.resource_type == "document"
                else None
            ),
        )
    for page in pages:  # every navigation starts before any page has loaded
        page.evaluate("link => { window.location.href = link; }", burst_server.link)
    for number, page in enumerate(pages, start=1):
        code = page.get_by_role("textbox", name=WORDS.code_label)
        code.wait_for(timeout=240_000)
        # Filled in by the kernel from the link, a round trip after the form shows: this page
        # has a live kernel of its own.
        expect(code, f"page {number} has no working kernel").to_have_value(
            burst_server.code, timeout=60_000
        )
        assert page.get_by_role("button", name=WORDS.button).is_enabled()
    assert statuses == [200] * ARRIVING
    log = burst_server.log.read_text()
    assert "Timeout waiting for IOPub output" not in log
    assert "Traceback" not in log
    for page in pages:
        page.context.close()
