"""Exercises on paper: the prompts and space to write, never the answers."""

from __future__ import annotations

import html
from typing import Any

from coproduce.content.course import CourseContent


def exercise_on_paper(exercise: Any, content: CourseContent) -> str:
    title = f"<h3>{html.escape(exercise.title)}</h3>"
    prompt = f"<p><strong>{html.escape(exercise.prompt)}</strong></p>"
    return f'<section class="exercise">{title}{prompt}{_body(exercise, content)}</section>'


def _boxes(options: list[str]) -> str:
    items = "".join(f'<li><span class="box"></span>{html.escape(text)}</li>' for text in options)
    return f'<ul class="choices" style="list-style:none;padding-inline-start:0">{items}</ul>'


def _lines(count: int) -> str:
    return '<div aria-hidden="true">' + '<div class="write-line"></div>' * count + "</div>"


def _body(exercise: Any, content: CourseContent) -> str:
    kind = exercise.kind
    if kind == "knowledge_check":
        return _boxes([option.text for option in exercise.options])
    if kind == "poll":
        return _boxes(exercise.options)
    if kind == "power_reflection":
        scale = " / ".join(exercise.scale)
        rows = "".join(
            f"<tr><td>{html.escape(s.text)}</td><td></td></tr>" for s in exercise.statements
        )
        return (
            f"<p>Rate each statement: {html.escape(scale)}.</p>"
            f"<table><tr><th>Statement</th><th>Your rating</th></tr>{rows}</table>"
        )
    if kind == "ladder_placement":
        ladder = content.ladders.get(exercise.ladder)
        rungs = ", ".join(rung.name for rung in ladder.rungs) if ladder else ""
        rows = "".join(
            f"<tr><td>{html.escape(s.text)}</td><td></td></tr>" for s in exercise.situations
        )
        return (
            f"<p>Rungs, from the bottom: {html.escape(rungs)}.</p>"
            f"<table><tr><th>Situation</th><th>Rung</th></tr>{rows}</table>"
        )
    if kind == "jargon_buster":
        return f"<blockquote>{html.escape(exercise.passage)}</blockquote>{_lines(6)}"
    if kind == "activity_timer":
        steps = "".join(
            f"<li><strong>{html.escape(p.name)}</strong> ({p.seconds // 60 or 1} min): "
            f"{html.escape(p.instruction)}</li>"
            for p in exercise.phases
        )
        return f"<ol>{steps}</ol>"
    if kind == "action_plan":
        labels = [(q.label, 3) for q in exercise.questions]
        if exercise.follow_up is not None:
            labels.append((exercise.follow_up.label, 1))
        return "".join(f"<p>{html.escape(label)}</p>{_lines(n)}" for label, n in labels)
    if kind == "ideas":
        return (
            f"<p>Write up to {exercise.max_ideas} ideas, one to a sticky note, and put them up. "
            f"Then each person puts {exercise.votes} dots on the ideas they like best.</p>"
            f"{_lines(2 * exercise.max_ideas)}"
        )
    if kind == "word_list":
        return f"<p>Write up to {exercise.max_words} words.</p>{_lines(exercise.max_words)}"
    return _lines(5)
