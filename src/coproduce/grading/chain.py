"""`coproduce grade SESSION_CODE`: generate, release, collect, autograde, feedback, certificates.

Each learner is graded on their own, so one submission that fails or runs past nbgrader's
execution timeout is reported and the rest carry on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from coproduce.content.loader import load_course
from coproduce.grading import nbgrader_apps
from coproduce.grading.collect import collect, session_answers
from coproduce.grading.feedback import write_certificates
from coproduce.grading.generate import generate_sources, release_is_current
from coproduce.grading.paths import assignment_id, grading_root
from coproduce.grading.progress import Progress
from coproduce.live.store import Store


@dataclass
class GradeReport:
    session: str
    graded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)  # learner id -> what went wrong
    skipped: list[str] = field(default_factory=list)
    certificates: int = 0
    notebooks: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def grade_session(
    course_root: Path,
    store_target: str | Path,
    session_code: str,
    *,
    timeout: int | None = None,
    force: bool = False,
    stream: TextIO | None = None,
) -> GradeReport:
    content = load_course(course_root)
    assignment = assignment_id(session_code)
    folder = grading_root(content.root)
    report = GradeReport(assignment)
    store = Store(store_target)
    try:
        found = session_answers(store, assignment)
    finally:
        store.close()
    if not found:
        raise LookupError(f"Nobody joined or answered in session {assignment}.")
    generated = generate_sources(content, folder, assignment)
    report.notebooks = generated.notebooks
    if not generated.notebooks:
        raise LookupError("No exercise in the course is graded: set graded: true and points.")
    progress = Progress(3 + len(found), stream, f"Grading {assignment} ")
    api = nbgrader_apps.open_api(folder, timeout)
    if not release_is_current(folder, assignment, generated):
        nbgrader_apps.release(api, assignment)
    progress.step("release version ready")
    collected = collect(content, folder, assignment, found)
    report.skipped = collected.skipped
    for learner in collected.skipped:
        progress.note(f"  skipped a learner id that cannot be a folder name: {learner[:20]!r}")
    progress.step(f"{len(collected.submitted)} submissions collected")
    for learner in collected.submitted:
        fresh = force or learner in collected.changed
        result = nbgrader_apps.autograde(api, assignment, learner, force=fresh)
        progress.step(f"autograded {learner[:8]}")
        if not result.ok:
            report.problems[learner] = result.message
            progress.note(f"  {learner}: {result.message}")
        if (folder / "autograded" / learner / assignment).is_dir():
            (report.graded if fresh else report.unchanged).append(learner)
    # Feedback for everyone in one nbgrader run (comments may be new even where answers are
    # not); only if that run fails is each learner retried alone, to find whose failed.
    graded = [*report.graded, *report.unchanged]
    if graded and not nbgrader_apps.generate_feedback(api, assignment, None).ok:
        for learner in graded:
            feedback = nbgrader_apps.generate_feedback(api, assignment, learner)
            if not feedback.ok:
                report.problems.setdefault(learner, feedback.message)
                progress.note(f"  {learner}: {feedback.message}")
    progress.step(f"feedback for {len(graded)} learners")
    report.certificates = write_certificates(content, folder, assignment)
    progress.finish()
    return report
