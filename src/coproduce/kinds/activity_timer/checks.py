"""The activity timer's arithmetic and words: plain functions, no widgets.

The countdown itself ticks in the browser; these functions decide what the kernel keeps
(which phase, whether it has finished) and what a screen reader hears when a phase changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coproduce.content.activity_words import ActivityTimerText
from coproduce.content.model import TimerPhase
from coproduce.content.plurals import plural


@dataclass(frozen=True)
class TimerProgress:
    """Where a run of the activity stands: the phase shown, and whether all phases are done."""

    phase: int
    finished: bool


@dataclass(frozen=True)
class PhasePosition:
    """Where the clock would be after some seconds: phase, seconds left in it, finished or not."""

    phase: int
    seconds_left: int
    finished: bool


def _whole_seconds(raw: object) -> int:
    """A count of seconds from anything: wrong types, negatives and NaN become 0."""
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return 0
    if raw != raw or raw in (float("inf"), float("-inf")):  # NaN or infinity
        return 0
    return max(0, int(raw))


def format_clock(raw_seconds: object) -> str:
    """Seconds as mm:ss, for example 90 -> '01:30'; an hour or more keeps counting minutes."""
    seconds = _whole_seconds(raw_seconds)
    minutes, rest = divmod(seconds, 60)
    return f"{minutes:02d}:{rest:02d}"


def spoken_duration(raw_seconds: object, words: ActivityTimerText, language: str) -> str:
    """Seconds in words for a screen reader, for example 90 -> '1 minute 30 seconds'."""
    seconds = _whole_seconds(raw_seconds)
    minutes, rest = divmod(seconds, 60)
    said_minutes = plural(words.minutes, minutes, language).format(count=minutes)
    said_seconds = plural(words.seconds, rest, language).format(count=rest)
    if minutes and rest:
        return words.minutes_and_seconds.format(minutes=said_minutes, seconds=said_seconds)
    return said_minutes if minutes else said_seconds


def total_seconds(phases: Sequence[TimerPhase]) -> int:
    """How long the whole activity runs if nobody skips a phase."""
    return sum(_whole_seconds(phase.seconds) for phase in phases)


def phase_after(phases: Sequence[TimerPhase], raw_elapsed: object) -> PhasePosition:
    """The phase the clock is in after `elapsed` seconds of running from the start."""
    elapsed = _whole_seconds(raw_elapsed)
    if not phases:
        return PhasePosition(0, 0, True)
    for index, phase in enumerate(phases):
        length = _whole_seconds(phase.seconds)
        if elapsed < length:
            return PhasePosition(index, length - elapsed, False)
        elapsed -= length
    return PhasePosition(len(phases) - 1, 0, True)


def phase_label(index: int, count: int, words: ActivityTimerText) -> str:
    """'Phase 2 of 4' for the second of four phases (index counts from 0)."""
    return words.phase_label.format(number=index + 1, count=count)


def announcement(
    phases: Sequence[TimerPhase],
    progress: TimerProgress,
    words: ActivityTimerText,
    language: str,
) -> str:
    """What the polite live region says when the phase changes: once per change, never per tick."""
    if progress.finished or not phases:
        return words.finished
    index = min(max(progress.phase, 0), len(phases) - 1)
    phase = phases[index]
    return words.announcement.format(
        label=phase_label(index, len(phases), words),
        name=phase.name,
        length=spoken_duration(phase.seconds, words, language),
        instruction=phase.instruction,
    )


def valid_progress(raw: object, phase_count: int) -> TimerProgress:
    """A saved {"phase": index, "finished": bool} made safe: anything odd means the start."""
    if not isinstance(raw, dict) or phase_count < 1:
        return TimerProgress(0, False)
    phase = raw.get("phase")
    finished = raw.get("finished") is True
    if type(phase) is not int or not 0 <= phase < phase_count:
        return TimerProgress(phase_count - 1 if finished else 0, finished)
    return TimerProgress(phase, finished)


def next_progress(progress: TimerProgress, phase_count: int) -> TimerProgress:
    """The phase after this one; after the last phase the activity is finished."""
    if progress.finished or progress.phase >= phase_count - 1:
        return TimerProgress(max(phase_count - 1, 0), True)
    return TimerProgress(progress.phase + 1, False)
