"""The checker's messages for authors come from one keyed catalogue (content/author_messages.yml):
every key the code names is there and every entry is used, each call fills exactly its entry's
{slots}, a slip raises at once, and no problem is written as a string in Python any more."""

from __future__ import annotations

import ast
import fnmatch
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import ValidationError

from coproduce.content.author_messages import CATALOGUE, Entry, catalogue, problem, say

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "coproduce"
MODULE = "coproduce.content.author_messages"
# Files whose problems are still written in Python: none.
NOT_YET: set[str] = set()


@dataclass(frozen=True)
class Use:
    where: str
    keys: tuple[str, ...] | None  # None when the key is not written out
    slots: frozenset[str]
    spread: bool  # **slots: the names filled cannot be read


def _keys(node: ast.expr) -> tuple[str, ...] | None:
    """`"key"`, or `"a" if ... else "b"`: every key a call may name."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,)
    if isinstance(node, ast.IfExp):
        body, orelse = _keys(node.body), _keys(node.orelse)
        return body + orelse if body and orelse else None
    return None


def _uses() -> list[Use]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == MODULE
            for alias in node.names
            if alias.name in {"problem", "say"}
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in names:
                found.append(
                    Use(
                        f"{path.relative_to(SRC)}:{node.lineno}",
                        _keys(node.args[0]) if node.args else None,
                        frozenset(k.arg for k in node.keywords if k.arg not in {None, "severity"}),
                        any(k.arg is None for k in node.keywords),
                    )
                )
    return found


USES = _uses()


def test_the_scan_finds_the_calls() -> None:
    assert len(USES) > 80
    assert any(use.where.startswith("authoring/check.py") for use in USES)


def test_every_call_names_its_key_and_slots_in_writing() -> None:
    assert [use.where for use in USES if use.keys is None or use.spread] == []


def test_every_key_used_is_in_the_catalogue() -> None:
    used = {key for use in USES for key in use.keys or ()}
    assert sorted(used - set(catalogue())) == []


def test_every_entry_of_the_catalogue_is_used() -> None:
    used = {key for use in USES for key in use.keys or ()}
    assert sorted(set(catalogue()) - used) == []


def test_each_call_fills_exactly_the_slots_of_its_entry() -> None:
    wrong = [
        f"{use.where} {key}: fills {sorted(use.slots)}, the entry has {sorted(entry.slots)}"
        for use in USES
        for key in use.keys or ()
        if (entry := catalogue().get(key)) and entry.slots != use.slots
    ]
    assert wrong == []


def test_a_missing_slot_or_an_unknown_key_raises_at_once() -> None:
    with pytest.raises(KeyError, match=r"ladder\.unknown.*\{file\}, \{suggestion\}"):
        problem("ladder.unknown", Path("x.yml"), 1, ladder="arnstien")
    with pytest.raises(KeyError, match=r"no author message 'ladder\.unknwn'"):
        problem("ladder.unknwn", Path("x.yml"), 1, ladder="arnstien", file="f", suggestion="")
    with pytest.raises(TypeError, match=r"\{colour\}"):
        say("suggest.none", colour="red")
    with pytest.raises(ValueError, match="use problem"):
        say("ladder.unknown", ladder="a", file="f", suggestion="")


def test_a_problem_is_filled_in_from_its_entry() -> None:
    found = problem(
        "ladder.unknown",
        Path("exercises/x.yml"),
        7,
        ladder="arnstien",
        file="course/ladders.yml",
        suggestion=say("suggest.or_did_you_mean", word="arnstein"),
    )
    assert found.render() == (
        "exercises/x.yml:7: error: the ladder 'arnstien' is not defined\n"
        "    fix: add it to course/ladders.yml, or did you mean 'arnstein'?"
    )
    braces = problem("catalogue.lone_brace", Path("i.yml"), None, severity="warning", name="a")
    assert (braces.severity, braces.fix) == (
        "warning",
        "write a brace that is not a slot as {{ or }}",
    )


@pytest.mark.parametrize(
    ("count", "words"), [(0, "0 warnings"), (1, "1 warning"), (3, "3 warnings")]
)
def test_a_count_takes_its_plural_form_in_english(count: int, words: str) -> None:
    assert say("check.warnings", count=count) == words
    assert say("check.errors", count=count) == words.replace("warning", "error")


@pytest.mark.parametrize(
    "entry",
    [
        {"message": {"one": "1 warning"}},  # no other:
        {"message": {"one": "a warning", "other": "some warnings"}},  # no {count}
        {"message": "a brace } on its own"},
        {"message": "a slot {} with no name"},
        {"message": "{severity}"},
        {"message": "a note", "notes": "an unknown key"},
    ],
)
def test_an_entry_of_the_wrong_shape_is_refused(entry: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Entry.model_validate(entry)


def test_the_catalogue_ships_with_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["coproduce"]
    assert any(fnmatch.fnmatch(f"content/{CATALOGUE}", pattern) for pattern in patterns)


def _written_in_python(source: str) -> list[int]:
    """The lines of each ContentProblem(...) whose message or fix is a string or f-string."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ContentProblem"):
            continue
        texts = node.args[2:4] + [k.value for k in node.keywords if k.arg in {"message", "fix"}]
        if any(
            isinstance(part, ast.JoinedStr)
            or (isinstance(part, ast.Constant) and isinstance(part.value, str))
            for text in texts
            for part in ast.walk(text)
        ):
            lines.append(node.lineno)
    return lines


def test_the_scan_for_messages_in_python_finds_one() -> None:
    source = 'ContentProblem(p, 1, f"the rung {r}", "use one of: " + rungs)\n'
    source += 'ContentProblem(p, 1, message, fix="write it")\nContentProblem(p, 1, text, fix)\n'
    assert _written_in_python(source) == [1, 2]


def test_no_problem_is_written_in_python() -> None:
    written = {
        name: lines
        for path in sorted(SRC.rglob("*.py"))
        if (name := str(path.relative_to(SRC).as_posix())) not in NOT_YET
        and (lines := _written_in_python(path.read_text(encoding="utf-8")))
    }
    assert written == {}
