"""Who a browser is, as the kernel decides it: only ids the server issued reach any answers.

A learner's answers are keyed by their learner id, so an id the server never issued (a run of
zeros, another learner's id with its signature altered) must reach nobody's answers: the
browser is given a fresh id of its own instead. A learner's own id is accepted on every visit.
Each "browser" here is a new learner app, sent its stored id the way the page's script sends it.
"""

from __future__ import annotations

from pathlib import Path

from coproduce.apps.learner_app import LearnerApp
from coproduce.content.loader import load_course
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

from ..kinds.page_script import set_from_page

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_course(ROOT)
PRIVATE = {"text": "Something only I should read.", "shared": False, "skipped": False}
EXERCISE = "speak-freely"


def _browser(store: Store, code: str, stored_id: str) -> LearnerApp:
    """A page load whose browser holds `stored_id` in its local storage ('' for none)."""
    app = LearnerApp(CONTENT, store, code)
    set_from_page(app.identity, link_code=code, learner_id=stored_id or "none")
    return app


def _stop(*apps: LearnerApp) -> None:
    for app in apps:
        if app.follower:
            app.follower.stop()


def _first_visit(store: Store, code: str) -> tuple[LearnerApp, str]:
    """A new browser joins and writes a private reflection; returns its app and stored id."""
    app = _browser(store, code, "")
    given = app.identity.learner_id
    assert given, "a new browser is given an id by the kernel"
    assert app._join(code, "", "Researcher") is None
    app.session.save(EXERCISE, PRIVATE)
    return app, given


def test_a_made_up_id_of_the_right_shape_reaches_no_answers(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sessions = SessionStore(store)
    code = sessions.create_session()
    zeros = "0" * 32
    # Someone's answers under an id of the right shape that this server never issued.
    sessions.join(code, zeros, "", "Researcher")
    store.save_answer(zeros, EXERCISE, PRIVATE, session=code)

    app = _browser(store, code, zeros)
    try:
        assert app.session.learner_id != zeros
        assert app.identity.learner_id not in ("", zeros), "the browser gets a fresh id"
        assert app.session.stored == {}
        assert app.widget.children[1] is app.join.widget, "a stranger must join first"
    finally:
        _stop(app)


def test_another_learners_id_with_its_signature_altered_is_refused(tmp_path: Path) -> None:
    store = Store(tmp_path)
    code = SessionStore(store).create_session()
    owner, given = _first_visit(store, code)
    # Each tamper really changes the token: a random id may already hold the letter put in, and
    # base64's last letter carries spare bits (A and B can decode alike), so the swaps differ in
    # their high bits.
    last = "g" if given[-1] in "ABCD" else "A"
    tenth = "x" if given[10] != "x" else "Q"
    tampered = [given[:-1] + last, given[:10] + tenth + given[11:]]
    # The learner part alone, or with a signature made up for it, is refused too.
    learner_part = owner.session.learner_id or ""
    tampered += [learner_part, learner_part + "." + "0" * 43]
    apps = [_browser(store, code, forged) for forged in tampered]
    try:
        for forged, app in zip(tampered, apps, strict=True):
            assert app.session.learner_id != owner.session.learner_id, forged
            assert app.identity.learner_id != forged
            assert app.session.stored == {}
    finally:
        _stop(owner, *apps)


def test_a_learners_own_id_is_accepted_on_every_visit(tmp_path: Path) -> None:
    store = Store(tmp_path)
    code = SessionStore(store).create_session()
    first, given = _first_visit(store, code)
    again = _browser(store, code, given)  # a refresh: a new kernel, the same browser
    try:
        assert again.identity.learner_id == given, "the browser keeps its own id"
        assert again.session.learner_id == first.session.learner_id
        assert again.session.stored[EXERCISE] == PRIVATE
        assert again.widget.children[1] is again.course, "straight back, no join form"
    finally:
        _stop(first, again)
