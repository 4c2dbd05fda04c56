"""The action plan's follow-up day on the page: a labelled date box, a hint, polite refusals,
and a button that sends the day as a calendar file. Its words come from course/interface.yml."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import traitlets

from coproduce.content.interface import FollowUpText
from coproduce.content.model import PlanFollowUp
from coproduce.kinds.action_plan.checks import PlanEntry, format_date, parse_date
from coproduce.kinds.action_plan.follow_up import (
    ICS_FILENAME,
    ICS_TYPE,
    FollowUpCheck,
    build_ics,
    check_follow_up,
    event_description,
    window,
)
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import paragraphs
from coproduce.kinds.common.kernel_widget import KernelWidget
from coproduce.kinds.common.live_message import LiveMessage


class FollowUpPicker(widgets.DatePicker):
    """A date box whose min and max only guide the browser's calendar. ipywidgets would move a
    day outside them to the nearest allowed one without a word; here the kernel's check refuses
    it and says why, and the learner's choice is left as they made it."""

    @traitlets.validate("value")
    def _validate_value(self, proposal: Any) -> Any:
        return proposal["value"]


class CalendarDownload(KernelWidget):
    """A button; the calendar file is built in the kernel when it is pressed, then sent to it."""

    _esm = Path(__file__).with_name("view.js")
    label = traitlets.Unicode("").tag(sync=True)
    again = traitlets.Unicode("").tag(sync=True)  # before the link kept for a blocked download
    save_link = traitlets.Unicode("").tag(sync=True)  # that link's words
    filename = traitlets.Unicode(ICS_FILENAME).tag(sync=True)
    mime = traitlets.Unicode(ICS_TYPE).tag(sync=True)


class FollowUpPart:
    """The follow-up day's controls, and what the kernel makes of the day chosen."""

    def __init__(
        self,
        follow_up: PlanFollowUp,
        words: FollowUpText,
        on_change: Callable[[dict[str, Any]], None],
        today: Callable[[], date] = date.today,
        language: str = "en",
    ) -> None:
        self.follow_up = follow_up
        self.words = words
        self.today = today
        self.language = language  # the course's: its days are written that language's way
        earliest, latest = self.window()
        self.picker = FollowUpPicker(
            description=follow_up.label,
            min=earliest,
            max=latest,
            style=light.wide_label(FollowUpPicker),
            _dom_classes=("cp-plan-date", "cp-plan-follow-up"),
        )
        self.picker.observe(on_change, "value")
        hint = words.hint.format(
            earliest=format_date(earliest, language), latest=format_date(latest, language)
        )
        self.hint = light.HTML(paragraphs([hint], "cp-plan-note"))
        self.status = LiveMessage()
        self.download = CalendarDownload(label=words.calendar_button)
        self.download_status = LiveMessage()
        self.controls: list[widgets.Widget] = [self.picker, self.hint, self.status]
        self.downloads: list[widgets.Widget] = [self.download, self.download_status]

    def window(self) -> tuple[date, date]:
        return window(self.today(), self.follow_up.max_days)

    def checked(self) -> FollowUpCheck:
        return check_follow_up(self.picker.value, self.today(), self.follow_up.max_days)

    def refusal(self, check: FollowUpCheck) -> str:
        """The polite words for a day the kernel refused; '' for a good day or none."""
        earliest, latest = (format_date(day, self.language) for day in self.window())
        return {
            "": "",
            "not_a_date": self.words.not_a_date,
            "in_the_past": self.words.in_the_past.format(earliest=earliest),
            "too_far": self.words.too_far.format(latest=latest),
        }[check.problem]

    def show(self, check: FollowUpCheck) -> None:
        self.status.html = paragraphs([self.refusal(check)], "cp-note")

    def entry(self) -> PlanEntry:
        """The day in the plan file, as '3 March 2027'; empty unless it is a good day."""
        day = self.checked().day
        return PlanEntry(self.follow_up.label, format_date(day, self.language) if day else "")

    def calendar(self, course_title: str, plan: Sequence[PlanEntry]) -> str | None:
        """The calendar file for a good day; None, with the reason shown, for any other."""
        check = self.checked()
        self.show(check)
        if check.day is None:
            self.download_status.html = paragraphs(
                [self.refusal(check) or self.words.choose_first], "cp-note"
            )
            return None
        intro = self.words.event_intro.format(course=course_title)
        text = event_description(intro, plan)
        self.download_status.html = paragraphs(
            [self.words.calendar_sent.format(filename=ICS_FILENAME)]
        )
        return build_ics(day=check.day, title=self.words.event_title, description=text)

    def restore(self, raw: object) -> None:
        """A day from the store; one that is no date at all is dropped."""
        check = check_follow_up(raw, self.today(), self.follow_up.max_days)
        self.picker.value = None if check.problem == "not_a_date" else parse_date(raw)
        self.show(check)
