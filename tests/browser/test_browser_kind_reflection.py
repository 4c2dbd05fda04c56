"""Reflection in Chromium: private by default, shared by choice, kept on refresh."""

from __future__ import annotations

from typing import Any

import pytest

from ..browser_support import (
    DESKTOP,
    PHONE,
    axe_violations,
    open_learner_app,
    open_module,
    reload_app,
    shot,
)
from ..conftest import Server

pytestmark = pytest.mark.browser

MODULE = "Welcome and ground rules"
HOSTILE = "<script>window.hacked = 1</script> שלום 🙂 " + "long " * 200


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_write_share_refresh_and_pass(server: Server, browser: Any, viewport: Any) -> None:
    page = open_learner_app(browser, server.link, viewport)
    open_module(page, MODULE)
    box = page.get_by_role("textbox", name="What would help you feel able to speak freely")
    box.wait_for()
    box.focus()
    page.keyboard.insert_text(HOSTILE)
    page.get_by_text("characters: only the first 600 will be kept").wait_for()
    share = page.get_by_role("checkbox", name="Share my answer with the room, without my name")
    assert not share.is_checked(), "reflections must be private by default"
    share.focus()
    page.keyboard.press("Space")
    page.get_by_text("Saved the first 600 characters.").wait_for()
    assert page.evaluate("window.hacked") is None
    assert axe_violations(page) == []
    name = "phone" if viewport == PHONE else "desktop"
    shot(page, f"kind-reflection-{name}.png")

    reload_app(page)
    open_module(page, MODULE)
    box = page.get_by_role("textbox", name="What would help you feel able to speak freely")
    box.wait_for()
    assert box.input_value() == HOSTILE[:600]
    share = page.get_by_role("checkbox", name="Share my answer with the room, without my name")
    assert share.is_checked()

    page.get_by_role("button", name="I'd rather not answer").focus()
    page.keyboard.press("Enter")
    page.get_by_text("That's fine.").wait_for()
    assert not share.is_checked()
    page.context.close()
