"""The kernel's side of keeping answers in the browser: it names each kept control the same way
in every kernel, and after each save tells the page what the store now holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as widgets

from coproduce.apps.chrome.connection_watch import ConnectionWatch
from coproduce.apps.chrome.kept_controls import KEPT_CLASS, KEY_PREFIX, name_controls, page_state
from coproduce.apps.learner_app import LearnerApp
from coproduce.content.loader import load_course
from coproduce.kinds.common.choice_group import ChoiceGroup
from coproduce.kinds.ladder_placement.view import RungSelect
from coproduce.kinds.reflection.view import ReflectionView
from coproduce.live.learner_ids import issue
from coproduce.live.store import LOCAL_SESSION, Store

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
EXERCISE = "speak-freely"


def _app(tmp_path: Path) -> tuple[LearnerApp, ConnectionWatch, list[Any]]:
    """A learner app without a live session (the first part shows at once), identified."""
    app = LearnerApp(CONTENT, Store(tmp_path), None)
    watch = app.course.children[-1]
    assert isinstance(watch, ConnectionWatch)
    sent: list[Any] = []
    watch.send = sent.append  # type: ignore[method-assign]
    app.identity.learner_id = issue()
    return app, watch, sent


def _keys(root: widgets.Widget) -> dict[str, widgets.Widget]:
    found: dict[str, widgets.Widget] = {}

    def walk(widget: widgets.Widget) -> None:
        names = [c for c in getattr(widget, "_dom_classes", ()) if c.startswith(KEY_PREFIX)]
        if names:
            assert len(names) == 1 and KEPT_CLASS in widget._dom_classes
            found[names[0]] = widget
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(root)
    return found


def _reflection(app: LearnerApp) -> ReflectionView:
    view = app.session.views[EXERCISE]
    assert isinstance(view, ReflectionView)
    return view


def test_every_kernel_names_the_kept_controls_the_same_way(tmp_path: Path) -> None:
    first, _, _ = _app(tmp_path / "a")
    second, _, _ = _app(tmp_path / "b")
    named = _keys(first.area)
    assert sorted(named) == sorted(_keys(second.area))
    view = _reflection(first)
    assert view.text in named.values() and view.share in named.values()
    assert all(
        isinstance(control, widgets.Text | widgets.Textarea | widgets.Checkbox | ChoiceGroup)
        for control in named.values()
    ), "only controls the page can put back are kept"
    assert all(name.startswith(f"{KEY_PREFIX}{EXERCISE}_") for name in _keys(view.widget))


def test_after_a_save_the_page_is_told_what_the_store_holds(tmp_path: Path) -> None:
    app, watch, sent = _app(tmp_path)
    assert watch.keep_scope == f"{LOCAL_SESSION}:{app.session.learner_id}"
    view = _reflection(app)
    view.text.value = "Kept until saved."
    view.save_now()
    keys = {control: name.removeprefix(KEY_PREFIX) for name, control in _keys(view.widget).items()}
    assert sent[-1] == {"kept": {keys[view.text]: ["Kept until saved."], keys[view.share]: [False]}}
    stored = app.session.store.load_answers(app.session.learner_id or "")
    assert stored[EXERCISE]["text"] == "Kept until saved."


def test_a_change_that_arrives_during_the_write_is_not_said_to_be_stored(tmp_path: Path) -> None:
    app, _watch, sent = _app(tmp_path)
    view = _reflection(app)
    store = app.session.store
    write = store.save_answer

    def slow_write(*args: Any, **kwargs: Any) -> None:
        view.text.unobserve_all()
        view.text.value = "typed while the answer was being written"
        write(*args, **kwargs)

    store.save_answer = slow_write  # type: ignore[method-assign]
    view.text.value = "written"
    view.save_now()
    (states,) = [message["kept"] for message in sent if "kept" in message][-1:]
    assert ["written"] in states.values()
    assert ["typed while the answer was being written"] not in states.values()


def test_nothing_is_said_before_the_learner_is_known(tmp_path: Path) -> None:
    app = LearnerApp(CONTENT, Store(tmp_path), None)
    watch = app.course.children[-1]
    assert isinstance(watch, ConnectionWatch)
    sent: list[Any] = []
    watch.send = sent.append  # type: ignore[method-assign]
    _reflection(app).save_now()  # waits in the session for the learner id
    assert watch.keep_scope == "" and sent == []


def test_what_the_page_shows_for_each_kind_of_control() -> None:
    group = ChoiceGroup(options=["a", "b", "c"], value=[1])
    assert page_state(group) == [False, True, False]
    assert page_state(widgets.Checkbox(value=True)) == [True]
    assert page_state(widgets.Textarea(value="x")) == ["x"]
    rungs = RungSelect(options=[["Choose", ""], ["Inform", "inform"]], value="inform")
    assert page_state(rungs) == ["inform"]


def test_naming_a_control_is_one_message_to_the_page(monkeypatch: Any) -> None:
    """Every change to a widget is a message to the page, for every control of every part built:
    both classes go in one (before: two)."""
    text, group = widgets.Text(), ChoiceGroup(legend="Pick", options=["a", "b"])
    sent: list[tuple[Any, Any]] = []
    real = widgets.Widget.send_state

    def counted(self: widgets.Widget, key: Any = None) -> None:
        sent.append((self, key))
        real(self, key)

    monkeypatch.setattr(widgets.Widget, "send_state", counted)
    named = name_controls("ex", widgets.VBox([text, widgets.HBox([group])]))
    assert set(named) == {"ex_0", "ex_1_0"}
    assert [widget for widget, _ in sent].count(text) == 1
    assert [widget for widget, _ in sent].count(group) == 1
    assert {KEPT_CLASS, f"{KEY_PREFIX}ex_1_0"} <= set(group._dom_classes)
