"""A class opening the link in the same moment: every page shows the join form, none is blank.

More learners arrive at once than the server keeps warm, so some of them wait for a kernel that
starts as they arrive, while the pool refills: under that load Voila's executor used to give up
on a kernel's output and leave a blank page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ..conftest import Server, copy_course, start_server, stop_server

pytestmark = pytest.mark.browser

ARRIVING = 10
WARM = 4


@pytest.fixture(scope="module")
def burst_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("burst")
    running = start_server(copy_course(base / "course"), base / "data", class_size=WARM)
    yield running
    stop_server(running.process)


def test_a_class_arriving_together_all_get_the_join_form(
    burst_server: Server, browser: Any
) -> None:
    pages = []
    for _ in range(ARRIVING):
        pages.append(browser.new_context().new_page())
    for page in pages:  # every navigation starts before any page has loaded
        page.evaluate("link => { window.location.href = link; }", burst_server.link)
    shown = 0
    for page in pages:
        page.get_by_role("textbox", name="Session code").wait_for(timeout=180_000)
        assert page.get_by_role("button", name="Join").is_enabled()
        shown += 1
    assert shown == ARRIVING
    log = burst_server.log.read_text()
    assert "Timeout waiting for IOPub output" not in log
    assert "Traceback" not in log
    for page in pages:
        page.context.close()
