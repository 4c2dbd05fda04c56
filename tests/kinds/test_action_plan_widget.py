"""The action plan view without a browser: what it syncs, saves, restores and puts in the file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
import yaml

from coproduce.content.course import CourseContent, Module
from coproduce.content.interface import InterfaceText
from coproduce.content.model import ActionPlan, Course, KnowledgeCheck, ModuleMeta, Reflection
from coproduce.content.yaml_lines import load_yaml
from coproduce.kinds.action_plan import view as action_plan
from coproduce.kinds.action_plan.checks import MAX_ANSWER_CHARS
from coproduce.kinds.action_plan.view import ActionPlanView
from coproduce.kinds.common.frame import ExerciseContext

INTERFACE = InterfaceText.model_validate(
    load_yaml(Path(__file__).resolve().parents[2] / "course" / "interface.yml")
)
ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "kinds" / "try-action-plan.yml"
PRIVATE = "My private thought about <b>speaking</b> & listening"
HOSTILE = "<script>window.hacked = 1</script> שלום 🙂\x00"


def _exercise(**changes: Any) -> ActionPlan:
    data = yaml.safe_load(FIXTURE.read_text())
    data.update(changes)
    return ActionPlan.model_validate(data)


def _synced_state(root: widgets.Widget) -> str:
    seen: list[dict[str, Any]] = []

    def walk(widget: widgets.Widget) -> None:
        seen.append(widget.get_state())
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(root)
    return json.dumps(seen, default=str)


def _course() -> CourseContent:
    """A one-module course of its own, so the real course being edited cannot break these tests."""
    course = Course.model_validate(
        {
            "title": "A test course",
            "audience": "Tests",
            "outcomes": ["Pass"],
            "start_time": "09:30",
            "duration_minutes": 5,
            "agenda": [{"module": "01-try"}],
            "branding": {"name": "Tests"},
            "leads": {"trainer": "Trainer"},
        }
    )
    reflection = Reflection.model_validate(
        {
            "id": "speak-freely",
            "kind": "reflection",
            "title": "What would help you speak freely?",
            "prompt": "What would help you feel able to speak freely in this group today?",
        }
    )
    check = KnowledgeCheck.model_validate(
        {
            "id": "coproduction-or-not",
            "kind": "knowledge_check",
            "title": "Is it co-production?",
            "prompt": "Is it?",
            "options": [
                {"text": "Yes", "correct": True, "feedback": "It is."},
                {"text": "No", "feedback": "It is, in fact."},
            ],
            "explanation": "Because.",
        }
    )
    plan = _exercise()
    meta = ModuleMeta(
        title="Try",
        minutes=3,
        lead="trainer",
        objectives=["Try"],
        key_points=["Try"],
        contributors=["Tests"],
        plan=[{"exercise": item.id, "minutes": 1} for item in (reflection, check, plan)],
    )
    module = Module("01-try", ROOT, meta, [], ROOT / "notes.md")
    exercises = {item.id: item for item in (reflection, check, plan)}
    return CourseContent(ROOT, course, INTERFACE, modules={"01-try": module}, exercises=exercises)


@pytest.fixture
def stored() -> dict[str, dict[str, Any]]:
    return {"speak-freely": {"text": PRIVATE, "shared": False, "skipped": False}}


def _view(
    stored: dict[str, dict[str, Any]], **changes: Any
) -> tuple[ActionPlanView, list[tuple[str, dict[str, Any]]]]:
    saved: list[tuple[str, dict[str, Any]]] = []
    context = ExerciseContext(_course(), lambda: stored)
    view = ActionPlanView(
        _exercise(**changes), lambda eid, answer: saved.append((eid, answer)), context
    )
    return view, saved


def test_each_question_has_a_labelled_control(stored: dict[str, dict[str, Any]]) -> None:
    view, _saved = _view(stored)
    assert isinstance(view.inputs["change"], widgets.Textarea)
    assert isinstance(view.inputs["by-when"], widgets.DatePicker)
    for question in view.exercise.questions:
        assert view.inputs[question.id].description == question.label


def test_reflections_stay_in_the_kernel_until_the_download_is_asked_for(
    stored: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    view, _saved = _view(stored)
    assert "private thought" not in _synced_state(view.widget)
    sent: list[dict[str, Any]] = []
    monkeypatch.setattr(view.download, "send", lambda content, *a, **k: sent.append(content))
    view.inputs["change"].value = "Ask people how they want to be paid."
    view._on_message(view.download, {"action": "download"}, [])
    assert "private thought" not in _synced_state(view.widget), "the file is sent, not synced"
    assert len(sent) == 1 and sent[0]["kind"] == "plan-file"
    page = sent[0]["html"]
    assert "Ask people how they want to be paid." in page
    assert "My private thought about &lt;b&gt;speaking&lt;/b&gt; &amp; listening" in page
    assert "What would help you feel able to speak freely in this group today?" in page
    assert "my-action-plan.html" in view.download_status.html


def test_typing_saves_after_a_pause_with_the_right_dict(
    stored: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(action_plan, "SAVE_AFTER_QUIET_SECONDS", 0.05)
    view, saved = _view(stored)
    view.inputs["change"].value = HOSTILE
    view.inputs["by-when"].value = date(2027, 3, 31)
    assert saved == [], "nothing is saved while the learner is still typing"
    assert view._timer is not None
    view._timer.join(2)
    assert saved == [
        (
            "try-action-plan",
            {
                "answers": {
                    "change": HOSTILE.replace("\x00", ""),
                    "who": "",
                    "by-when": "2027-03-31",
                },
                "follow_up": "",
            },
        )
    ]
    assert "Saved." in view.status.html


def test_very_long_text_is_cut_with_a_kind_note(stored: dict[str, dict[str, Any]]) -> None:
    view, saved = _view(stored)
    view.inputs["who"].value = "x" * (MAX_ANSWER_CHARS + 10)
    view.save_now()
    assert len(saved[-1][1]["answers"]["who"]) == MAX_ANSWER_CHARS
    assert f"first {MAX_ANSWER_CHARS} characters" in view.status.html


def test_a_save_problem_is_shown(stored: dict[str, dict[str, Any]]) -> None:
    context = ExerciseContext(_course(), lambda: stored)
    view = ActionPlanView(_exercise(), lambda *_: "Please make it shorter.", context)
    view.save_now()
    assert "Please make it shorter." in view.status.html


def test_skipped_reflections_and_other_kinds_stay_out_of_the_file(
    stored: dict[str, dict[str, Any]],
) -> None:
    stored["speak-freely"]["skipped"] = True
    stored["coproduction-or-not"] = {"selected": [1], "attempts": 1, "correct": True}
    view, _saved = _view(stored)
    page = view.plan_html(today=date(2027, 1, 2))
    assert "private thought" not in page
    assert "You did not write any notes this time." in page
    assert "Made on 2 January 2027." in page


def test_reflections_are_left_out_when_the_plan_says_so(
    stored: dict[str, dict[str, Any]],
) -> None:
    view, _saved = _view(stored, include_reflections=False)
    page = view.plan_html()
    assert "private thought" not in page and "My notes from the course" not in page
    assert "notes you wrote" not in _synced_state(view.widget)


def test_restore_puts_answers_back_without_saving(stored: dict[str, dict[str, Any]]) -> None:
    view, saved = _view(stored)
    view.restore({"answers": {"change": HOSTILE, "who": "My team", "by-when": "2027-03-31"}})
    assert view.inputs["change"].value == HOSTILE.replace("\x00", "")
    assert view.inputs["who"].value == "My team"
    assert view.inputs["by-when"].value == date(2027, 3, 31)
    assert saved == [] and view._timer is None


@pytest.mark.parametrize(
    "answer",
    [
        {},
        {"answers": None},
        {"answers": "text"},
        {"answers": ["a"]},
        {"answers": {"change": 5, "who": ["x"], "by-when": "31/03/2027"}},
        {"answers": {"by-when": {"year": 2027}, "unknown": "x" * 100_000}},
        {"answers": {"change": "y" * 100_000}},
    ],
)
def test_restore_tolerates_malformed_answers(
    stored: dict[str, dict[str, Any]], answer: dict[str, Any]
) -> None:
    view, saved = _view(stored)
    view.restore(answer)
    assert len(view.inputs["change"].value) <= MAX_ANSWER_CHARS
    assert view.inputs["by-when"].value is None
    assert saved == []


def test_malformed_messages_from_the_browser_are_ignored(
    stored: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    view, saved = _view(stored)
    sent: list[Any] = []
    monkeypatch.setattr(view.download, "send", lambda content, *a, **k: sent.append(content))
    for content in [None, "download", {"action": "delete"}, {"action": ["download"]}]:
        view._on_message(view.download, content, [])
    assert sent == [] and saved == []
