"""With the pseudo-locale, every word of the learner page's template comes from a catalogue."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from coproduce.authoring.check import run_checks
from coproduce.content.loader import load_course

from ..support.pseudo_locale import (
    pseudo,
    pseudo_course_data,
    unmarked,
    write_pseudo_catalogue,
)
from ..support.voila_page import render_learner_page

SHOWN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "value")


class _VisibleText(HTMLParser):
    """The text a reader meets: text nodes outside script and style, the page's title, and
    the attributes that are read out or shown."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        self.texts += [value or "" for name, value in attrs if name in SHOWN_ATTRIBUTES]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.texts.append(data)


def _visible(page: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(page)
    return parser.texts


def test_pseudo_keeps_slots_and_marks_words() -> None:
    assert pseudo("Save") == "⟦Ŝàvé⟧"
    assert pseudo("Closes at {time}. {{not a slot}}") == "⟦Çlöŝéŝ àt {time}. {{ñöt à ŝlöt}}⟧"


def test_the_pseudo_catalogue_passes_the_checker(course_dir: Path) -> None:
    write_pseudo_catalogue(course_dir)
    report = run_checks(course_dir)
    assert not report.errors, "\n".join(p.render(course_dir) for p in report.errors)
    assert load_course(course_dir).interface.join.button == "⟦Jöîñ⟧"


def test_every_word_of_the_learner_page_comes_from_a_catalogue(
    course_dir: Path, tmp_path: Path
) -> None:
    write_pseudo_catalogue(course_dir)
    pseudo_course_data(course_dir)
    texts = _visible(render_learner_page(course_dir, tmp_path / "app"))
    assert sum("⟦" in text for text in texts) >= 5  # skip link, brand, title, loading, footer
    assert unmarked(texts) == []


def test_the_check_finds_a_word_left_in_the_template(course_dir: Path, tmp_path: Path) -> None:
    """The same test, on a page with one English word added by hand, fails as it should."""
    write_pseudo_catalogue(course_dir)
    pseudo_course_data(course_dir)
    page = render_learner_page(course_dir, tmp_path / "app")
    page = page.replace("</main>", "<p>Loading</p></main>", 1)
    assert unmarked(_visible(page)) == ["Loading"]
