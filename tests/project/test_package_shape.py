"""The package's shape: rooms on floors, arrows only pointing down, no import cycle, small files.

A room may import rooms on lower floors and itself, never a room on its own floor or above. The
floors are written here once; each room's `__init__.py` says the same in words.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "coproduce"
FLOORS: dict[str, int] = {
    "config": 0,
    "text": 0,
    "content": 1,
    "live": 2,
    "kinds": 2,
    "reports": 3,
    "grading": 3,
    "authoring": 3,
    "apps": 4,
    "notebook": 5,
    "serving": 5,
    "cli": 6,
    "hub": 7,  # the JupyterHub recipe: loaded by the hub's config file, imported by nobody
}
ROOT_FILES = {"__init__.py", "__main__.py", "cli.py"}
MAX_LINES = 350


def module_name(path: Path) -> str:
    parts = ["coproduce", *path.relative_to(PACKAGE).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every coproduce module a file imports, relative imports resolved."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package.pop()
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                stem = package[: len(package) - node.level + 1]
                base = ".".join([*stem, base] if base else stem)
            found.add(base)
            # `from coproduce.grading import nbgrader_apps` imports a module too.
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "coproduce" or name.startswith("coproduce.")}


def import_graph(package: Path) -> dict[str, set[str]]:
    modules = {module_name(path): path for path in package.rglob("*.py")}
    return {
        name: {target for target in imports_of(path) if target in modules and target != name}
        for name, path in modules.items()
    }


def room_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "cli"


def upward_arrows(graph: dict[str, set[str]], floors: dict[str, int]) -> list[str]:
    wrong = []
    for source, targets in graph.items():
        for target in targets:
            here, there = room_of(source), room_of(target)
            if here != there and floors[there] >= floors[here]:
                wrong.append(f"{source} -> {target} ({here} may not import {there})")
    return sorted(wrong)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import cycle once, found by depth-first search."""
    found: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                found.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_every_room_has_a_floor_and_says_its_job() -> None:
    rooms = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    assert rooms == set(FLOORS) - {"cli"}
    for room in rooms:
        doc = ast.get_docstring(ast.parse((PACKAGE / room / "__init__.py").read_text()))
        assert doc and len(doc) > 40, f"{room}/__init__.py should say what the room holds"


def test_the_package_root_holds_only_the_entry_points() -> None:
    files = {path.name for path in PACKAGE.iterdir() if path.is_file()}
    assert files <= ROOT_FILES


def test_arrows_only_point_down() -> None:
    assert upward_arrows(import_graph(PACKAGE), FLOORS) == []


def test_no_import_cycle() -> None:
    assert cycles(import_graph(PACKAGE)) == []


def test_no_file_is_over_350_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*")
        if path.suffix in {".py", ".js", ".css", ".j2"}
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_each_kind_lives_in_one_folder() -> None:
    from coproduce.content.explain import EXERCISE_KINDS
    from coproduce.kinds.registry import VIEWS

    assert set(VIEWS) == set(EXERCISE_KINDS)
    for kind in VIEWS:
        folder = PACKAGE / "kinds" / kind
        assert (folder / "view.py").is_file(), kind
        assert not list(PACKAGE.rglob(f"{kind}.css")), "a kind's CSS belongs in its folder"


# The checks above must be able to fail: here they meet a small package built to break them.
def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "coproduce" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root / "coproduce"


def test_an_upward_arrow_and_a_cycle_are_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _write(
        tmp_path,
        {
            "__init__.py": "",
            "content/__init__.py": "",
            "content/a.py": "from coproduce.content.b import x\nfrom coproduce.apps import y\n",
            "content/b.py": "from .a import z\n",
            "apps/__init__.py": "",
        },
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", package)
    graph = import_graph(package)
    assert upward_arrows(graph, FLOORS) == [
        "coproduce.content.a -> coproduce.apps (content may not import apps)"
    ]
    assert cycles(graph) == [["coproduce.content.a", "coproduce.content.b", "coproduce.content.a"]]
