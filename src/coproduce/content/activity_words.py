"""The words of the longer exercise kinds, in course/interface.yml (as content/kind_words.py for
the others): the jargon buster, the ladder, the activity timer and the action plan; the payment
planner's are in content/payment_words.py. Counts are plural texts (content/plurals.py), picked
by the number they show."""

from __future__ import annotations

from typing import ClassVar

from coproduce.content.filled_in import FilledIn
from coproduce.content.plurals import PluralText


class JargonBusterText(FilledIn):
    """The jargon buster: the learner rewrites a passage; figures and advice as they type."""

    slots: ClassVar[dict[str, set[str]]] = {
        "or_more": {"aim"},
        "or_fewer": {"aim"},
        "ease_met": {"ease", "aim"},
        "ease_aim": {"ease", "aim", "hint"},
        "sentences": {"average"},
        "sentences_met": {"aim"},
        "sentences_long": {"aim", "longest"},
        "jargon_left": {"count"},
        "longest": {"sentence"},
        "try_instead": {"plain"},
        "saved_ease": {"ease"},
        "saved_cut": {"max_chars"},
    }
    passage_label: str
    box_label: str
    caption: str
    measure: str
    passage: str
    yours: str
    aim: str
    ease_row: str
    sentence_row: str
    glossary_row: str
    or_more: str
    or_fewer: str
    as_few: str
    empty: str
    ease_met: str
    ease_aim: str
    hint_sentences: str
    hint_words: str
    sentences: PluralText  # by the average number of words ({average})
    sentences_met: str
    sentences_long: PluralText  # by the longest sentence's words ({longest})
    no_jargon: str
    jargon_left: PluralText
    longest: str
    try_instead: str  # after a glossary word still in the text
    saved: str
    saved_ease: str
    saved_cut: str


class LadderText(FilledIn):
    """Placing situations on a ladder of participation. {rung} is a rung's name, {group} the
    part of the ladder it is in; {where} is `rung_of`."""

    slots: ClassVar[dict[str, set[str]]] = {
        "situation": {"number", "count"},
        "where": {"number"},
        "rung_of": {"number", "total"},
        "rung_label": {"name", "where", "group"},
        "rung_where": {"where", "group"},
        "ladder": {"title"},
        "source": {"source"},
        "missing": {"count"},
        "some_placed": {"matched", "total"},
        "same": {"rung"},
        "chose": {"rung"},
        "higher": {"rung", "count"},
        "lower": {"rung", "count"},
        "same_part": {"group"},
        "other_part": {"group"},
    }
    check: str
    choose: str  # the first line of each list, before a rung is chosen
    changed: str
    no_ladder: str
    situation: str
    where: str  # each list's label
    rung_of: str
    rung_label: str  # a rung in the lists
    rung_where: str  # a rung in the ladder shown above them
    ladder: str
    top: str
    bottom: str
    source: str
    missing: PluralText  # by the situations still without a rung
    all_placed: str
    some_placed: PluralText  # by the number of situations ({total})
    same: str
    chose: str
    higher: PluralText  # by the number of rungs away ({count})
    lower: PluralText
    same_part: str
    other_part: str


class ActivityTimerText(FilledIn):
    """The timer of an activity in phases: what it says, its buttons, lengths in words."""

    slots: ClassVar[dict[str, set[str]]] = {
        "total": {"length"},
        "minutes": {"count"},
        "seconds": {"count"},
        "minutes_and_seconds": {"minutes", "seconds"},
        "phase_label": {"number", "count"},
        "announcement": {"label", "name", "length", "instruction"},
        "all_done": {"count"},
    }
    total: str
    minutes: PluralText
    seconds: PluralText
    minutes_and_seconds: str
    phase_label: str
    announcement: str  # said once when the phase changes
    finished: str  # ... when the last phase ends
    time_left: str
    controls: str  # the buttons' group, for screen readers
    start: str
    pause: str
    next: str
    reset: str
    all_phases: str
    all_done: PluralText  # by the number of phases
    time_up: str
    run_again: str
    now: str  # after the phase going on in the list of phases
    done: str


class ActionPlanText(FilledIn):
    """The action plan: its notes and download, and the page the learner keeps (its title,
    headings and the line that says where and when it was made)."""

    slots: ClassVar[dict[str, set[str]]] = {
        "saved_cut": {"max_chars"},
        "on_its_way": {"filename"},
        "save_link": {"filename"},
        "from_course": {"course"},
        "made_on": {"date"},
    }
    only_you: str
    with_notes: str  # when the file holds the learner's reflections too
    saved: str
    saved_cut: str
    download: str
    on_its_way: str
    if_nothing: str  # before a link to the file, for a browser that blocked the download
    save_link: str
    title: str  # the page's title and heading
    from_course: str
    made_on: str
    will_do: str
    notes_heading: str
    notes_intro: str
    no_notes: str
    not_written: str  # under a question left empty
