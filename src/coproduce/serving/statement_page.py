"""`{base}/accessibility`: the course's accessibility statement as a plain page.

The statement is course data (`course/accessibility.md`, which a department edits), read on
every request so an edit shows without a restart. The page needs no JavaScript.
"""

from __future__ import annotations

import html
from typing import Any

from jupyter_server.auth.decorator import allow_unauthenticated
from jupyter_server.base.handlers import JupyterHandler
from tornado import web

from coproduce.config.settings import find_course_root
from coproduce.content.course import STATEMENT_FILE
from coproduce.content.language import page_attributes
from coproduce.content.markdown import render_markdown, split_title

URL_PATH = "accessibility"

STATEMENT_STYLE = (
    "main{max-width:40rem}"
    "h1{font-size:1.75rem;line-height:1.25}h2{font-size:1.35rem;margin-top:2rem}"
    "a{color:#1d4f91}"
    # The back links are targets of their own, not words in a sentence: 44px tall.
    ".back{max-width:40rem;margin:0 auto;padding:0 1rem}"
    ".back a{display:inline-flex;align-items:center;min-height:44px}"
    # A long test name in the statement wraps instead of widening a phone's page.
    "code{overflow-wrap:anywhere;font-size:.95em}"
)


def statement_page(markdown_text: str, words: dict[str, Any], style: str = "") -> str:
    """The statement as a whole HTML page: its '# Title' is the page's heading and title."""
    esc = html.escape
    title, _ = split_title(markdown_text)
    back = f'<a href="./">{esc(words.get("statement", {}).get("back", ""))}</a>'
    return (
        f"<!doctype html><html {page_attributes(words.get('language', 'en'))}><head>"
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{esc(title.removeprefix('# ').strip())}</title>"
        f"<style>{style}{STATEMENT_STYLE}</style></head><body>"
        f'<header class="back">{back}</header>'
        f"<main>{render_markdown(markdown_text, heading_shift=0)}</main>"
        f'<footer class="back">{back}</footer>'
        "</body></html>"
    )


class StatementHandler(JupyterHandler):
    """Anyone may read the statement, signed in or not (the trainer's server too)."""

    def initialize(self, style: str = "") -> None:
        self.style = style

    @allow_unauthenticated
    def get(self) -> None:
        path = find_course_root() / STATEMENT_FILE
        if not path.is_file():
            raise web.HTTPError(404)
        words = self.settings.get("coproduce_words", {})
        self.set_header("Cache-Control", "no-cache")
        self.finish(statement_page(path.read_text(encoding="utf-8"), words, self.style))
