"""Every page the kit serves or builds takes `lang` from course.yml and `dir` from Babel."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

from coproduce.content.loader import load_course
from coproduce.content.page import html_page
from coproduce.hub.authenticator import join_refused_page
from coproduce.kinds.action_plan.checks import build_plan_html
from coproduce.serving.serve import SHARE_DIR
from coproduce.serving.statement_page import statement_page
from coproduce.serving.voila_app import _plain_page

from ..support.voila_page import render_learner_page

ROOT = Path(__file__).resolve().parents[2]
RTL = '<html lang="ar" dir="rtl">'


def _in_arabic(course: Path) -> Path:
    """The course copy in Arabic; its catalogue is the English one, for the shape of the page."""
    shutil.copy(course / "course" / "interface.yml", course / "course" / "interface.ar.yml")
    path = course / "course" / "course.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    path.write_text(text.replace("\nlanguage: en\n", "\nlanguage: ar\n"), encoding="utf-8")
    return course


def test_the_learner_page_is_right_to_left_in_arabic(course_dir: Path, tmp_path: Path) -> None:
    page = render_learner_page(_in_arabic(course_dir), tmp_path / "app")
    assert page.count("<html ") == 1 and '<html dir="rtl" lang="ar">' in page


def test_the_learner_page_is_left_to_right_in_english(tmp_path: Path) -> None:
    assert '<html dir="ltr" lang="en">' in render_learner_page(ROOT, tmp_path / "app")


def test_the_built_and_plain_pages_follow_the_language() -> None:
    course = load_course(ROOT).course.model_copy(update={"language": "ar"})
    assert RTL in html_page(course, "Title", "<p>body</p>")
    words = {"language": "ar", "full": {"heading": "h", "lines": ["l"]}}
    assert RTL in _plain_page(words, "full")
    assert RTL in statement_page("# Title", {"language": "ar"})
    assert RTL in join_refused_page({"language": "ar"})
    plan = build_plan_html(
        title="t",
        course_title="c",
        language="ar",
        plan=[],
        reflections=None,
        made_on=date(2026, 12, 4),
        words=load_course(ROOT).interface.action_plan,
    )
    assert RTL in plan
    english = html_page(load_course(ROOT).course, "Title", "")
    assert '<html lang="en" dir="ltr">' in english


def test_the_page_styles_use_logical_sides() -> None:
    """A physical left or right would not mirror on a right-to-left page: the course's own CSS
    uses inline-start and inline-end, and turns by hand only what is a picture of a side."""
    css = (SHARE_DIR / "voila/templates/coproduce/static/coproduce.css").read_text("utf-8")
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", css)
    physical = re.compile(
        r"(^|[\s;-])(left|right)\s*:|float:\s*(left|right)|-(left|right)\b|"
        r"text-align:\s*(left|right)"
    )
    for selector, body in rules:
        if "[dir" in selector:
            continue
        # Centred by its middle (left: 50%, then back by half its width): the same both ways.
        body = body.replace("left: 50%; transform: translateX(-50%);", "")
        assert not physical.search(body), (selector.strip(), body.strip())
    assert '[dir="rtl"] .cp-not-yet::before' in css
