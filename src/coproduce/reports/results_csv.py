"""The room's results as one CSV: what the room saw, no names, held back under K answers.

Written by `coproduce session export` after a session and offered by the trainer app during it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from coproduce.content.course import CourseContent
from coproduce.content.plurals import plural
from coproduce.content.timings import run_exercises
from coproduce.kinds.ideas.checks import Mark
from coproduce.kinds.ideas.results import idea_rows, ideas_counted, shown_ideas
from coproduce.kinds.rating_scale.results import rating_rows, ratings_of
from coproduce.live.anonymity import held_back
from coproduce.live.sessions import SessionStore, SharedAnswer
from coproduce.reports.live_results import (
    airtime_totals,
    counted_payloads,
    ladder_counts,
    poll_votes,
    rather_not_say_count,
    room_answers,
    shared_texts,
    word_counts,
)
from coproduce.reports.room_answers import read_room
from coproduce.reports.session_report import room_airtime_answer
from coproduce.text.clean import clean_text
from coproduce.text.spreadsheet import spreadsheet_row


def results_csv_text(content: CourseContent, sessions: SessionStore, code: str) -> str:
    sink = io.StringIO(newline="")
    writer = csv.DictWriter(sink, fieldnames=RESULT_COLUMNS)
    writer.writeheader()
    writer.writerows(spreadsheet_row(row) for row in room_results_rows(content, sessions, code))
    return sink.getvalue()


def room_results_rows(
    content: CourseContent, sessions: SessionStore, code: str
) -> list[dict[str, Any]]:
    """The room's results as the report shows them, as rows for the results export."""
    rows: list[dict[str, Any]] = []
    for slug in content.course.module_slugs:
        for exercise_id in run_exercises(content, content.modules[slug]):
            exercise = content.exercises[exercise_id]
            room = read_room(sessions, code, exercise)
            if room is not None:
                rows += results_rows(content, exercise, room.answers, room.marks)
    return rows + _room_airtime_rows(content, sessions, code)


def _room_airtime_rows(
    content: CourseContent, sessions: SessionStore, code: str
) -> list[dict[str, Any]]:
    """The room's speaking time by role, as the report shows it (the room's, so no K)."""
    found = room_airtime_answer(content, sessions, code)
    if found is None:
        return []
    exercise, kept = found
    words = content.interface.export
    base = {"exercise": exercise.id, "title": exercise.title, "answers_counted": 1}
    return [
        {**base, "shown": words.shown_yes, "item": role, "detail": words.seconds}
        | {"value": round(seconds)}
        for role, seconds in airtime_totals(exercise, [kept]).items()
    ]


RESULT_COLUMNS = ("exercise", "title", "answers_counted", "shown", "item", "detail", "value")


def results_rows(
    content: CourseContent,
    exercise: Any,
    answers: list[SharedAnswer],
    marks: Mapping[str, Mark] | None = None,
) -> list[dict[str, Any]]:
    """The room's result for one exercise as spreadsheet rows, held back like the page under K.

    One row per option, word, placement, role or shared text; under K, one row that says
    too few answered and holds no answer.
    """
    counted = room_answers(exercise, answers)
    payloads = counted_payloads(answers)
    count = ideas_counted(payloads, marks or {}) if exercise.kind == "ideas" else len(counted)
    base = {"exercise": exercise.id, "title": exercise.title, "answers_counted": count}
    said = content.interface.export
    if held_back(count, content.course.min_answers_shown):
        needed = content.course.min_answers_shown
        words = plural(content.interface.results.too_few, needed, content.course.language)
        text = words.format(needed=needed)
        return [{**base, "shown": said.shown_no, "item": text, "detail": "", "value": ""}]
    found: list[tuple[str, str, Any]] = []
    kind = exercise.kind
    if kind == "poll":
        found = [(option, "", votes) for option, votes in poll_votes(exercise, counted)]
    elif kind == "rating_scale":
        ratings = ratings_of(exercise, [answer.payload for answer in counted])
        found = rating_rows(content.interface.rating, exercise, ratings)
    elif kind == "word_list":
        found = [(word, "", people) for word, people in word_counts(counted)]
    elif kind == "ideas":
        join = content.interface.ideas.next_merged
        found = idea_rows(shown_ideas(payloads, marks or {}, exercise.votes), join)
    elif kind == "ladder_placement":
        found = [
            (situation, rung, placed)
            for situation, rungs in ladder_counts(content, exercise, counted)
            for rung, placed in rungs
        ]
    elif kind == "airtime_tracker":
        found = [
            (role, said.seconds, round(seconds))
            for role, seconds in airtime_totals(exercise, counted).items()
        ]
    elif kind == "reflection":
        found = [(clean_text(a.payload["text"]).text, "", "") for a in shared_texts(counted)]
    elif kind == "knowledge_check":
        right = sum(1 for answer in counted if answer.payload.get("correct") is True)
        found = [(said.right, "", right), (said.not_right, "", len(counted) - right)]
    passed = rather_not_say_count(answers)
    if passed:
        found.append((content.interface.passing.item, "", passed))
    return [
        {**base, "shown": said.shown_yes, "item": item, "detail": detail, "value": value}
        for item, detail, value in found
    ]
