"""Every word of the built pages comes from data: the course built in the pseudo-locale (every
catalogue word marked ⟦ ⟧), with a module for each exercise kind so that each kind is printed
on paper. The facilitator pack, the workbook, the technique cards and the static site may show
only catalogue words, the course's own data (its modules, notes, exercises, cards and rates) and
numbers, times and days written by Babel. English left in Python shows up unmarked."""

from __future__ import annotations

import html

import pytest

from coproduce.authoring.builders.facilitator_pack import facilitator_pack
from coproduce.authoring.builders.learner_workbook import learner_workbook
from coproduce.authoring.builders.static_site import write_static_site
from coproduce.authoring.builders.technique_cards import technique_cards
from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course

from ..conftest import KIND_FIXTURES, add_try_modules, copy_course
from ..support.page_words import not_from_data, pack_data, shown
from ..support.pseudo_locale import pseudo_course_data, write_pseudo_catalogue


@pytest.fixture(scope="module")
def pseudo_course(tmp_path_factory: pytest.TempPathFactory) -> CourseContent:
    course = copy_course(tmp_path_factory.mktemp("pseudo-packs") / "course")
    add_try_modules(course, sorted(KIND_FIXTURES.glob("*.yml")))
    write_pseudo_catalogue(course)
    pseudo_course_data(course)
    return load_course(course)


@pytest.fixture(scope="module")
def built(pseudo_course: CourseContent, tmp_path_factory: pytest.TempPathFactory) -> dict:
    site = write_static_site(pseudo_course, tmp_path_factory.mktemp("site"))
    pages = {
        "facilitator pack": facilitator_pack(pseudo_course),
        "workbook": learner_workbook(pseudo_course),
        "technique cards": technique_cards(pseudo_course),
    }
    return pages | {f"site/{path.name}": path.read_text(encoding="utf-8") for path in site}


def test_every_kind_is_printed_on_paper(pseudo_course: CourseContent, built: dict) -> None:
    kinds = {exercise.kind for exercise in pseudo_course.exercises.values()}
    assert len(kinds) == 13
    printed = {
        exercise.kind
        for exercise in pseudo_course.exercises.values()
        if f"<h3>{html.escape(exercise.title)}</h3>" in built["workbook"]
    }
    assert printed == kinds


@pytest.mark.parametrize(
    "name", ["facilitator pack", "workbook", "technique cards", "site/index.html"]
)
def test_every_word_of_the_built_pages_comes_from_data(
    pseudo_course: CourseContent, built: dict, name: str
) -> None:
    texts = shown(built[name])
    assert any("⟦" in text for text in texts), "no word of the catalogue on show"
    assert not_from_data(texts, pack_data(pseudo_course)) == []


def test_every_page_of_the_site_has_only_words_from_data(
    pseudo_course: CourseContent, built: dict
) -> None:
    allowed = pack_data(pseudo_course)
    left = {
        name: not_from_data(shown(page), allowed)
        for name, page in built.items()
        if name.startswith("site/")
    }
    assert {name: texts for name, texts in left.items() if texts} == {}


def test_the_check_finds_an_english_word_left_in_a_pack(
    pseudo_course: CourseContent, built: dict
) -> None:
    page = built["workbook"].replace("</main>", "<p>Write up to 3 words.</p></main>")
    assert not_from_data(shown(page), pack_data(pseudo_course)) == ["Write up to 3 words."]
