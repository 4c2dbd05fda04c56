"""course/accessibility.md: the sections a UK public body's statement has, and every claim that
something is tested names a test that exists ("(Tested by `tests/FILE.py::test_name`)")."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from coproduce.authoring.check import run_checks
from coproduce.content.course import STATEMENT_FILE
from coproduce.content.loader import load_course
from coproduce.serving.statement_page import statement_page

from ..conftest import ROOT

STATEMENT = ROOT / STATEMENT_FILE
# The sections of the GOV.UK model accessibility statement, in our words.
SECTIONS = [
    "How accessible this course is",
    "What to do if you cannot use parts of this course",
    "Reporting accessibility problems with this course",
    "Enforcement procedure",
    "Technical information about this course's accessibility",
    "Compliance status",
    "How we tested this course",
    "Parts that are not accessible",
    "What we are doing to improve accessibility",
    "Preparation of this accessibility statement",
]
TESTED_BY = re.compile(r"\(Tested by\s+(.*?)\)", re.DOTALL)
REFERENCE = re.compile(r"`([^`]+)`")
CLAIMS_SECTION = "## How we tested this course"


def references(text: str) -> list[str]:
    """Each `tests/FILE.py::test_name` in a "(Tested by ...)" of the text."""
    return [ref for found in TESTED_BY.findall(text) for ref in REFERENCE.findall(found)]


def broken_references(text: str, root: Path) -> list[str]:
    """The references that name no test file, or no test function in it."""
    broken = []
    for ref in references(text):
        file, _, name = ref.partition("::")
        path = root / file
        if not (file.startswith("tests/") and name.startswith("test_") and path.is_file()):
            broken.append(ref)
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        if name not in defined:
            broken.append(ref)
    return broken


def claims(text: str) -> list[str]:
    """The list items of "How we tested this course", each one a claim."""
    section = text.split(CLAIMS_SECTION, 1)[1].split("\n## ", 1)[0]
    items = re.split(r"^- ", section, flags=re.MULTILINE)[1:]
    return [item.split("\n\n", 1)[0].strip() for item in items]  # an item ends at a blank line


def test_the_statement_has_the_sections_of_the_model_statement() -> None:
    text = STATEMENT.read_text(encoding="utf-8")
    assert text.startswith("# Accessibility statement for ")
    headings = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("##")]
    assert [h for h in headings if h in SECTIONS] == SECTIONS
    for agency in ("Equality and Human Rights Commission", "Equality Commission for Northern"):
        assert agency in text


def test_every_claim_names_a_test_and_every_named_test_exists() -> None:
    text = STATEMENT.read_text(encoding="utf-8")
    found = claims(text)
    assert len(found) >= 10
    without = [claim[:60] for claim in found if not references(claim)]
    assert without == [], "a claim that something is tested names no test"
    assert len(references(text)) >= len(found)
    assert broken_references(text, ROOT) == []


@pytest.mark.parametrize(
    "broken",
    [
        "tests/browser/test_browser_no_such_file.py::test_every_page_of_the_course",
        "tests/browser/test_browser_accessibility_statement.py::test_no_such_test",
        "tests/browser/test_browser_accessibility_statement.py",
    ],
    ids=["file", "function", "no-function"],
)
def test_a_broken_reference_is_found(broken: str) -> None:
    text = STATEMENT.read_text(encoding="utf-8")
    good = "tests/browser/test_browser_accessibility_statement.py::test_every_page_of_the_course"
    assert good in text
    assert broken_references(text.replace(good, broken, 1), ROOT) == [broken]


def test_a_claim_without_a_test_is_found() -> None:
    text = STATEMENT.read_text(encoding="utf-8")
    text = text.replace(CLAIMS_SECTION, f"{CLAIMS_SECTION}\n\n- Everything works.\n", 1)
    assert [claim for claim in claims(text) if not references(claim)] == ["Everything works."]


def test_the_statement_is_plain_english_and_passes_the_checker() -> None:
    problems = [p for p in run_checks(ROOT).problems if p.path == STATEMENT]
    assert problems == []


def test_the_checker_warns_when_the_statement_is_hard_to_read(course_dir: Path) -> None:
    hard = (
        "Notwithstanding organisational considerations, institutional accountability "
        "necessitates comprehensive documentation regarding technological conformance. "
    )
    path = course_dir / STATEMENT_FILE
    path.write_text(path.read_text(encoding="utf-8") + "\n" + hard * 40, encoding="utf-8")
    found = [p for p in run_checks(course_dir).warnings if p.path == path]
    assert len(found) == 1 and "reading ease" in found[0].message


def test_the_page_is_safe_html_in_the_course_language() -> None:
    words = {"language": "cy", "statement": {"back": "Back <to> the course"}}
    page = statement_page("# Title & more\n\n<script>alert(1)</script>\n\n## Part", words)
    assert '<html lang="cy" dir="ltr">' in page and "<title>Title &amp; more</title>" in page
    assert "<h1>Title &amp; more</h1>" in page and "<h2>Part</h2>" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<a href="./">Back &lt;to&gt; the course</a>' in page


def test_the_page_words_include_the_footer_link_and_the_way_back() -> None:
    words = load_course(ROOT).interface.page
    assert words.accessibility_link and words.back_to_course
