"""Start Voila on the learner app with a preheated kernel pool, then print the learner link."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import webbrowser
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from coproduce.apps.app_notebooks import write_learner_app, write_trainer_app
from coproduce.apps.qr import terminal_qr
from coproduce.config.settings import (
    COURSE_DIR_ENV,
    LEARNER_LINK_ENV,
    PARSED_MODULES_ENV,
    SESSION_ENV,
    STORE_ENV,
)
from coproduce.content.loader import load_course
from coproduce.content.parsed_modules import write_parsed_modules
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store

SHARE_DIR = Path(__file__).with_name("share")
APP_FOLDER = "app"
TRAINER_FOLDER = "trainer-app"
CONFIG_FOLDER = "voila-config"
PARSED_MODULES_FILE = "parsed-modules.json"
LEARNER_PAGE_NEEDS_NOT = [
    "jupyterlab-jupytext",
    "jupyterlab_pygments",
    "@voila-dashboards/jupyterlab-preview",
    "@voila-dashboards/widgets-manager7",
    # nbgrader's and Notebook's JupyterLab add-ons are for trainers and authors in JupyterLab.
    "@jupyter/nbgrader",
    "@jupyter-notebook/lab-extension",
]
# Log lines that say nothing a trainer can act on: the app notebooks are written by us on each
# start (so never "trusted"), and the kernels listen on 127.0.0.1 only, with signed messages.
LOG_NOISE = (b"is not trusted", b"Kernel is running over TCP without encryption")
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
    trainer_port: int | None = None  # default: the port after the learners' port
    # Without a token the trainer app only answers on this machine (127.0.0.1).
    trainer_token: str | None = None

    @property
    def trainer_port_number(self) -> int:
        return self.trainer_port or self.port + 1


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
    """The learner app's Voila: the whole room, a warm kernel pool, kernels culled when idle."""
    return [
        *_voila_base(options, notebook, config_dir),
        f"--port={options.port}",
        f"--Voila.ip={options.ip}",
        f"--pool_size={pool_size(options.class_size)}",
        f"--MappingKernelManager.cull_idle_timeout={IDLE_KERNEL_SECONDS}",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_connected=False",
    ]


def trainer_voila_command(options: ServeOptions, notebook: Path, config_dir: Path) -> list[str]:
    """The trainer app's Voila: on 127.0.0.1 only, unless a token protects it."""
    ip = options.ip if options.trainer_token else "127.0.0.1"
    command = [
        *_voila_base(options, notebook, config_dir),
        f"--port={options.trainer_port_number}",
        f"--Voila.ip={ip}",
        "--pool_size=1",
    ]
    if options.trainer_token:
        command.append(f"--token={options.trainer_token}")
    return command


def _voila_base(options: ServeOptions, notebook: Path, config_dir: Path) -> list[str]:
    content_language = load_course(options.course_root).course.language
    return [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        "--no-browser",
        "--template=coproduce",
        "--theme=light",
        "--strip_sources=True",
        "--show_tracebacks=False",
        # Never move to another port: the printed links must be the ones that answer.
        "--Voila.port_retries=0",
        "--preheat_kernel=True",
        # Serve no files from disk: the apps need none, and answers must not leak.
        "--VoilaConfiguration.file_denylist=.*",
        f"--VoilaExporter.language_code={content_language}",
        f"--Voila.config_file_paths={config_dir}",
    ]


def server_environment(options: ServeOptions, session_code: str) -> dict[str, str]:
    env = dict(os.environ)
    env[SESSION_ENV] = session_code
    env[LEARNER_LINK_ENV] = learner_link(options, session_code)
    env["JUPYTER_PATH"] = os.pathsep.join(
        filter(None, [str(SHARE_DIR), os.environ.get("JUPYTER_PATH", "")])
    )
    env[COURSE_DIR_ENV] = str(options.course_root)
    env[STORE_ENV] = options.store or str(options.data_dir)
    env[PARSED_MODULES_ENV] = str(options.data_dir / PARSED_MODULES_FILE)
    return env


