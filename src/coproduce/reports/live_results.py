"""The room's results for each shared exercise, as escaped HTML with text alternatives.

Only answers a learner chose to share reach here (shared kinds, or reflections ticked
"share"), never with a name; hidden answers are left out of what the room sees. A result made of
fewer than K answers (course.yml's min_answers_shown) is held back here, where it is built: the
page, the report and the results export get the waiting words instead, never the answers (see
coproduce.live.anonymity).
"""

from __future__ import annotations

import functools
import html
from collections import Counter
from collections.abc import Mapping
from typing import Any

from coproduce.content import formats
from coproduce.content.course import CourseContent
from coproduce.content.lists import one_by_one
from coproduce.content.plurals import plural
from coproduce.kinds.airtime_tracker.checks import airtime, equal_share
from coproduce.kinds.common.bar_chart import Bar, Reference, bar_chart, percent_of
from coproduce.kinds.common.rather_not_say import would_rather_not_say
from coproduce.kinds.ideas.checks import Mark, stored_ideas
from coproduce.kinds.ideas.results import TOP, ideas_counted, ideas_html, shown_ideas
from coproduce.kinds.rating_scale.checks import stored_rating
from coproduce.kinds.rating_scale.results import rating_html, ratings_of
from coproduce.live.anonymity import counted_answers, held_back
from coproduce.live.sessions import SessionStore, SharedAnswer
from coproduce.text.clean import clean_line, clean_text

# Shown live when shared; a reflection is live when a learner may share it (is_live).
LIVE_KINDS = {"poll", "rating_scale", "word_list", "ideas", "ladder_placement", "airtime_tracker"}


def is_live(exercise: Any) -> bool:
    """Shown live: shared kinds, and reflections (only the answers a learner shared)."""
    if exercise.kind == "reflection":
        return bool(exercise.can_share)
    return exercise.kind in LIVE_KINDS and exercise.visibility == "shared"


def closable(exercise: Any) -> bool:
    """A question the trainer can close: shared with the room, and not a tool (airtime)."""
    return is_live(exercise) and exercise.kind != "airtime_tracker"


def visible(answers: list[SharedAnswer]) -> list[SharedAnswer]:
    return [answer for answer in answers if not answer.hidden]


def shared_texts(answers: list[SharedAnswer]) -> list[SharedAnswer]:
    """Reflections the learner chose to share, with text in them."""
    return [
        answer
        for answer in answers
        if answer.payload.get("shared") is True
        and not answer.payload.get("skipped")
        and clean_text(answer.payload.get("text")).text.strip()
    ]


def adds_to_result(exercise: Any, answer: SharedAnswer) -> bool:
    """Does this answer put something in the room's result? Only those count towards K."""
    payload = answer.payload
    kind = exercise.kind
    if kind == "poll":
        choice = payload.get("choice")
        return type(choice) is int and 0 <= choice < len(exercise.options)
    if kind == "rating_scale":
        return stored_rating(payload, len(exercise.scale)) is not None
    if kind == "word_list":
        words = payload.get("words")
        return isinstance(words, list) and any(clean_line(word) for word in words)
    if kind == "ideas":
        return bool(stored_ideas(payload))
    if kind == "ladder_placement":
        placements = payload.get("placements")
        return isinstance(placements, list) and any(isinstance(p, str) for p in placements)
    if kind == "airtime_tracker":
        return airtime(payload.get("seconds"), exercise.roles).total_seconds > 0
    if kind == "reflection":
        return bool(shared_texts([answer]))
    if kind == "knowledge_check":
        return isinstance(payload.get("correct"), bool)
    return False


def counted_payloads(answers: list[SharedAnswer]) -> list[Any]:
    """The payloads of answers on show (an answer the trainer hid is out of the result)."""
    return [answer.payload for answer in answers if not answer.hidden]


def room_answers(exercise: Any, answers: list[SharedAnswer]) -> list[SharedAnswer]:
    """The answers the room's result is made of: shown, and putting something in."""
    return counted_answers(answers, lambda answer: adds_to_result(exercise, answer))


def held_back_html(content: CourseContent, count: int, live: bool) -> str:
    """Said instead of a result made of too few answers: waiting (live) or too few (after)."""
    words = content.interface.results
    needed, language = content.course.min_answers_shown, content.course.language
    text = (
        plural(words.waiting, needed, language).format(needed=needed, count=count)
        if live
        else plural(words.too_few, needed, language).format(needed=needed)
    )
    return f'<p class="cp-results-waiting">{html.escape(text)}</p>'


