"""The claims of course/accessibility.md that no other browser test makes, in Chromium.

Every part of the course (the join page and each module), on a 320px-wide window and on a
desktop: axe-core finds nothing, even with its WCAG 2.2 target-size rule switched on; nothing
scrolls sideways; every control is at least 24 by 24 pixels and every button at least 44 tall;
each control the Tab key reaches shows a focus ring and is not covered by anything, down to the
footer's link to the accessibility statement. Then the
footer's link, by keyboard, to the statement, which passes axe, fits 320px and needs no
JavaScript.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from coproduce.content.course import STATEMENT_FILE
from coproduce.content.loader import load_course
from coproduce.content.markdown import split_title

from ..browser_support import DESKTOP, join_session, open_module, shot
from ..conftest import ROOT, Server

pytestmark = pytest.mark.browser

CONTENT = load_course(ROOT)
WORDS = CONTENT.interface.page
STATEMENT_TITLE = split_title((ROOT / STATEMENT_FILE).read_text())[0].removeprefix("# ")
NARROW = {"width": 320, "height": 640}
MAX_TABS = 200

# axe-core leaves WCAG 2.2's target size (2.5.8) off unless asked.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}

# Controls a pointer or finger aims at; a link inside a sentence or a list item's text is
# exempt from 2.5.8 (its size is the text's), so it is left out.
SMALL_TARGETS = """() => {
  const controls = document.querySelectorAll(
    'button, input:not([type=hidden]), select, textarea, a[href], [role=button], [role=radio]');
  const inSentence = (node) => {
    if (node.tagName !== 'A' || getComputedStyle(node).display !== 'inline') return false;
    const block = node.parentElement.closest('p, li, td, dd, div');
    return block !== null && block.textContent.trim().length > node.textContent.trim().length;
  };
  const small = [];
  for (const node of controls) {
    const box = node.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(node).visibility === 'hidden'
        || inSentence(node)) continue;
    const button = node.tagName === 'BUTTON' || node.getAttribute('role') === 'button';
    if (box.width < 24 || box.height < 24 || (button && box.height < 44)) {
      small.push(`${node.tagName.toLowerCase()} "${(node.textContent || node.name || '')
        .trim().slice(0, 40)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""

# The focused control: whether a focus ring shows, and whether anything covers its middle.
FOCUSED = """() => {
  const node = document.activeElement;
  if (!node || node === document.body) return null;
  // A date box keeps focus for its day, month and year; back at the first: the end.
  if (window.cpSeen.has(node)) return {seen: true, first: node === window.cpFirst};
  window.cpSeen.add(node);
  window.cpFirst = window.cpFirst || node;
  // A link that wraps has a box per line: the middle of the first line is on the link.
  const box = Array.from(node.getClientRects()).find((r) => r.width > 0)
    || node.getBoundingClientRect();
  const style = getComputedStyle(node);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const label = hit && hit.closest('label');
  const covered = !(hit && (hit === node || node.contains(hit)
    || (label !== null && (label.control === node || label.contains(node)))));
  const inView = box.bottom > 0 && box.top < window.innerHeight;
  return {
    name: `${node.tagName.toLowerCase()} "${(node.textContent || node.name || '')
      .trim().slice(0, 40)}"`,
    ring, covered, inView, style: `${style.outline} / ${style.boxShadow}`,
    hit: hit ? hit.className || hit.tagName : null,
    footer: node.closest('footer') !== null,
  };
}"""


def _axe(page: Any) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']}: {v['help']} ({v['nodes'][0]['target'] if v['nodes'] else ''})"
        for v in results.response["violations"]
    ]


# Controls and text that reach past the window's right edge: cut off by a box that hides its
# overflow, even when the page itself does not scroll sideways.
CUT_OFF = """() => Array.from(document.querySelectorAll(
    'button, input, select, textarea, a[href], label, p, li, h1, h2, h3, legend, td, th'))
  .filter((node) => { const box = node.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && box.right > window.innerWidth + 0.5; })
  .map((node) => `${node.tagName.toLowerCase()} "${(node.textContent || node.name || '')
    .trim().slice(0, 40)}" ends at ${Math.round(node.getBoundingClientRect().right)}px`)"""


def _sideways(page: Any, width: int) -> list[str]:
    scroll = int(page.evaluate("document.documentElement.scrollWidth"))
    wide = [f"scrolls sideways ({scroll}px wide)"] if scroll > width else []
    return wide + [f"cut off: {found}" for found in page.evaluate(CUT_OFF)]


def _focus_problems(page: Any) -> list[str]:
    """Tab through the whole page from the top; each control must show and not be covered."""
    page.evaluate(
        "window.scrollTo(0, 0); window.cpSeen = new WeakSet(); window.cpFirst = null;"
        " document.activeElement && document.activeElement.blur()"
    )
    page.locator("body").focus()
    problems: list[str] = []
    reached, footer = 0, False
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or focused.get("first"):
            break
        if focused.get("seen"):
            continue
        reached, footer = reached + 1, footer or focused["footer"]
        if not focused["ring"]:
            problems.append(f"no focus ring: {focused['name']} {focused['style']}")
        if not focused["inView"] or focused["covered"]:
            problems.append(f"hidden: {focused['name']} under {focused['hit']}")
    if reached < 3 or not footer:
        problems.append(f"the Tab key reached {reached} controls, the footer's link: {footer}")
    return problems


def _check_page(page: Any, viewport: dict[str, int], where: str) -> list[str]:
    problems = [f"{where}: {found}" for found in _axe(page)]
    problems += [f"{where}: {found}" for found in _sideways(page, viewport["width"])]
    problems += [f"{where}: too small: {found}" for found in page.evaluate(SMALL_TARGETS)]
    problems += [f"{where}: {found}" for found in _focus_problems(page)]
    return problems


@pytest.mark.parametrize("viewport", [NARROW, DESKTOP], ids=["320px", "desktop"])
def test_every_page_of_the_course(server: Server, browser: Any, viewport: dict[str, int]) -> None:
    name = "320px" if viewport == NARROW else "desktop"
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(server.link)
    page.get_by_role("textbox", name="Session code").wait_for(timeout=60_000)
    page.wait_for_function(
        "document.querySelector('.cp-join-text input').value.length > 0", timeout=30_000
    )
    problems = _check_page(page, viewport, "join page")
    shot(page, f"statement-join-{name}.png")
    join_session(page)
    for slug in CONTENT.course.module_slugs:
        title = CONTENT.modules[slug].meta.title
        open_module(page, title)
        page.locator(f".cp-module-{slug} h2").first.wait_for(timeout=30_000)
        problems += _check_page(page, viewport, slug)
    shot(page, f"statement-last-module-{name}.png")
    page.context.close()
    assert problems == [], "\n".join(problems)


def _tab_to(page: Any, link: Any) -> None:
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if link.evaluate("node => node === document.activeElement"):
            return
    raise AssertionError("the Tab key never reached the link")


def test_the_footer_link_leads_by_keyboard_to_the_statement(server: Server, browser: Any) -> None:
    page = browser.new_context(viewport=DESKTOP).new_page()
    page.goto(server.link)
    join_session(page)
    page.locator(".cp-textarea textarea").first.wait_for(timeout=60_000)
    footer = page.get_by_role("contentinfo")
    link = footer.get_by_role("link", name=WORDS.accessibility_link)
    # Relative to the server's base URL, so it also works under JupyterHub's /user/NAME/.
    assert link.get_attribute("href") == "/accessibility"
    _tab_to(page, link)
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", level=1)
    heading.wait_for(timeout=30_000)
    assert page.url == f"{server.base}accessibility"
    assert heading.inner_text() == STATEMENT_TITLE
    assert page.evaluate("document.documentElement.lang") == CONTENT.course.language
    assert _axe(page) == []
    shot(page, "statement-desktop.png", full_page=False)

    page.set_viewport_size(NARROW)
    assert _sideways(page, NARROW["width"]) == []
    assert page.evaluate(SMALL_TARGETS) == []
    assert _axe(page) == []
    shot(page, "statement-320px.png", full_page=False)

    back = page.get_by_role("banner").get_by_role("link", name=WORDS.back_to_course)
    _tab_to(page, back)
    page.keyboard.press("Enter")
    page.locator(".cp-agenda-item").first.wait_for(timeout=60_000)
    page.context.close()


def test_the_statement_page_needs_no_javascript(server: Server, browser: Any) -> None:
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(f"{server.base}accessibility")
    assert page.get_by_role("heading", level=1).inner_text() == STATEMENT_TITLE
    assert page.get_by_role("heading", level=2).count() >= 8
    assert page.get_by_role("link", name=WORDS.back_to_course).first.get_attribute("href") == "./"
    page.context.close()
