"""The facilitator pack from the real course: the payment rates with their sources and dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduce.authoring.builders.facilitator_pack import facilitator_pack
from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course
from coproduce.content.payment_rates import day_text

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
    assert rates.words.checked.format(date=day_text(rates.checked)) in pack
    for source in rates.sources:
        assert rates.words.read_on.format(date=day_text(source.read_on)) in pack
        if source.url:
            assert f'href="{source.url}"' in pack
    examples = sum(not rate.verified for rate in rates.rates)
    assert pack.count(f"({rates.words.example})") == examples
