"""The shape of course/interface.yml: the learner app's own words, around the modules.

Every field is required, so the words live in the course's data and nowhere in Python. A text
that the app fills in (a session code, a module title) names its slot in braces; the check
below keeps those slots exactly as the app expects them.
"""

from __future__ import annotations

from typing import ClassVar

from coproduce.content.activity_words import (
    ActionPlanText,
    ActivityTimerText,
    JargonBusterText,
    LadderText,
)
from coproduce.content.feedback_words import CertificateText, FeedbackText
from coproduce.content.filled_in import FilledIn
from coproduce.content.ideas_words import IdeasText
from coproduce.content.kind_words import (
    AirtimeTrackerText,
    CharactersText,
    ChartText,
    ChoicesText,
    KnowledgeCheckText,
    PollText,
    PowerReflectionText,
    ReflectionText,
    RoomResultsText,
    WordListText,
)
from coproduce.content.model import Strict
from coproduce.content.pack_words import PackText, PaperText
from coproduce.content.payment_words import PaymentPlannerText, UnitText
from coproduce.content.plurals import PluralText, forms
from coproduce.content.report_words import ReportText
from coproduce.content.run_sheet_words import RunSheetWords
from coproduce.content.trainer_words import (
    CoTrainerText,
    ExportText,
    QuestionsText,
    RoomAirtimeText,
    TerminalText,
    TrainerText,
)


class PageText(FilledIn):
    """Words of the page around the app, shown before the kernel has said anything."""

    slots: ClassVar[dict[str, set[str]]] = {"logo_alt": {"organisation"}}
    skip_link: str
    loading: str
    accessibility_link: str  # in the footer: the accessibility statement (course/accessibility.md)
    back_to_course: str  # on the statement's page
    logo_alt: str  # the logo's text for those who cannot see it (the printed pages)


class JoinText(FilledIn):
    slots: ClassVar[dict[str, set[str]]] = {"wrong_code": {"code"}}
    heading: str
    intro: list[str]
    code_label: str
    code_example: str
    name_label: str
    role_label: str
    language_label: str  # above the languages a learner may choose (course.yml's languages:)
    button: str
    wrong_code: str
    no_code: str
    not_ready: str
    returning: str  # shown for a moment to a browser that has joined before


class MovingText(FilledIn):
    slots: ClassVar[dict[str, set[str]]] = {
        "room_moved": {"title"},
        "room_moved_without_you": {"title"},
        "overview": {"position", "count", "minutes"},
        "not_translated": {"language"},
    }
    previous: str
    next: str
    go_to_room: str
    room_moved: str
    room_moved_without_you: str
    agenda_label: str  # the agenda's name, read out by a screen reader
    overview: PluralText  # under a part's title, by its {minutes}
    objectives_intro: str  # before the part's objectives
    key_points: str  # the heading of a part's key points (the printed pages' too)
    not_translated: str  # above a part shown in the course's own language: not yet translated


class ConnectionText(FilledIn):
    lost: str  # what the learner writes or chooses meanwhile is kept in the browser
    back: str
    stuck: str
    not_kept: str  # nothing can be kept (no local storage, or a page that keeps nothing)
    restored: str  # after the server restarted: what was kept is back, and saved
    restored_waiting: str  # ... back, but some of it waits for its button to be saved


class ServerText(FilledIn):
    """Pages the server answers with itself, and the trainer app's word on who can join."""

    slots: ClassVar[dict[str, set[str]]] = {"pool_ready": {"ready", "learners", "cap"}}
    full_heading: str  # a learner arriving when the room is full
    full_lines: list[str]
    sign_in_heading: str  # the trainer app's sign-in page, when a token protects it
    sign_in_lines: list[str]
    sign_in_label: str
    sign_in_button: str
    sign_in_wrong: str
    only_this_computer: str  # the trainer app, when learners cannot reach the server
    open_the_room: str
    # the trainer app: kernels warm for people joining now (a plural), pages open, the cap
    pool_ready: PluralText


class FollowUpText(FilledIn):
    """The action plan's follow-up day: its hint, its polite refusals, its calendar file."""

    slots: ClassVar[dict[str, set[str]]] = {
        "hint": {"earliest", "latest"},
        "in_the_past": {"earliest"},
        "too_far": {"latest"},
        "calendar_sent": {"filename"},
        "event_intro": {"course"},
    }
    hint: str
    not_a_date: str
    in_the_past: str
    too_far: str
    calendar_button: str
    calendar_sent: str
    choose_first: str  # the calendar button pressed before a good day is chosen
    event_title: str  # the calendar entry's name
    event_intro: str  # the first lines of the calendar entry, before the plan


class FindOutMoreText(FilledIn):
    """The list of a module's sources, under its key points (app, site and workbook)."""

    slots: ClassVar[dict[str, set[str]]] = {
        "source": {"title", "who", "year"},
        "undated_source": {"title", "who"},
        "about": {"source", "about"},
    }
    heading: str
    new_tab: str  # read out after each link's name: the link starts a new tab
    source: str  # one source: its title (a link), who made it, the year
    undated_source: str  # one source whose year is not known
    about: str  # a source, then what the learner finds there


