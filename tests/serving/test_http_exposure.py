"""Only the learner app is reachable: no exercise definitions, data, gradebook or notebooks."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from coproduce.content.loader import load_course

from ..conftest import ROOT, Server

pytestmark = pytest.mark.browser

# Paths a curious learner might try; none may give back anything secret.
PROBES = [
    "exercises/coproduction-or-not.yml",
    "voila/files/exercises/coproduction-or-not.yml",
    "voila/files/../../exercises/coproduction-or-not.yml",
    "voila/files/learner.ipynb",
    "voila/files/coproduce.sqlite",
    "voila/files/../coproduce.sqlite",
    "files/data/coproduce.sqlite",
    "data/coproduce.sqlite",
    "voila/render/modules/02-what-coproduction-is/content.md",
    "voila/tree",
    "voila/api/contents/",
    "api/contents/exercises",
    "tree",
    "gradebook.db",
    "voila/files/gradebook.db",
    "voila/templates/coproduce/static/../../../../../../exercises/coproduction-or-not.yml",
    "voila/static/../../exercises/coproduction-or-not.yml",
    "voila/render/trainer.ipynb",
    "voila/files/trainer.ipynb",
    "voila/files/../trainer-app/trainer.ipynb",
    "trainer.ipynb",
]


def _secrets() -> list[str]:
    exercise = load_course(ROOT).exercises["coproduction-or-not"]
    texts = [exercise.explanation, *(option.feedback for option in exercise.options)]
    return [text[:40] for text in texts] + ["correct: true", "SQLite format"]


def _fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.parametrize("path", PROBES)
def test_nothing_secret_is_served(server: Server, path: str) -> None:
    status, body = _fetch(server.base + path)
    text = body.decode("utf-8", "replace")
    for secret in _secrets():
        assert secret not in text, f"{path} ({status}) leaked {secret!r}"
    # Voila answers some malformed static paths with a bare 500; that refuses too, if it is bare.
    assert status in {200, 403, 404, 405, 500}
    assert "Traceback" not in text


def test_the_learner_page_holds_no_answers(server: Server) -> None:
    status, body = _fetch(server.link)
    text = body.decode()
    assert status == 200
    assert 'lang="en"' in text and "<main" in text and "<header" in text
    for secret in _secrets():
        assert secret not in text


def test_the_store_lives_outside_the_served_folder(server: Server) -> None:
    store = server.data_dir / "coproduce.sqlite"
    app_folder = server.data_dir / "app"
    assert store.is_file()
    assert sorted(path.name for path in app_folder.iterdir()) == ["learner.ipynb"]
    assert Path(app_folder, "..", "coproduce.sqlite").resolve() == store.resolve()


def test_the_learner_page_loads_only_the_front_end_extensions_it_needs(server: Server) -> None:
    status, page = _fetch(server.link)
    assert status == 200
    config = json.loads(re.search(rb'id="jupyter-config-data"[^>]*>(.*?)</script>', page, re.S)[1])
    loaded = sorted(extension["name"] for extension in config["federated_extensions"])
    assert loaded == [
        "@jupyter-widgets/jupyterlab-manager",
        "@voila-dashboards/widgets-manager8",
        "anywidget",
    ]
