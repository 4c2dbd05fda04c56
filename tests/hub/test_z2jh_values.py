"""The Zero to JupyterHub values file against its chart's own values schema.

The schema and the chart's default values are `jupyterhub/values.schema.yaml` and
`jupyterhub/values.yaml` at the pinned chart version (4.2.0, BSD-3-Clause, Project Jupyter
Contributors), fetched by `.ci/install-hub` into deploy/z2jh/.cache/ (not kept in this
repository). Like `helm install`, the check validates our values merged over the chart's
defaults; the chart forbids keys it does not know, so a typo'd key fails.

Where the schema cannot be fetched (CI reaches PyPI, Debian and npm, not GitHub), the keys the
chart accepts at each level our file sets are checked from `deploy/z2jh/chart-keys.yaml`, listed
from that schema; that check runs everywhere, so a typo'd key fails in CI too.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.hub

CHART_VERSION = "4.2.0"
VALUES = ROOT / "deploy" / "z2jh" / "values.yaml"
CACHE = ROOT / "deploy" / "z2jh" / ".cache"
SCHEMA = CACHE / f"values.schema-{CHART_VERSION}.yaml"
DEFAULTS = CACHE / f"values-{CHART_VERSION}.yaml"
CHART_KEYS = ROOT / "deploy" / "z2jh" / "chart-keys.yaml"


def unknown_keys(values: dict[str, Any]) -> list[str]:
    """Keys the chart does not accept, at each level chart-keys.yaml lists, by their path."""
    allowed: dict[str, list[str]] = yaml.safe_load(CHART_KEYS.read_text(encoding="utf-8"))
    found = []

    def walk(level: Any, path: list[str]) -> None:
        if not isinstance(level, dict):
            return
        accepted = allowed.get(".".join(path) or "(top)")
        for key, value in level.items():
            if accepted is not None and key not in accepted:
                found.append(".".join([*path, key]))
            walk(value, [*path, key])

    walk(values, [])
    return found


def schema() -> dict[str, Any]:
    if not SCHEMA.is_file():  # named in the test report; the key-list check stands in
        pytest.skip(f"no chart schema at {SCHEMA.relative_to(ROOT)} (GitHub not reachable)")
    loaded: dict[str, Any] = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))
    return loaded


def merged(defaults: Any, ours: Any) -> Any:
    """Helm's merge: maps merge key by key, anything else replaces, null removes."""
    if not (isinstance(defaults, dict) and isinstance(ours, dict)):
        return ours
    result = dict(defaults)
    for key, value in ours.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merged(defaults.get(key), value)
    return result


def problems(values: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft7Validator(schema())
    values = merged(yaml.safe_load(DEFAULTS.read_text(encoding="utf-8")), values)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(values)]


def test_the_values_file_names_its_chart_version() -> None:
    assert f"chart {CHART_VERSION}" in Path(VALUES).read_text(encoding="utf-8")


def test_the_values_file_fits_the_charts_schema() -> None:
    assert problems(yaml.safe_load(VALUES.read_text(encoding="utf-8"))) == []


def test_the_values_file_uses_only_keys_the_chart_knows() -> None:
    assert unknown_keys(yaml.safe_load(VALUES.read_text(encoding="utf-8"))) == []


def test_the_key_list_is_the_schemas() -> None:
    """Where the schema is at hand, chart-keys.yaml says what it says."""
    properties = schema()["properties"]
    allowed = yaml.safe_load(CHART_KEYS.read_text(encoding="utf-8"))
    assert allowed["(top)"] == sorted(properties)
    assert allowed["singleuser"] == sorted(properties["singleuser"]["properties"])


@pytest.mark.parametrize(
    ("section", "typo"),
    [("singleuser", "memmory"), ("hub", "extraEnvs"), ("scheduling", "userPlaceholders")],
)
def test_a_typod_key_fails(section: str, typo: str) -> None:
    values = copy.deepcopy(yaml.safe_load(VALUES.read_text(encoding="utf-8")))
    values[section][typo] = values[section].get(typo.rstrip("s"), {"guarantee": "1G"})
    assert f"{section}.{typo}" in unknown_keys(values)  # everywhere, CI included
    if SCHEMA.is_file():
        found = problems(values)
        assert found and any(typo in problem for problem in found)
