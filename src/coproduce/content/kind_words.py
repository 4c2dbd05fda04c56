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
        "next_bar": {"bars", "bar"},
        "with_line": {"summary", "line"},
        "line": {"label", "value"},
        "reference": {"label", "value"},
    }
    summary: str  # the picture's label: the caption, then each bar
    bar: str  # one bar (or the dashed line) in that label
    next_bar: str  # one more bar after the bars so far: "{bars}; {bar}"
    with_line: str  # the picture's label when the chart has a dashed line ({line}: as `bar`)
    line: str  # the dashed line's name and value, written on the picture
    reference: str  # under the chart, when it has a dashed line


class RoomResultsText(FilledIn):
    """The room's results of polls, word lists, ladders, speaking time and shared reflections:
    in the trainer app, on the projected view and in the session report."""

    slots: ClassVar[dict[str, set[str]]] = {
        "votes": {"count"},
        "votes_caption": {"count"},
        "word_count": {"word", "count"},
        "placed": {"rung", "count"},
        "next_placed": {"places", "place"},
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
    placed: str  # one rung a situation was placed on, and by how many
    next_placed: str  # one more rung after those so far: "{places}, {place}"
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
