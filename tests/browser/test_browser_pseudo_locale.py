"""Every word on screen from data: the course served in a pseudo-locale (every catalogue word
wrapped in ⟦ ⟧ and accented), a learner walks every part, every exercise kind among them, and
the trainer app is opened; each built pack is opened too, on screen and in print. Each visible
text must be a catalogue word (marked), the course's own content (its modules and exercises,
which are data too), or a number or a time. English left in Python or JavaScript shows up
unmarked and fails the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coproduce.authoring.build import build_all
from coproduce.content.loader import load_course

from ..browser_support import DESKTOP
from ..conftest import ROOT, Server, add_try_modules, copy_course, start_server, stop_server
from ..support.page_words import content_texts, not_from_data, pack_data
from ..support.pseudo_locale import CLOSE, OPEN, pseudo_course_data, write_pseudo_catalogue

pytestmark = pytest.mark.browser

KINDS = ROOT / "tests" / "fixtures" / "kinds"
# Every visible text node, with what a reader meets in place of text (alt, aria-label).
VISIBLE_TEXTS = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, noscript, svg")) continue;
    if (!node.textContent.trim() || !parent.checkVisibility()) continue;
    found.push(node.textContent);
  }
  for (const element of document.querySelectorAll("[aria-label], img[alt]")) {
    if (element.checkVisibility && !element.checkVisibility()) continue;
    if (element.closest(".cp-bar-chart")) continue;  // a chart's label repeats its table
    found.push(element.getAttribute("aria-label") || element.getAttribute("alt") || "");
  }
  return found;
}"""


@pytest.fixture(scope="module")
def pseudo_room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    base = tmp_path_factory.mktemp("pseudo")
    course = copy_course(base / "course")
    write_pseudo_catalogue(course)
    pseudo_course_data(course)
    add_try_modules(course, list(KINDS.glob("*.yml")))
    running = start_server(course, base / "data", class_size=2)
    yield running, course
    stop_server(running.process)


def test_every_part_and_the_trainer_app_show_only_words_from_data(
    pseudo_room: tuple[Server, Path], browser: Any
) -> None:
    server, course = pseudo_room
    content = load_course(course)
    # The session's code and links are the server's, in any language.
    allowed = content_texts(content) | {server.code, server.link, server.trainer_link}
    page = browser.new_context(viewport=DESKTOP).new_page()
    page.goto(server.link)
    page.locator(".cp-join-text input").first.wait_for(timeout=60_000)
    found = {"join page": not_from_data(page.evaluate(VISIBLE_TEXTS), allowed)}
    # Join by the page's own controls (their names are in the pseudo-locale).
    page.wait_for_function(
        "(() => { const box = document.querySelector('.cp-join-text input');"
        " return box !== null && box.value.length > 0; })()",
        timeout=30_000,
    )
    page.locator("button.mod-primary").first.click()
    page.locator(".cp-agenda-item").first.wait_for(timeout=30_000)
    for slug in content.course.module_slugs:
        # By the agenda's own button (its names are in the pseudo-locale too).
        page.locator(f'.cp-agenda-item[data-slug="{slug}"]').click()
        page.locator(f".cp-module-{slug}").wait_for(timeout=30_000)
        page.wait_for_timeout(300)  # the part's widgets drawn
        found[slug] = not_from_data(page.evaluate(VISIBLE_TEXTS), allowed)
    trainer = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    trainer.goto(server.trainer_link)
    trainer.locator(".cp-trainer-app").wait_for(timeout=60_000)
    trainer.wait_for_timeout(1000)
    found["trainer app"] = not_from_data(trainer.evaluate(VISIBLE_TEXTS), allowed)
    left = {where: texts for where, texts in found.items() if texts}
    assert left == {}, "\n".join(f"{where}: {texts}" for where, texts in left.items())
    for opened in (page, trainer):
        opened.context.close()


@pytest.mark.parametrize(
    "name",
    ["facilitator-pack", "learner-workbook", "technique-cards", "site/"],  # every site page
)
def test_the_built_packs_show_only_words_from_data(
    pseudo_room: tuple[Server, Path], browser: Any, tmp_path: Path, name: str
) -> None:
    """What a reader of a pack meets in Chromium, on screen and in print: its visible words,
    its images' text and its controls' names, not only the HTML's text."""
    _server, course = pseudo_room
    build_all(course, tmp_path, progress=lambda _message: None, pdf=False)
    content = load_course(course)
    allowed = pack_data(content)
    page = browser.new_context(viewport=DESKTOP).new_page()
    found = []
    files = sorted(tmp_path.glob(f"{name}*.html"))
    assert files, f"no {name} page was built"
    for file in files:
        page.goto(file.as_uri())
        page.locator("h1").first.wait_for()
        for media in ("screen", "print"):
            page.emulate_media(media=media)
            texts = page.evaluate(VISIBLE_TEXTS)
            assert any(OPEN in text for text in texts), "no catalogue word on show"
            found += [f"{file.name} ({media}): {text}" for text in not_from_data(texts, allowed)]
    page.context.close()
    assert found == []


def test_the_check_catches_a_word_left_in_code() -> None:
    """What the test above does with an English button and with marked or content words."""
    allowed = {"Try this exercise."}
    texts = [f"{OPEN}Ĵöîñ{CLOSE}", "Try this exercise.", "09:30", " 3 ", "Submit"]
    assert not_from_data(texts, allowed) == ["Submit"]
    # A marked text over three nodes, and one nested in another, are the catalogue's.
    spread = [f"{OPEN}Léàrñérŝ öpéñ", "http://x/?code=A", f"ör ŝçàñ thé çödé.{CLOSE}"]
    nested = [f"{OPEN}{OPEN}Wörd 1{CLOSE} öf 3{CLOSE}", "In this part you will:"]
    assert not_from_data(spread + nested, allowed) == ["In this part you will:"]
