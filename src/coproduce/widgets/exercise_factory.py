"""Build the right widget for an exercise definition, by its kind."""

from __future__ import annotations

import importlib
from typing import Any

from .exercise_base import ExerciseContext, ExerciseView, SaveAnswer

# kind -> "module:ViewClass"; each view is built as ViewClass(exercise, save, context).
VIEWS = {
    "knowledge_check": "knowledge_check:KnowledgeCheckView",
    "reflection": "reflection:ReflectionView",
    "ladder_placement": "ladder_placement:LadderPlacementView",
    "power_reflection": "power_reflection:PowerReflectionView",
    "jargon_buster": "jargon_buster:JargonBusterView",
    "payment_planner": "payment_planner:PaymentPlannerView",
    "poll": "poll:PollView",
    "word_list": "word_list:WordListView",
    "airtime_tracker": "airtime_tracker:AirtimeTrackerView",
    "activity_timer": "activity_timer:ActivityTimerView",
    "action_plan": "action_plan:ActionPlanView",
}


def build_exercise(exercise: Any, save: SaveAnswer, context: ExerciseContext) -> ExerciseView:
    module_name, class_name = VIEWS[exercise.kind].split(":")
    module = importlib.import_module(f"{__package__}.{module_name}")
    view: ExerciseView = getattr(module, class_name)(exercise, save, context)
    return view
