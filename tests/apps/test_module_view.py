"""One module's widgets, built without a browser: the text, the exercises and the overview."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pytest

from coproduce.apps.module_view import build_module_view
from coproduce.content.loader import load_course
from coproduce.content.module_notebook import ExerciseBlock
from coproduce.live.learner_session import LearnerSession
from coproduce.live.store import Store

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)


def _prose(view: widgets.VBox) -> list[str]:
    return [child.value for child in view.children if isinstance(child, widgets.HTML)]


@pytest.mark.parametrize("slug", list(CONTENT.modules))
def test_the_overview_shows_once_under_the_title(slug: str, tmp_path: Path) -> None:
    module = CONTENT.modules[slug]
    position = list(CONTENT.modules).index(slug) + 1
    view = build_module_view(CONTENT, module, position, LearnerSession(Store(tmp_path)))
    text = "".join(_prose(view))
    overview = f"Part {position} of {len(CONTENT.modules)}."
    assert text.count(overview) == 1
    assert text.index("<h2") < text.index(overview)


def test_every_exercise_the_module_names_is_in_its_view(tmp_path: Path) -> None:
    module = CONTENT.modules["01-welcome"]
    view = build_module_view(CONTENT, module, 1, LearnerSession(Store(tmp_path)))
    exercise_blocks = [block for block in module.blocks if isinstance(block, ExerciseBlock)]
    prose_count = len(_prose(view))
    assert len(view.children) == prose_count + len(exercise_blocks)
    assert "Key points" in _prose(view)[-1]


@pytest.mark.parametrize("slug", list(CONTENT.modules))
def test_a_part_is_built_with_its_widgets_first_messages_and_few_more(
    slug: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every change to a widget after it is made is one more message to the page, for every
    learner a room's move builds the part for: classes go where a widget is made, and widgets
    of one kind share anywidget's class (before: 35 to 130 changes a part, more than widgets)."""
    module = CONTENT.modules[slug]
    position = list(CONTENT.modules).index(slug) + 1
    build_module_view(CONTENT, module, position, LearnerSession(Store(tmp_path)))  # warmed
    changes: list[tuple[widgets.Widget, object]] = []
    opened: list[widgets.Widget] = []
    real_send, real_open = widgets.Widget.send_state, widgets.Widget.open

    def send_state(self: widgets.Widget, key: object = None) -> None:
        changes.append((self, key))
        real_send(self, key)

    def open_comm(self: widgets.Widget) -> None:
        opened.append(self)
        real_open(self)

    monkeypatch.setattr(widgets.Widget, "send_state", send_state)
    monkeypatch.setattr(widgets.Widget, "open", open_comm)
    build_module_view(CONTENT, module, position, LearnerSession(Store(tmp_path / "again")))
    classes = [widget for widget, key in changes if key == "_dom_classes"]
    assert len(classes) == len(set(classes))  # at most one change of classes a widget
    assert len(changes) <= len(opened) // 6, [(type(w).__name__, key) for w, key in changes]
