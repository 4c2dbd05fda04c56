"""Every word on an exercise's controls comes from the catalogue: with the pseudo-locale (each
catalogue string marked ⟦ ⟧), a kind's view and the room's result show no word that is neither
marked nor the course's own data (titles, prompts, options, roles, the ladder)."""

from __future__ import annotations

import dataclasses
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest

from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course
from coproduce.kinds.common.bar_chart import short_label
from coproduce.kinds.common.frame import ExerciseContext
from coproduce.kinds.jargon_buster.checks import score_text
from coproduce.kinds.registry import build_exercise
from coproduce.live.sessions import SharedAnswer
from coproduce.reports.live_results import results_html

from ..support.page_words import filled_rate_words
from ..support.pseudo_locale import write_pseudo_catalogue

# The kinds whose words are in the catalogue, with an exercise of each from the course.
CONVERTED = {
    "word_list": "closing-word",
    "poll": "coproduction-so-far",
    "reflection": "borrow-an-idea",
    "knowledge_check": "coproduction-or-not",
    "rating_scale": "confidence-before",
    "ladder_placement": "where-on-the-ladder",
    "power_reflection": "my-sources-of-power",
    "jargon_buster": "bust-the-jargon",
    "airtime_tracker": "whose-voice",
    "activity_timer": "one-two-four-all",
    "action_plan": "my-action-plan",
    "payment_planner": "plan-the-cost",
}
MARKED = re.compile(r"⟦[^⟦⟧]*⟧")
SHOWN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [value or "" for name, value in attrs if name in SHOWN_ATTRIBUTES]

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def _from_html(markup: str) -> list[str]:
    """The attributes' texts, and the fragment's text as one: a marked text may hold a link
    (a source's title in the sources line), so it runs over several text nodes."""
    parser = _Text()
    parser.feed(markup)
    attributes, texts = parser.attributes, parser.texts
    return [*attributes, " ".join(texts)]


