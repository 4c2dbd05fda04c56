"""A course offered in two languages, kernel-side: the join page offers each by its own name;
a learner who picks Welsh reads the join page, then the course's words and the parts that have
Welsh content, in Welsh; the page is told its lang and dir; a refresh (a new kernel, whose
browser offers the language it kept) comes back in Welsh; anything else a script sends is
refused; once in, only the choice above the course changes it, keeping the learner's place and
unsaved work."""

from __future__ import annotations

import functools
import html
from collections.abc import Iterator
from pathlib import Path

import pytest

from coproduce.apps.learner_app import LearnerApp
from coproduce.apps.trainer_app import _attendance_html
from coproduce.content.course import NO_ROLE, CourseContent
from coproduce.content.language import name_in
from coproduce.content.loader import in_language, load_course
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

from ..kinds.page_script import send_from_page, set_from_page
from ..support.two_languages import TRANSLATED, two_language_course

ROOT = Path(__file__).resolve().parents[2]
UNTRANSLATED = "02-what-coproduction-is"
WELSH_TITLE = "Croeso a rheolau sylfaenol"  # content.cy.md's first heading


@functools.cache
def _course(folder: Path, languages: tuple[str, ...] = ("en", "cy")) -> CourseContent:
    return load_course(two_language_course(folder / "-".join(languages), list(languages)))


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> CourseContent:
    return _course(tmp_path_factory.mktemp("two-languages"))


@pytest.fixture(scope="module")
def welsh(course: CourseContent) -> CourseContent:
    return in_language(course, "cy")


@pytest.fixture
def room(tmp_path: Path) -> Iterator[tuple[Store, str]]:
    store = Store(tmp_path)
    yield store, SessionStore(store).create_session()


def _page(content: CourseContent, store: Store, code: str, **kept: str) -> LearnerApp:
    """A page load: the browser offers what it keeps (its learner id, its language)."""
    app = LearnerApp(content, store, code)
    set_from_page(app.identity, link_code=code, learner_id="none", **kept)
    return app


def _text(app: LearnerApp) -> str:
    """Everything the module area shows, as markup, with its controls' words."""
    found: list[str] = []

    def walk(widget: object) -> None:
        for name in ("value", "html", "description", "legend"):
            value = getattr(widget, name, None)
            if isinstance(value, str):
                found.append(value)
        options = getattr(widget, "options", ())
        found.extend(option for option in options if isinstance(option, str))
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(app.area)
    return html.unescape("\n".join(found))


def _stop(*apps: LearnerApp) -> None:
    for app in apps:
        if app.follower:
            app.follower.stop()


def test_the_join_page_offers_each_language_by_its_own_name(
    course: CourseContent, welsh: CourseContent, room: tuple[Store, str]
) -> None:
    app = LearnerApp(course, *room)
    group = app.join.language
    assert group is not None
    assert group.options == ["English", "Cymraeg"]
    assert group.value == [0]
    # Its legend reads the same in every language: each one's word for it.
    english_label = course.interface.join.language_label
    welsh_label = welsh.interface.join.language_label
    assert group.legend == f"{english_label} / {welsh_label}"
    assert app.identity.language == "en" and app.identity.direction == "ltr"
    assert app.join.widget.children.index(group) < app.join.widget.children.index(app.join.code)


