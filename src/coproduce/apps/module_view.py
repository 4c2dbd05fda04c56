"""Build the widgets for one module: its text, its exercises, its objectives and key points."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets

from coproduce.apps.chrome.closed_notices import ClosedNotices
from coproduce.content.course import CourseContent, Module
from coproduce.content.find_out_more import find_out_more_html
from coproduce.content.language import name_in, page_attributes, text_direction
from coproduce.content.markdown import render_markdown, split_title
from coproduce.content.module_notebook import ExerciseBlock
from coproduce.content.plurals import plural
from coproduce.content.timings import module_minutes, run_exercises
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import ExerciseContext, ReadRoom
from coproduce.kinds.registry import build_exercise
from coproduce.live.idea_marks import IdeaMarks
from coproduce.live.learner_session import LearnerSession
from coproduce.live.sessions import SessionStore
from coproduce.live.store import LOCAL_SESSION
from coproduce.reports.live_results import closable, counted_payloads


def build_module_view(
    content: CourseContent,
    module: Module,
    position: int,
    session: LearnerSession,
    notices: ClosedNotices | None = None,
) -> widgets.VBox:
    # The overview (part number, minutes, objectives) goes once, under the module's title.
    minutes = module_minutes(content, module)
    overview = _overview(content, module, minutes, position, len(content.modules))
    # A part not yet in the learner's language is shown in the course's own, and says so; its
    # text is marked with its language, so a screen reader reads it in that language's voice.
    written = module.translation or content.course_language
    overview = _not_translated(content, written) + overview
    runs = set(run_exercises(content, module))
    room = room_reader(session)
    children: list[widgets.Widget] = []
    for block in module.blocks:
        if isinstance(block, ExerciseBlock):
            if block.exercise_id not in runs:
                continue  # an optional extra this course does not run
            if overview:
                children.append(_prose(overview))
                overview = ""
            context = ExerciseContext(content, lambda: session.stored, room)
            exercise = content.exercises[block.exercise_id]
            view = build_exercise(exercise, session.save, context)
            _mark_language(content, block.exercise_id, view.widget)
            session.register(block.exercise_id, view)
            if notices is not None and closable(exercise):
                children.append(notices.notice_for(exercise.id))
            children.append(view.widget)
            continue
        title, rest = split_title(block.text) if overview else ("", block.text)
        body = _in_language(content, written, render_markdown(rest, module.folder))
        title_html = _in_language(content, written, render_markdown(title)) if title else ""
        children.append(_prose(title_html + overview + body))
        overview = ""
    sources = find_out_more_html(module.meta.references, content.interface.find_out_more)
    children.append(_prose(_key_points(content, module) + sources))
    # cp-module-SLUG lets a test or benchmark tell modules apart.
    box = light.VBox(children, classes=["cp-module", f"cp-module-{module.slug}"])
    return box


def replace_exercise(
    box: widgets.VBox, content: CourseContent, session: LearnerSession, exercise_id: str
) -> bool:
    """Put a fresh view of one exercise in place of the old one in a built module (its answer
    was cleared); the rest of the module, and anything typed there, stays as it is."""
    old = session.views.get(exercise_id)
    widget = getattr(old, "widget", None)
    if widget is None or widget not in box.children:
        return False
    context = ExerciseContext(content, lambda: session.stored, room_reader(session))
    view = build_exercise(content.exercises[exercise_id], session.save, context)
    _mark_language(content, exercise_id, view.widget)
    box.children = [view.widget if child is widget else child for child in box.children]
    session.register(exercise_id, view)
    close_tree(widget)
    return True


def close_tree(widget: widgets.Widget) -> None:
    """Close a widget and everything in it (ipywidgets' close() leaves the children open)."""
    for child in getattr(widget, "children", ()):
        close_tree(child)
    widget.close()


def room_reader(session: LearnerSession) -> ReadRoom | None:
    """What the room shared, for the ideas a learner votes on; a notebook on its own has no room."""
    if session.session_code == LOCAL_SESSION:
        return None
    code = session.session_code
    sessions, marks = SessionStore(session.store), IdeaMarks(session.store)

    def read(exercise_id: str) -> tuple[list[Any], Mapping[str, Any]]:
        answers = sessions.shared_answers(code, exercise_id)
        return counted_payloads(answers), marks.marks(code, exercise_id)

    return read


def _prose(markup: str) -> widgets.HTML:
    block = light.HTML(markup, classes=["cp-prose"])
    return block


def _overview(
    content: CourseContent, module: Module, minutes: int, position: int, count: int
) -> str:
    words = content.interface.moving
    items = "".join(f"<li>{html.escape(text)}</li>" for text in module.meta.objectives)
    line = plural(words.overview, minutes, content.course.language)
    line = line.format(position=position, count=count, minutes=minutes)
    return (
        f'<p class="cp-meta">{html.escape(line)}</p>'
        f'<p class="cp-meta">{html.escape(words.objectives_intro)}</p>'
        f"<ul{_lang_attributes(content, _meta_language(content, module))}>{items}</ul>"
    )


def _key_points(content: CourseContent, module: Module) -> str:
    items = "".join(f"<li>{html.escape(text)}</li>" for text in module.meta.key_points)
    heading = html.escape(content.interface.moving.key_points)
    marked = _lang_attributes(content, _meta_language(content, module))
    return f'<h3>{heading}</h3><ul class="cp-key-points"{marked}>{items}</ul>'


def _meta_language(content: CourseContent, module: Module) -> str:
    """The language module.yml's words (objectives, key points) are in: module.cy.yml's, or
    the course's own."""
    return module.meta_translation or content.course_language


def _not_translated(content: CourseContent, written: str) -> str:
    """Above a part shown in another language than the learner's: it is not translated yet."""
    if written == content.course.language:
        return ""
    name = name_in(written, content.course.language)
    text = content.interface.moving.not_translated.format(language=name)
    return f'<p class="cp-note cp-not-translated">{html.escape(text)}</p>'


def _mark_language(content: CourseContent, exercise_id: str, widget: widgets.Widget) -> None:
    """An exercise with no translation into the page's language is in the course's own: marked
    so, and the page puts it on the exercise as lang and dir (browser_identity.js), for a screen
    reader to read it in that language's voice."""
    if not content.own_language or exercise_id in content.translated:
        return
    written = content.course_language
    light.add_classes(widget, f"cp-lang-{written}", f"cp-dir-{text_direction(written)}")


def _lang_attributes(content: CourseContent, written: str) -> str:
    """` lang="en" dir="ltr"` for text written in another language than the page's; "" else.
    (module.yml's texts are in the course's own language unless module.<lang>.yml has them.)"""
    if written == content.course.language:
        return ""
    return f" {page_attributes(written)}"


def _in_language(content: CourseContent, written: str, markup: str) -> str:
    """Markup in another language than the page's, in a block that says which."""
    attributes = _lang_attributes(content, written)
    return f"<div{attributes}>{markup}</div>" if attributes and markup else markup
