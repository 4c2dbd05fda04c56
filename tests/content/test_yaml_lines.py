"""Reading YAML with each key's line: libyaml's fast parser for the files as they are, PyYAML's
own parser for the message when a file does not parse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from coproduce.content import yaml_lines
from coproduce.content.errors import ContentError, ContentProblem
from coproduce.content.yaml_lines import load_yaml

ROOT = Path(__file__).resolve().parents[2]
COURSE_FILES = sorted(
    path for folder in ("course", "modules", "exercises") for path in (ROOT / folder).rglob("*.yml")
)


def _lines(data: Any) -> Any:
    """Every mapping's own line and its keys' lines, nested as the data is."""
    if isinstance(data, dict):
        own = (getattr(data, "line", None), getattr(data, "key_lines", None))
        return [own, {key: _lines(value) for key, value in data.items()}]
    if isinstance(data, list):
        return [_lines(item) for item in data]
    return None


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
def test_the_course_is_read_with_libyaml() -> None:
    assert issubclass(yaml_lines._FastLoader, yaml.CSafeLoader)


@pytest.mark.parametrize("path", COURSE_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_both_parsers_read_each_course_file_alike_lines_and_all(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = yaml.load(text, Loader=yaml_lines._FastLoader)
    slow = yaml.load(text, Loader=yaml_lines._LineLoader)
    assert fast == slow
    assert _lines(fast) == _lines(slow)
    assert _lines(load_yaml(path)) == _lines(slow)


def _problem(folder: Path, text: str) -> ContentProblem:
    """The one problem load_yaml reports for a file holding `text`."""
    path = folder / "file.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_yaml(path)
    return raised.value.problems[0]


def test_a_tab_gets_the_tabs_fix_with_its_line(tmp_path: Path) -> None:
    problem = _problem(tmp_path, "title: A poll\noptions:\n\t- one\n")
    assert problem.line == 3
    assert problem.fix == yaml_lines.say("yaml.fix.tabs")


def test_a_key_written_twice_is_named_with_its_line(tmp_path: Path) -> None:
    problem = _problem(tmp_path, "title: One\nprompt: Two\ntitle: Three\n")
    assert problem.line == 3
    assert "title" in problem.message
    assert problem.fix == yaml_lines.say("yaml.fix.key_twice")
