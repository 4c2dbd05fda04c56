"""A right-to-left course in Chromium: the course in Urdu (course/interface.ur.yml).

The join page, a part with a poll, a rating and a word list (01-welcome), and the trainer app
with the poll's result as a bar chart: the page says lang="ur" dir="rtl"; axe-core finds
nothing; at 375 and 320 px no text is cut off or runs past its box or the window; the layout
is the left-to-right one mirrored (every control, heading, list item and table cell sits where
the same page with dir="ltr" has it, measured from the other side); the agenda's first part
sits at the right; and the chart's bars grow from the right with every number inside the
picture, a number inside a bar inside that bar. The module's own text stays English (module
content in other languages is not built yet); the interface words are Urdu.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from coproduce.content.loader import load_course

from ..browser_support import ARTIFACTS, DESKTOP, PHONE, axe_violations, shot
from ..conftest import Server, copy_course, show_every_result, start_server, stop_server

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}
MODULE = "01-welcome"
POLL = "coproduction-so-far"

# Text that runs past its own box (scrollWidth beyond clientWidth) or past either side of the
# window: on a right-to-left page what does not fit runs off to the left, where the page
# cannot scroll to it. Each visible element that holds text of its own is looked at, SVG text
# too; form controls scroll their own text, and a visually hidden label is 1px on purpose.
CUT_OFF = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const scroll = document.documentElement.scrollWidth;
  if (scroll > width + 1) found.push(`the page is ${scroll}px wide in a ${width}px window`);
  const name = (node) => `${node.tagName.toLowerCase()} "${node.textContent.trim().slice(0, 40)}"`;
  for (const node of document.querySelectorAll('body *')) {
    if (!Array.from(node.childNodes).some((c) => c.nodeType === 3 && c.textContent.trim())) {
      continue;
    }
    if (node.closest('input, select, textarea, option, script, style')) continue;
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    if (style.visibility === 'hidden' || box.width <= 1 || box.height <= 1) continue;
    // Kept out of sight on purpose until it has focus (the skip link): looked at focused.
    const away = box.right <= 0 || box.left >= width;
    if (away && ['absolute', 'fixed'].includes(style.position)) continue;
    if (style.display !== 'inline' && node.scrollWidth > node.clientWidth + 1) {
      found.push(`${name(node)} needs ${node.scrollWidth}px, has ${node.clientWidth}px`);
    }
    if (box.left < -1 || box.right > width + 1) {
      found.push(`${name(node)} runs from ${Math.round(box.left)} to ${Math.round(box.right)}px`);
    }
  }
  return found;
}"""