class ResultsText(FilledIn):
    """The room's results while too few have answered for nobody to be picked out (K answers,
    course.yml's min_answers_shown), and the roles too small to show apart."""

    slots: ClassVar[dict[str, set[str]]] = {
        "waiting": {"needed", "count"},
        "too_few": {"needed"},
        "small_roles": {"needed"},
    }
    waiting: PluralText  # the trainer app and the projected view, by {needed}
    too_few: PluralText  # by {needed}: the report and the export, for a session under K
    others: str  # the roles with fewer than K people, merged
    no_role: str  # who came, for those who chose no role when they joined
    small_roles: str  # said under a split by role when some role was too small to show apart


class PassingText(FilledIn):
    """Rather not say, on a shared question: saved in place of an answer, counted apart."""

    slots: ClassVar[dict[str, set[str]]] = {"count": {"count"}}
    button: str
    saved: str  # said to the learner once their choice is kept
    count: str  # under the room's result: how many would rather not say
    item: str  # the results export's row for them


class RatingText(FilledIn):
    """The rating scale: the learner's controls and the room's spread (and before and after)."""

    slots: ClassVar[dict[str, set[str]]] = {
        "saved": {"point"},
        "point": {"number", "label"},
        "caption": {"count"},
        "middle": {"point"},
        "spread": {"low", "high"},
        "all_same": {"point"},
        "compare_caption": {"before", "after"},
    }
    shared_note: str
    private_note: str
    button: str
    change: str
    choose_first: str
    saved: str
    point: str  # one point of the scale, as shown: its number and its words
    caption: str
    scale_heading: str
    people_heading: str
    empty: str
    middle: str
    spread: str
    all_same: str
    before: str
    after: str
    compare_caption: str
    before_too_few: str


class InterfaceText(Strict):
    page: PageText
    join: JoinText
    moving: MovingText
    feedback: FeedbackText
    certificate: CertificateText
    connection: ConnectionText
    trainer_connection: ConnectionText  # the trainer app's page, a co-trainer's included
    server: ServerText
    find_out_more: FindOutMoreText
    follow_up: FollowUpText
    results: ResultsText
    passing: PassingText
    questions: QuestionsText
    export: ExportText
    rating: RatingText
    ideas: IdeasText
    co_trainer: CoTrainerText
    room_airtime: RoomAirtimeText
    trainer: TrainerText
    run_sheet: RunSheetWords  # the pack's and the trainer app's run-sheet
    paper: PaperText  # each exercise on paper: the workbook, the printed modules
    packs: PackText  # the built pages' own words (content/pack_words.py)
    report: ReportText  # the session report (content/report_words.py)
    terminal: TerminalText  # what `coproduce serve` prints for the trainer
    # The words on the controls inside exercises, kind by kind (content/kind_words.py)
    choices: ChoicesText
    characters: CharactersText
    word_list: WordListText
    poll: PollText
    reflection: ReflectionText
    knowledge_check: KnowledgeCheckText
    charts: ChartText
    room_results: RoomResultsText
    airtime_tracker: AirtimeTrackerText
    power_reflection: PowerReflectionText
    jargon_buster: JargonBusterText
    ladder_placement: LadderText
    activity_timer: ActivityTimerText
    action_plan: ActionPlanText
    payment_planner: PaymentPlannerText
    # The units the payment rates are paid by, keyed by the rates file's `unit:` ("hour")
    payment_units: dict[str, UnitText]

    def learner_texts(self) -> list[str]:
        """Every sentence a learner may read, for the plain-language check."""
        texts: list[str] = []
        for part in (
            self.page,
            self.join,
            self.moving,
            self.feedback,
            self.certificate,
            self.connection,
            self.trainer_connection,
            self.server,
            self.find_out_more,
            self.follow_up,
            self.results,
            self.passing,
            self.questions,
            self.export,
            self.rating,
            self.ideas,
            self.co_trainer,
            self.room_airtime,
            self.trainer,
            self.run_sheet,
            self.paper,
            self.packs,
            self.report,
            self.terminal,
            *self.kind_parts(),
            *self.payment_units.values(),
        ):
            texts += _texts_of(part)
        return texts

    def kind_parts(self) -> list[Strict]:
        """The sections of the exercise kinds' own words."""
        return [
            self.choices,
            self.characters,
            self.word_list,
            self.poll,
            self.reflection,
            self.knowledge_check,
            self.charts,
            self.room_results,
            self.airtime_tracker,
            self.power_reflection,
            self.jargon_buster,
            self.ladder_placement,
            self.activity_timer,
            self.action_plan,
            self.payment_planner,
        ]


def _texts_of(part: Strict) -> list[str]:
    """Every text of a section, and of the sections inside it (the run-sheet's columns)."""
    texts: list[str] = []
    for name in type(part).model_fields:
        value = getattr(part, name)
        texts += _texts_of(value) if isinstance(value, Strict) else forms(value)
    return texts
