"""The trainer's page in Chromium: no empty Timers heading, no skip link to a course that is not
there, a module picker you can see, and axe-core finds nothing."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ..browser_support import axe_violations, shot
from ..conftest import Server

pytestmark = pytest.mark.browser

CONTRAST = """([fg, bg]) => {
  const lum = (c) => {
    const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def _open_trainer(browser: Any, server: Server) -> Any:
    page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    page.goto(server.trainer_link)
    page.get_by_text(f"Session code: {server.code}").wait_for(timeout=60_000)
    page.get_by_role("heading", name="Timers").wait_for()
    return page


def test_the_timers_heading_is_never_empty(server: Server, browser: Any) -> None:
    page = _open_trainer(browser, server)
    under_timers = page.evaluate(
        """() => {
          const heading = Array.from(document.querySelectorAll('h2'))
            .find((h) => h.textContent.trim() === 'Timers');
          const box = heading.closest('.widget-html');
          const next = box && box.nextElementSibling;
          return next ? next.innerText.trim() : '';
        }"""
    )
    assert under_timers, "the Timers heading has nothing under it"
    assert axe_violations(page) == []
    shot(page, "trainer-page-before-the-room-starts.png", full_page=False)
    page.context.close()


def test_the_trainer_page_has_no_skip_link_to_a_course(server: Server, browser: Any) -> None:
    page = _open_trainer(browser, server)
    # A skip link on this page must lead somewhere that exists and say where; there is no
    # course here to skip to, so there is none.
    links = page.locator("a.cp-skip-link")
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href") or ""
        assert page.locator(target).count() == 1
        assert "course" not in links.nth(index).inner_text().lower()
    assert "Skip to the course" not in page.content()
    page.context.close()


def test_the_module_picker_has_a_visible_border(server: Server, browser: Any) -> None:
    page = _open_trainer(browser, server)
    picker = page.get_by_label("Move the room to")
    style = picker.evaluate(
        """(node) => { const s = getComputedStyle(node); const p = getComputedStyle(document.body);
          return [s.borderTopWidth, s.borderTopStyle, s.borderTopColor, p.backgroundColor,
                  node.getBoundingClientRect().height]; }"""
    )
    width, line, colour, background, height = style
    assert float(re.sub(r"px$", "", width)) >= 1 and line != "none", style
    assert page.evaluate(CONTRAST, [colour, background]) >= 3, style
    assert height >= 44
    picker.focus()
    page.keyboard.press("ArrowDown")  # still a real list the keyboard can use
    shot(page, "trainer-module-picker.png", full_page=False)
    page.context.close()


def test_the_learner_page_keeps_its_skip_link_to_the_course(server: Server, browser: Any) -> None:
    page = browser.new_context().new_page()
    page.goto(server.link)
    link = page.locator("a.cp-skip-link")
    assert link.inner_text() == "Skip to the course"
    assert page.locator(link.get_attribute("href") or "#none").count() == 1
    page.context.close()
