"""The words of the trainer app and the live room's controls, in course/interface.yml: the
trainer's screen, closing questions, results so far, co-trainer links, the room's speaking time."""

from __future__ import annotations

from typing import ClassVar

from coproduce.content.filled_in import FilledIn
from coproduce.content.plurals import PluralText


class QuestionsText(FilledIn):
    """Closing a shared question: what learners see, and the trainer app's controls for it."""

    slots: ClassVar[dict[str, set[str]]] = {
        "closes": {"time"},
        "clear_confirm": {"count"},
        "cleared": {"count"},
    }
    closed: str  # shown to learners above a closed question
    answers_cleared: str  # shown to learners above a question whose answers the trainer cleared
    not_saved: str  # said to a learner whose answer came after the question closed
    open: str  # the trainer app: the question takes answers
    closed_state: str  # the trainer app: the question is closed
    closes: str  # the trainer app: the question closes at {time}
    close: str
    reopen: str
    close_after: str  # the label of the minutes box
    close_after_button: str
    clear: str
    clear_confirm: PluralText  # by how many answers ({count})
    clear_yes: str
    clear_no: str
    cleared: PluralText


class ExportText(FilledIn):
    """The trainer app's results so far: the results CSV and the report, while live."""

    slots: ClassVar[dict[str, set[str]]] = {"ready": {"time"}}
    heading: str
    intro: str
    button: str
    ready: str
    csv: str
    report: str
    # The results CSV's cells (its column names are the same in every language).
    shown_yes: str
    shown_no: str
    seconds: str  # the unit of speaking time
    right: str  # a knowledge check's count of right answers
    not_right: str


class CoTrainerText(FilledIn):
    """The trainer app's co-trainer links: make one, show it once, stop it."""

    slots: ClassVar[dict[str, set[str]]] = {
        "made": {"label"},
        "qr": {"label"},
        "revoke": {"label"},
        "revoked": {"label"},
    }
    heading: str
    intro: str
    only_here: str  # the trainer app answers on this computer only: no link would work
    label: str
    make: str
    name_first: str
    made: str
    qr: str
    revoke: str
    revoked: str
    none: str
    active: str


class RoomAirtimeText(FilledIn):
    """The room's speaking time: in the trainer app, and in the session report."""

    heading: str
    intro: str
    not_saved: str
    report_heading: str
    report_note: str


class TrainerText(FilledIn):
    """The trainer app's own words, around the run-sheet, notes, timers and results."""

    slots: ClassVar[dict[str, set[str]]] = {
        "page_title": {"title"},
        "session_code": {"code"},
        "learners_open": {"link"},
        "qr_alt": {"link"},
        "joined": {"total"},
        "hide_answer": {"number"},
        "show_answer": {"number"},
    }
    page_title: str  # the trainer page's title: the course's {title}, said to be the trainer's
    session_code: str
    learners_open: str
    qr_alt: str
    move_heading: str
    move_to: str
    move: str
    move_next: str
    projector: str
    notes_heading: str
    timers_heading: str
    results_heading: str
    not_started: str
    no_timer: str
    nobody_joined: str
    joined: PluralText  # by the number who joined
    other_results: str
    no_shared: str
    nothing_here: str
    hide_answer: str
    show_answer: str
    hide_or_show: str
    not_served: str


class TerminalText(FilledIn):
    """What `coproduce serve` prints in the trainer's terminal (the session's line is the
    trainer app's `session_code`)."""

    slots: ClassVar[dict[str, set[str]]] = {
        "resuming": {"code"},
        "learner_link": {"link"},
        "trainer_link": {"link"},
        "port_in_use": {"port"},
    }
    resuming: str  # the server started again on the last session
    learner_link: str
    trainer_link: str
    port_in_use: str  # printed instead of starting, when another program holds a port
