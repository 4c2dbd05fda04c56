"""Controls share one layout and style model per kernel, which nobody can change by accident."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pytest
from ipywidgets.widgets import widget as widget_module

from coproduce.apps.learner_app import LearnerApp
from coproduce.content.loader import load_course
from coproduce.kinds.common import light_widgets as light
from coproduce.live.learner_ids import token_for
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _models() -> set[str]:
    return set(widget_module._instances)


def test_controls_share_one_layout_and_one_style_of_each_kind() -> None:
    first, second = light.HTML("a"), light.HTML("b")
    button, box = light.Button(description="Go"), light.VBox([first, second])
    assert first.layout is second.layout is button.layout is box.layout
    assert first.style is second.style
    assert light.Text().style is light.Textarea().style  # both are a TextStyle
    assert light.wide_label(light.Text) is light.wide_label(light.Textarea)
    assert light.wide_label(light.Text) is not light.Text().style


def test_a_control_given_its_own_layout_keeps_it() -> None:
    own = widgets.Layout()
    control = light.Button(description="Go", layout=own)
    control.layout.display = "none"
    assert light.Button(description="Other").layout.display is None


def test_changing_a_shared_layout_says_how_to_do_it_instead() -> None:
    control = light.HTML("a")
    with pytest.raises(light.SharedModelError, match="give this widget a Layout of its own"):
        control.layout.display = "none"
    with pytest.raises(light.SharedModelError):
        light.wide_label(light.Text).description_width = "10px"
    assert control.layout.display is None


def test_a_page_cannot_change_a_shared_model() -> None:
    control = light.HTML("a")
    control.layout.set_state({"display": "none", "width": "1px"})  # as a page's update arrives
    assert control.layout.display is None and control.layout.width is None


def test_a_closed_shared_model_is_made_afresh() -> None:
    old = light.HTML("a").layout
    old.close()
    assert light.HTML("b").layout is not old


def test_the_first_part_comes_with_the_join_page_and_join_sends_almost_nothing(
    tmp_path: Path,
) -> None:
    """Each model made on Join is a message the one server relays while the class joins; the
    models a page starts with come in one. Before, the join page made 54 models and Join 123
    more; now the join page and the first part together make under 80, and Join one."""
    content = load_course(ROOT)
    store = Store(tmp_path)
    sessions = SessionStore(store)
    code = sessions.create_session()
    before = _models()
    app = LearnerApp(content, store, code)
    app.identity.link_code = code
    app.identity.learner_id = token_for("0123456789abcdef0123456789abcdef")
    join_page = _models() - before
    assert app._join(code, "", "Researcher") is None
    joined = _models() - before - join_page
    if app.follower:
        app.follower.stop()
    assert len(join_page) <= 80
    assert len(joined) <= 2