def _host(options: ServeOptions) -> str:
    if options.ip in {"127.0.0.1", "localhost"}:
        return "localhost"
    if options.ip in {"0.0.0.0", "::", ""}:
        return _address_others_can_reach()
    return options.ip


def learner_link(options: ServeOptions, session_code: str = "") -> str:
    query = f"?code={session_code}" if session_code else ""
    return f"http://{_host(options)}:{options.port}/{query}"


def trainer_link(options: ServeOptions) -> str:
    host = _host(options) if options.trainer_token else "localhost"
    query = f"?token={options.trainer_token}" if options.trainer_token else ""
    return f"http://{host}:{options.trainer_port_number}/{query}"


def _address_others_can_reach() -> str:
    """This machine's address on its network (no packet is sent: UDP connect only routes)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
        except OSError:
            return socket.gethostname()


def busy_port(options: ServeOptions) -> int | None:
    """The first of the two ports something else already listens on, if any."""
    trainer_ip = options.ip if options.trainer_token else "127.0.0.1"
    for ip, port in ((options.ip, options.port), (trainer_ip, options.trainer_port_number)):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            # As the server will: a port left in TIME_WAIT by a stopped course is free to use.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((ip, port))
            except OSError:
                return port
    return None


def _stop_on_sigterm(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt  # so a plain `kill` also stops both Voila servers and their kernels


def serve(options: ServeOptions) -> int:
    """Start a session and both apps; run until interrupted; return Voila's exit code."""
    content = load_course(options.course_root)
    port = busy_port(options)
    if port is not None:
        print(
            f"Port {port} is already in use: is the course running already? Stop it, or "
            "choose other ports with --port and --trainer-port.",
            file=sys.stderr,
        )
        return 2
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    session_code = SessionStore(Store(options.store or options.data_dir)).create_session()
    config_dir = write_voila_config(options.data_dir / CONFIG_FOLDER)
    learner_nb = write_learner_app(content, options.data_dir / APP_FOLDER)
    trainer_nb = write_trainer_app(content, options.data_dir / TRAINER_FOLDER)
    write_parsed_modules(content, options.data_dir / PARSED_MODULES_FILE)
    env = server_environment(options, session_code)
    learners = _start(voila_command(options, learner_nb, config_dir), learner_nb.parent, env)
    trainer = _start(trainer_voila_command(options, trainer_nb, config_dir), trainer_nb.parent, env)
    processes = [learners, trainer]
    try:
        up = _wait_until_up(options.port, learners) and _wait_until_up(
            options.trainer_port_number, trainer
        )
        if not up:
            return _stop(processes)
        link = learner_link(options, session_code)
        print(f"Session code: {session_code}", flush=True)
        print(f"Learner link: {link}", flush=True)
        print(terminal_qr(link), flush=True)
        print(f"Trainer link: {trainer_link(options)}", flush=True)
        if options.open_browser:
            webbrowser.open(trainer_link(options))
        while all(process.poll() is None for process in processes):
            time.sleep(0.5)
        return _stop(processes)
    except KeyboardInterrupt:
        return _stop(processes)


def _start(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(command, cwd=cwd, env=env, stderr=subprocess.PIPE)
    assert process.stderr is not None
    threading.Thread(target=_forward_log, args=(process.stderr,), daemon=True).start()
    return process


def _forward_log(stream: IO[bytes]) -> None:
    """Pass Voila's and the kernels' log on to ours, less the lines that only worry a trainer."""
    for line in iter(stream.readline, b""):
        if not any(noise in line for noise in LOG_NOISE):
            sys.stderr.buffer.write(line)
            sys.stderr.flush()


def _stop(processes: list[subprocess.Popen[bytes]]) -> int:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    return max(process.wait() for process in processes)


def _wait_until_up(port: int, process: subprocess.Popen[bytes]) -> bool:
    # A static file, not the page: each page request takes a kernel from the pool.
    probe = f"http://127.0.0.1:{port}/voila/static/require.min.js"
    while process.poll() is None:
        try:
            with urllib.request.urlopen(probe, timeout=2):
                return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    return False
