"""Which view shows each exercise kind, and the styles the kinds bring to the page.

One line per kind: a new kind is a folder beside this file (its `checks.py`, its `view.py`, and
`view.js` / `view.css` where it has them), its schema class in `content/model.py`, and a line here.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from coproduce.kinds.common.frame import ExerciseContext, ExerciseView, SaveAnswer

KINDS_DIR = Path(__file__).parent

# kind -> the view class in kinds/KIND/view.py; each view is built as View(exercise, save, context).
VIEWS = {
    "knowledge_check": "KnowledgeCheckView",
    "reflection": "ReflectionView",
    "ladder_placement": "LadderPlacementView",
    "power_reflection": "PowerReflectionView",
    "jargon_buster": "JargonBusterView",
    "payment_planner": "PaymentPlannerView",
    "poll": "PollView",
    "word_list": "WordListView",
    "rating_scale": "RatingScaleView",
    "ideas": "IdeasView",
    "airtime_tracker": "AirtimeTrackerView",
    "activity_timer": "ActivityTimerView",
    "action_plan": "ActionPlanView",
}

# Kinds whose view shows what the room shared as soon as it is built (see ExerciseContext.room):
# such a view is built only for a learner who is in, never ahead of Join.
READS_THE_ROOM = frozenset({"ideas"})


def view_modules() -> list[str]:
    """Every kind's view module: the kernel zygote imports them once for all its kernels."""
    return [f"{__package__}.{kind}.view" for kind in VIEWS]


def build_exercise(exercise: Any, save: SaveAnswer, context: ExerciseContext) -> ExerciseView:
    # Imported on first use (a forked kernel has them from its zygote already): a kernel started
    # the usual way only pays for the kinds its course shows.
    module = importlib.import_module(f"{__package__}.{exercise.kind}.view")
    view: ExerciseView = getattr(module, VIEWS[exercise.kind])(exercise, save, context)
    return view


def kind_styles() -> str:
    """Every kind's `view.css`, in registry order, for the page template to inline."""
    sheets = (KINDS_DIR / kind / "view.css" for kind in VIEWS)
    return "\n".join(sheet.read_text(encoding="utf-8") for sheet in sheets if sheet.is_file())
