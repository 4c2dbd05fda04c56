"""The action plan's follow-up day: checking the day a learner chose, and the calendar file.

Plain functions, no widgets. The day is checked here, in the kernel, whatever the browser's
date box allowed: a real date, not before today, not more than `max_days` ahead. The calendar
file is RFC 5545 iCalendar, written by the `icalendar` library, which escapes the learner's
words (commas, semicolons, backslashes, line breaks) and folds long lines as the standard asks.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from coproduce.kinds.action_plan.checks import PlanEntry, parse_date
from coproduce.text.clean import clean_text

ICS_FILENAME = "my-action-plan-follow-up.ics"
ICS_TYPE = "text/calendar;charset=utf-8"
PRODUCT_ID = "-//coproduce//action plan follow-up//EN"
REMIND_AT = timedelta(hours=9)  # the reminder: 09:00 on the day, in the learner's own time

Problem = Literal["", "not_a_date", "in_the_past", "too_far"]


@dataclass(frozen=True)
class FollowUpCheck:
    """The day, if it is a good one; else what is wrong with it ('' when none was chosen)."""

    day: date | None
    problem: Problem = ""


def window(today: date, max_days: int) -> tuple[date, date]:
    """The first and last days a learner may choose."""
    return today, today + timedelta(days=max_days)


def check_follow_up(raw: object, today: date, max_days: int) -> FollowUpCheck:
    """A day from the date box or the store: a date, or 'YYYY-MM-DD'; nothing is no day."""
    if raw is None or raw == "":
        return FollowUpCheck(None)
    if isinstance(raw, datetime):
        return FollowUpCheck(None, "not_a_date")
    day = raw if isinstance(raw, date) else parse_date(raw)
    if day is None:
        return FollowUpCheck(None, "not_a_date")
    earliest, latest = window(today, max_days)
    if day < earliest:
        return FollowUpCheck(None, "in_the_past")
    if day > latest:
        return FollowUpCheck(None, "too_far")
    return FollowUpCheck(day)


def event_description(intro: str, plan: Sequence[PlanEntry]) -> str:
    """The calendar entry's text: the intro, then each answered question and its answer.

    Cleaned as all learner text is: a calendar's text has line breaks but no carriage returns.
    """
    parts = [intro.strip()]
    parts += [f"{entry.heading}\n{entry.text.strip()}" for entry in plan if entry.text.strip()]
    return clean_text("\n\n".join(part for part in parts if part)).text


def build_ics(
    *,
    day: date,
    title: str,
    description: str,
    now: datetime | None = None,
    uid: str | None = None,
) -> str:
    """One all-day event on `day`, with a reminder that morning, as an iCalendar file."""
    from icalendar import Alarm, Calendar, Event  # only when a learner asks for the file

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid or f"{uuid.uuid4()}@coproduce")
    event.add("dtstamp", now or datetime.now(UTC))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", title)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", REMIND_AT)
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
