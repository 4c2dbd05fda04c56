"""Front-end files: compressed once and kept, answered right to every kind of client, cached.

The mixin is tested on a plain Tornado static handler (no Voila needed), then on the real server:
the files a learner's page loads come compressed, with cache headers a browser keeps.
"""

from __future__ import annotations

import gzip
import http.client
import re
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from tornado.httpclient import AsyncHTTPClient, HTTPResponse
from tornado.testing import AsyncHTTPTestCase
from tornado.web import Application, StaticFileHandler

from coproduce.serving.front_end_files import Precompressed

from ..conftest import Server

SCRIPT = ("console.log('a learner page');\n" * 4000).encode()


class Handler(Precompressed, StaticFileHandler):
    pass


class TestPrecompressed(AsyncHTTPTestCase):
    folder: Path

    def get_app(self) -> Application:
        import tempfile

        self.folder = Path(tempfile.mkdtemp())
        (self.folder / "app.js").write_bytes(SCRIPT)
        (self.folder / "font.woff2").write_bytes(b"\x00\x01" * 5000)
        Precompressed._compressed.clear()
        return Application([(r"/s/(.*)", Handler, {"path": str(self.folder)})])

    def raw(self, path: str, **headers: str) -> HTTPResponse:
        client = AsyncHTTPClient()
        return self.io_loop.run_sync(
            lambda: client.fetch(
                self.get_url(path), headers=headers, decompress_response=False, raise_error=False
            )
        )

    def test_gzip_once_then_from_memory(self) -> None:
        first = self.raw("/s/app.js", **{"Accept-Encoding": "gzip"})
        assert first.code == 200
        assert first.headers["Content-Encoding"] == "gzip"
        assert first.headers["Vary"] == "Accept-Encoding"
        assert int(first.headers["Content-Length"]) == len(first.body) < len(SCRIPT) // 20
        assert gzip.decompress(first.body) == SCRIPT
        assert len(Precompressed._compressed) == 1
        second = self.raw("/s/app.js", **{"Accept-Encoding": "gzip, deflate"})
        assert second.body == first.body and len(Precompressed._compressed) == 1

    def test_a_changed_file_is_compressed_again(self) -> None:
        self.raw("/s/app.js", **{"Accept-Encoding": "gzip"})
        changed = b"let changed = true;\n" * 100
        time.sleep(0.01)
        (self.folder / "app.js").write_bytes(changed)
        again = self.raw("/s/app.js", **{"Accept-Encoding": "gzip"})
        assert gzip.decompress(again.body) == changed
        assert len(Precompressed._compressed) == 1  # the old copy is forgotten

    def test_without_gzip_or_with_a_range_the_file_as_it_is(self) -> None:
        plain = self.raw("/s/app.js")
        assert "Content-Encoding" not in plain.headers and plain.body == SCRIPT
        part = self.raw("/s/app.js", **{"Accept-Encoding": "gzip", "Range": "bytes=0-9"})
        assert part.code == 206 and part.body == SCRIPT[:10]
        assert "Content-Encoding" not in part.headers

    def test_compressed_kinds_are_left_alone(self) -> None:
        font = self.raw("/s/font.woff2", **{"Accept-Encoding": "gzip"})
        assert "Content-Encoding" not in font.headers and font.body == b"\x00\x01" * 5000

    def test_a_known_copy_is_a_304(self) -> None:
        first = self.raw("/s/app.js", **{"Accept-Encoding": "gzip"})
        again = self.raw(
            "/s/app.js", **{"Accept-Encoding": "gzip", "If-None-Match": first.headers["Etag"]}
        )
        assert again.code == 304 and not again.body


def _get(link: str, path: str, **headers: str) -> http.client.HTTPResponse:
    address = urlparse(link)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


@pytest.mark.browser  # a real server
def test_a_learner_page_loads_compressed_files_a_browser_keeps(server: Server) -> None:
    address = urlparse(server.link)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    connection.request("GET", f"{address.path}?{address.query}")
    page = connection.getresponse().read().decode()
    connection.close()
    scripts = re.findall(r'src="([^"]*voila/static/[^"?]+\.js)', page)
    assert scripts, "the page loads Voila's script"
    gzip_ok = {"Accept-Encoding": "gzip"}
    voila_js = _get(server.link, scripts[0], **gzip_ok)
    assert voila_js.status == 200 and voila_js.headers["Content-Encoding"] == "gzip"
    assert "max-age=86400" in voila_js.headers["Cache-Control"]
    css = _get(server.link, "/voila/templates/coproduce/static/coproduce.css", **gzip_ok)
    assert css.status == 200 and css.headers["Content-Encoding"] == "gzip"


@pytest.mark.browser  # a real server
def test_kernel_messages_are_compressed_on_the_wire(server: Server) -> None:
    """A browser offers permessage-deflate; the learner server takes it (widget state is
    repetitive JSON, about a fifth of its size compressed)."""
    import asyncio

    from tornado.websocket import websocket_connect

    address = urlparse(server.link)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    connection.request("GET", f"{address.path}?{address.query}")
    page = connection.getresponse().read().decode()
    connection.close()
    kernel = re.search(r'"kernelId":\s*"([0-9a-f-]+)"', page)
    assert kernel, "the page names its kernel"

    async def handshake() -> str:
        socket = await websocket_connect(
            f"ws://{address.netloc}/api/kernels/{kernel.group(1)}/channels?session_id=probe",
            compression_options={},
        )
        agreed = socket.headers.get("Sec-WebSocket-Extensions", "")
        socket.close()
        return str(agreed)

    assert "permessage-deflate" in asyncio.run(handshake())
