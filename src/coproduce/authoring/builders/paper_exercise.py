"""Exercises on paper: the prompts and space to write, never the answers. The instructions
around them are the catalogue's (`paper:`), in the course's language."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from coproduce.content.course import CourseContent
from coproduce.content.lists import one_by_one
from coproduce.content.plurals import plural
from coproduce.kinds.activity_timer.checks import spoken_duration


def exercise_on_paper(exercise: Any, content: CourseContent) -> str:
    title = f"<h3>{html.escape(exercise.title)}</h3>"
    prompt = f"<p><strong>{html.escape(exercise.prompt)}</strong></p>"
    return f'<section class="exercise">{title}{prompt}{_body(exercise, content)}</section>'


def _boxes(options: list[str]) -> str:
    items = "".join(f'<li><span class="box"></span>{html.escape(text)}</li>' for text in options)
    return f'<ul class="choices" style="list-style:none;padding-inline-start:0">{items}</ul>'


def _lines(count: int) -> str:
    return '<div aria-hidden="true">' + '<div class="write-line"></div>' * count + "</div>"


def _table(heads: tuple[str, str], rows: Sequence[str]) -> str:
    cells = "".join(f"<tr><td>{html.escape(text)}</td><td></td></tr>" for text in rows)
    top = "".join(f"<th>{html.escape(text)}</th>" for text in heads)
    return f"<table><tr>{top}</tr>{cells}</table>"


def _body(exercise: Any, content: CourseContent) -> str:
    words = content.interface.paper
    language = content.course.language
    kind = exercise.kind
    if kind == "knowledge_check":
        return _boxes([option.text for option in exercise.options])
    if kind == "poll":
        return _boxes(exercise.options)
    if kind == "power_reflection":
        scale = one_by_one(exercise.scale, words.next_point, "points", "point")
        heads = (words.statement_heading, words.rating_heading)
        return f"<p>{html.escape(words.rate_each.format(scale=scale))}</p>" + _table(
            heads, [statement.text for statement in exercise.statements]
        )
    if kind == "ladder_placement":
        ladder = content.ladders.get(exercise.ladder)
        names = [rung.name for rung in ladder.rungs] if ladder else []
        rungs = one_by_one(names, words.next_rung, "rungs", "rung")
        heads = (words.situation_heading, words.rung_heading)
        return f"<p>{html.escape(words.rungs.format(rungs=rungs))}</p>" + _table(
            heads, [situation.text for situation in exercise.situations]
        )
    if kind == "jargon_buster":
        return f"<blockquote>{html.escape(exercise.passage)}</blockquote>{_lines(6)}"
    if kind == "activity_timer":
        timer = content.interface.activity_timer
        steps = "".join(
            "<li>"
            + html.escape(words.phase).format(
                name=f"<strong>{html.escape(phase.name)}</strong>",
                length=html.escape(spoken_duration(phase.seconds, timer, language)),
                instruction=html.escape(phase.instruction),
            )
            + "</li>"
            for phase in exercise.phases
        )
        return f"<ol>{steps}</ol>"
    if kind == "action_plan":
        labels = [(q.label, 3) for q in exercise.questions]
        if exercise.follow_up is not None:
            labels.append((exercise.follow_up.label, 1))
        return "".join(f"<p>{html.escape(label)}</p>{_lines(n)}" for label, n in labels)
    if kind == "ideas":
        most, votes = exercise.max_ideas, exercise.votes
        write = plural(words.ideas, most, language).format(count=most)
        dots = plural(words.dots, votes, language).format(votes=votes)
        return f"<p>{html.escape(write)}</p><p>{html.escape(dots)}</p>{_lines(2 * most)}"
    if kind == "word_list":
        most = exercise.max_words
        write = plural(words.words, most, language).format(count=most)
        return f"<p>{html.escape(write)}</p>{_lines(most)}"
    return _lines(5)
