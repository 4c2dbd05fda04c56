"""Turn module Markdown into safe HTML for the learner app."""

from __future__ import annotations

import base64
import mimetypes
from functools import cache
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

# The page's <h1> is the course title, so a module's "# Title" becomes <h2>, and so on.
HEADING_SHIFT = 1
# The server serves no files, so a module's own pictures travel inside the page.
INLINE_IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".svg"}
MAX_INLINE_IMAGE_BYTES = 1_000_000


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    parser.add_render_rule("heading_open", _shifted_heading)
    parser.add_render_rule("heading_close", _shifted_heading)
    parser.add_render_rule("image", _inlined_image)
    return parser


def _inlined_image(self: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    token = tokens[index]
    base = env.get("base") if isinstance(env, dict) else None
    source = str(token.attrs.get("src", ""))
    if base is not None and "://" not in source and not source.startswith("data:"):
        path = (Path(base) / source).resolve()
        inside = Path(base).resolve() in path.parents
        if inside and path.suffix.lower() in INLINE_IMAGE_TYPES and path.is_file():
            data = path.read_bytes()
            if len(data) <= MAX_INLINE_IMAGE_BYTES:
                kind = mimetypes.guess_type(path.name)[0] or "image/png"
                encoded = base64.b64encode(data).decode("ascii")
                token.attrs["src"] = f"data:{kind};base64,{encoded}"
    return str(self.image(tokens, index, options, env))


def _shifted_heading(self: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    token = tokens[index]
    shift = env.get("heading_shift", HEADING_SHIFT) if isinstance(env, dict) else HEADING_SHIFT
    level = min(int(token.tag[1]) + shift, 6)
    token.tag = f"h{level}"
    return str(self.renderToken(tokens, index, options, env))


def render_markdown(text: str, base: Path | None = None, heading_shift: int = HEADING_SHIFT) -> str:
    """HTML for `text`; raw HTML in the source is shown as text, never run.

    Pictures are read from `base` (the module's folder) and never from outside it. A page of its
    own, whose "# Title" is the page's <h1>, renders with `heading_shift=0`.
    """
    return str(_parser().render(text, {"base": base, "heading_shift": heading_shift}))


def split_title(text: str) -> tuple[str, str]:
    """Split a leading '# Title' line off, so something can follow the title."""
    first, _, rest = text.partition("\n")
    return (first, rest) if first.startswith("# ") else ("", text)
