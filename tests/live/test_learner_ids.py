"""Learner ids the server issues: random, signed under a secret, refused when made up or altered."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest

from coproduce.config.settings import LEARNER_SECRET_ENV
from coproduce.live import learner_ids
from coproduce.live.learner_ids import issue, learner_secret, token_for, verify

SECRET = b"k" * 32
OTHER = b"o" * 32


def test_an_issued_id_is_accepted_and_names_its_learner() -> None:
    token = issue(SECRET)
    learner = verify(token, SECRET)
    assert learner is not None and token.startswith(learner + ".")
    assert token_for(learner, SECRET) == token


def test_an_issued_id_holds_at_least_128_random_bits() -> None:
    learners = [verify(issue(SECRET), SECRET) for _ in range(200)]
    assert len(set(learners)) == 200
    for learner in learners:
        assert learner is not None
        raw = base64.urlsafe_b64decode(learner + "=" * (-len(learner) % 4))
        assert len(raw) * 8 >= 128


@pytest.mark.parametrize(
    "made_up",
    [
        "0" * 32,  # the right shape for the store, never issued
        "0" * 32 + "." + "0" * 43,
        "",
        ".",
        "abc",
        None,
        12345,
        ["0" * 32],
        "../../etc/passwd-aaaaaaaaaaaaaaa." + "A" * 43,
        "<img src=x onerror=alert(1)>aaaa." + "A" * 43,
    ],
)
def test_a_made_up_id_is_refused(made_up: object) -> None:
    assert verify(made_up, SECRET) is None


def test_any_change_to_an_issued_id_is_refused() -> None:
    token = issue(SECRET)
    for at in range(len(token)):
        for swap in ("A", "b", "0", "-", "_", "."):
            if token[at] != swap:
                changed = token[:at] + swap + token[at + 1 :]
                assert verify(changed, SECRET) is None, changed
    assert verify(token + "A", SECRET) is None
    assert verify(token[:-1], SECRET) is None
    assert verify(" " + token, SECRET) is None


def test_an_id_from_another_servers_secret_is_refused() -> None:
    assert verify(issue(OTHER), SECRET) is None


def test_an_overlong_learner_part_is_refused_even_if_signed() -> None:
    with pytest.raises(ValueError):
        token_for("a" * 65, SECRET)
    assert verify("a" * 65 + "." + token_for("a" * 64, SECRET).split(".")[1], SECRET) is None


def test_the_server_secret_is_made_once_for_the_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = learner_secret(data)
    path = data / learner_ids.SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(bytes.fromhex(first)) >= 32
    assert learner_secret(data) == first  # a restart keeps it, so ids stay good
    path.chmod(0o644)
    assert learner_secret(data) == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_kernels_use_the_servers_secret_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(LEARNER_SECRET_ENV, SECRET.hex())
    token = issue()
    assert verify(token, SECRET) is not None
    assert verify(token) is not None
    monkeypatch.setenv(LEARNER_SECRET_ENV, OTHER.hex())
    assert verify(token) is None


def test_without_a_server_secret_a_kernel_signs_with_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(LEARNER_SECRET_ENV, raising=False)
    token = issue()
    assert verify(token) is not None
    assert verify(token, SECRET) is None
    assert os.environ.get(LEARNER_SECRET_ENV) is None
