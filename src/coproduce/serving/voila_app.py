"""Voila as `coproduce serve` runs it: Voila's own server with a few guards a real room needs.

`python -m coproduce.serving.voila_app NOTEBOOK [voila options]` runs Voila with:

- a `Host` check on every request and websocket: only the names in `--CourseVoila.hosts` are
  answered (loopback names always), so a web page elsewhere cannot reach the apps through DNS
  rebinding; the websocket `Origin` must then match that host (jupyter_server's own check);
- the kernel pool policy of `kernels.py` (cap, quick cull of pages that never connect, spread
  refills, no dead kernel handed out), and a plain "the room is full" page past the cap;
- our own sign-in page for the trainer when a token is set, the token exchanged for a cookie and
  dropped from the address bar;
- compressed responses and kernel websocket messages; front-end files compressed once and
  cached by browsers
  (`front_end_files.py`);
- a plain 404 for a malformed `/voila/templates/...` path (Voila's own handler fails with a 500);
- `/coproduce/pool`: the kernel counts, for the trainer app, to a caller with the run's key;
- `/accessibility`: the course's accessibility statement (`statement_page.py`);
- the page templates compiled once per server, not once per page (`template_cache.py`).
"""

from __future__ import annotations

import hmac
import html
import json
import re
from typing import Any
from urllib.parse import urlencode

import voila.app
from jupyter_server.auth.login import LoginFormHandler
from jupyter_server.base.handlers import FileFindHandler, JupyterHandler
from traitlets import Float, Int, Unicode
from voila.app import Voila
from voila.static_file_handler import MultiStaticFileHandler, TemplateStaticFileHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler
from voila.voila_kernel_manager import voila_kernel_manager_factory

from coproduce.apps.pool_status import KEY_HEADER
from coproduce.config.settings import pool_status_address
from coproduce.content.language import page_attributes
from coproduce.live.co_trainers import CO_TRAINER_VIEWER, LEAD_VIEWER, PREFIX, VIEWER_HEADER
from coproduce.serving import kernels
from coproduce.serving.chunk_bundle import URL_PATH
from coproduce.serving.front_end_files import (
    BundleFiles,
    ExtensionFiles,
    TemplateFiles,
    VoilaFiles,
)
from coproduce.serving.kernel_socket import KernelSocket
from coproduce.serving.statement_page import URL_PATH as STATEMENT_PATH
from coproduce.serving.statement_page import StatementHandler
from coproduce.serving.template_cache import share_compiled_templates

LOOPBACK = {"localhost", "127.0.0.1", "::1"}


def _host_name(host_header: str) -> str:
    match = re.match(r"^(\[[^\]]*\]|[^:]*)(:\d+)?$", host_header)
    name = match.group(1) if match else host_header
    return name.strip("[]").lower()


def check_host(handler: JupyterHandler) -> bool:
    """Answer only the names this server was started for (replaces jupyter_server's check)."""
    allowed = handler.settings.get("coproduce_hosts")
    if allowed is None:
        return True
    name = _host_name(handler.request.host or "")
    if name in allowed:
        return True
    handler.log.warning("Refused a request for host %r (not a name of this server)", name)
    return False


def _pool_factory(base: Any, preheat: bool, pool_size: int, page_config_hook: Any = None) -> Any:
    made = voila_kernel_manager_factory(base, preheat, pool_size, page_config_hook)
    if not preheat:
        return made
    return type("CourseKernelPool", (kernels.PoolPolicy, made), {})


class CourseHandler(TornadoVoilaHandler):
    """The app page: a plain full-room page past the cap; a token in the link becomes a cookie."""

    async def get(self, path: str | None = None) -> None:
        if self.get_query_argument("token", None) and self.current_user:
            # Signed in by the link's token, which is now a cookie: keep it out of the address
            # bar of a window that will be projected.
            query = {k: v[-1] for k, v in self.request.query_arguments.items() if k != "token"}
            target = self.request.path + (f"?{urlencode(query)}" if query else "")
            self.redirect(target)
            return
        # Who opened the page, as this server knows it: a co-trainer's link, or the trainer.
        # A value the client sent under the same name is dropped first.
        headers = self.request.headers
        if VIEWER_HEADER in headers:
            del headers[VIEWER_HEADER]
        username = getattr(self.current_user, "username", "")
        co_trainer = isinstance(username, str) and username.startswith(PREFIX)
        headers[VIEWER_HEADER] = CO_TRAINER_VIEWER if co_trainer else LEAD_VIEWER
        manager = self.kernel_manager
        if getattr(manager, "room_is_full", lambda: False)():
            self.set_status(503)
            self.set_header("Retry-After", "30")
            self.set_header("Cache-Control", "no-store")
            self.finish(_plain_page(self.settings.get("coproduce_words", {}), "room_full"))
            return
        await super().get(path)


class TrainerLoginHandler(LoginFormHandler):
    """A plain sign-in page of our own, instead of Jupyter's with its server advice."""

    def _render(self, message: Any = None) -> None:
        words = self.settings.get("coproduce_words", {})
        failed = bool(message and message.get("error"))
        self.write(_plain_page(words, "sign_in", failed=failed, xsrf=self.xsrf_form_html()))


