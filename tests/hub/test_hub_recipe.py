"""The hub recipe's small parts, without a hub: names, passwords, the trainer's form."""

from __future__ import annotations

import pytest

pytest.importorskip("jupyterhub", reason="the hub extra is not installed: pip install -e .[hub]")

from coproduce.hub.authenticator import learner_name, session_of
from coproduce.hub.passwords import check_password, hash_password
from coproduce.hub.spawning import ServerPlan


def test_a_learners_hub_name_carries_the_session_and_nothing_else() -> None:
    name = learner_name("K7M2QX")
    assert name.startswith("l-k7m2qx-") and len(name) == len("l-k7m2qx-") + 8
    assert session_of(name) == "K7M2QX"
    assert learner_name("K7M2QX") != name
    for other in ("trainer-one", "l-k7m2qx", "l-k7m2qx-short", "admin"):
        assert session_of(other) is None


def test_trainer_passwords_are_salted_hashes() -> None:
    stored = hash_password("a long enough password", rounds=1000)
    assert "a long enough password" not in stored
    assert check_password("a long enough password", stored)
    assert not check_password("a long enough passwore", stored)
    assert not check_password("x", "not-a-hash")
    assert hash_password("same", rounds=1000) != hash_password("same", rounds=1000)


def test_the_trainers_form_takes_a_code_or_nothing() -> None:
    assert ServerPlan.options_from_form({"session": [" k7m2qx "]}) == {"session": "K7M2QX"}
    assert ServerPlan.options_from_form({"session": [""]}) == {}
    assert ServerPlan.options_from_form({}) == {}