def results_html(
    content: CourseContent,
    exercise: Any,
    answers: list[SharedAnswer],
    *,
    live: bool = True,
    before: list[SharedAnswer] | None = None,
    marks: Mapping[str, Mark] | None = None,
) -> str:
    """The room's result for one exercise, or the waiting words while fewer than K are in.

    `live` is the trainer app and projected view (the waiting words); the report says
    instead that too few answered. `before` holds the answers to the question this one repeats
    (a rating asked at the start and the end), shown beside it once K of them are in too.
    `marks` are the trainer's hidden and merged ideas (an ideas question).
    """
    if exercise.kind == "ideas":
        return _ideas_result(content, exercise, answers, marks or {}, live)
    counted = room_answers(exercise, answers)
    if held_back(len(counted), content.course.min_answers_shown):
        return held_back_html(content, len(counted), live)
    return _result_html(content, exercise, counted, before) + passed_html(content, answers)


def _result_html(
    content: CourseContent,
    exercise: Any,
    counted: list[SharedAnswer],
    before: list[SharedAnswer] | None = None,
) -> str:
    kind = exercise.kind
    if kind == "poll":
        return poll_html(content, exercise, counted)
    if kind == "rating_scale":
        return rating_html(
            content.interface.rating,
            exercise,
            ratings_of(exercise, [answer.payload for answer in counted]),
            _earlier_ratings(content, exercise, before),
            content.interface.charts,
        )
    if kind == "word_list":
        return word_list_html(content, counted)
    if kind == "ladder_placement":
        return ladder_html(content, exercise, counted)
    if kind == "airtime_tracker":
        return airtime_html(content, exercise, counted)
    if kind == "reflection":
        return reflections_html(content, shared_texts(counted))
    return ""


def _ideas_result(
    content: CourseContent,
    exercise: Any,
    answers: list[SharedAnswer],
    marks: Mapping[str, Mark],
    live: bool,
) -> str:
    """Ideas count towards K by their authors: an idea on show, from K people or more."""
    payloads = counted_payloads(answers)
    authors = ideas_counted(payloads, marks)
    if held_back(authors, content.course.min_answers_shown):
        return held_back_html(content, authors, live)
    ideas = shown_ideas(payloads, marks, exercise.votes)
    words = content.interface.ideas
    top = TOP if live else None
    charts = content.interface.charts
    return ideas_html(words, ideas, authors, top, charts) + passed_html(content, answers)


def paired_answers(sessions: SessionStore, code: str, exercise: Any) -> list[SharedAnswer] | None:
    """The answers to the question this one repeats (a rating's `before`), if it repeats one."""
    earlier = getattr(exercise, "before", None)
    return sessions.shared_answers(code, earlier) if earlier else None


def _earlier_ratings(
    content: CourseContent, exercise: Any, before: list[SharedAnswer] | None
) -> list[int] | None:
    """The earlier question's ratings, or None while fewer than K of them are in (or none)."""
    earlier = content.exercises.get(getattr(exercise, "before", None) or "")
    if earlier is None or before is None:
        return None
    counted = room_answers(earlier, before)
    if held_back(len(counted), content.course.min_answers_shown):
        return None
    return ratings_of(earlier, [answer.payload for answer in counted])


def rather_not_say_count(answers: list[SharedAnswer]) -> int:
    """How many would rather not say: counted apart, never in the result, never towards K."""
    return sum(1 for answer in visible(answers) if would_rather_not_say(answer.payload))


def passed_html(content: CourseContent, answers: list[SharedAnswer]) -> str:
    count = rather_not_say_count(answers)
    if not count:
        return ""
    words = content.interface.passing.count.format(count=count)
    return f'<p class="cp-rather-not-say-count">{html.escape(words)}</p>'


def poll_votes(exercise: Any, answers: list[SharedAnswer]) -> list[tuple[str, int]]:
    """Each option with its votes, in the poll's order."""
    votes = Counter(
        answer.payload.get("choice") for answer in answers if adds_to_result(exercise, answer)
    )
    return [(option, votes.get(index, 0)) for index, option in enumerate(exercise.options)]


def word_counts(answers: list[SharedAnswer]) -> list[tuple[str, int]]:
    """Each word as first written, with how many people gave it, most given first."""
    counts: Counter[str] = Counter()
    shown_as: dict[str, str] = {}
    for answer in answers:
        words = answer.payload.get("words")
        for word in words if isinstance(words, list) else []:
            # Cleaned again as it is shown: a store written by an older kit may hold anything.
            shown = clean_line(word)
            if shown:
                key = shown.lower()
                counts[key] += 1
                shown_as.setdefault(key, shown)
    return [(shown_as[key], count) for key, count in counts.most_common()]


