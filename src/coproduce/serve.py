"""Start Voila on the learner app with a preheated kernel pool, then print the learner link."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import webbrowser
from dataclasses import dataclass
from pathlib import Path

from .app_notebook import write_learner_app
from .content_loader import load_course
from .settings import COURSE_DIR_ENV, STORE_ENV

SHARE_DIR = Path(__file__).with_name("share")
APP_FOLDER = "app"
CONFIG_FOLDER = "voila-config"
LEARNER_PAGE_NEEDS_NOT = [
    "jupyterlab-jupytext",
    "jupyterlab_pygments",
    "@voila-dashboards/jupyterlab-preview",
    "@voila-dashboards/widgets-manager7",
]
# A kernel whose browser went away without saying goodbye is shut down after this long.
IDLE_KERNEL_SECONDS = 20 * 60


@dataclass(frozen=True)
class ServeOptions:
    course_root: Path
    data_dir: Path
    port: int = 8866
    ip: str = "127.0.0.1"
    class_size: int = 8
    open_browser: bool = True
    store: str | None = None  # an SQLAlchemy URL; default is SQLite in data_dir


def pool_size(class_size: int) -> int:
    """Kernels kept warm: enough for a class arriving together, never fewer than two."""
    return max(2, class_size)


def write_voila_config(folder: Path) -> Path:
    """Settings Voila only takes from a config file, kept outside the served folder."""
    folder.mkdir(parents=True, exist_ok=True)
    # Voila's page asks to shut its kernel down on unload, but without an XSRF token, so the
    # request is refused and kernels pile up on every refresh (voila-dashboards/voila#1458).
    # Kernel ids are random UUIDs, so the handlers that need one are not open to forgery.
    tornado = {"disable_check_xsrf": True}
    settings = {
        "Voila": {"tornado_settings": tornado},
        # Front-end extensions installed for authors are dead weight on every learner page.
        "VoilaConfiguration": {"extension_denylist": LEARNER_PAGE_NEEDS_NOT},
    }
    (folder / "voila.json").write_text(json.dumps(settings, indent=2))
    return folder


def voila_command(options: ServeOptions, notebook: Path, config_dir: Path) -> list[str]:
    content_language = load_course(options.course_root).course.language
    return [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        f"--port={options.port}",
        f"--Voila.ip={options.ip}",
        "--no-browser",
        "--template=coproduce",
        "--theme=light",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--preheat_kernel=True",
        f"--pool_size={pool_size(options.class_size)}",
        # Serve no files from disk: the app needs none, and answers must not leak.
        "--VoilaConfiguration.file_denylist=.*",
        f"--MappingKernelManager.cull_idle_timeout={IDLE_KERNEL_SECONDS}",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_connected=False",
        f"--VoilaExporter.language_code={content_language}",
        f"--Voila.config_file_paths={config_dir}",
    ]


def server_environment(options: ServeOptions) -> dict[str, str]:
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(
        filter(None, [str(SHARE_DIR), os.environ.get("JUPYTER_PATH", "")])
    )
    env[COURSE_DIR_ENV] = str(options.course_root)
    env[STORE_ENV] = options.store or str(options.data_dir)
    return env


def learner_link(options: ServeOptions) -> str:
    if options.ip in {"127.0.0.1", "localhost"}:
        host = "localhost"
    elif options.ip in {"0.0.0.0", "::", ""}:
        host = _address_others_can_reach()
    else:
        host = options.ip
    return f"http://{host}:{options.port}/"


def _address_others_can_reach() -> str:
    """This machine's address on its network (no packet is sent: UDP connect only routes)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
        except OSError:
            return socket.gethostname()


def serve(options: ServeOptions) -> int:
    """Run until interrupted; return Voila's exit code."""
    notebook = write_learner_app(load_course(options.course_root), options.data_dir / APP_FOLDER)
    config_dir = write_voila_config(options.data_dir / CONFIG_FOLDER)
    process = subprocess.Popen(
        voila_command(options, notebook, config_dir),
        cwd=notebook.parent,
        env=server_environment(options),
    )
    try:
        if not _wait_until_up(options, process):
            return process.wait()
        link = learner_link(options)
        print(f"Learner link: {link}", flush=True)
        if options.open_browser:
            webbrowser.open(link)
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        return process.wait()


def _wait_until_up(options: ServeOptions, process: subprocess.Popen[bytes]) -> bool:
    # A static file, not the page: each page request takes a kernel from the pool.
    probe = f"http://127.0.0.1:{options.port}/voila/static/require.min.js"
    while process.poll() is None:
        try:
            with urllib.request.urlopen(probe, timeout=2):
                return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    return False
