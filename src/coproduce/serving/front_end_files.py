"""Front-end files: gzipped once and kept in memory, and cached by the browser where that is safe.

Every new learner loads about 90 files (5 MB before compression). With the server compressing
each answer as it goes, a class arriving together kept the one server process busy gzipping
the same files over and over, and the kernel messages of those already in waited behind it.
This mixin, put in front of a Tornado static file handler, answers a client that accepts gzip
from a compressed copy made the first time the file is asked for (and made again if the file
changes); range requests and clients that do not accept gzip get the file as it is.
"""

from __future__ import annotations

import gzip
import os
import re
from typing import Any, ClassVar

from jupyter_server.base.handlers import FileFindHandler
from tornado.web import StaticFileHandler
from voila.static_file_handler import MultiStaticFileHandler

from coproduce.serving.template_files import TemplateFileHandler

# Kinds of file worth compressing; fonts (woff2) and images are compressed already.
COMPRESSIBLE = (".js", ".css", ".html", ".json", ".svg", ".map", ".txt", ".woff", ".ttf")


class Precompressed:
    """Mixed in before a `tornado.web.StaticFileHandler` subclass."""

    _compressed: ClassVar[dict[tuple[str, float, int], bytes]] = {}

    # Provided by StaticFileHandler.
    request: Any
    absolute_path: str | None
    set_header: Any

    async def get(self, path: str, include_body: bool = True) -> None:
        headers = self.request.headers
        self._gzip_wanted = "gzip" in headers.get("Accept-Encoding", "") and not headers.get(
            "Range"
        )
        # Tornado reads a file through the class method `get_content` (for its ETag too); this
        # one answer reads the compressed copy instead.
        self.get_content = self._content
        await super().get(path, include_body)  # type: ignore[misc]

    def _gzipped(self) -> bytes | None:
        if not getattr(self, "_gzip_wanted", False):
            return None
        path = self.absolute_path
        if not path or not path.lower().endswith(COMPRESSIBLE):
            return None
        stat = os.stat(path)
        key = (path, stat.st_mtime, stat.st_size)
        found = self._compressed.get(key)
        if found is None:
            with open(path, "rb") as source:
                found = gzip.compress(source.read(), compresslevel=9, mtime=0)
            for old in [k for k in self._compressed if k[0] == path]:
                del self._compressed[old]  # the file changed: forget its old copy
            self._compressed[key] = found
        return found

    def set_headers(self) -> None:
        super().set_headers()  # type: ignore[misc]
        if self._gzipped() is not None:
            # Tornado's own compression leaves an answer with a Content-Encoding alone.
            self.set_header("Content-Encoding", "gzip")
            self.set_header("Vary", "Accept-Encoding")

    def get_content_size(self) -> int:
        compressed = self._gzipped()
        if compressed is not None:
            return len(compressed)
        size: int = super().get_content_size()  # type: ignore[misc]
        return size

    def _content(self, abspath: str, start: int | None = None, end: int | None = None) -> Any:
        compressed = self._gzipped()
        if compressed is not None:
            return compressed
        return super().get_content(abspath, start, end)  # type: ignore[misc]


class ExtensionFiles(Precompressed, FileFindHandler):
    """Widget front-end files: cached for good when their name carries a content hash."""

    HASHED = re.compile(r"[./-][0-9a-f]{8,}\.(js|css|woff2?)$")

    def set_headers(self) -> None:
        super().set_headers()
        if self.HASHED.search(self.request.path):
            self.set_header("Cache-Control", "public, max-age=31536000, immutable")


class VoilaFiles(Precompressed, MultiStaticFileHandler):
    """Voila's own built files. Their names carry no hash, but they change only when Voila is
    upgraded: a day's cache spares a returning learner the download for the whole course day."""

    def set_headers(self) -> None:
        super().set_headers()
        self.set_header("Cache-Control", "public, max-age=86400")


class BundleFiles(Precompressed, StaticFileHandler):
    """The course's bundle of Voila's chunks (`chunk_bundle.py`): named by its content, so
    cached for good."""

    def set_headers(self) -> None:
        super().set_headers()
        self.set_header("Cache-Control", "public, max-age=31536000, immutable")


class TemplateFiles(Precompressed, TemplateFileHandler):
    """The page template's files (Voila asks browsers to cache them, by version)."""
