"""Start Voila on the learner app with a preheated kernel pool, then print the learner link."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import webbrowser
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from coproduce.apps.app_notebooks import write_learner_app, write_trainer_app
from coproduce.apps.qr import terminal_qr
from coproduce.config.settings import (
    COURSE_DIR_ENV,
    LEARNER_LINK_ENV,
    LEARNER_SECRET_ENV,
    LOOPBACK_ONLY_ENV,
    PARSED_MODULES_ENV,
    POOL_STATUS_ENV,
    SESSION_ENV,
    STORE_ENV,
    TRAINER_BASE_ENV,
)
from coproduce.content.course import CourseContent
from coproduce.content.loader import load_course
from coproduce.content.parsed_modules import write_parsed_modules
from coproduce.live.learner_ids import learner_secret
from coproduce.live.private_files import private_folder
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store
from coproduce.serving.chunk_bundle import write_bundle
from coproduce.serving.links import Addresses
from coproduce.serving.voila_command import (
    FRONT_END_FOLDER,
    KERNEL_NAME,
    Culls,
    learner_command,
    trainer_command,
    write_kernel_spec,
    write_voila_config,
)

SHARE_DIR = Path(__file__).with_name("share")
APP_FOLDER = "app"
TRAINER_FOLDER = "trainer-app"
CONFIG_FOLDER = "voila-config"
KERNEL_SHARE = "jupyter-share"
PARSED_MODULES_FILE = "parsed-modules.json"
# Log lines that say nothing a trainer can act on: the app notebooks are written by us on each
# start (so never "trusted"), and the kernels listen on 127.0.0.1 only, with signed messages.
LOG_NOISE = (
    b"is not trusted",
    b"Kernel is running over TCP without encryption",
    b"is filled with 1 kernel(s)",  # Voila's word for each kernel the pool policy starts
)


@dataclass(frozen=True)
class ServeOptions:
    course_root: Path
    data_dir: Path
    port: int = 8866
    ip: str = "127.0.0.1"
    class_size: int | None = None  # default: voila_command.default_class_size()
    open_browser: bool = True
    store: str | None = None  # an SQLAlchemy URL; default is SQLite in data_dir
    trainer_port: int | None = None  # default: the port after the learners' port
    # Without a token the trainer app only answers on this machine (127.0.0.1).
    trainer_token: str | None = None
    public_url: str | None = None  # the learner link's base, for a proxy or a DNS name
    new_session: bool = False  # start a new session rather than resume the last one
    max_learners: int | None = None  # learner kernels at most (default from free memory)
    culls: Culls = field(default_factory=Culls)  # how long a learner kernel without a page is kept

    @property
    def trainer_port_number(self) -> int:
        return self.trainer_port or self.port + 1

    @property
    def addresses(self) -> Addresses:
        return Addresses(
            self.ip, self.port, self.trainer_port_number, self.public_url, self.trainer_token
        )


def server_environment(options: ServeOptions, session_code: str) -> dict[str, str]:
    env = dict(os.environ)
    env[SESSION_ENV] = session_code
    env[LEARNER_LINK_ENV] = options.addresses.learner_link(session_code)
    env[LOOPBACK_ONLY_ENV] = "1" if options.addresses.loopback_only else ""
    # A co-trainer's link starts here; without a token the trainer app is for this computer alone.
    env[TRAINER_BASE_ENV] = options.addresses.trainer_base() if options.trainer_token else ""
    # Signs the learner ids the kernels issue; kept in the data folder, so ids outlive a restart.
    env[LEARNER_SECRET_ENV] = learner_secret(options.data_dir)
    # The trainer app asks the learner server how many it can take in now (a key per run).
    pool_host = "127.0.0.1" if options.ip in {"0.0.0.0", "127.0.0.1"} else options.ip
    pool_url = f"http://{pool_host}:{options.port}/coproduce/pool"
    env[POOL_STATUS_ENV] = f"{pool_url} {secrets.token_urlsafe(24)}"
    env["JUPYTER_PATH"] = os.pathsep.join(
        filter(
            None,
            [str(SHARE_DIR), str(options.data_dir / KERNEL_SHARE), os.environ.get("JUPYTER_PATH")],
        )
    )
    env[COURSE_DIR_ENV] = str(options.course_root)
    env[STORE_ENV] = options.store or str(options.data_dir)
    env[PARSED_MODULES_ENV] = str(options.data_dir / PARSED_MODULES_FILE)
    return env


def learner_link(options: ServeOptions, session_code: str = "") -> str:
    return options.addresses.learner_link(session_code)


def trainer_link(options: ServeOptions) -> str:
    return options.addresses.trainer_link()


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


def open_session(options: ServeOptions) -> tuple[str, bool]:
    """The session to serve: the last one, resumed after a stop or a crash, unless asked for a
    new one. Returns the code and whether it was resumed."""
    sessions = SessionStore(Store(options.store or options.data_dir))
    latest = None if options.new_session else sessions.latest()
    if latest:
        return latest, True
    return sessions.create_session(), False


def write_words(content: CourseContent, folder: Path) -> Path:
    """The words of the pages the server answers with itself (room full, trainer sign-in, the
    accessibility statement)."""
    server = content.interface.server
    words = {
        "language": content.course.language,
        "room_full": {"heading": server.full_heading, "lines": server.full_lines},
        "sign_in": {
            "heading": server.sign_in_heading,
            "lines": server.sign_in_lines,
            "label": server.sign_in_label,
            "button": server.sign_in_button,
            "wrong": server.sign_in_wrong,
        },
        "statement": {"back": content.interface.page.back_to_course},
    }
    path = folder / "words.json"
    path.write_text(json.dumps(words), encoding="utf-8")
    return path


def _stop_on_sigterm(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt  # so a plain `kill` also stops both Voila servers and their kernels


def serve(options: ServeOptions) -> int:
    """Start a session and both apps; run until interrupted; return Voila's exit code."""
    content = load_course(options.course_root)
    port = busy_port(options)
    if port is not None:
        print(content.interface.terminal.port_in_use.format(port=port), file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    private_folder(options.data_dir)  # whatever the store, the data folder is the owner's
    session_code, resumed = open_session(options)
    config_dir = write_voila_config(options.data_dir / CONFIG_FOLDER)
    write_words(content, config_dir)
    write_kernel_spec(options.data_dir / KERNEL_SHARE)
    bundle = write_bundle(config_dir / FRONT_END_FOLDER)  # "" with an unknown Voila
    learner_nb = write_learner_app(content, options.data_dir / APP_FOLDER, KERNEL_NAME, bundle)
    trainer_nb = write_trainer_app(content, options.data_dir / TRAINER_FOLDER, KERNEL_NAME, bundle)
    write_parsed_modules(content, options.data_dir / PARSED_MODULES_FILE)
    env = server_environment(options, session_code)
    language = content.course.language
    addresses = options.addresses
    cull = options.culls
    learner_args = (options.class_size, options.max_learners, learner_nb, config_dir, language)
    learners = _start(learner_command(addresses, *learner_args, cull), learner_nb.parent, env)
    trainer_args = (trainer_nb, config_dir, language, cull)
    trainer = _start(trainer_command(addresses, *trainer_args), trainer_nb.parent, env)
    processes = [learners, trainer]
    try:
        up = _wait_until_up(options.port, learners) and _wait_until_up(
            options.trainer_port_number, trainer
        )
        if not up:
            return _stop(processes)
        link = learner_link(options, session_code)
        if resumed:
            print(content.interface.terminal.resuming.format(code=session_code), flush=True)
        print(content.interface.trainer.session_code.format(code=session_code), flush=True)
        print(content.interface.terminal.learner_link.format(link=link), flush=True)
        print(terminal_qr(link), flush=True)
        print(
            content.interface.terminal.trainer_link.format(link=trainer_link(options)), flush=True
        )
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
