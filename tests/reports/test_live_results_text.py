"""The room's results show learner text cleaned, even from a store an older kit wrote."""

from __future__ import annotations

from pathlib import Path

from coproduce.content.loader import load_course
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store
from coproduce.reports.live_results import results_html

from ..conftest import ROOT, add_try_modules, show_every_result

FIXTURES = ROOT / "tests" / "fixtures"
SNEAKY = "plain words \u202egnp.exe\u202c and a bell\x07 and \u2066isolated"


def test_shown_reflections_and_words_carry_no_control_or_direction_codes(
    course_dir: Path, tmp_path: Path
) -> None:
    add_try_modules(
        course_dir,
        [FIXTURES / "kinds" / "try-word-list.yml", FIXTURES / "report" / "report-thoughts.yml"],
    )
    # One answer each: shown only when the course shows results from the first (K = 1).
    show_every_result(course_dir)
    content = load_course(course_dir)
    store = Store(tmp_path / "data")
    room = SessionStore(store)
    code = room.create_session()
    # Written straight to the store, as an older kit (or a hand-edited database) might have.
    answer = {"text": SNEAKY, "shared": True}
    store.save_answer("learner-0000000001", "report-thoughts", answer, session=code)
    store.save_answer("learner-0000000001", "try-word-list", {"words": [SNEAKY]}, session=code)
    for exercise_id in ("report-thoughts", "try-word-list"):
        exercise = content.exercises[exercise_id]
        shown = results_html(content, exercise, room.shared_answers(code, exercise_id))
        assert "plain words gnp.exe and a bell and isolated" in shown, exercise_id
        assert not any(char in shown for char in "\u202e\u202c\u2066\x07"), exercise_id
