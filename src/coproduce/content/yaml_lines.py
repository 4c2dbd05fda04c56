"""Read YAML while remembering the line of every key, so errors can point at it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from coproduce.content.author_messages import problem, say
from coproduce.content.errors import ContentError


class LineDict(dict[str, Any]):
    """A mapping that knows the 1-based line of itself and of each of its keys."""

    line: int = 1
    key_lines: dict[str, int]


def _construct_mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, say("yaml.key_twice", key=key), key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[str(key)] = key_node.start_mark.line + 1
    return mapping


class _LineLoader(yaml.SafeLoader):
    """PyYAML's own parser, written in Python: slow, but its messages name what is wrong (a tab,
    say), so a file that does not parse is read again with it for the message."""


# libyaml's parser, in C, reads the course's files about ten times faster: every learner kernel
# reads them all as it starts (see benchmarks/class_burst.py's warm-up figures).
_FastLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", _LineLoader)

for _loader in (_LineLoader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error becomes a ContentError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError([problem("yaml.not_utf8", path, None)]) from None
    try:
        return yaml.load(text, Loader=_FastLoader)  # a safe loader: no Python objects
    except yaml.YAMLError:
        pass
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        detail = error.problem or str(error)
        fix = _yaml_fix(detail)
        raise ContentError([problem("yaml.invalid", path, line, detail=detail, fix=fix)]) from None


def _yaml_fix(detail: str) -> str:
    if "appears twice" in detail:  # yaml.key_twice, raised above
        return say("yaml.fix.key_twice")
    if "tab" in detail or "'\\t'" in detail:  # libyaml says "tab", PyYAML shows it as '\t'
        return say("yaml.fix.tabs")
    return say("yaml.fix.other")


def line_of(data: Any, location: tuple[int | str, ...]) -> int | None:
    """The line of the deepest key along `location` that the YAML recorded."""
    line = getattr(data, "line", None)
    node = data
    for part in location:
        if isinstance(node, LineDict) and isinstance(part, str) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            line = getattr(node, "line", line)
        else:
            break
    return line


def key_line(path: Path, key: str) -> int | None:
    return _first_line(path, lambda text: text.lstrip().startswith(f"{key}:"))


def agenda_line(path: Path, slug: str) -> int | None:
    return _first_line(path, lambda text: slug in text and "module" in text)


def list_item_line(path: Path, item: str) -> int | None:
    return _first_line(path, lambda text: text.strip().lstrip("- ").strip("'\"") == item)


def step_line(path: Path, kind: str, what: str) -> int | None:
    """The line of a plan step such as `- exercise: ground-rules`."""
    return _first_line(
        path,
        lambda text: (
            text.strip().lstrip("- ").startswith(f"{kind}:")
            and text.split(":", 1)[1].strip().strip("'\"") == what
        ),
    )


def text_line(path: Path, text: str) -> int | None:
    """The first line holding `text`: where a list item written as plain text begins."""
    return _first_line(path, lambda line: bool(text.strip()) and text.strip() in line)


def _first_line(path: Path, matches: Any) -> int | None:
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if matches(text):
            return number
    return None
