"""The Welsh catalogue, course/interface.cy.yml: complete, checked, and marked for review."""

from __future__ import annotations

import html
from pathlib import Path

from coproduce.authoring.check import run_checks
from coproduce.content.loader import load_course
from coproduce.content.plurals import plural

from ..support.voila_page import render_learner_page

ROOT = Path(__file__).resolve().parents[2]
WELSH = ROOT / "course" / "interface.cy.yml"


def _in_welsh(course: Path) -> Path:
    path = course / "course" / "course.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    path.write_text(text.replace("\nlanguage: en\n", "\nlanguage: cy\n"), encoding="utf-8")
    return course


def test_its_header_says_it_awaits_review_by_a_fluent_speaker() -> None:
    header = WELSH.read_text(encoding="utf-8").split("\npage:", 1)[0]
    assert "AWAITING REVIEW BY A FLUENT WELSH SPEAKER" in header


def test_coproduce_check_passes_on_the_course_in_welsh(course_dir: Path) -> None:
    report = run_checks(_in_welsh(course_dir))
    assert not report.errors, "\n".join(p.render(course_dir) for p in report.errors)


def test_the_course_in_welsh_speaks_welsh(course_dir: Path, tmp_path: Path) -> None:
    words = load_course(_in_welsh(course_dir)).interface
    assert words.join.button == "Ymuno"
    counts = {n: plural(words.trainer.joined, n, "cy").format(total=n) for n in (0, 1, 2, 3, 6, 7)}
    assert counts == {
        0: "Does neb wedi ymuno.",
        1: "Mae 1 person wedi ymuno.",
        2: "Mae dau berson wedi ymuno.",
        3: "Mae tri pherson wedi ymuno.",
        6: "Mae chwe pherson wedi ymuno.",
        7: "Mae 7 o bobl wedi ymuno.",
    }
    page = html.unescape(render_learner_page(course_dir, tmp_path / "app"))
    assert '<html dir="ltr" lang="cy">' in page
    assert ">Neidio i'r cwrs</a>" in page and "Datganiad hygyrchedd" in page
