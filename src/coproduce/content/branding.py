"""The course's logo, read once and carried inside pages (the server serves no files)."""

from __future__ import annotations

import base64
import mimetypes
import re
from pathlib import Path

from pydantic import field_validator

from coproduce.content.author_messages import problem, say
from coproduce.content.errors import ContentProblem
from coproduce.content.strict import Strict

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
LOGO_TYPES = {".png", ".svg", ".jpg", ".jpeg"}
MAX_LOGO_BYTES = 300_000


def logo_path(root: Path, logo: str) -> Path:
    return (root / "course" / logo).resolve()


def logo_problems(root: Path, logo: str, course_file: Path) -> list[ContentProblem]:
    if not logo:
        return []
    path = logo_path(root, logo)
    if (root / "course").resolve() not in path.parents or not path.is_file():
        return [problem("logo.not_a_file", course_file, None, logo=logo)]
    if path.suffix.lower() not in LOGO_TYPES or path.stat().st_size > MAX_LOGO_BYTES:
        return [problem("logo.not_small_image", course_file, None, logo=logo)]
    return []


def logo_data_uri(root: Path, logo: str) -> str:
    """The logo as a data: URI, or '' when the course has none."""
    if not logo:
        return ""
    path = logo_path(root, logo)
    kind = mimetypes.guess_type(path.name)[0] or "image/png"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


class Branding(Strict):
    name: str
    organisation: str = ""
    logo: str = ""  # a PNG or SVG file under course/, shown in the page header and packs
    primary_colour: str = "#1d4f91"
    accent_colour: str = "#ffd166"
    text_colour: str = "#1a1a1a"
    background_colour: str = "#ffffff"

    @field_validator("primary_colour", "accent_colour", "text_colour", "background_colour")
    @classmethod
    def _is_hex(cls, value: str) -> str:
        if not HEX_COLOUR.match(value):
            raise ValueError(say("branding.not_a_colour", value=value))
        return value
