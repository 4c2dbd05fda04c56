"""A course offered in English and Welsh, in Chromium (tests/fixtures/languages/): the learner
picks Cymraeg on the join page with the keyboard alone, and the join page turns Welsh around
the choice, the focus staying on it; joins; reads the course's words and the first part's
content in Welsh, its questions and options and its title in the agenda too (the .cy.yml files),
on a page that says lang="cy"; refreshes, and is back in Welsh, the page's English words held
back until the kernel has turned them; an exercise not yet translated
is marked lang="en"; then, above the course,
switches back to English by the keyboard, in the same place. axe-core
finds nothing on the join page, in Welsh, or in the course."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from coproduce.content.course import CourseContent
from coproduce.content.loader import in_language, load_course

from ..browser_support import PHONE, axe_violations, shot
from ..conftest import Server, start_server, stop_server
from ..support.two_languages import TRANSLATED, two_language_course

pytestmark = pytest.mark.browser

WELSH_TITLE = "Croeso a rheolau sylfaenol"  # modules/01-welcome/content.cy.md
UNTRANSLATED = "02-what-coproduction-is"  # no content.cy.md, no exercise .cy.yml


@pytest.fixture(scope="module")
def two_languages(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Server, CourseContent, CourseContent]]:
    base = tmp_path_factory.mktemp("two-languages")
    course = two_language_course(base / "course")
    content = load_course(course)
    running = start_server(course, base / "data", class_size=2, extra=("--max-learners", "10"))
    yield running, content, in_language(content, "cy")
    stop_server(running.process)


AT_LOAD = """document.addEventListener("DOMContentLoaded", () => {
  const header = document.querySelector(".cp-header");
  window.cpAtLoad = {
    lang: document.documentElement.lang,
    held: document.documentElement.dataset.relanguage || "",
    header: header ? getComputedStyle(header).visibility : "",
  };
});"""


def _says(page: Any) -> list[str]:
    return page.evaluate("[document.documentElement.lang, document.documentElement.dir]")


def test_a_learner_picks_welsh_by_keyboard_and_keeps_it(
    two_languages: tuple[Server, CourseContent, CourseContent], browser: Any
) -> None:
    server, english, welsh = two_languages
    words, cymraeg = english.interface, welsh.interface
    page = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    page.goto(server.link)
    legend = f"{words.join.language_label} / {cymraeg.join.language_label}"
    group = page.get_by_role("group", name=legend)
    group.wait_for(timeout=60_000)
    page.wait_for_function(
        "document.querySelector('.cp-join-text input').value.length > 0", timeout=30_000
    )
    assert _says(page) == ["en", "ltr"]
    expect(group.get_by_role("radio", name="English")).to_be_checked()
    problems = [f"join page: {found}" for found in axe_violations(page)]

    # The keyboard alone: to the chosen language, then the arrow to the next one.
    group.get_by_role("radio", name="English").focus()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("heading", name=cymraeg.join.heading)).to_be_visible(timeout=30_000)
    expect(group.get_by_role("radio", name="Cymraeg")).to_be_checked()
    page.wait_for_function("document.documentElement.lang === 'cy'", timeout=10_000)
    assert _says(page) == ["cy", "ltr"]
    # The choice kept its place: the focus is still on it, for the next key.
    focused = page.evaluate("document.activeElement.closest('label')?.textContent || ''")
    assert "Cymraeg" in focused, focused
    expect(page.locator(".cp-skip-link")).to_have_text(cymraeg.page.skip_link)
    expect(page.get_by_role("textbox", name=cymraeg.join.code_label)).to_have_value(server.code)
    problems += [f"join page in Welsh: {found}" for found in axe_violations(page)]
    shot(page, "learner-join-welsh.png")

    page.get_by_role("button", name=cymraeg.join.button, exact=True).focus()
    page.keyboard.press("Enter")
    agenda = page.get_by_role("navigation", name=cymraeg.moving.agenda_label)
    agenda.wait_for(timeout=30_000)
    expect(page.get_by_role("heading", name=WELSH_TITLE)).to_be_visible(timeout=30_000)
    expect(page.get_by_role("button", name=cymraeg.moving.next, exact=True)).to_be_visible()
    assert _says(page) == ["cy", "ltr"]
    expect(page.locator(".cp-title")).to_have_text(welsh.course.title)  # course.cy.yml
    assert page.evaluate("localStorage.getItem('coproduce-language')") == "cy"
    # The part's questions and options, from ground-rules.cy.yml and coproduction-so-far.cy.yml,
    # and the agenda's title from module.cy.yml; none of their English.
    area = page.locator(".cp-module-area")
    for exercise_id in ("ground-rules", "coproduction-so-far"):
        expect(area).to_contain_text(welsh.exercises[exercise_id].title)
        expect(area).not_to_contain_text(english.exercises[exercise_id].title)
    poll = welsh.exercises["coproduction-so-far"]
    expect(page.get_by_role("radio", name=poll.options[0])).to_be_visible()
    expect(agenda).to_contain_text(welsh.modules[TRANSLATED].meta.title)
    expect(agenda).not_to_contain_text(english.modules[TRANSLATED].meta.title)
    problems += [f"{TRANSLATED} in Welsh: {found}" for found in axe_violations(page)]
    shot(page, "learner-welsh.png")

    # What the page shows before its kernel has spoken: the header and the course held back,
    # not flashed in English (the page is written in the course's language).
    page.add_init_script(AT_LOAD)
    page.reload()
    page.get_by_role("navigation", name=cymraeg.moving.agenda_label).wait_for(timeout=60_000)
    assert page.evaluate("window.cpAtLoad") == {"lang": "en", "held": "yes", "header": "hidden"}
    expect(page.locator(".cp-title")).to_be_visible()
    assert page.evaluate("document.documentElement.dataset.relanguage") is None
    expect(page.get_by_role("heading", name=WELSH_TITLE)).to_be_visible(timeout=30_000)
    page.wait_for_function("document.documentElement.lang === 'cy'", timeout=10_000)
    assert _says(page) == ["cy", "ltr"]
    expect(page.locator(".cp-footer a")).to_have_text(cymraeg.page.accessibility_link)
    # The part's own heading is Welsh, and so is its title in the agenda (module.cy.yml).
    expect(page.locator(".cp-module-area")).not_to_contain_text("Welcome and ground rules")
    expect(page.locator(".cp-agenda")).not_to_contain_text("Welcome and ground rules")
    problems += [f"after a refresh: {found}" for found in axe_violations(page)]
    shot(page, "learner-welsh-refreshed.png")
    # A translated exercise is the page's language; one not yet translated says it is English.
    for exercise_id in ("ground-rules", "coproduction-so-far"):
        frame = page.locator(".cp-exercise", has_text=welsh.exercises[exercise_id].title)
        expect(frame).not_to_have_attribute("lang", "en")
    page.locator(f'.cp-agenda-item[data-slug="{UNTRANSLATED}"]').click()
    untranslated = page.locator(
        ".cp-exercise.cp-lang-en", has_text=english.exercises["coproduction-or-not"].title
    )
    expect(untranslated).to_have_attribute("lang", "en", timeout=30_000)
    expect(untranslated).to_have_attribute("dir", "ltr")
    problems += [f"{UNTRANSLATED}, in English: {found}" for found in axe_violations(page)]
    page.locator(f'.cp-agenda-item[data-slug="{TRANSLATED}"]').click()
    expect(page.get_by_role("heading", name=WELSH_TITLE)).to_be_visible(timeout=30_000)

    # Under the course, the same choice: back to English by the keyboard alone, in the same
    # place, the focus staying on the choice; kept for the next visit.
    switch = page.get_by_role("group", name=legend)
    expect(switch.get_by_role("radio", name="Cymraeg")).to_be_checked()
    switch.get_by_role("radio", name="Cymraeg").focus()
    page.keyboard.press("ArrowUp")
    expect(page.locator(".cp-module-area")).to_contain_text(
        english.modules[TRANSLATED].meta.title, timeout=30_000
    )
    page.wait_for_function("document.documentElement.lang === 'en'", timeout=10_000)
    expect(agenda_in(page, words)).to_be_visible()
    expect(switch.get_by_role("radio", name="English")).to_be_checked()
    expect(page.locator(".cp-title")).to_have_text(english.course.title)
    focused = page.evaluate("document.activeElement.closest('label')?.textContent || ''")
    assert "English" in focused, focused
    assert page.evaluate("localStorage.getItem('coproduce-language')") == "en"
    problems += [f"switched back to English: {found}" for found in axe_violations(page)]
    shot(page, "learner-switched-to-english.png", full_page=False)
    page.context.close()
    assert problems == [], "\n".join(problems)


def agenda_in(page: Any, words: Any) -> Any:
    return page.get_by_role("navigation", name=words.moving.agenda_label)
