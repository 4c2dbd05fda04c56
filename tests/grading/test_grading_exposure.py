"""The nbgrader course is never served: a canary in a solution and a hidden test stays hidden.

The canary is planted in the source notebook (inside the solution region and the hidden tests),
released with nbgrader, and a learner's submission is graded with it. Then a real
`coproduce serve` on that course is probed on every path a curious learner might try, and the
graded learner reads their feedback in Chromium while every websocket frame is recorded.
"""

from __future__ import annotations

import secrets
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest

from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course
from coproduce.content.model import KnowledgeCheck
from coproduce.grading import nbgrader_apps
from coproduce.grading.collect import collect, session_answers
from coproduce.grading.feedback import feedback_html
from coproduce.grading.generate import cell_id, generate_sources, marked_modules
from coproduce.grading.paths import grading_root
from coproduce.live.learner_ids import learner_secret, token_for
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

from ..browser_support import DESKTOP, join_session
from ..conftest import Server, copy_course, start_server, stop_server, switch_on_marking

pytestmark = pytest.mark.browser

CANARY = f"CANARY-{secrets.token_hex(8)}"


@dataclass
class Planted:
    server: Server
    course: Path
    content: CourseContent
    code: str
    learner: str


def _signed(planted: Planted) -> str:
    """The planted learner's id as their browser holds it: signed with the server's secret."""
    secret = bytes.fromhex(learner_secret(planted.server.data_dir))
    return token_for(planted.learner, secret)


def _plant(folder: Path, code: str, exercise: KnowledgeCheck) -> None:
    path = folder / "source" / code / "course.ipynb"
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id == cell_id(exercise.id, "answer"):
            cell.source = cell.source.replace(
                "### BEGIN SOLUTION", f"### BEGIN SOLUTION\n# {CANARY} solution"
            )
        elif grade_id == cell_id(exercise.id, "marks"):
            cell.source = cell.source.replace(
                "### BEGIN HIDDEN TESTS", f"### BEGIN HIDDEN TESTS\n# {CANARY} hidden test"
            )
    nbformat.write(notebook, path)
    assert path.read_text().count(CANARY) == 2


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Planted]:
    """A served session whose one learner has been graded with a canary in the course."""
    base = tmp_path_factory.mktemp("canary")
    course = copy_course(base / "course")
    switch_on_marking(course)  # an assessed cohort: the learner app offers My feedback
    content = load_course(course)
    folder = grading_root(course)
    data = base / "data"
    server = start_server(course, data, class_size=2)
    code = server.code
    store = Store(data)
    learner = secrets.token_hex(16)
    SessionStore(store).join(code, learner, "", "Prefer not to say")
    exercise = next(
        exercise
        for marked in marked_modules(content)
        for exercise in marked.exercises
        if isinstance(exercise, KnowledgeCheck)
    )
    store.save_answer(learner, exercise.id, {"selected": [0]}, session=code)
    generate_sources(content, folder, code)
    _plant(folder, code, exercise)
    api = nbgrader_apps.open_api(folder)
    nbgrader_apps.release(api, code)
    assert CANARY not in (folder / "release" / code / "course.ipynb").read_text()
    collect(content, folder, code, session_answers(store, code))
    store.close()
    assert nbgrader_apps.autograde(api, code, learner, force=True).ok
    assert nbgrader_apps.generate_feedback(api, code, learner).ok
    # nbgrader put the hidden test back to grade with it: the canary really is in the course.
    assert CANARY in (folder / "autograded" / learner / code / "course.ipynb").read_text()
    yield Planted(server, course, content, code, learner)
    stop_server(server.process)


def _probes(code: str, learner: str) -> list[str]:
    inside = [
        f"source/{code}/course.ipynb",
        f"release/{code}/course.ipynb",
        f"submitted/{learner}/{code}/course.ipynb",
        f"autograded/{learner}/{code}/course.ipynb",
        f"feedback/{learner}/{code}/course.html",
        "gradebook.db",
        "nbgrader_config.py",
    ]
    probes = []
    for path in inside:
        probes += [
            f"exercises/nbgrader/{path}",
            f"voila/files/exercises/nbgrader/{path}",
            f"voila/files/../../exercises/nbgrader/{path}",
            f"voila/files/{path}",
            f"files/exercises/nbgrader/{path}",
            f"voila/static/../../exercises/nbgrader/{path}",
        ]
    probes += [
        f"voila/render/exercises/nbgrader/source/{code}/course.ipynb",
        f"voila/render/exercises/nbgrader/autograded/{learner}/{code}/course.ipynb",
        "voila/tree/exercises/nbgrader",
        "voila/api/contents/exercises/nbgrader",
        "api/contents/exercises/nbgrader/gradebook.db",
        "formgrader",
        "voila/formgrader",
        "formgrader/api/assignments",
        "voila/templates/coproduce/static/../../../../../../exercises/nbgrader/gradebook.db",
    ]
    return probes


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def test_no_learner_reachable_url_holds_the_canary(planted: Planted) -> None:
    status, page = _fetch(planted.server.link)
    assert status == 200 and CANARY not in page
    for path in _probes(planted.code, planted.learner):
        status, body = _fetch(planted.server.base + path)
        assert CANARY not in body, f"{path} ({status}) leaked the canary"
        assert "SQLite format" not in body and "nbgrader" not in body.lower(), path
        assert status in {403, 404, 405, 500}, path
        assert "Traceback" not in body


def test_the_nbgrader_course_is_outside_what_voila_serves(planted: Planted) -> None:
    app_folder = planted.server.data_dir / "app"
    assert sorted(path.name for path in app_folder.iterdir()) == ["learner.ipynb"]
    folder = grading_root(planted.course).resolve()
    assert not folder.is_relative_to(app_folder.resolve())
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"


def test_the_learners_feedback_holds_no_solution_or_hidden_test(planted: Planted) -> None:
    page = feedback_html(planted.course, planted.code, planted.learner, planted.content)
    assert page is not None and "My feedback" in page
    assert CANARY not in page and "HIDDEN TESTS" not in page and "SOLUTION" not in page


def test_no_widget_message_holds_the_canary_when_the_learner_reads_feedback(
    planted: Planted, browser: Any
) -> None:
    """The graded learner opens My feedback in Chromium; every websocket frame is recorded."""
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(
        f"window.localStorage.setItem('coproduce-learner-id', '{_signed(planted)}')"
    )
    page = context.new_page()
    received: list[str] = []

    def keep(payload: str | bytes) -> None:
        received.append(payload if isinstance(payload, str) else payload.decode("utf-8", "replace"))

    page.on("websocket", lambda socket: socket.on("framereceived", keep))
    page.goto(planted.server.link)
    join_session(page)
    page.get_by_role("button", name="My feedback").click()
    feedback = page.locator(".cp-feedback")
    feedback.wait_for(timeout=30_000)
    assert "No feedback yet" not in feedback.inner_text()
    assert received, "no websocket messages were recorded"
    frames = "\n".join(received)
    assert CANARY not in frames and CANARY not in page.content()
    assert "BEGIN HIDDEN TESTS" not in frames and "BEGIN SOLUTION" not in frames
    context.close()
