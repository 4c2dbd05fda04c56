"""Nothing earned is reachable early: every handler checks the state it needs in the kernel.

A script in the learner's own page can click a hidden or disabled button and change any synced
trait of any widget. These tests do just that, out of order, and look for what must not appear.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from coproduce.content.course import CourseContent
from coproduce.content.interface import InterfaceText
from coproduce.content.model import (
    ActionPlan,
    ActivityTimer,
    AirtimeTracker,
    Course,
    KnowledgeCheck,
    LadderPlacement,
    Ladders,
    PaymentPlanner,
    PowerReflection,
    Reflection,
)
from coproduce.content.payment_rates import PaymentRates
from coproduce.content.yaml_lines import load_yaml
from coproduce.kinds.action_plan.view import ActionPlanView
from coproduce.kinds.activity_timer.view import ActivityTimerView
from coproduce.kinds.airtime_tracker.view import AirtimeTrackerView
from coproduce.kinds.common.choice_group import ChoiceGroup
from coproduce.kinds.common.frame import ExerciseContext
from coproduce.kinds.common.live_message import LiveMessage
from coproduce.kinds.knowledge_check.view import KnowledgeCheckView
from coproduce.kinds.ladder_placement.view import LadderPlacementView
from coproduce.kinds.payment_planner.checks import MAX_PEOPLE
from coproduce.kinds.payment_planner.view import PaymentPlannerView
from coproduce.kinds.power_reflection.view import PowerReflectionView
from coproduce.kinds.reflection.view import ReflectionView

from .course_words import context
from .page_script import MadeWidgets, click_from_page, send_from_page, set_from_page

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "kinds"
Saved = list[tuple[str, dict[str, Any]]]

QUESTION = {
    "id": "who-decides",
    "kind": "knowledge_check",
    "title": "Who decides?",
    "prompt": "A team shares its plan with a patient group once it is final. Is it co-production?",
    "options": [
        {"text": "Yes. The group saw the plan.", "feedback": "Seeing a plan is only a start."},
        {
            "text": "No. The choices were made first.",
            "correct": True,
            "feedback": "Right: people share the big choices from the start.",
        },
    ],
    "explanation": "Co-production means sharing power from the first idea to the last report.",
}


def _fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((FIXTURES / name).read_text())
    return data


def _question() -> KnowledgeCheck:
    return KnowledgeCheck.model_validate(QUESTION)


def _knowledge_check() -> tuple[KnowledgeCheckView, Saved]:
    saved: Saved = []
    view = KnowledgeCheckView(
        _question(), lambda eid, answer: saved.append((eid, answer)), context()
    )
    return view, saved


# Knowledge check


def test_show_me_why_gives_nothing_before_an_answer() -> None:
    explanation = QUESTION["explanation"]
    with MadeWidgets() as made:
        view, saved = _knowledge_check()
        click_from_page(view.why_button)
        view.show_why()
        assert view.why.value == ""
        assert explanation not in made.state()
        # Answered, then "Try again": the explanation goes back to being unearned.
        view.choices.value = [0]
        view.check()
        view.try_again()
        click_from_page(view.why_button)
        assert view.why.value == ""
        assert explanation not in made.state()
    assert len(saved) == 1


def test_show_me_why_still_works_once_answered() -> None:
    view, _saved = _knowledge_check()
    view.choices.value = [0]
    click_from_page(view.check_button)
    click_from_page(view.why_button)
    assert "sharing power" in view.why.value


def test_a_second_check_without_try_again_reveals_no_other_feedback() -> None:
    right_feedback = QUESTION["options"][1]["feedback"]
    with MadeWidgets() as made:
        view, saved = _knowledge_check()
        view.choices.value = [0]
        click_from_page(view.check_button)
        # The page unlocks the answered question and picks the other option, then checks again.
        set_from_page(view.choices, disabled=False, value=[1])
        send_from_page(view.choices, {"chosen": [1]})
        click_from_page(view.check_button)
        assert right_feedback not in made.state()
    assert view.choices.value == [0] and view.choices.disabled
    assert [answer["attempts"] for _id, answer in saved] == [1]


def test_try_again_does_nothing_before_an_answer() -> None:
    view, saved = _knowledge_check()
    click_from_page(view.again_button)
    assert view.feedback.html == "" and saved == []


def test_a_page_cannot_change_a_choice_group_it_was_given() -> None:
    group = ChoiceGroup(legend="Pick one", options=["a", "b"], disabled=True, value=[0])
    set_from_page(group, disabled=False, options=["a", "b", "c"], legend="", value=[1])
    send_from_page(group, {"chosen": [1]})
    assert (group.disabled, group.options, group.legend, group.value) == (
        True,
        ["a", "b"],
        "Pick one",
        [0],
    )
    open_group = ChoiceGroup(legend="Pick one", options=["a", "b"])
    send_from_page(open_group, {"chosen": [1, 7, -1]})
    assert open_group.value == [1]


def test_a_live_message_is_written_by_the_kernel_only() -> None:
    message = LiveMessage(html="<p>Saved.</p>")
    set_from_page(message, html="<p>Something else</p>")
    assert message.html == "<p>Saved.</p>"


# Reflection


def test_a_reflection_that_cannot_be_shared_is_never_saved_as_shared() -> None:
    exercise = Reflection.model_validate(
        {
            "id": "just-me",
            "kind": "reflection",
            "title": "Just for me",
            "prompt": "What do you notice?",
            "can_share": False,
        }
    )
    saved: Saved = []
    view = ReflectionView(exercise, lambda eid, answer: saved.append((eid, answer)), context())
    view.text.value = "mine"
    set_from_page(view.share, value=True)  # the box is hidden, but its model is in the page
    view.save_now()
    assert saved and all(answer["shared"] is False for _id, answer in saved)


# Ladder placement


def _ladder_view() -> tuple[LadderPlacementView, Saved, LadderPlacement]:
    course = Course.model_validate(load_yaml(ROOT / "course" / "course.yml"))
    interface = InterfaceText.model_validate(load_yaml(ROOT / "course" / "interface.yml"))
    ladders = Ladders.model_validate(load_yaml(ROOT / "course" / "ladders.yml")).ladders
    content = CourseContent(ROOT, course, interface, ladders={ld.id: ld for ld in ladders})
    exercise = LadderPlacement.model_validate(_fixture("try-ladder.yml"))
    saved: Saved = []
    view = LadderPlacementView(
        exercise, lambda eid, answer: saved.append((eid, answer)), ExerciseContext(content)
    )
    return view, saved, exercise


def test_a_page_can_place_a_situation_only_on_a_rung_of_the_ladder() -> None:
    view, saved, _exercise = _ladder_view()
    set_from_page(view.selects[0], value="top-of-the-world")
    send_from_page(view.selects[0], {"placed": "top-of-the-world"})
    set_from_page(view.selects[0], options=[["Anything", "anything"]], disabled=True)
    assert view.selects[0].value == "" and not view.selects[0].disabled
    assert ["Anything", "anything"] not in view.selects[0].options
    assert saved == []


def test_no_ladder_explanation_before_every_situation_is_placed_and_checked() -> None:
    with MadeWidgets() as made:
        view, saved, exercise = _ladder_view()
        send_from_page(view.selects[0], {"placed": exercise.situations[0].rung})
        click_from_page(view.check_button)
        state = made.state()
    for situation in exercise.situations:
        assert situation.explanation[:40] not in state
    assert saved and all(answer["checked"] is False for _id, answer in saved)


# Power reflection


def test_power_prompts_stay_in_the_kernel_until_ratings_call_for_them() -> None:
    exercise = PowerReflection.model_validate(_fixture("try-power.yml"))
    with MadeWidgets() as made:
        view = PowerReflectionView(exercise, lambda *_: None, context())
        # Ratings the scale does not hold are not ratings.
        set_from_page(view.groups[0], value=[99])
        assert view.groups[0].value == []
        send_from_page(view.groups[0], {"chosen": [99]})
        state = made.state()
    assert view.groups[0].value == []
    for prompt in exercise.prompts:
        assert prompt.text[:40] not in state


# Activity timer


def test_a_page_cannot_run_the_clock_to_the_end_of_a_phase_it_never_started() -> None:
    saved: Saved = []
    exercise = ActivityTimer.model_validate(_fixture("try-timer.yml"))
    view = ActivityTimerView(exercise, lambda eid, answer: saved.append((eid, answer)), context())
    set_from_page(view.timer, running=True, phase=2, finished=False)
    send_from_page(view.timer, {"action": "phase_done", "epoch": view.timer.epoch})
    assert (view.timer.phase, view.timer.running, view.progress.phase) == (0, False, 0)
    assert saved == []


# Airtime tracker


def test_a_page_cannot_rename_the_speaker_buttons_or_press_one_that_is_not_there() -> None:
    exercise = AirtimeTracker.model_validate(_fixture("try-airtime.yml"))
    view = AirtimeTrackerView(exercise, lambda *_: None, context())
    labels = list(view.buttons.labels)
    set_from_page(view.buttons, labels=["Someone else is speaking"], rest=0, legend="")
    assert (view.buttons.labels, view.buttons.rest) == (labels, len(view.roles))
    set_from_page(view.buttons, value=0)
    assert view.speaker == view.roles[0]
    set_from_page(view.buttons, value=42)
    assert view.speaker is None and view.buttons.value == len(view.roles)


# Action plan


def test_a_page_cannot_rename_the_plan_file() -> None:
    exercise = ActionPlan.model_validate(_fixture("try-action-plan.yml"))
    view = ActionPlanView(exercise, lambda *_: None, context())
    name = view.download.filename
    set_from_page(view.download, filename="plan.exe", label="")
    assert view.download.filename == name and view.download.label


@pytest.mark.parametrize("action", ["download", "DOWNLOAD", None])
def test_only_the_download_message_builds_the_plan(action: str | None) -> None:
    exercise = ActionPlan.model_validate(_fixture("try-action-plan.yml"))
    view = ActionPlanView(exercise, lambda *_: None, context())
    sent: list[dict[str, Any]] = []
    view.download.send = lambda content, buffers=None: sent.append(content)  # type: ignore[method-assign]
    send_from_page(view.download, {"action": action})
    assert len(sent) == (1 if action == "download" else 0)


# Payment planner


def test_a_page_cannot_push_a_payment_row_past_its_limits() -> None:
    course = Course.model_validate(load_yaml(ROOT / "course" / "course.yml"))
    interface = InterfaceText.model_validate(load_yaml(ROOT / "course" / "interface.yml"))
    rates = PaymentRates.model_validate(load_yaml(ROOT / "course" / "payment-rates.yml"))
    content = CourseContent(ROOT, course, interface, payment_rates=rates)
    exercise = PaymentPlanner.model_validate(_fixture("try-payment.yml"))
    saved: Saved = []
    view = PaymentPlannerView(
        exercise, lambda eid, answer: saved.append((eid, answer)), ExerciseContext(content)
    )
    people = view.rows[0].people
    set_from_page(people, max=10**9, value=10**9)
    for _ in range(exercise.max_rows + 3):
        click_from_page(view.add_button)
    assert len(view.rows) == exercise.max_rows
    assert saved, "nothing was saved"
    rows = saved[-1][1]["rows"]
    assert rows[0]["people"] <= MAX_PEOPLE and len(rows) == exercise.max_rows
    assert "1,000,000,000" not in view.total.html and "1000000000" not in view.total.html
