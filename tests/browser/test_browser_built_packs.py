"""The built facilitator pack, workbook and site in Chromium: they render, print, pass axe."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from coproduce.authoring.build import build_all

from ..browser_support import axe_violations, shot
from ..conftest import chromium_executable

pytestmark = pytest.mark.browser
A4_AT_96_DPI = {"width": 794, "height": 1123}


@pytest.fixture
def built(course_dir: Path) -> Path:
    chromium_executable()  # PDFs need Chromium; under CI its absence is a failure
    messages: list[str] = []
    build_all(course_dir, course_dir / "build", progress=messages.append)
    assert any("printed facilitator-pack.pdf" in message for message in messages), messages
    return course_dir / "build"


@pytest.mark.parametrize(
    "name", ["facilitator-pack", "learner-workbook", "technique-cards", "site/index"]
)
def test_built_pages_render_and_pass_axe(built: Path, browser: Any, name: str) -> None:
    page = browser.new_page(viewport=A4_AT_96_DPI)
    page.goto((built / f"{name}.html").as_uri())
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    # What the first printed page holds: an A4 sheet's worth of the top of the page.
    shot(page, f"built-{name.replace('/', '-')}-first-page.png", full_page=False)
    page.close()


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_pdfs_are_real_pdfs_with_a_page_break_per_module(built: Path) -> None:
    pack = (built / "facilitator-pack.pdf").read_bytes()
    assert pack.startswith(b"%PDF")
    modules = len(list((built / "site").glob("*-*.html")))
    # The run-sheet, then each module's notes starting on a page of its own.
    assert _pages(pack) >= modules + 1
    assert (built / "learner-workbook.pdf").read_bytes().startswith(b"%PDF")


def test_technique_cards_print_two_to_a_page_and_none_is_split(built: Path, browser: Any) -> None:
    cards = (built / "technique-cards.pdf").read_bytes()
    assert cards.startswith(b"%PDF")
    page = browser.new_page(viewport=A4_AT_96_DPI)
    page.goto((built / "technique-cards.html").as_uri())
    page.emulate_media(media="print")
    count = page.locator(".technique-card").count()
    assert count >= 6
    # A first page with the list of cards, then two cards to a page; a long card may take a page.
    assert 1 + (count + 1) // 2 <= _pages(cards) <= 1 + count
    breaks = page.locator(".technique-card").evaluate_all(
        "cards => cards.map(card => getComputedStyle(card).breakInside)"
    )
    assert set(breaks) == {"avoid"}
    size = page.locator(".technique-card li").first.evaluate(
        "node => parseFloat(getComputedStyle(node).fontSize)"
    )
    assert size >= 14, f"printed steps are too small ({size}px)"
    shot(page, "built-technique-cards-print.png")
    page.close()
