"""The words of the built pages, in course/interface.yml: the exercises on paper (`paper:`, in
the workbook and the printed modules) and the packs around them (`packs:`: the facilitator
pack, the workbook, the static site and the technique cards)."""

from __future__ import annotations

from typing import ClassVar

from coproduce.content.filled_in import FilledIn
from coproduce.content.plurals import PluralText


class PaperText(FilledIn):
    """Each kind's instructions on paper. A list of the course's words (a scale's points, a
    ladder's rungs) is made one at a time: "{points} / {point}"."""

    slots: ClassVar[dict[str, set[str]]] = {
        "rate_each": {"scale"},
        "next_point": {"points", "point"},
        "rungs": {"rungs"},
        "next_rung": {"rungs", "rung"},
        "phase": {"name", "length", "instruction"},
        "ideas": {"count"},
        "dots": {"votes"},
        "words": {"count"},
    }
    rate_each: str  # a power reflection: its scale, from its first point to its last
    next_point: str
    statement_heading: str
    rating_heading: str
    rungs: str  # a ladder placement: its ladder's rungs, from the bottom
    next_rung: str
    situation_heading: str
    rung_heading: str
    phase: str  # one phase of a timed activity; {length} as activity_timer: says it
    ideas: PluralText  # by the most ideas each person adds
    dots: PluralText  # by the votes each person has
    words: PluralText  # by the most words a word list takes


class PackText(FilledIn):
    """The packs' own words. {starts} is a clock time, written the course's way."""

    slots: ClassVar[dict[str, set[str]]] = {
        "facilitator_title": {"course"},
        "workbook_title": {"course"},
        "cards_title": {"cards", "course"},
        "at_time": {"starts", "title"},
        "timing": {"starts", "minutes"},
        "card_timing": {"minutes", "timing"},
    }
    facilitator_title: str
    workbook_title: str
    cards_title: str  # {cards}: the cards file's own heading
    at_time: str  # a part with its planned start: the pack's notes, the site's agenda
    timing: PluralText  # under a printed module's title, by its minutes
    objectives: str  # the heading of a module's objectives in the pack
    outcomes: str  # the heading of the course's outcomes in the workbook
    workbook_note: str
    site_outcomes: str  # the heading of the course's outcomes on the static site
    agenda: str
    back: str  # the static site's link back to its agenda
    card_timing: str  # a technique card's minutes, then the few words of its `timing`
