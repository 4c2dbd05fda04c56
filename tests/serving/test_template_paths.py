"""Probing /voila/templates/... gets a plain 404, never a 500 with a traceback in the terminal.

Voila's own handler for template files assumes every path has the shape
`<template>/static/<file>`; anything else (a missing "static", a "..") raised inside it.
"""

from __future__ import annotations

import http.client
from urllib.parse import urlparse

import pytest

from ..conftest import Server

pytestmark = pytest.mark.browser  # a real server

MALFORMED = [
    "/voila/templates/coproduce/static/../conf.json",
    "/voila/templates/coproduce/static/%2e%2e/conf.json",
    "/voila/templates/coproduce/conf.json",
    "/voila/templates/coproduce",
    "/voila/templates/",
    "/voila/templates/..%2f..%2fconf.json",
    "/voila/templates/coproduce/nope/coproduce.css",
    "/voila/templates/coproduce/static/",
    "/voila/templates/coproduce/static/../../../../../../etc/passwd",
    "/voila/templates/coproduce/static/nope.css",
]


def _get(link: str, path: str) -> tuple[int, bytes]:
    """A raw request, so the path reaches the server exactly as written (no '..' folding)."""
    address = urlparse(link)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.mark.parametrize("which", ["learner", "trainer"])
def test_a_malformed_template_path_is_a_plain_404(server: Server, which: str) -> None:
    link = server.link if which == "learner" else server.trainer_link
    for path in MALFORMED:
        status, body = _get(link, path)
        assert status == 404, f"{path}: {status}"
        assert b"Traceback" not in body and b"conf.json" not in body
    status, body = _get(link, "/voila/templates/coproduce/static/coproduce.css")
    assert status == 200 and b".cp-page" in body
    log = server.log.read_text(encoding="utf-8", errors="replace")
    assert "Uncaught exception" not in log
    assert "Traceback" not in log