# The same page with dir="ltr" for a moment: each box must sit where that page has it,
# measured from the other side, and be as wide. A physical side left in the CSS (a margin on
# the left, a `left:`) moves a box off its mirrored place.
NOT_MIRRORED = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const nodes = Array.from(document.querySelectorAll(
    'button, input, select, textarea, img, svg, rect, table, th, td, li, h1, h2, h3, label,'
    + ' figure, .cp-agenda-item'))
    .filter((node) => {
      const box = node.getBoundingClientRect();
      return box.width > 0 && box.height > 0
        && (node instanceof SVGElement || getComputedStyle(node).display !== 'inline');
    });
  const rtl = nodes.map((node) => node.getBoundingClientRect());
  root.dir = 'ltr';
  const ltr = nodes.map((node) => node.getBoundingClientRect());
  root.dir = 'rtl';
  const found = [];
  nodes.forEach((node, index) => {
    const [here, there] = [rtl[index], ltr[index]];
    const moved = Math.abs(here.left - (width - there.right));
    if (moved > 1.5 || Math.abs(here.width - there.width) > 1.5) {
      found.push(`${node.tagName.toLowerCase()} "${(node.textContent || node.value || '')
        .trim().slice(0, 30)}" at ${Math.round(here.left)}..${Math.round(here.right)}px,`
        + ` mirrored ${Math.round(width - there.right)}..${Math.round(width - there.left)}px`);
    }
  });
  return found;
}"""

# Each bar chart's picture: in rows of label, track, bar and number (then the dashed line and
# its note). Every text inside the window, every number inside the picture; a bar grows from
# the right (its right edge is the track's); a number drawn in white sits inside its bar, a
# dark one beside it.
CHART_PROBLEMS = """() => {
  const found = [];
  const width = document.documentElement.clientWidth;
  for (const svg of document.querySelectorAll('.cp-bar-svg')) {
    const picture = svg.getBoundingClientRect();
    if (picture.width === 0) continue;
    const outside = (text, left, right) => {
      const box = text.getBoundingClientRect();
      if (box.left < left - 1 || box.right > right + 1) {
        found.push(`"${text.textContent}" at ${Math.round(box.left)}..${Math.round(box.right)}px,`
          + ` outside ${Math.round(left)}..${Math.round(right)}px`);
      }
    };
    // A long label may run on past the picture's end, never out of the window.
    for (const text of svg.querySelectorAll('text')) outside(text, 0, width);
    const parts = Array.from(svg.children);
    parts.forEach((part, index) => {
      if (part.tagName !== 'rect' || parts[index + 1]?.tagName !== 'rect') return;
      const track = part.getBoundingClientRect();
      const bar = parts[index + 1].getBoundingClientRect();
      const number = parts[index + 2];
      if (bar.width > 0 && Math.abs(bar.right - track.right) > 1) {
        found.push(`a bar runs ${Math.round(bar.left)}..${Math.round(bar.right)}px, not from`
          + ` the right of its track (${Math.round(track.right)}px)`);
      }
      if (!number || number.tagName !== 'text') return;
      outside(number, picture.left, picture.right);
      const at = number.getBoundingClientRect();
      const inside = at.left >= bar.left - 1 && at.right <= bar.right + 1;
      const beside = at.right <= bar.left + 1 || at.left >= bar.right - 1;
      if (number.getAttribute('fill') === '#ffffff' ? !inside : !beside) {
        found.push(`"${number.textContent}" (${number.getAttribute('fill')}) at`
          + ` ${Math.round(at.left)}..${Math.round(at.right)}px over a bar at`
          + ` ${Math.round(bar.left)}..${Math.round(bar.right)}px`);
      }
    });
  }
  return found;
}"""


@pytest.fixture(scope="module")
def urdu(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Any]]:
    """`coproduce serve` on a copy of the course with `language: ur`, results from one answer."""
    base = tmp_path_factory.mktemp("urdu")
    course = copy_course(base / "course")
    course_yml = course / "course" / "course.yml"
    text = course_yml.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text, "course.yml no longer says language: en"
    course_yml.write_text(text.replace("\nlanguage: en\n", "\nlanguage: ur\n"), encoding="utf-8")
    show_every_result(course)
    content = load_course(Path(course))
    assert content.course.language == "ur"
    running = start_server(course, base / "data", class_size=3, extra=("--max-learners", "20"))
    yield running, content
    stop_server(running.process)


def _page_says_urdu(page: Any) -> None:
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ur",
        "rtl",
    ]


def _join_page(browser: Any, server: Server, words: Any, viewport: dict[str, int]) -> Any:
    page = browser.new_context(viewport=viewport, is_mobile=viewport != DESKTOP).new_page()
    page.goto(server.link)
    page.get_by_role("textbox", name=words.join.code_label).wait_for(timeout=60_000)
    page.wait_for_function(
        "document.querySelector('.cp-join-text input').value.length > 0", timeout=30_000
    )
    return page


def _join(page: Any, words: Any) -> None:
    page.get_by_role("button", name=words.join.button, exact=True).focus()
    page.keyboard.press("Enter")
    page.locator(".cp-agenda-item").first.wait_for(timeout=30_000)


def _open_module(page: Any, words: Any, title: str) -> None:
    agenda = page.get_by_role("navigation", name=words.moving.agenda_label)
    agenda.get_by_role("button", name=title).focus()
    page.keyboard.press("Enter")
    page.locator(f'.cp-agenda-item[aria-current="step"]:has-text("{title}")').wait_for()


def _layout_problems(page: Any, where: str) -> list[str]:
    found = [f"{where}: cut off: {problem}" for problem in page.evaluate(CUT_OFF)]
    found += [f"{where}: not mirrored: {problem}" for problem in page.evaluate(NOT_MIRRORED)]
    found += [f"{where}: chart: {problem}" for problem in page.evaluate(CHART_PROBLEMS)]
    return found


@pytest.mark.parametrize("viewport", [PHONE, NARROW, DESKTOP], ids=["375px", "320px", "desktop"])
def test_the_learner_pages_read_right_to_left(
    urdu: tuple[Server, Any], browser: Any, viewport: dict[str, int]
) -> None:
    server, content = urdu
    words = content.interface
    name = {PHONE["width"]: "phone", NARROW["width"]: "320px"}.get(viewport["width"], "desktop")
    page = _join_page(browser, server, words, viewport)
    _page_says_urdu(page)
    expect(page.get_by_role("heading", name=words.join.heading)).to_be_visible()
    problems = [f"join page: {found}" for found in axe_violations(page)]
    problems += _layout_problems(page, "join page")
    # The skip link shows at the right when it has focus.
    skip = page.locator("a.cp-skip-link")
    skip.focus()
    box = skip.bounding_box()
    width = page.evaluate("document.documentElement.clientWidth")
    if box is None or not width - 40 < box["x"] + box["width"] <= width:
        problems.append(f"join page: the focused skip link is not at the right: {box}")
    skip.blur()
    shot(page, f"learner-rtl-join-{name}.png")

    _join(page, words)
    _open_module(page, words, content.modules[MODULE].meta.title)
    poll = page.locator(".cp-exercise", has=page.get_by_role("radio").first)
    expect(poll.get_by_role("button", name=words.poll.vote, exact=True)).to_be_visible()
    _page_says_urdu(page)
    problems += [f"{MODULE}: {found}" for found in axe_violations(page)]
    problems += _layout_problems(page, MODULE)
    # The agenda reads from the right: its first part's right edge is the list's, and on a
    # phone near the window's; on a desktop the part starts in the right half of the list.
    agenda = page.get_by_role("navigation", name=words.moving.agenda_label).locator("ol")
    first, whole = agenda.locator("li").first.bounding_box(), agenda.bounding_box()
    assert first is not None and whole is not None
    end, right = first["x"] + first["width"], whole["x"] + whole["width"]
    width = page.evaluate("document.documentElement.clientWidth")
    if (
        abs(end - right) > 1
        or (name != "desktop" and width - end > 24)
        or (name == "desktop" and first["x"] < whole["x"] + whole["width"] / 2)
    ):
        problems.append(f"{MODULE}: the agenda's first part is not at the right: {first}")
    shot(page, f"learner-rtl-{name}.png")
    page.context.close()
    assert problems == [], "\n".join(problems)


def test_the_trainer_app_and_a_poll_chart_read_right_to_left(
    urdu: tuple[Server, Any], browser: Any
) -> None:
    server, content = urdu
    words = content.interface
    poll = content.exercises[POLL]
    trainer = browser.new_context(viewport=DESKTOP).new_page()
    trainer.goto(server.trainer_link)
    trainer.get_by_role("heading", name=words.trainer.timers_heading).wait_for(timeout=60_000)
    _page_says_urdu(trainer)

    title = content.modules[MODULE].meta.title
    trainer.get_by_label(words.trainer.move_to).select_option(label=title)
    trainer.get_by_role("button", name=words.trainer.move, exact=True).click()
    # Two votes for one answer and one for another: a bar half the track long shows from
    # which side the bars grow; the longer one carries its number inside, the other beside it.
    for option in (poll.options[0], poll.options[0], poll.options[1]):
        learner = _join_page(browser, server, words, PHONE)
        _join(learner, words)
        learner_poll = learner.locator(
            ".cp-exercise", has=learner.get_by_role("heading", name=poll.title, exact=True)
        )
        learner_poll.get_by_label(option).check()
        learner_poll.get_by_role("button", name=words.poll.vote, exact=True).click()
        expect(learner_poll).to_contain_text(words.poll.counted)
        learner.context.close()

    heading = trainer.get_by_role("heading", name=poll.title, exact=True)
    result = trainer.locator(".widget-vbox", has=heading).last
    chart = result.locator(".cp-bar-svg")
    expect(chart).to_be_visible(timeout=30_000)
    numbers = chart.locator("text[font-weight='700']")
    expect(numbers.nth(0)).to_have_text(re.compile(r"^2\b"), timeout=30_000)
    expect(numbers.nth(1)).to_have_text(re.compile(r"^1\b"))
    chart.scroll_into_view_if_needed()
    problems = [f"trainer app: {found}" for found in axe_violations(trainer)]
    problems += [f"trainer app: chart: {found}" for found in trainer.evaluate(CHART_PROBLEMS)]
    problems += [f"trainer app: not mirrored: {p}" for p in trainer.evaluate(NOT_MIRRORED)]
    shot(trainer, "trainer-rtl-desktop.png")
    result.screenshot(path=str(ARTIFACTS / "trainer-rtl-poll.png"))

    trainer.set_viewport_size(PHONE)
    chart.scroll_into_view_if_needed()
    problems += [f"trainer app, 375px: chart: {p}" for p in trainer.evaluate(CHART_PROBLEMS)]
    result.screenshot(path=str(ARTIFACTS / "trainer-rtl-poll-phone.png"))
    trainer.context.close()
    assert problems == [], "\n".join(problems)
