"""The course's logo, read once and carried inside pages (the server serves no files)."""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path

from coproduce.content.errors import ContentProblem

LOGO_TYPES = {".png", ".svg", ".jpg", ".jpeg"}
MAX_LOGO_BYTES = 300_000


def logo_path(root: Path, logo: str) -> Path:
    return (root / "course" / logo).resolve()


def logo_problems(root: Path, logo: str, course_file: Path) -> list[ContentProblem]:
    if not logo:
        return []
    path = logo_path(root, logo)
    fix = "put a PNG or SVG file under 300 kB in course/ and give its name, e.g. logo: logo.svg"
    if (root / "course").resolve() not in path.parents or not path.is_file():
        return [
            ContentProblem(course_file, None, f"the logo '{logo}' is not a file in course/", fix)
        ]
    if path.suffix.lower() not in LOGO_TYPES or path.stat().st_size > MAX_LOGO_BYTES:
        return [ContentProblem(course_file, None, f"the logo '{logo}' is not a small image", fix)]
    return []


def logo_data_uri(root: Path, logo: str) -> str:
    """The logo as a data: URI, or '' when the course has none."""
    if not logo:
        return ""
    path = logo_path(root, logo)
    kind = mimetypes.guess_type(path.name)[0] or "image/png"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