class PoolStatusHandler(JupyterHandler):
    """Warm kernels, learner pages and the cap, for the trainer app; 404 to anyone else."""

    def get(self) -> None:
        address = pool_status_address()
        offered = self.request.headers.get(KEY_HEADER, "")
        if address is None or not hmac.compare_digest(offered.encode(), address[1].encode()):
            self.set_status(404)
            self.finish()
            return
        manager = self.kernel_manager
        self.set_header("Cache-Control", "no-store")
        self.finish(
            {
                "ready": getattr(manager, "ready_count", lambda: 0)(),
                "learners": getattr(manager, "learner_kernel_count", lambda: 0)(),
                "cap": int(kernels.SETTINGS["max_learners"]),
            }
        )


def _plain_page(words: dict[str, Any], which: str, failed: bool = False, xsrf: str = "") -> str:
    page = words.get(which, {})
    esc = html.escape
    body = f"<h1>{esc(page.get('heading', ''))}</h1>" + "".join(
        f"<p>{esc(line)}</p>" for line in page.get("lines", [])
    )
    if which == "sign_in":
        error = f'<p class="error" role="alert">{esc(page.get("wrong", ""))}</p>' if failed else ""
        body += (
            f'{error}<form method="post">{xsrf}<label for="code">{esc(page.get("label", ""))}'
            '</label><input id="code" name="password" type="password" autocomplete="off" '
            f'autofocus required><button type="submit">{esc(page.get("button", ""))}</button>'
            "</form>"
        )
    return (
        f"<!doctype html><html {page_attributes(words.get('language', 'en'))}><head>"
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{esc(page.get('heading', ''))}</title><style>{PAGE_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )


PAGE_STYLE = (
    "body{font:1.125rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0}"
    "main{max-width:36rem;margin:2rem auto;padding:0 1rem}"
    "label{display:block;font-weight:600;margin-top:1rem}"
    "input,button{font:inherit;min-height:44px;margin-top:.5rem}"
    "input{display:block;width:100%;box-sizing:border-box;border:2px solid #555;padding:.25rem}"
    "button{background:#1d4f91;color:#fff;border:0;padding:.5rem 1.5rem;border-radius:4px}"
    ":focus-visible{outline:3px solid #1d4f91;outline-offset:2px}"
    ".error{color:#a4000f;font-weight:600}"
)


class CourseVoila(Voila):
    """Voila with the room's guards; options as `--CourseVoila.NAME=...`."""

    hosts = Unicode("", config=True, help="Names this server answers besides loopback, a,b,c.")
    max_learners = Int(0, config=True, help="Learner kernels at most; 0 for no cap.")
    unconnected_seconds = Float(90, config=True, help="Cull a kernel whose page never connects.")
    left_seconds = Float(600, config=True, help="Cull a kernel whose page went this long ago.")
    refill_gap_seconds = Float(1.5, config=True, help="Seconds between two pool refills.")
    warm_gap_seconds = Float(0.5, config=True, help="The same while no learner holds a kernel.")
    words_file = Unicode("", config=True, help="JSON file with the plain pages' words.")
    front_end_folder = Unicode("", config=True, help="Folder of the bundled Voila chunks.")

    def init_settings(self) -> dict[str, Any]:
        kernels.SETTINGS.update(
            max_learners=self.max_learners,
            unconnected_seconds=self.unconnected_seconds,
            left_seconds=self.left_seconds,
            refill_gap_seconds=self.refill_gap_seconds,
            warm_gap_seconds=self.warm_gap_seconds,
        )
        settings: dict[str, Any] = super().init_settings()
        names = {host.strip().lower() for host in self.hosts.split(",") if host.strip()}
        settings["coproduce_hosts"] = LOOPBACK | names
        settings["compress_response"] = True
        # Widget state is JSON that repeats itself: permessage-deflate shrinks a learner's join
        # about fivefold on the wire, for a few milliseconds of one core (see class_burst).
        settings["websocket_compression_options"] = {}
        if self.words_file:
            with open(self.words_file, encoding="utf-8") as source:
                settings["coproduce_words"] = json.load(source)
        return settings

    def init_handlers(self) -> list[Any]:
        handlers: list[Any] = []
        for handler in super().init_handlers():
            pattern, cls, *rest = handler
            if cls is TornadoVoilaHandler:
                cls = CourseHandler
            elif cls is FileFindHandler and "labextensions" in pattern:
                cls = ExtensionFiles
                rest = [{**rest[0], "no_cache_paths": []}] if rest else rest
            elif cls is MultiStaticFileHandler:
                cls = VoilaFiles
            elif pattern.endswith("/login"):
                cls = TrainerLoginHandler
            elif cls is VoilaKernelWebsocketHandler:
                cls = KernelSocket  # a page gone mid-handshake is no traceback
            elif cls is TemplateStaticFileHandler:
                cls = TemplateFiles  # a malformed path is a 404, not a 500
            handlers.append((pattern, cls, *rest))
        base = self.server_url.rstrip("/")
        ours: list[Any] = [
            (f"{base}/coproduce/pool", PoolStatusHandler),
            (f"{base}/{STATEMENT_PATH}", StatementHandler, {"style": PAGE_STYLE}),
        ]
        if self.front_end_folder:
            bundle = (f"{base}/{URL_PATH}/(.*)", BundleFiles, {"path": self.front_end_folder})
            ours.append(bundle)
        return [*ours, *handlers]


def main() -> None:
    # Voila builds its kernel manager class inside init_settings; wrap the builder it calls.
    voila.app.voila_kernel_manager_factory = _pool_factory
    JupyterHandler.check_host = check_host  # type: ignore[method-assign,assignment]
    share_compiled_templates()
    CourseVoila.launch_instance()


if __name__ == "__main__":
    main()
