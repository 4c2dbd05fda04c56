"""The links a room is given: an address other devices can reach, or a plain note."""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

import pytest

from coproduce.apps import trainer_app
from coproduce.config.settings import LOOPBACK_ONLY_ENV
from coproduce.content.loader import load_course
from coproduce.serving.links import Addresses, address_others_can_reach
from coproduce.serving.serve import ServeOptions, server_environment

ROOT = Path(__file__).resolve().parents[2]


def test_on_loopback_the_link_says_localhost_and_no_other_name_is_answered() -> None:
    here = Addresses("127.0.0.1", 8866, 8867)
    assert here.learner_link("ABC123") == "http://localhost:8866/?code=ABC123"
    assert here.loopback_only
    assert here.learner_host_names() == []
    assert here.trainer_host_names() == []


def test_a_room_gets_this_machines_network_address_not_localhost() -> None:
    with mock.patch("coproduce.serving.links.address_others_can_reach", return_value="192.0.2.7"):
        room = Addresses("0.0.0.0", 8866, 8867)
        assert room.learner_link("ABC123") == "http://192.0.2.7:8866/?code=ABC123"
        assert not room.loopback_only
        assert "192.0.2.7" in room.learner_host_names()
        # No token: the trainer app stays on this computer, whatever the learners use.
        assert room.trainer_link() == "http://localhost:8867/"
        assert room.trainer_host_names() == []


def test_a_public_url_overrides_the_address_and_is_answered() -> None:
    proxied = Addresses("127.0.0.1", 8866, 8867, public_url="https://course.example.ac.uk/room1/")
    assert proxied.learner_link("ABC123") == "https://course.example.ac.uk/room1/?code=ABC123"
    assert not proxied.loopback_only
    assert "course.example.ac.uk" in proxied.learner_host_names()


def test_the_network_address_is_not_loopback_when_the_machine_has_a_network() -> None:
    address = address_others_can_reach()
    if address.startswith("127."):
        pytest.skip("this machine has no network")
    assert address not in {"localhost", "0.0.0.0"}


def test_the_trainer_app_says_when_only_this_computer_can_join(tmp_path: Path) -> None:
    content = load_course(ROOT)
    words = content.interface.server
    local = server_environment(ServeOptions(ROOT, tmp_path), "ABC123")
    with mock.patch.dict(os.environ, {LOOPBACK_ONLY_ENV: local[LOOPBACK_ONLY_ENV]}):
        note = trainer_app._reach_note(content)
    assert words.only_this_computer in note and "--room" in note
    room = server_environment(ServeOptions(ROOT, tmp_path, ip="0.0.0.0"), "ABC123")
    with mock.patch.dict(os.environ, {LOOPBACK_ONLY_ENV: room[LOOPBACK_ONLY_ENV]}):
        assert trainer_app._reach_note(content) == ""
