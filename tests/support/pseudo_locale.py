"""A pseudo-locale, for tests only: every word of course/interface.yml wrapped in ⟦ ⟧ and its
letters accented ("Save" becomes "⟦Ŝàvé⟧"), the {slots} kept as they are. A page in this
locale shows at a glance any word that does not come from the catalogue: it has no markers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

PSEUDO = "en-XA"  # the usual pseudo-locale tag; Babel gives it English's plural rules
OPEN, CLOSE = "⟦", "⟧"
_ACCENTS = str.maketrans(
    "AaCcEeIiNnOoSsUuYyZz",
    "ÅàÇçÉéÎîÑñÖöŜŝÜüÝýŽž",
)
_SLOT = re.compile(r"(\{\{|\}\}|\{[^{}]*\})")


def pseudo(text: str) -> str:
    """One text in the pseudo-locale: marked, accented, its {slots} untouched."""
    parts = _SLOT.split(text)
    return OPEN + "".join(p if _SLOT.fullmatch(p) else p.translate(_ACCENTS) for p in parts) + CLOSE


def pseudo_value(value: Any) -> Any:
    if isinstance(value, str):
        return pseudo(value)
    if isinstance(value, list):
        return [pseudo_value(item) for item in value]
    if isinstance(value, dict):
        return {key: pseudo_value(item) for key, item in value.items()}
    return value


def write_pseudo_catalogue(course: Path, language: str = PSEUDO) -> Path:
    """course/interface.<language>.yml from course/interface.yml, every string in the
    pseudo-locale; course.yml's language set to it."""
    source = yaml.safe_load((course / "course" / "interface.yml").read_text(encoding="utf-8"))
    path = course / "course" / f"interface.{language}.yml"
    path.write_text(yaml.safe_dump(pseudo_value(source), allow_unicode=True), encoding="utf-8")
    course_yml = course / "course" / "course.yml"
    text = course_yml.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    course_yml.write_text(text.replace("\nlanguage: en\n", f"\nlanguage: {language}\n"), "utf-8")
    return path


def pseudo_course_data(course: Path) -> None:
    """The course's own name, organisation and title marked too (course.yml's data, not the
    kit's words), so that a page's every word should carry the markers."""
    path = course / "course" / "course.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["title"] = pseudo(data["title"])
    for key in ("name", "organisation"):
        if data["branding"].get(key):
            data["branding"][key] = pseudo(data["branding"][key])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def unmarked(texts: list[str]) -> list[str]:
    """The texts that are not wholly one or more marked strings (spaces between are fine)."""
    marked = re.compile(rf"^(\s*{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}\s*)+$")
    return [text for text in texts if text.strip() and not marked.match(text)]