def test_a_learner_picks_welsh_joins_and_reads_the_course_in_welsh(
    course: CourseContent, welsh: CourseContent, room: tuple[Store, str]
) -> None:
    store, code = room
    app = _page(course, store, code)
    group = app.join.language
    assert group is not None
    send_from_page(group, {"chosen": [1]})  # Cymraeg, as the radio button sends it
    words = welsh.interface
    # The join page, in Welsh; the group keeps its words (and the learner's focus).
    assert app.join.code.description == words.join.code_label
    assert words.join.heading in html.unescape(app.join.intro.value)
    assert app.join.join_button.description == words.join.button
    assert app.join.role.legend == words.join.role_label
    assert group.options == ["English", "Cymraeg"] and group.value == [1]
    # The page is told: its lang and dir, and its own words around the app.
    assert (app.identity.language, app.identity.direction) == ("cy", "ltr")
    assert app.identity.page_words["skip_link"] == words.page.skip_link
    assert app.identity.page_words["accessibility_link"] == words.page.accessibility_link
    # The header's title, as course.cy.yml has it.
    assert app.identity.page_words["title"] == welsh.course.title != course.course.title

    app.join.code.value = code
    app.join.submit()
    try:
        assert app.entered
        assert app.nav.label == words.moving.agenda_label
        assert app.next.description == words.moving.next
        app.show(TRANSLATED)
        shown = _text(app)
        assert WELSH_TITLE in shown
        assert "Welcome and ground rules" not in shown  # content.md's heading
        assert words.moving.key_points in shown
        assert course.interface.moving.key_points not in shown
        # Its exercises and its module.yml read through their Welsh files (ground-rules.cy.yml,
        # module.cy.yml): not marked as English, the options in the same order.
        rules, welsh_rules = course.exercises["ground-rules"], welsh.exercises["ground-rules"]
        assert welsh_rules.title != rules.title and welsh_rules.title in shown
        assert rules.title not in shown and rules.prompt not in shown
        poll = welsh.exercises["coproduction-so-far"]
        assert all(option in shown for option in poll.options)
        meta = welsh.modules[TRANSLATED].meta
        assert meta.key_points[0] in shown
        assert course.modules[TRANSLATED].meta.key_points[0] not in shown
        assert '<ul class="cp-key-points">' in shown
        # A part without Welsh content is shown in English, says so, and is marked English.
        app.show(UNTRANSLATED)
        shown = _text(app)
        english = name_in("en", "cy")
        assert words.moving.not_translated.format(language=english) in shown
        assert '<div lang="en" dir="ltr">' in shown
        assert words.moving.key_points in shown
        assert '<ul class="cp-key-points" lang="en" dir="ltr">' in shown
        ladder = course.exercises["where-on-the-ladder"]
        assert ladder.title in shown  # no where-on-the-ladder.cy.yml: in English
        # ...and marked so, for the page to put lang="en" dir="ltr" on it; a translated one not.
        classes = app.session.views["where-on-the-ladder"].widget._dom_classes
        assert {"cp-lang-en", "cp-dir-ltr"} <= set(classes)
        translated = app.session.views["ground-rules"].widget._dom_classes
        assert not any(name.startswith("cp-lang-") for name in translated)
    finally:
        _stop(app)


def test_a_welsh_learner_picks_a_role_in_welsh_and_is_counted_by_the_courses_words(
    course: CourseContent, welsh: CourseContent, room: tuple[Store, str]
) -> None:
    store, code = room
    app = _page(course, store, code)
    assert app.join.role.options == course.course.roles
    assert app.join.language is not None
    send_from_page(app.join.language, {"chosen": [1]})
    welsh_roles = welsh.course.shown_all("roles", welsh.course.roles)
    assert app.join.role.options == welsh_roles != course.course.roles
    contributor = welsh_roles.index("Cyfrannwr cyhoeddus")
    send_from_page(app.join.role, {"chosen": [contributor]})
    app.join.code.value = code
    app.join.submit()
    try:
        assert app.entered
        # Kept by course.yml's words, so Welsh and English learners count as one role.
        assert SessionStore(store).attendance(code) == {"Public contributor": 1}
        # The trainer app names them in its own language (three each, so none is merged).
        counts = {"Public contributor": 3, NO_ROLE: 3}
        assert "Public contributor: 3" in _attendance_html(course, counts)
        in_welsh = _attendance_html(welsh, counts)
        assert "Cyfrannwr cyhoeddus: 3" in in_welsh
        assert f"{welsh.interface.results.no_role}: 3" in in_welsh and NO_ROLE not in in_welsh
    finally:
        _stop(app)


def test_a_refresh_comes_back_in_the_language_chosen(
    course: CourseContent, welsh: CourseContent, room: tuple[Store, str]
) -> None:
    store, code = room
    first = _page(course, store, code)
    assert first.join.language is not None
    send_from_page(first.join.language, {"chosen": [1]})
    learner_id = first.identity.learner_id
    kept_language = first.identity.language  # what the page keeps in its local storage
    assert kept_language == "cy"
    first.join.code.value = code
    first.join.submit()
    _stop(first)

    # A refresh: a new kernel; the browser offers its id and its language in one message.
    again = LearnerApp(course, store, code)
    set_from_page(again.identity, link_code=code, learner_id=learner_id, language=kept_language)
    try:
        assert again.entered
        assert again.content.course.language == "cy"
        assert again.nav.label == welsh.interface.moving.agenda_label
        assert WELSH_TITLE in _text(again)  # the room's first part, built in Welsh
        assert again.identity.language == "cy"
    finally:
        _stop(again)

    # A refresh before joining: the join page comes back in Welsh, Cymraeg chosen.
    newcomer = _page(course, store, code, language="cy")
    assert not newcomer.entered
    assert newcomer.join.code.description == welsh.interface.join.code_label
    assert newcomer.join.language is not None and newcomer.join.language.value == [1]


