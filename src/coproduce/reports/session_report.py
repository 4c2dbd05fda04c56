"""After a session: one HTML report of who came, what the room said, and how the time went.

Only what the trainer could see live goes in: shared answers without names, counts for the
rest. Private answers (reflections not shared, power profiles, action plans) stay out. A result
made of fewer than K answers, and a role with fewer than K people, are held back here as they
are live (course.yml's min_answers_shown; see coproduce.live.anonymity).
"""

from __future__ import annotations

import html
from collections import defaultdict
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from coproduce.content import formats
from coproduce.content.agenda import planned_agenda
from coproduce.content.course import CourseContent
from coproduce.content.page import html_page
from coproduce.content.plurals import plural
from coproduce.content.timings import run_exercises
from coproduce.live.anonymity import held_back, named_counts, split_by_role
from coproduce.live.private_files import write_private_text
from coproduce.live.sessions import Move, SessionStore, SharedAnswer
from coproduce.live.store import ROOM_TRACKER
from coproduce.reports.live_results import (
    airtime_html,
    held_back_html,
    results_html,
    room_answers,
)
from coproduce.reports.room_answers import read_room

EVALUATION_PREFIX = "evaluation-"


def write_report(content: CourseContent, sessions: SessionStore, code: str, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    # Shared answers are the room's words: the report is for its owner to pass on, or not.
    return write_private_text(out, report_html(content, sessions, code))


def report_html(content: CourseContent, sessions: SessionStore, code: str) -> str:
    words = content.interface.report
    created = sessions.created_at(code)
    strong = f"<strong>{html.escape(code)}</strong>"
    if created:
        day = html.escape(formats.day(created, content.course.language))
        intro = html.escape(words.intro).format(code=strong, day=day)
    else:
        intro = html.escape(words.intro_undated).format(code=strong)
    parts = [
        f"<p>{intro}</p>",
        _attendance(content, sessions, code),
        _timings(content, sessions.moves(code)),
        _exercises(content, sessions, code, evaluation=True),
        _exercises(content, sessions, code, evaluation=False),
    ]
    title = words.title.format(course=content.course.title)
    return html_page(content.course, title, "".join(parts))


def _attendance(content: CourseContent, sessions: SessionStore, code: str) -> str:
    counts = sessions.attendance(code)
    total = sum(counts.values())
    needed = content.course.min_answers_shown
    words = content.interface.results
    report = content.interface.report
    split = split_by_role(named_counts(counts, content.role_name), needed, words.others)
    rows = "".join(
        f"<tr><td>{html.escape(role)}</td><td>{count}</td></tr>" for role, count in split.shown
    )
    small = f"<p>{html.escape(words.small_roles.format(needed=needed))}</p>" if split.merged else ""
    joined = plural(content.interface.trainer.joined, total, content.course.language)
    return (
        f"<h2>{html.escape(report.who_came)}</h2>"
        f"<p>{html.escape(joined.format(total=total))}</p>"
        f"<table><thead><tr>{_heads(report.role_heading, report.people_heading)}</tr></thead>"
        f"<tbody>{rows}</tbody></table>{small}"
    )


def _heads(*texts: str) -> str:
    return "".join(f'<th scope="col">{html.escape(text)}</th>' for text in texts)


def actual_minutes(moves: list[Move]) -> dict[str, float]:
    """Minutes the room spent in each module: from each move to the next one."""
    spent: dict[str, float] = defaultdict(float)
    for move, following in pairwise(moves):
        spent[move.module] += (following.at - move.at).total_seconds() / 60
    return dict(spent)


def _timings(content: CourseContent, moves: list[Move]) -> str:
    words = content.interface.report
    language = content.course.language
    spent = actual_minutes(moves)
    arrived: dict[str, datetime] = {}
    for move in moves:
        arrived.setdefault(move.module, move.at)
    rows = []
    for entry in planned_agenda(content):
        slug = entry.slug or ""
        started = formats.clock(arrived[slug], language) if slug in arrived else "-"
        used = f"{round(spent[slug])}" if slug in spent else "-"
        rows.append(
            f"<tr><td>{html.escape(entry.title)}</td><td>{html.escape(entry.starts)}</td>"
            f"<td>{html.escape(started)}</td>"
            f"<td>{entry.minutes}</td><td>{used}</td></tr>"
        )
    heads = _heads(
        words.part_heading,
        words.planned_start,
        words.actual_start,
        words.planned_minutes,
        words.actual_minutes,
    )
    return (
        f"<h2>{html.escape(words.timings_heading)}</h2><p>{html.escape(words.timings_note)}</p>"
        f"<table><thead><tr>{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _exercises(content: CourseContent, sessions: SessionStore, code: str, evaluation: bool) -> str:
    words = content.interface.report
    heading = html.escape(words.evaluation_heading if evaluation else words.results_heading)
    sections = []
    for slug in content.course.module_slugs:
        for exercise_id in run_exercises(content, content.modules[slug]):
            if exercise_id.startswith(EVALUATION_PREFIX) != evaluation:
                continue
            exercise = content.exercises[exercise_id]
            sections.append(_exercise_section(content, exercise, sessions, code))
    if evaluation:
        sections.insert(0, _room_airtime(content, sessions, code))
    if not any(sections):
        return f"<h2>{heading}</h2><p>{html.escape(words.none)}</p>" if evaluation else ""
    return f"<h2>{heading}</h2>{''.join(sections)}"


def _room_airtime(content: CourseContent, sessions: SessionStore, code: str) -> str:
    """The room's speaking time by role, if someone kept it: not one learner's answer, so no K."""
    found = room_airtime_answer(content, sessions, code)
    if found is None:
        return ""
    exercise, kept = found
    words = content.interface.room_airtime
    return (
        f"<h3>{html.escape(words.report_heading)}</h3><p>{html.escape(words.report_note)}</p>"
        + airtime_html(content, exercise, [kept])
    )


def room_airtime_answer(
    content: CourseContent, sessions: SessionStore, code: str
) -> tuple[Any, SharedAnswer] | None:
    """The room's airtime tracker and the times kept for it in this session, if any."""
    exercise_id = content.course.room_airtime
    if exercise_id is None:
        return None
    kept = sessions.store.load_answers(ROOM_TRACKER, session=code).get(exercise_id)
    if not isinstance(kept, dict):
        return None
    return content.exercises[exercise_id], SharedAnswer("room", kept, False)


def _exercise_section(
    content: CourseContent, exercise: Any, sessions: SessionStore, code: str
) -> str:
    words = content.interface.report
    title = f"<h3>{html.escape(exercise.title)}</h3>"
    answered = sessions.answer_count(code, exercise.id)
    said = plural(words.answered, answered, content.course.language).format(count=answered)
    count = f"<p>{html.escape(said)}</p>"
    room = read_room(sessions, code, exercise)
    if room is not None and exercise.kind == "knowledge_check":
        counted = room_answers(exercise, room.answers)
        if held_back(len(counted), content.course.min_answers_shown):
            return title + count + held_back_html(content, len(counted), live=False)
        right = sum(1 for answer in counted if answer.payload.get("correct") is True)
        return title + count + f"<p>{html.escape(words.right.format(right=right))}</p>"
    if room is not None:
        result = results_html(
            content, exercise, room.answers, live=False, before=room.before, marks=room.marks
        )
        return title + count + result
    return title + count + f"<p>{html.escape(words.private)}</p>"
