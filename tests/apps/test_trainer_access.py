"""The trainer app needs the trainer's credential: this machine only, or a secret token."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from coproduce.serving.links import address_others_can_reach

from ..conftest import Server, copy_course, start_server, stop_server

pytestmark = pytest.mark.browser


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # report the 302 itself (e.g. to a login page), do not follow it


def _status(url: str) -> int:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def _refuses_connection(host: str, port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(5)
        return probe.connect_ex((host, port)) != 0


@pytest.fixture(scope="module")
def room_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Learners on the network (--ip 0.0.0.0); no token, so the trainer app stays local."""
    base = tmp_path_factory.mktemp("room")
    running = start_server(copy_course(base / "course"), base / "data", extra=("--room",))
    yield running
    stop_server(running.process)


@pytest.fixture(scope="module")
def remote_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("remote")
    extra = ("--room", "--trainer-remote")
    running = start_server(copy_course(base / "course"), base / "data", extra=extra)
    yield running
    stop_server(running.process)


def test_without_a_token_the_trainer_app_answers_on_this_machine_only(
    room_server: Server,
) -> None:
    network_address = address_others_can_reach()
    assert not network_address.startswith("127."), "this machine has no network address to try"
    learner_port = urlsplit(room_server.link).port
    trainer_port = urlsplit(room_server.trainer_link).port
    assert learner_port and trainer_port
    assert urlsplit(room_server.trainer_link).hostname == "localhost"
    assert _status(f"http://{network_address}:{learner_port}/voila/static/require.min.js") == 200
    assert _refuses_connection(network_address, trainer_port)
    assert _status(room_server.trainer_link) == 200


def test_with_a_token_the_trainer_app_refuses_anyone_without_it(remote_server: Server) -> None:
    link = urlsplit(remote_server.trainer_link)
    assert link.query.startswith("token=") and len(link.query) > 30
    without_token = f"{link.scheme}://{link.netloc}/"
    assert _status(without_token) in {401, 403, 302}
    wrong_token = f"{without_token}?token=not-the-token"
    assert _status(wrong_token) in {401, 403, 302}
    # The right token signs the trainer in with a cookie and leaves the address bar.
    assert _status(remote_server.trainer_link) == 302


def test_the_learner_link_does_not_open_the_trainer_app(room_server: Server) -> None:
    for path in ("voila/render/trainer.ipynb", "trainer.ipynb", "voila/files/trainer.ipynb"):
        try:
            with urllib.request.urlopen(room_server.base + path, timeout=60) as response:
                status = int(response.status)
        except urllib.error.HTTPError as error:
            status = int(error.code)
        assert status in {403, 404}, f"{path} answered {status}"