def _shown(widget: Any) -> list[str]:
    """Every text a learner can meet in a widget and the widgets inside it."""
    texts: list[str] = []
    if isinstance(widget, widgets.HTML):
        texts += _from_html(widget.value)
    names = ("description", "tooltip", "legend", "label", "chosen_mark", "announcement")
    for name in (*names, "again", "save_link"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            texts.append(value)
    html_value = getattr(widget, "html", None)
    if isinstance(html_value, str):
        texts += _from_html(html_value)
    for name in ("options", "labels"):
        for item in getattr(widget, name, None) or []:
            texts += [item] if isinstance(item, str) else [str(part) for part in item[:1]]
    words = getattr(widget, "words", None)
    if isinstance(words, dict):
        texts += [str(value) for value in words.values()]
    for phase in getattr(widget, "phases", None) or []:
        texts += [str(phase.get("label", "")), str(phase.get("length", ""))]
    for child in getattr(widget, "children", ()):
        texts += _shown(child)
    return texts


def _data_strings(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value.strip(), *(part.strip() for part in value.split("\n\n"))}
    if isinstance(value, dict):
        return {text for item in value.values() for text in _data_strings(item)}
    if isinstance(value, list | tuple):
        return {text for item in value for text in _data_strings(item)}
    return set()


def _unmarked(texts: list[str], data: set[str]) -> list[str]:
    """What is left of each text once marked words and the course's data are taken out."""
    known = sorted((text for text in data if text), key=len, reverse=True)
    left = []
    for text in texts:
        for piece in known:  # data first: a marked text may hold data, and data a lowercase word
            text = text.replace(piece, " ")
        while MARKED.search(text):
            text = MARKED.sub(" ", text)
        if re.search(r"[A-Za-z]{2,}", text):
            left.append(text.strip())
    return left


@pytest.fixture(scope="module")
def pseudo_course(tmp_path_factory: pytest.TempPathFactory) -> CourseContent:
    from ..conftest import copy_course

    course = copy_course(tmp_path_factory.mktemp("pseudo") / "course")
    write_pseudo_catalogue(course)
    content = load_course(course)
    # Results from the first answer, so that every result shows its words.
    return dataclasses.replace(
        content, course=content.course.model_copy(update={"min_answers_shown": 1})
    )


def _data(content: CourseContent, exercise: Any) -> set[str]:
    data = _data_strings(exercise.model_dump())
    ladder = content.ladders.get(getattr(exercise, "ladder", "") or "")
    if ladder is not None:
        data |= _data_strings(ladder.model_dump())
        data |= {rung.group.lower() for rung in ladder.rungs}
    rates = content.payment_rates
    if rates is not None:  # the rates file's words, with each day as Babel writes it
        data |= _data_strings(rates.model_dump())
        data |= filled_rate_words(rates, content.course.language)
    if content.glossary is not None:
        data |= _data_strings(content.glossary.model_dump())
    return data | {short_label(text) for text in data}  # as a chart's picture shortens them


def _use(view: Any, kind: str) -> None:
    """Press what a learner presses, so the view says what it says after each."""
    if kind == "word_list":
        view.submit()
        view.boxes[0].value = "x" * 200
        view.submit()
    elif kind in ("poll", "rating_scale"):
        (view.vote if kind == "poll" else view.rate)()
        view.choices.value = [0]
        (view.vote if kind == "poll" else view.rate)()
    elif kind == "reflection":
        view.text.value = "A thought."
        view.save_now()
        view.skip()
    elif kind == "knowledge_check":
        view.check()
        view.choices.value = [0]
        view.check()
        view.show_why()
    elif kind == "ladder_placement":
        view.check()
        for select in view.selects:
            select.value = select.options[1][1]
        view.check()
    elif kind == "power_reflection":
        view.groups[0].value = [0]
    elif kind == "jargon_buster":
        view.text.value = "We will consult stakeholders. " * 3
        view.save_now()
    elif kind == "airtime_tracker":
        view.set_speaker(view.roles[0])
        view.set_speaker(None)
        view.reset()
    elif kind == "activity_timer":
        view.start()
        view.next_phase()
    elif kind == "action_plan":
        view.save_now()
    elif kind == "payment_planner":
        view.add_row()
        next(iter(view.expenses.values())).value = "lots"


@pytest.mark.parametrize("kind", sorted(CONVERTED))
def test_every_word_of_the_kind_comes_from_the_catalogue(
    pseudo_course: CourseContent, kind: str
) -> None:
    exercise = pseudo_course.exercises[CONVERTED[kind]]
    exercise = exercise.model_copy(update={"visibility": "shared"}) if kind == "poll" else exercise
    saved: list[dict[str, Any]] = []
    view = build_exercise(
        exercise, lambda _eid, answer: saved.append(answer), ExerciseContext(pseudo_course)
    )
    texts = _shown(view.widget)
    _use(view, kind)
    texts += _shown(view.widget)
    assert any("⟦" in text for text in texts), "no word of the catalogue on show"
    data = _data(pseudo_course, exercise)
    if kind == "jargon_buster":  # glossary words as the passage and the learner wrote them
        typed = score_text(view.text.value, view.matcher)
        data |= {found.written for found in (*view.start.jargon, *typed.jargon)}
    assert _unmarked(texts, data) == []


@pytest.mark.parametrize("kind", ["poll", "word_list", "airtime_tracker", "reflection"])
def test_every_word_of_the_rooms_result_comes_from_the_catalogue(
    pseudo_course: CourseContent, kind: str
) -> None:
    payloads = {
        "poll": [{"choice": 0}, {"choice": 0}, {"choice": 1}],
        "word_list": [{"words": ["hope", "trust"]}, {"words": ["hope"]}],
        "airtime_tracker": [{"seconds": {"Researcher": 30, "Practitioner": 10}}],
        "reflection": [{"text": "A shared thought.", "shared": True, "skipped": False}],
    }[kind]
    exercise = next(e for e in pseudo_course.exercises.values() if e.kind == kind)
    if kind == "reflection":
        exercise = exercise.model_copy(update={"can_share": True})
    answers = [SharedAnswer(f"tag{n}", payload, False) for n, payload in enumerate(payloads)]
    page = results_html(pseudo_course, exercise, answers)
    data = _data(pseudo_course, exercise) | {"hope", "trust", "A shared thought."}
    data |= {"Researcher", "Practitioner"}
    texts = _from_html(page)
    assert kind == "reflection" or any("⟦" in text for text in texts)
    assert _unmarked(texts, data) == []


def test_the_rungs_the_room_chose_are_joined_in_the_catalogues_words(
    pseudo_course: CourseContent,
) -> None:
    """A situation's rungs and counts: each "{rung}: {count}", joined by `next_placed`."""
    exercise = pseudo_course.exercises[CONVERTED["ladder_placement"]]
    ladder = pseudo_course.ladders[exercise.ladder]
    first, second = ladder.rungs[0], ladder.rungs[1]
    picks = [[first.id], [first.id], [second.id]]
    answers = [SharedAnswer(f"t{n}", {"placements": p}, False) for n, p in enumerate(picks)]
    words = pseudo_course.interface.room_results.model_copy(
        update={"placed": "{rung} = {count}", "next_placed": "{places} | {place}"}
    )
    content = dataclasses.replace(
        pseudo_course,
        interface=pseudo_course.interface.model_copy(update={"room_results": words}),
    )
    page = results_html(content, exercise, answers)
    assert f"{first.name} = 2 | {second.name} = 1" in html.unescape(page)


def test_the_check_finds_an_english_word_left_on_a_control(pseudo_course: CourseContent) -> None:
    """The same check, on a view with one English word put back by hand, fails as it should."""
    exercise = pseudo_course.exercises[CONVERTED["poll"]]
    view = build_exercise(exercise, lambda *_: None, ExerciseContext(pseudo_course))
    view.vote_button.description = "Vote"
    assert _unmarked(_shown(view.widget), _data(pseudo_course, exercise)) == ["Vote"]


def test_a_changed_word_in_the_catalogue_is_the_word_on_the_control(course_dir: Path) -> None:
    path = course_dir / "course" / "interface.yml"
    text = path.read_text(encoding="utf-8")
    assert "  submit: Submit\n" in text and "  check: Check my answer\n" in text
    text = text.replace("  submit: Submit\n", "  submit: Send my words\n")
    path.write_text(text.replace("  check: Check my answer\n", "  check: Mark it\n"), "utf-8")
    content = load_course(course_dir)
    words = build_exercise(
        content.exercises["closing-word"], lambda *_: None, ExerciseContext(content)
    )
    check = build_exercise(
        content.exercises["coproduction-or-not"], lambda *_: None, ExerciseContext(content)
    )
    assert words.submit_button.description == "Send my words"  # type: ignore[attr-defined]
    assert check.check_button.description == "Mark it"  # type: ignore[attr-defined]
