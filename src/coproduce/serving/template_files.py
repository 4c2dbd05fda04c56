"""The page template's own files (`/voila/templates/<template>/static/<file>`), and nothing else.

Voila's handler for them takes every path to have that shape: a path without "static", or with
a ".." in it, raised an AssertionError or ValueError inside it. That became a 500 answer and a
traceback in the trainer's terminal for anyone who probed the URL. Here such a path is refused
up front with a plain 404, before Voila looks at it.
"""

from __future__ import annotations

from tornado.web import HTTPError
from voila.static_file_handler import TemplateStaticFileHandler


def well_formed(path: str) -> bool:
    """`<template>/static/<file>`, every part a plain name: no "..", ".", empty part or "\\"."""
    parts = path.split("/")
    return (
        len(parts) >= 3
        and parts[1] == "static"
        and "\\" not in path
        and all(part not in {"", ".", ".."} for part in parts)
    )


class TemplateFileHandler(TemplateStaticFileHandler):
    def parse_url_path(self, path: str) -> str:
        if not well_formed(path):
            raise HTTPError(404)
        result: str = super().parse_url_path(path)
        return result
