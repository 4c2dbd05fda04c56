"""What the learner will do differently, and by when; downloadable as one HTML file to keep."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import traitlets

from coproduce.content.model import ActionPlan
from coproduce.kinds.action_plan.checks import (
    MAX_ANSWER_CHARS,
    PLAN_FILENAME,
    PlanEntry,
    build_plan_html,
    clean_answers,
    parse_date,
    plan_entries,
    reflection_entries,
)
from coproduce.kinds.action_plan.follow_up_view import FollowUpPart
from coproduce.kinds.common import light_widgets as light
from coproduce.kinds.common.frame import ExerciseContext, SaveAnswer, exercise_frame, paragraphs
from coproduce.kinds.common.kernel_widget import KernelWidget
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.text.clean import clean_text

SAVE_AFTER_QUIET_SECONDS = 1.0


class PlanDownload(KernelWidget):
    """A button; the file is built in the kernel only when it is pressed, then sent to it.

    The page sends the press as a message; it can change no trait (not the file's name).
    """

    _esm = Path(__file__).with_name("view.js")
    label = traitlets.Unicode("").tag(sync=True)
    again = traitlets.Unicode("").tag(sync=True)  # before the link kept for a blocked download
    save_link = traitlets.Unicode("").tag(sync=True)  # that link's words
    filename = traitlets.Unicode(PLAN_FILENAME).tag(sync=True)
    mime = traitlets.Unicode("text/html;charset=utf-8").tag(sync=True)


class ActionPlanView:
    """Saves {"answers": {question id: text}} a moment after the learner stops typing."""

    def __init__(self, exercise: ActionPlan, save: SaveAnswer, context: ExerciseContext) -> None:
        self.exercise = exercise
        self.context = context
        self.words = words = context.content.interface.action_plan
        self._save = save
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._restoring = False
        self.inputs: dict[str, widgets.Textarea | widgets.DatePicker] = {}
        for question in exercise.questions:
            control: widgets.Textarea | widgets.DatePicker
            if question.kind == "date":
                control = widgets.DatePicker(
                    description=question.label,
                    style=light.wide_label(widgets.DatePicker),
                    _dom_classes=("cp-plan-date",),
                )
            else:
                control = light.Textarea(
                    description=question.label,
                    rows=3,
                    layout=light.full_width(),
                    style=light.wide_label(light.Textarea),
                    classes=["cp-textarea", "cp-plan-text"],
                )
            control.observe(self._on_change, "value")
            self.inputs[question.id] = control
        self.status = LiveMessage()
        self.download = PlanDownload(
            label=words.download,
            again=words.if_nothing,
            save_link=words.save_link.format(filename=PLAN_FILENAME),
        )
        self.download.on_msg(self._on_message)
        self.download_status = LiveMessage()
        self.follow_up: FollowUpPart | None = None
        if exercise.follow_up is not None:
            follow_up_words = context.content.interface.follow_up
            self.follow_up = FollowUpPart(
                exercise.follow_up,
                follow_up_words,
                self._on_change,
                language=context.content.course.language,
            )
            calendar = self.follow_up.download
            calendar.again = words.if_nothing
            calendar.save_link = words.save_link.format(filename=calendar.filename)
            calendar.on_msg(self._on_calendar_message)
        controls = self.follow_up.controls if self.follow_up else []
        downloads = self.follow_up.downloads if self.follow_up else []
        notes = [words.only_you]
        if exercise.include_reflections:
            notes.append(words.with_notes)
        intro = light.HTML(paragraphs([exercise.prompt]) + paragraphs(notes, "cp-plan-note"))
        self.widget = exercise_frame(
            exercise.title,
            [
                intro,
                *self.inputs.values(),
                *controls,
                self.status,
                self.download,
                self.download_status,
                *downloads,
            ],
            classes=["cp-action-plan"],
        )

    def _on_change(self, _change: dict[str, Any]) -> None:
        if self._restoring:
            return
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(SAVE_AFTER_QUIET_SECONDS, self.save_now)
            self._timer.daemon = True
            self._timer.start()

    def answers(self) -> tuple[dict[str, str], bool]:
        """The answers as they stand, cleaned; and whether any text was cut to fit."""
        raw: dict[str, Any] = {}
        cut = False
        for question_id, control in self.inputs.items():
            value = control.value
            if isinstance(value, date):
                raw[question_id] = value.isoformat()
            elif isinstance(value, str):
                cleaned = clean_text(value, MAX_ANSWER_CHARS)
                cut = cut or cleaned.was_cut
                raw[question_id] = cleaned.text
        return clean_answers(raw, self.exercise.questions), cut

    def save_now(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        answers, cut = self.answers()
        answer: dict[str, Any] = {"answers": answers}
        if self.follow_up is not None:
            # Only a day the kernel's check takes is kept; any other is refused, and says why.
            check = self.follow_up.checked()
            self.follow_up.show(check)
            answer["follow_up"] = check.day.isoformat() if check.day else ""
        problem = self._save(self.exercise.id, answer)
        if problem:
            self.status.html = paragraphs([problem], "cp-note")
        elif cut:
            cut_note = self.words.saved_cut.format(max_chars=MAX_ANSWER_CHARS)
            self.status.html = paragraphs([cut_note], "cp-note")
        else:
            self.status.html = paragraphs([self.words.saved], "cp-saved")

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("action") == "download":
            self.send_plan()

    def _on_calendar_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("action") == "download":
            self.send_calendar()

    def _course_title(self) -> str:
        return self.context.content.course.title

    def plan(self) -> list[PlanEntry]:
        """The learner's answers as headed entries, with the follow-up day last."""
        answers, _cut = self.answers()
        language = self.context.content.course.language
        entries = plan_entries(self.exercise.questions, answers, language)
        if self.follow_up is not None:
            entries.append(self.follow_up.entry())
        return entries

    def send_calendar(self) -> None:
        """The follow-up day as a calendar file, sent to this learner's page only."""
        if self.follow_up is None:
            return
        self.save_now()
        calendar = self.follow_up.calendar(self._course_title(), self.plan())
        if calendar is not None:
            self.follow_up.download.send({"kind": "plan-file", "text": calendar})

    def plan_html(self, today: date | None = None) -> str:
        """The file the learner keeps, built from their answers as they are now."""
        reflections = None
        content = self.context.content
        course = content.course
        if self.exercise.include_reflections:
            order = [
                exercise_id
                for module in content.ordered_modules()
                for exercise_id in module.meta.exercises
            ]
            reflections = reflection_entries(content.exercises, self.context.answers(), order)
        return build_plan_html(
            title=self.words.title,
            course_title=course.title,
            language=course.language,
            plan=self.plan(),
            reflections=reflections,
            made_on=today or date.today(),
            words=self.words,
        )

    def send_plan(self) -> None:
        self.save_now()
        self.download.send({"kind": "plan-file", "html": self.plan_html()})
        self.download_status.html = paragraphs(
            [self.words.on_its_way.format(filename=PLAN_FILENAME)]
        )

    def restore(self, answer: dict[str, Any]) -> None:
        found = answer.get("answers") if isinstance(answer, dict) else None
        answers = clean_answers(found, self.exercise.questions)
        self._restoring = True
        try:
            for question in self.exercise.questions:
                control = self.inputs[question.id]
                value = answers.get(question.id, "")
                if isinstance(control, widgets.DatePicker):
                    control.value = parse_date(value)
                else:
                    control.value = value
            if self.follow_up is not None:
                raw = answer.get("follow_up") if isinstance(answer, dict) else None
                self.follow_up.restore(raw)
        finally:
            self._restoring = False
