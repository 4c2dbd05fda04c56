"""The facilitator pack from the real course: the notes for before the day, links between notes,
the payment rates with their sources and dates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coproduce.authoring.builders.facilitator_pack import facilitator_pack, in_page_links
from coproduce.content.course import CourseContent
from coproduce.content.formats import day
from coproduce.content.loader import load_course

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def content() -> CourseContent:
    return load_course(ROOT)


@pytest.fixture(scope="module")
def pack(content: CourseContent) -> str:
    return facilitator_pack(content)


def test_the_pack_shows_the_rates_their_sources_and_when_they_were_checked(
    content: CourseContent, pack: str
) -> None:
    rates = content.payment_rates
    assert rates is not None
    assert 'id="payment-rates"' in pack and rates.words.heading in pack
    assert rates.words.checked.format(date=day(rates.checked, "en")) in pack
    for source in rates.sources:
        assert rates.words.read_on.format(date=day(source.read_on, "en")) in pack
        if source.url:
            assert f'href="{source.url}"' in pack
    examples = sum(not rate.verified for rate in rates.rates)
    assert pack.count(f"({rates.words.example})") == examples


def test_the_notes_for_before_the_day_come_after_the_run_sheet(
    content: CourseContent, pack: str
) -> None:
    first_module = content.course.module_slugs[0]
    run_sheet = pack.index("Run-sheet")
    before = pack.index('id="before-the-day"')
    assert run_sheet < before < pack.index(f'id="{first_module}"')
    assert 'id="the-support-list"' in pack and "116 123" in pack


def test_every_link_between_notes_lands_on_a_place_in_the_pack(pack: str) -> None:
    ids = re.findall(r'id="([^"]+)"', pack)
    assert len(ids) == len(set(ids)), "an id is used twice"
    targets = re.findall(r'href="#([^"]*)"', pack)
    assert "the-support-list" in targets
    assert [target for target in targets if target not in ids] == []
    assert not re.search(r'href="[^"]*\.md', pack), "a link still points at a notes file"


def test_a_link_to_a_module_heading_goes_to_the_module(content: CourseContent) -> None:
    slug = content.course.module_slugs[1]
    page = in_page_links(f'<a href="{slug}.md#purpose">x</a>', {slug, "before-the-day"})
    assert page == f'<a href="#{slug}">x</a>'
    page = in_page_links('<a href="other.md">x</a>', {slug})
    assert page == '<a href="other.md">x</a>'
