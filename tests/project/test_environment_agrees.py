"""environment.yml must offer conda users exactly the dependencies pyproject.toml declares."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
NOT_PACKAGES = {"python", "pip", "-e ."}


def _normalise(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group(1)).lower(), match.group(2).replace(" ", "")


def _pyproject_requirements() -> set[tuple[str, str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        listed += extra
    return {_normalise(item) for item in listed}


def _conda_requirements() -> set[tuple[str, str]]:
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    listed: list[str] = []
    for item in environment["dependencies"]:
        if isinstance(item, dict):
            listed += item["pip"]
        else:
            listed.append(item)
    return {_normalise(item) for item in listed if item.split("=")[0] not in NOT_PACKAGES}


def test_environment_yml_lists_the_same_dependencies_as_pyproject() -> None:
    assert _conda_requirements() == _pyproject_requirements()


def test_security_floors_are_required() -> None:
    requirements = dict(_pyproject_requirements())
    assert requirements["voila"] == ">=0.5.6"
    assert requirements["jupyter-server"] == ">=2.20"


def test_constraints_pin_every_dependency_to_one_version() -> None:
    pinned = {
        _normalise(line)[0]
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert all("==" in line for line in (ROOT / "constraints.txt").read_text().splitlines() if line)
    assert {name for name, _ in _pyproject_requirements()} <= pinned
