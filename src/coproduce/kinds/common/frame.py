"""What every exercise widget shares: a frame with a heading and a way to save answers."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import ipywidgets as widgets

from coproduce.content.course import CourseContent
from coproduce.content.plurals import plural
from coproduce.kinds.common import light_widgets as light

# Called with (exercise id, answer); returns None when saved, or a kind message when not.
SaveAnswer = Callable[[str, dict[str, Any]], str | None]
# Called with an exercise id: what the room shared for it, as the payloads on show (no names,
# no learner ids) and the trainer's marks on them. Only the ideas kind reads it.
ReadRoom = Callable[[str], tuple[list[Any], Mapping[str, Any]]]


@dataclass(frozen=True)
class ExerciseContext:
    """What a view may need beyond its own definition: course data, the learner's answers."""

    content: CourseContent
    # This learner's saved answers so far, by exercise id (the action plan gathers reflections).
    answers: Callable[[], dict[str, dict[str, Any]]] = field(default=lambda: {})
    # The room's shared answers, in a live session only (None in a notebook on its own).
    room: ReadRoom | None = None

    @property
    def language(self) -> str:
        """The course's language, which picks each count's plural form."""
        return self.content.course.language


class ExerciseView(Protocol):
    widget: widgets.Widget

    def restore(self, answer: dict[str, Any]) -> None: ...


def exercise_frame(
    title: str, children: list[widgets.Widget], classes: Sequence[str] = ()
) -> widgets.VBox:
    heading = light.HTML(f'<h3 class="cp-exercise-title">{html.escape(title)}</h3>')
    return light.VBox([heading, *children], classes=["cp-exercise", *classes])


def paragraphs(texts: list[str], css_class: str = "") -> str:
    """Escaped text as paragraphs; the only way learner-facing feedback becomes markup."""
    attribute = f' class="{css_class}"' if css_class else ""
    return "".join(f"<p{attribute}>{html.escape(text)}</p>" for text in texts if text)


def button(
    label: str,
    style: str = "",
    layout: widgets.Layout | None = None,
    classes: Sequence[str] = (),
) -> widgets.Button:
    """A button; one that is shown and hidden needs a `layout` of its own."""
    kwargs = {} if layout is None else {"layout": layout}
    return light.Button(
        description=label,
        button_style=style,
        tooltip=label,
        **kwargs,
        classes=["cp-button", *classes],
    )


def count_message(context: ExerciseContext, length: int, max_chars: int) -> str:
    """The gentle count shown under a text box, in the course's words and plural forms."""
    words = context.content.interface.characters
    text = words.used if length <= max_chars else words.over
    return plural(text, max_chars, context.language).format(count=length, max=max_chars)
