"""Marking a knowledge check: plain functions, answer in and result out."""

from __future__ import annotations

from dataclasses import dataclass

from coproduce.content.kind_words import KnowledgeCheckText
from coproduce.content.model import KnowledgeCheck


@dataclass(frozen=True)
class ChoiceResult:
    answered: bool
    correct: bool
    feedback: list[str]
    partly: bool = False  # some of the right options chosen, not all (or a wrong one too)

    def message(self, words: KnowledgeCheckText) -> str:
        """The first line of feedback, in the course's words (`knowledge_check:`)."""
        if not self.answered:
            return words.choose_first
        if self.correct:
            return words.right
        return words.part_right if self.partly else words.not_yet


def valid_choices(raw: object, option_count: int) -> list[int]:
    """The option numbers a browser sent, with anything malformed or out of range dropped."""
    if not isinstance(raw, list | tuple):
        return []
    picked = {item for item in raw if type(item) is int and 0 <= item < option_count}
    return sorted(picked)


def check_choice(exercise: KnowledgeCheck, raw_selection: object) -> ChoiceResult:
    """Mark a knowledge check answer and gather the feedback for each option chosen."""
    selection = valid_choices(raw_selection, len(exercise.options))
    if not exercise.multiple:
        selection = selection[:1]
    if not selection:
        return ChoiceResult(False, False, [])
    right = {index for index, option in enumerate(exercise.options) if option.correct}
    correct = set(selection) == right
    feedback = [exercise.options[index].feedback for index in selection]
    return ChoiceResult(
        True, correct, feedback, partly=not correct and bool(set(selection) & right)
    )
