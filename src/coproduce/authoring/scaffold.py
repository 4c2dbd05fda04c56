"""`coproduce new-module "Title"`: a new module folder, its exercise and notes, on the agenda."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

from coproduce.content.course import COURSE_FILE

SCAFFOLD_DIR = Path(__file__).with_name("templates") / "new_module"


@dataclass(frozen=True)
class NewModule:
    slug: str
    folder: Path
    exercise: Path
    notes: Path


def slugify(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words)[:40].strip("-") or "module"


def next_number(modules: Path) -> int:
    numbers = [int(m.group(1)) for p in modules.glob("*") if (m := re.match(r"^(\d+)-", p.name))]
    return max(numbers, default=0) + 1


def create_module(root: Path, title: str, minutes: int = 20) -> NewModule:
    """Write the module from the templates and add it to the end of the agenda."""
    if not title.strip():
        raise ValueError('give the module a title, for example: coproduce new-module "Listening"')
    base = slugify(title)
    slug = f"{next_number(root / 'modules'):02d}-{base}"
    exercise_id = f"{base}-reflection"
    values = {
        "title": title.replace('"', "'").strip(),
        "slug": slug,
        "exercise_id": exercise_id,
        "minutes": minutes,
        "read_minutes": minutes // 2,
        "exercise_minutes": minutes - minutes // 2,
    }
    folder = root / "modules" / slug
    folder.mkdir(parents=True)
    for name in ("module.yml", "content.md", "diagram.svg"):
        _fill(SCAFFOLD_DIR / name, folder / name, values)
    exercise = root / "exercises" / f"{exercise_id}.yml"
    if exercise.exists():
        raise FileExistsError(f"{exercise} already exists: choose another title")
    _fill(SCAFFOLD_DIR / "exercise.yml", exercise, values)
    notes = root / "facilitator_notes" / f"{slug}.md"
    _fill(SCAFFOLD_DIR / "notes.md", notes, values)
    add_to_agenda(root / COURSE_FILE, slug, minutes)
    return NewModule(slug, folder, exercise, notes)


def _fill(template: Path, target: Path, values: dict[str, object]) -> None:
    target.write_text(Template(template.read_text(encoding="utf-8")).substitute(values))


def add_to_agenda(course_file: Path, slug: str, minutes: int) -> None:
    """Append the module to the agenda and its minutes to the day's totals, keeping comments."""
    lines = course_file.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("agenda:"))
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "-")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    indent = re.match(r"^(\s*)-", lines[start + 1]).group(1) if end > start + 1 else "  "  # type: ignore[union-attr]
    lines.insert(end, f"{indent}- module: {slug}")
    for index, line in enumerate(lines):
        found = re.match(r"^((?:online_)?duration_minutes):\s*(\d+)", line)
        if found:  # the day online and in the room both grow by the module's minutes
            lines[index] = f"{found.group(1)}: {int(found.group(2)) + minutes}"
    course_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
