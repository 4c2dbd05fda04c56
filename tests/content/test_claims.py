"""Claims the course once overstated, kept honest: what the sources say, and no more.

- INVOLVE's five principles are not ranked (INVOLVE, Guidance on co-producing a research
  project, 2018); INVOLVE's work passed to the NIHR Centre for Engagement and Dissemination in
  2020 (NIHR blog "Building a public partnership approach", 15 December 2020).
- The National Literacy Trust's figure is 16.4% of adults in England, about one in six, with
  very poor literacy skills (literacytrust.org.uk, "Adult literacy"; England data from 2012).
- The Keele group grew while its buddy scheme ran; no source says the scheme caused it.
- Vouchers are payment too (NIHR, Payment guidance for members of the public, v1.5 2024: any
  form of payment may affect a benefit claim).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Phrases that overstate, each with why.
VOUCHERS = "vouchers are payment too; they do not protect benefits"
OVERSTATEMENTS = {
    r"sharing power is the key principle": "INVOLVE does not rank its principles",
    r"sharing power comes first": "INVOLVE does not rank its principles",
    r"the one the others rest on": "INVOLVE does not rank its principles",
    r"heart of co-production": "INVOLVE does not rank its principles",
    r"one (adult )?in seven": "the National Literacy Trust's figure is about one in six",
    r"grew from 80 to 133 members between 2016\s+and 2020, while the scheme ran\. peer": (
        "the growth is told as if the buddy scheme caused it"
    ),
    r"(?<!never )(?<!not )(prefer|choose|offer) vouchers": VOUCHERS,
    r"vouchers,? or expenses only": VOUCHERS,
}


def course_texts() -> dict[str, str]:
    """Every file of the course a learner or a trainer reads, as flattened lower-case text."""
    paths = [
        *ROOT.glob("modules/*/content.md"),
        *ROOT.glob("modules/*/module.yml"),
        *ROOT.glob("exercises/*.yml"),
        *ROOT.glob("facilitator_notes/*.md"),
        ROOT / "course" / "glossary.yml",
        ROOT / "course" / "seed-coverage.yml",
    ]
    return {
        str(path.relative_to(ROOT)): " ".join(path.read_text("utf-8").lower().split())
        for path in paths
    }


def overstatement_problems(texts: dict[str, str]) -> list[str]:
    return [
        f"{name}: '{pattern}' ({why})"
        for name, text in texts.items()
        for pattern, why in OVERSTATEMENTS.items()
        if re.search(pattern, text)
    ]


def test_the_course_does_not_overstate() -> None:
    assert overstatement_problems(course_texts()) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Sharing power is the key principle.",
        "About one adult in seven in England reads at that level.",
        "Some may choose vouchers, or expenses only.",
    ],
)
def test_the_check_catches_each_old_overstatement(sentence: str) -> None:
    texts = {"modules/x/content.md": " ".join(sentence.lower().split())}
    assert overstatement_problems(texts), sentence


def test_the_course_names_what_replaced_involve_and_the_literacy_source() -> None:
    texts = course_texts()
    module = texts["modules/02-what-coproduction-is/content.md"]
    assert "does not rank them" in module
    assert "centre for engagement and dissemination" in module and "2020" in module
    literacy = texts["modules/04-communication/content.md"]
    assert "one adult in six" in literacy and "national literacy trust" in literacy
