"""Learners see where the course's facts come from: a "Find out more" list in every module.

Each reference is data (title, who, year, a checked web address), shown in the learner app, the
static site and the workbook, with links that open safely in a new tab and say so to a screen
reader. A reference written the old way, as one line of text, is refused with its file and line.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from coproduce.apps.module_view import build_module_view
from coproduce.authoring.builders.learner_workbook import learner_workbook
from coproduce.authoring.builders.static_site import write_static_site
from coproduce.content.errors import ContentError
from coproduce.content.find_out_more import find_out_more_html
from coproduce.content.loader import load_course
from coproduce.content.references import Reference
from coproduce.live.learner_session import LearnerSession
from coproduce.live.store import Store

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
WORDS = CONTENT.interface.find_out_more
LINK = re.compile(r"<a [^>]*>")
# The sources the course must point learners to (issue 13), by a word in their web address.
MUST_CITE = {
    "INVOLVE's co-production guidance": "nihr-guidance-on-co-producing-a-research-project",
    "UK Standards for Public Involvement": "pi-standards",
    "Liberating Structures": "liberatingstructures.com",
    "the Bristol team's resources (NIHR ARC West)": "arc-w.nihr.ac.uk",
    "the Bristol team's own paper": "10.1057/s41599-021-00782-1",
    "People in Health West of England": "phwe.org.uk",
}


def _links_are_safe(page: str) -> None:
    """The links of each "Find out more" list on the page."""
    markup = "".join(re.findall(r'<ul class="cp-find-out-more">.*?</ul>', page, re.DOTALL))
    links = LINK.findall(markup)
    assert links, "no link in the list"
    for link in links:
        assert 'target="_blank"' in link and 'rel="noopener noreferrer"' in link, link
    # Each link's name is its title and then, hidden from sight, that it opens a new tab.
    assert markup.count(f"({html.escape(WORDS.new_tab)})") == len(links)


@pytest.mark.parametrize("slug", list(CONTENT.modules))
def test_every_module_cites_structured_sources(slug: str) -> None:
    references = CONTENT.modules[slug].meta.references
    assert references, f"{slug} cites nothing"
    assert all(isinstance(reference, Reference) for reference in references)
    assert any(reference.url for reference in references), f"{slug}: no source to open"


def test_the_course_points_to_the_guidance_the_standards_and_the_bristol_work() -> None:
    addresses = " ".join(
        reference.url or ""
        for module in CONTENT.modules.values()
        for reference in module.meta.references
    )
    missing = [name for name, word in MUST_CITE.items() if word not in addresses]
    assert missing == []


@pytest.mark.parametrize("slug", list(CONTENT.modules))
def test_the_learner_page_ends_with_find_out_more(slug: str, tmp_path: Path) -> None:
    module = CONTENT.modules[slug]
    view = build_module_view(CONTENT, module, 1, LearnerSession(Store(tmp_path)))
    last = view.children[-1].value
    assert f"<h3>{WORDS.heading}</h3>" in last
    assert last.index("Key points") < last.index(WORDS.heading)
    for reference in module.meta.references:
        assert html.escape(reference.title) in last
        if reference.url:
            assert f'href="{html.escape(reference.url, quote=True)}"' in last
    _links_are_safe(last)


def test_the_static_site_lists_each_modules_sources(tmp_path: Path) -> None:
    write_static_site(CONTENT, tmp_path)
    for slug, module in CONTENT.modules.items():
        page = (tmp_path / f"{slug}.html").read_text(encoding="utf-8")
        assert f"<h3>{WORDS.heading}</h3>" in page, slug
        for reference in module.meta.references:
            assert html.escape(reference.title) in page, (slug, reference.title)
        _links_are_safe(page)


def test_the_workbook_prints_the_sources_with_their_web_addresses() -> None:
    book = learner_workbook(CONTENT)
    assert book.count(f"<h3>{WORDS.heading}</h3>") == len(CONTENT.modules)
    for module in CONTENT.modules.values():
        for reference in module.meta.references:
            if reference.url:  # paper cannot follow a link: the address is printed too
                assert f'"cp-web-address">{html.escape(reference.url)}<' in book


def test_the_list_escapes_what_an_author_wrote() -> None:
    reference = Reference(title="<b>Bold</b>", who="A & B", year=2020, url="https://example.org/")
    words = WORDS.model_copy(update={"heading": "Find <out>"})
    markup = find_out_more_html([reference], words)
    assert "<b>" not in markup and "&lt;b&gt;Bold" in markup and "A &amp; B (2020)." in markup
    assert "<h3>Find &lt;out&gt;</h3>" in markup
    assert find_out_more_html([], WORDS) == ""


def test_each_source_is_written_with_the_catalogues_punctuation() -> None:
    dated = Reference(title="Guidance", who="NIHR", year=2024, about="How to pay people.")
    undated = Reference(title="Notes", who="A <group>")
    words = WORDS.model_copy(
        update={
            "source": "{title}\u06d4 {who} ({year})\u06d4",
            "undated_source": "{who}: {title}\u06d4",
            "about": "{about} — {source}",
        }
    )
    markup = find_out_more_html([dated, undated], words)
    assert "<li>How to pay people. — Guidance\u06d4 NIHR (2024)\u06d4</li>" in markup
    assert "<li>A &lt;group&gt;: Notes\u06d4</li>" in markup


def _break_references(course_dir: Path, old: str, new: str) -> Path:
    path = course_dir / "modules" / "03-power" / "module.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, snippet: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(
        number
        for number, line in enumerate(lines, start=1)
        if line.strip() == snippet or line.strip() == f"- {snippet}"
    )


def test_a_reference_written_as_one_line_of_text_names_its_file_and_line(
    course_dir: Path,
) -> None:
    path = _break_references(
        course_dir, "references:\n", "references:\n  - Arnstein (1969). A ladder of something.\n"
    )
    with pytest.raises(ContentError) as caught:
        load_course(course_dir)
    rendered = caught.value.render()
    line = _line_of(path, "Arnstein (1969). A ladder of something.")
    assert f"modules/03-power/module.yml:{line}: error" in rendered
    assert "not one line of text" in rendered and "title:" in rendered


@pytest.mark.parametrize(
    ("broken", "words"),
    [
        ('url: "www.nihr.ac.uk"', "is not a web address"),
        ("year: 20", "greater than or equal to 1900"),
        ("publisher: NIHR", "unknown key 'publisher'"),
    ],
)
def test_a_malformed_reference_names_its_file_and_line(
    course_dir: Path, broken: str, words: str
) -> None:
    path = _break_references(
        course_dir,
        "references:\n",
        f'references:\n  - title: "A guide"\n    who: "Someone"\n    {broken}\n',
    )
    with pytest.raises(ContentError) as caught:
        load_course(course_dir)
    rendered = caught.value.render()
    assert f"modules/03-power/module.yml:{_line_of(path, broken)}: error" in rendered
    assert words in rendered
