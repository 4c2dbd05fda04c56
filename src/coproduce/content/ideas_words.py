"""The words of an ideas question (course/interface.yml's `ideas:`): the learner's controls, the
room's result and the trainer's hide and merge controls."""

from __future__ import annotations

from typing import ClassVar

from coproduce.content.filled_in import FilledIn
from coproduce.content.plurals import PluralText


class IdeasText(FilledIn):
    slots: ClassVar[dict[str, set[str]]] = {
        "shared_note": {"votes"},
        "cut": {"max_chars"},
        "take_back": {"number"},
        "waiting": {"needed"},
        "votes_left": {"left", "votes"},
        "too_many_votes": {"votes"},
        "caption": {"count"},
        "hide": {"number"},
        "show": {"number"},
        "split": {"number"},
        "idea_number": {"number"},
        "idea_line": {"number", "text", "votes"},
        "merged_line": {"text", "idea"},
        "next_merged": {"merged", "idea"},
    }
    # The learner's
    shared_note: str
    idea_label: str
    add: str
    added: str
    empty: str
    cut: str
    repeat: str
    too_many: str
    yours_heading: str
    take_back: str
    taken_back: str
    room_heading: str
    room_legend: str
    waiting: PluralText  # by how many people are needed ({needed})
    new_ideas: str
    show_new: str
    votes_left: str
    too_many_votes: str
    votes_saved: str
    # The room's result
    caption: str
    idea_heading: str
    votes_heading: str
    merged_heading: str
    next_merged: str  # one more merged idea after those so far: "{merged}; {idea}"
    empty_result: str
    # The trainer's controls (never projected)
    moderate_heading: str
    hide: str
    show: str
    hidden_tag: str
    idea_number: str
    idea_line: str  # one idea in the trainer's hide and merge list
    merged_line: str  # an idea merged into another, named by its number
    merge_this: str
    merge_into: str
    merge_button: str
    split: str
    merge_loop: str
