"""Turn module Markdown into safe HTML for the learner app."""

from __future__ import annotations

from functools import cache
from typing import Any

from markdown_it import MarkdownIt

# The page's <h1> is the course title, so a module's "# Title" becomes <h2>, and so on.
HEADING_SHIFT = 1


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    parser.add_render_rule("heading_open", _shifted_heading)
    parser.add_render_rule("heading_close", _shifted_heading)
    return parser


def _shifted_heading(self: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    token = tokens[index]
    level = min(int(token.tag[1]) + HEADING_SHIFT, 6)
    token.tag = f"h{level}"
    return str(self.renderToken(tokens, index, options, env))


def render_markdown(text: str) -> str:
    """HTML for `text`; raw HTML in the source is shown as text, never run."""
    return str(_parser().render(text))
