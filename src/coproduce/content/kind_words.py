"""The words on the controls inside exercises, in course/interface.yml, one section per kind:
buttons, notes, the kind feedback lines and the character counts. Counts are plural texts
(content/plurals.py), picked by the number they show."""

from __future__ import annotations

from typing import ClassVar

from coproduce.content.filled_in import FilledIn
from coproduce.content.plurals import PluralText


class ChoicesText(FilledIn):
    """A question's options (radio buttons or tick boxes)."""

    your_answer: str  # said after the option the learner chose (a question with an answer)
    your_choice: str  # ... in a poll or on a rating scale


class CharactersText(FilledIn):
    """The count under a text box, by the most the box keeps ({max})."""

    slots: ClassVar[dict[str, set[str]]] = {"used": {"count", "max"}, "over": {"count", "max"}}
    used: PluralText
    over: PluralText


class WordListText(FilledIn):
    """A few words in answer to a prompt. {noun} and {nouns} are the exercise's own words for
    one answer ("ground rule", "ground rules"); {name} is a box's name (box_alone or box)."""

    slots: ClassVar[dict[str, set[str]]] = {
        "limit_one": {"noun", "max_chars"},
        "limit": {"count", "nouns", "max_chars"},
        "box_alone": {"noun"},
        "box": {"noun", "number"},
        "box_of": {"name", "count"},
        "kept_only": {"count", "nouns"},
        "cut": {"name", "max_chars"},
        "too_long": {"name", "max_chars"},
    }
    shared_note: str
    private_note: str
    limit_one: str  # one box
    limit: str  # several boxes, {count} of them
    box_alone: str  # the name of the only box
    box: str  # the name of one of several boxes; {noun} starts with a capital letter here
    box_of: str  # a box's label when there are several
    submit: str
    done: str
    empty: str
    kept_only: PluralText  # by the most words kept ({count})
    cut: str
    repeat: str
    too_long: str  # while typing


class PollText(FilledIn):
    slots: ClassVar[dict[str, set[str]]] = {"your_vote": {"option"}}
    shared_note: str
    private_note: str
    vote: str
    change: str
    counted: str
    choose_first: str
    your_vote: str
    to_change: str


class ReflectionText(FilledIn):
    slots: ClassVar[dict[str, set[str]]] = {"saved_cut": {"max_chars"}}
    share: str  # the tick box
    skip: str
    only_you_unless_shared: str
    only_you: str
    skipped: str
    saved: str
    saved_cut: str


class KnowledgeCheckText(FilledIn):
    check: str
    why: str
    again: str
    choose_first: str
    right: str
    part_right: str
    not_yet: str
    another_go: str  # after Try again


class ChartText(FilledIn):
    """Every bar chart: the picture's words for screen readers, and the dashed line's note."""

    slots: ClassVar[dict[str, set[str]]] = {
        "summary": {"caption", "bars"},
        "bar": {"label", "value"},
        "reference": {"label", "value"},
    }
    summary: str  # the picture's label: the caption, then each bar
    bar: str  # one bar (or the dashed line) in that label
    reference: str  # under the chart, when it has a dashed line


class RoomResultsText(FilledIn):
    """The room's results of polls, word lists, ladders, speaking time and shared reflections:
    in the trainer app, on the projected view and in the session report."""

    slots: ClassVar[dict[str, set[str]]] = {
        "votes": {"count"},
        "votes_caption": {"count"},
        "word_count": {"word", "count"},
    }
    votes: PluralText  # one option's votes
    votes_caption: PluralText
    answer_heading: str
    votes_heading: str
    no_votes: str
    word_count: PluralText  # a word and how many people gave it
    no_words: str
    situation_heading: str
    placed_heading: str
    airtime_caption: str
    role_heading: str
    share_heading: str
    equal_share: str
    no_timings: str
    nothing_shared: str


class AirtimeTrackerText(FilledIn):
    """The speaking-time tracker: its buttons, what it says, its chart. {names} is one role,
    or several joined by `names`."""

    slots: ClassVar[dict[str, set[str]]] = {
        "speaking": {"role"},
        "speaking_now": {"role"},
        "names": {"first", "last"},
        "all_same": {"percent"},
        "most": {"names", "percent", "equal"},
        "least": {"names", "percent"},
        "hours": {"hours", "minutes"},
        "minutes": {"minutes", "seconds"},
        "seconds": {"seconds"},
    }
    legend: str
    speaking: str  # a role's button
    pause: str
    reset: str
    reset_confirm: str
    press_again: str
    cleared: str
    nobody: str
    paused: str
    speaking_now: str
    caption: str
    role_heading: str
    share_heading: str
    time_heading: str
    equal_share: str
    no_time: str
    all_same: str
    names: str  # two or more roles: "{first} and {last}"
    most: PluralText  # by how many roles spoke most
    least: PluralText  # by how many roles spoke least
    hours: str
    minutes: str
    seconds: str


class PowerReflectionText(FilledIn):
    """The power reflection (always private): its note, the learner's profile, the progress."""

    slots: ClassVar[dict[str, set[str]]] = {
        "caption": {"max"},
        "rating": {"average", "max"},
        "between": {"lower", "upper"},
        "rated": {"rated", "count"},
        "rated_all": {"count"},
    }
    private: str
    profile_heading: str
    caption: str
    source_heading: str
    average_heading: str
    words_heading: str
    prompts_heading: str
    rating: str  # an average on the scale, counted from 1
    between: str  # an average between two of the scale's words
    start: str
    saved: str  # before the progress, once a rating is kept
    rated: PluralText  # by the number of sentences ({count})
    rated_all: PluralText


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


class PaymentPlannerText(FilledIn):
    """The payment planner: rows of paid time, expenses, recognition and the totals. {unit} and
    {units} are the rates file's words ("hour", "hours")."""

    slots: ClassVar[dict[str, set[str]]] = {
        "no_rates": {"file"},
        "rows_hint": {"people", "units", "rows"},
        "expense_label": {"name", "currency"},
        "too_many_rows": {"rows"},
        "added": {"number"},
        "removed": {"number"},
        "expense_note": {"name", "message"},
        "activity": {"number"},
        "people_label": {"number"},
        "units_label": {"units", "number"},
        "too_large": {"most"},
        "most_people": {"count"},
        "most_units": {"count"},
        "people": {"count"},
        "units_each": {"count", "unit"},
        "row": {"people", "units", "price", "per_unit", "cost"},
        "payments_total": {"amount"},
        "expenses_total": {"amount"},
        "total": {"amount"},
    }
    no_rates: str
    add_row: str
    remove_row: str
    recognition: str
    remember: str  # before the exercise's reminder
    time_heading: str
    rows_hint: str
    expenses_heading: str
    expenses_hint: str
    expense_label: str
    too_many_rows: PluralText  # by the most rows a plan has
    added: str
    one_row: str
    removed: str
    expense_note: str
    saved: str
    activity: str
    people_label: str
    units_label: str
    not_a_number: str
    below_zero: str
    too_large: str
    most_people: str
    most_units: str
    people: PluralText  # in a row's sentence, by the number of people
    units_each: str
    row: str
    payments_total: str
    expenses_total: str
    total: str