def ladder_counts(
    content: CourseContent, exercise: Any, answers: list[SharedAnswer]
) -> list[tuple[str, list[tuple[str, int]]]]:
    """Each situation with the rungs the room placed it on, and how many placed it there."""
    ladder = content.ladders.get(exercise.ladder)
    if ladder is None:
        return []
    names = {rung.id: rung.name for rung in ladder.rungs}
    found = []
    for index, situation in enumerate(exercise.situations):
        placed: Counter[str] = Counter()
        for answer in answers:
            placements = answer.payload.get("placements")
            if isinstance(placements, list) and index < len(placements):
                rung = placements[index]
                if isinstance(rung, str) and rung in names:
                    placed[names[rung]] += 1
        found.append((situation.text, placed.most_common()))
    return found


def airtime_totals(exercise: Any, answers: list[SharedAnswer]) -> dict[str, float]:
    """Seconds of speaking per role, all groups together."""
    totals: dict[str, float] = dict.fromkeys(exercise.roles, 0.0)
    for answer in answers:
        for share in airtime(answer.payload.get("seconds"), exercise.roles).shares:
            totals[share.role] = totals.get(share.role, 0.0) + share.seconds
    return totals


def _counted(content: CourseContent, text: Any, count: int, **slots: Any) -> str:
    """A text that changes with a number, in its form for `count` in the course's language."""
    return plural(text, count, content.course.language).format(count=count, **slots)


def poll_html(content: CourseContent, exercise: Any, answers: list[SharedAnswer]) -> str:
    words = content.interface.room_results
    votes = poll_votes(exercise, answers)
    total = sum(count for _, count in votes)
    bars = [Bar(option, count, _counted(content, words.votes, count)) for option, count in votes]
    return bar_chart(
        bars if total else [],
        caption=_counted(content, words.votes_caption, total),
        maximum=max([1, *(count for _, count in votes)]),
        headings=(words.answer_heading, words.votes_heading),
        empty_text=words.no_votes,
        words=content.interface.charts,
    )


def word_list_html(content: CourseContent, answers: list[SharedAnswer]) -> str:
    words = content.interface.room_results
    counts = word_counts(answers)
    if not counts:
        return f"<p>{html.escape(words.no_words)}</p>"
    items = "".join(
        f"<li>{html.escape(_counted(content, words.word_count, count, word=word))}</li>"
        for word, count in counts
    )
    return f'<ul class="cp-word-list">{items}</ul>'


def ladder_html(content: CourseContent, exercise: Any, answers: list[SharedAnswer]) -> str:
    if content.ladders.get(exercise.ladder) is None:
        return ""
    words = content.interface.room_results
    rows = []
    for situation, placed in ladder_counts(content, exercise, answers):
        places = [words.placed.format(rung=name, count=count) for name, count in placed]
        where = html.escape(one_by_one(places, words.next_placed, "places", "place"))
        rows.append(f"<tr><td>{html.escape(situation)}</td><td>{where or '-'}</td></tr>")
    head = (words.situation_heading, words.placed_heading)
    cells = "".join(f'<th scope="col">{html.escape(text)}</th>' for text in head)
    table = '<table class="cp-ladder-results">'
    return f"{table}<thead><tr>{cells}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def airtime_html(content: CourseContent, exercise: Any, answers: list[SharedAnswer]) -> str:
    words = content.interface.room_results
    totals = airtime_totals(exercise, answers)
    grand = sum(totals.values())
    equal = equal_share(len(exercise.roles))
    shown = functools.partial(formats.percent, language=content.course.language)
    bars = [
        Bar(
            exercise.shown("roles", role),
            percent_of(totals[role], grand),
            shown(round(100 * totals[role] / grand)),
        )
        for role in (exercise.roles if grand else [])
    ]
    return bar_chart(
        bars,
        caption=words.airtime_caption,
        maximum=100,
        headings=(words.role_heading, words.share_heading),
        reference=Reference(100 * equal, words.equal_share, shown(round(100 * equal))),
        empty_text=words.no_timings,
        words=content.interface.charts,
    )


def reflections_html(content: CourseContent, answers: list[SharedAnswer]) -> str:
    if not answers:
        return f"<p>{html.escape(content.interface.room_results.nothing_shared)}</p>"
    items = "".join(
        f"<li><blockquote>{html.escape(clean_text(answer.payload['text']).text)}</blockquote></li>"
        for answer in answers
    )
    return f'<ul class="cp-shared-texts">{items}</ul>'
