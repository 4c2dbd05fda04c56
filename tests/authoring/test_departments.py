"""A department's journey: scaffold a module, check it, break it, build packs and a site."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from coproduce.authoring.check import run_checks
from coproduce.authoring.lesson_checks import contrast_ratio
from coproduce.content.loader import load_course

COPRODUCE = str(Path(sys.executable).with_name("coproduce"))


def _run(course: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COPRODUCE, "--course", str(course), *args], capture_output=True, text=True, timeout=180
    )


@pytest.fixture
def scaffolded(course_dir: Path) -> Path:
    # The day is full: a department adding a module makes it a longer course, as it must say.
    _replace(course_dir / "course" / "course.yml", "max_minutes: 210", "max_minutes: 240")
    result = _run(course_dir, "new-module", "Listening well")
    assert result.returncode == 0, result.stderr
    return course_dir


def _module(course: Path) -> Path:
    return next((course / "modules").glob("*-listening-well"))


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_new_module_is_on_the_agenda_and_passes_the_checker(scaffolded: Path) -> None:
    before = load_course(scaffolded)  # loads: the new module is consistent
    slug = _module(scaffolded).name
    assert before.course.module_slugs[-1] == slug
    assert (scaffolded / "facilitator_notes" / f"{slug}.md").is_file()
    result = _run(scaffolded, "check")
    assert result.returncode == 0, result.stdout
    assert "0 error" in result.stdout or "no errors" in result.stdout
    assert slug not in result.stdout, f"the scaffold itself draws warnings:\n{result.stdout}"


def test_the_scaffold_keeps_the_agenda_adding_up(scaffolded: Path) -> None:
    course = load_course(scaffolded).course
    text = (scaffolded / "course" / "course.yml").read_text()
    assert f"duration_minutes: {course.duration_minutes}" in text
    assert text.startswith("# The course"), "the scaffold dropped the file's comments"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("## A section heading", "#### A section heading", "heading jumps from level 1 to level 4"),
        (
            "![Three circles that overlap, for researchers, practitioners and public contributors]",
            "![]",
            "an image has no alt text",
        ),
        ("[NIHR guide to doing research as equal partners]", "[here]", "does not say where"),
    ],
    ids=["heading-order", "alt-text", "link-text"],
)
def test_each_content_mistake_is_an_error_with_file_and_line(
    scaffolded: Path, old: str, new: str, expected: str
) -> None:
    content = _module(scaffolded) / "content.md"
    line = _line_of(content, old)
    _replace(content, old, new)
    result = _run(scaffolded, "check")
    assert result.returncode == 1
    relative = content.relative_to(scaffolded)
    assert re.search(
        rf"{re.escape(str(relative))}:{line}: error: .*{re.escape(expected)}", (result.stdout)
    ), result.stdout


def test_poor_brand_contrast_is_an_error_on_its_line(scaffolded: Path) -> None:
    course_file = scaffolded / "course" / "course.yml"
    _replace(course_file, 'text_colour: "#1a1a1a"', 'text_colour: "#bbbbbb"')
    result = _run(scaffolded, "check")
    assert result.returncode == 1
    line = _line_of(course_file, "text_colour")
    assert f"course/course.yml:{line}: error: text_colour on background_colour" in result.stdout


def test_an_agenda_longer_than_a_half_day_is_an_error(scaffolded: Path) -> None:
    course_file = scaffolded / "course" / "course.yml"
    _replace(course_file, "max_minutes: 240", "max_minutes: 30")
    errors = run_checks(scaffolded).errors
    line = _line_of(course_file, "duration_minutes:")
    for variant in ("day", "online day"):
        assert any(
            problem.message.startswith(f"the {variant} runs 220 minutes, longer than a half-day")
            and "must fit in 20 of its 30" in problem.message
            and problem.line in (line, line + 1)
            for problem in errors
        ), variant


def test_hard_reading_and_jargon_are_warnings_that_strict_mode_fails(scaffolded: Path) -> None:
    content = _module(scaffolded) / "content.md"
    hard = (
        "Notwithstanding epistemological heterogeneity, multidisciplinary stakeholders "
        "operationalise participatory methodologies, institutionalising collaborative "
        "governance infrastructures throughout organisational hierarchies."
    )
    _replace(content, "Keep each sentence short.", hard * 3)
    result = _run(scaffolded, "check")
    assert result.returncode == 0, "warnings alone must not fail a normal check"
    assert "warning: 'Listening well' scores" in result.stdout
    assert 'longest sentences: "Notwithstanding' in result.stdout
    line = _line_of(content, "Notwithstanding")
    assert f"content.md:{line}: warning: 'epistemological' is a long word" in result.stdout
    assert _run(scaffolded, "check", "--strict").returncode == 1


def test_contrast_ratio_matches_the_wcag_formula() -> None:
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 1) == 4.5
    assert contrast_ratio("#ffffff", "#ffffff") == 1.0


def test_build_writes_pack_workbook_and_site_with_progress(scaffolded: Path) -> None:
    result = _run(scaffolded, "build", "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert "[1/5] checked the course content" in result.stdout
    build = scaffolded / "build"
    pack = (build / "facilitator-pack.html").read_text()
    assert "Run-sheet" in pack and "09:30" in pack and pack.count('class="module"') >= 3
    workbook = (build / "learner-workbook.html").read_text()
    assert "Listening well" in workbook and "write-line" in workbook
    slug = _module(scaffolded).name
    assert (build / "site" / "index.html").is_file()
    page = (build / "site" / f"{slug}.html").read_text()
    assert "data:image/svg+xml;base64," in page, "the module's picture is not in the page"
    for exercise in load_course(scaffolded).exercises.values():
        explanation = getattr(exercise, "explanation", "")
        if explanation:
            assert explanation[:40] not in workbook + page, "an answer is in a printed page"


def test_a_logo_appears_in_the_packs_and_a_missing_one_is_an_error(scaffolded: Path) -> None:
    course_file = scaffolded / "course" / "course.yml"
    _replace(
        course_file,
        "  name: Co-production training",
        "  name: Co-production training\n  organisation: Example Health Trust\n  logo: logo.svg",
    )
    result = _run(scaffolded, "check")
    assert result.returncode == 1
    assert "error: the logo 'logo.svg' is not a file in course/" in result.stdout
    (scaffolded / "course" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" '
        'height="10"/></svg>'
    )
    assert _run(scaffolded, "build", "--no-pdf").returncode == 0
    pack = (scaffolded / "build" / "facilitator-pack.html").read_text()
    assert 'alt="Example Health Trust logo"' in pack
    assert "data:image/svg+xml;base64," in pack