def test_a_language_the_course_does_not_offer_is_refused(
    course: CourseContent, room: tuple[Store, str]
) -> None:
    store, code = room
    english = course.interface
    for sent in ("xx", "fr", "ur", "", "cy-GB", "<script>"):
        app = _page(course, store, code, language=sent)
        assert app.identity.language == "en", sent
        assert app.content.course.language == "en", sent
        assert app.join.code.description == english.join.code_label
    group = app.join.language
    assert group is not None
    send_from_page(group, {"chosen": [7]})  # no such language
    send_from_page(group, {"chosen": ["cy"]})
    assert group.value == [0] and app.content.course.language == "en"
    # A direction or words the page sends are not the kernel's to take.
    set_from_page(app.identity, direction="rtl", page_words={"skip_link": "x"})
    assert app.identity.direction == "ltr" and app.identity.page_words != {"skip_link": "x"}


def test_once_in_the_language_stays(course: CourseContent, room: tuple[Store, str]) -> None:
    store, code = room
    app = _page(course, store, code)
    app.join.code.value = code
    app.join.submit()
    try:
        assert app.entered
        set_from_page(app.identity, language="cy")
        assert app.identity.language == "en"
        assert app.join.language is not None
        send_from_page(app.join.language, {"chosen": [1]})
        assert app.content.course.language == "en"
        assert app.join.language.value == [0]
    finally:
        _stop(app)


def test_once_in_the_choice_under_the_course_reads_on_in_another_language(
    course: CourseContent, welsh: CourseContent, room: tuple[Store, str]
) -> None:
    """A learner who joined in English switches to Welsh above the course: the part on show
    is now Welsh, in the same place; a saved vote is still chosen, and a reflection typed but
    not saved is still there; switching back reads English again."""
    store, code = room
    app = _page(course, store, code)
    app.join.code.value = code
    app.join.submit()
    try:
        switch = app.switch
        assert switch is not None and switch in app.course.children
        assert switch.options == ["English", "Cymraeg"] and switch.value == [0]
        app.show(TRANSLATED)
        app.session.views["coproduction-so-far"].restore({"choice": 2})
        assert app.session.save("coproduction-so-far", {"choice": 2}) is None
        draft = app.session.views["speak-freely"].text
        draft.value = "Being asked first <b>"  # typed, not saved

        send_from_page(switch, {"chosen": [1]})
        assert app.content.course.language == "cy" and app.identity.language == "cy"
        assert app.shown == TRANSLATED
        shown = _text(app)
        assert WELSH_TITLE in shown and welsh.exercises["ground-rules"].title in shown
        assert welsh.modules[TRANSLATED].meta.title in [item["title"] for item in app.nav.items]
        poll = app.session.views["coproduction-so-far"]
        assert poll.choices.value == [2]  # the saved vote, in the Welsh part
        kept = app.session.views["speak-freely"].text
        assert kept is not draft and kept.value == "Being asked first <b>"
        assert app.identity.page_words["skip_link"] == welsh.interface.page.skip_link

        # A page script's offer is still refused once in; the choice above the course is not.
        set_from_page(app.identity, language="en")
        assert app.identity.language == "cy" and app.content.course.language == "cy"
        send_from_page(switch, {"chosen": [0]})
        assert app.content.course.language == "en"
        assert "Welcome and ground rules" in _text(app) and switch.value == [0]
    finally:
        _stop(app)


def test_a_right_to_left_language_turns_the_page(
    tmp_path_factory: pytest.TempPathFactory, room: tuple[Store, str]
) -> None:
    course = _course(tmp_path_factory.mktemp("three"), ("en", "cy", "ur"))
    app = _page(course, *room)
    assert app.join.language is not None
    assert app.join.language.options == ["English", "Cymraeg", "اردو"]
    send_from_page(app.join.language, {"chosen": [2]})
    assert (app.identity.language, app.identity.direction) == ("ur", "rtl")
    assert app.content.course.language == "ur"


def test_a_course_in_one_language_offers_no_choice(room: tuple[Store, str]) -> None:
    app = _page(load_course(ROOT), *room, language="cy")
    assert app.join.language is None
    assert app.identity.language == ""
    assert app.content.course.language == "en"
