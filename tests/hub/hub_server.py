"""A real JupyterHub with the course's recipe on 127.0.0.1, for the hub tests.

It runs `deploy/jupyterhub_config.py` as a department would: configurable-http-proxy from npm,
the hub's database on PostgreSQL (a schema of its own, dropped afterwards), the store through
PgBouncer in transaction pooling, learners' servers with SimpleLocalProcessSpawner.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psutil
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from coproduce.hub.passwords import hash_password
from coproduce.hub.prepare import prepare
from coproduce.live.sessions import SessionStore
from coproduce.live.store import Store
from tests.conftest import ROOT, add_try_modules, copy_course, free_port
from tests.hub.support import need, pgbouncer, postgres_url, program

CONFIG = ROOT / "deploy" / "jupyterhub_config.py"


@dataclass
class Hub:
    url: str  # ends with /
    code: str  # a session made in the store, as a trainer's would be
    trainer: str
    trainer_password: str
    store_password: str
    hub_db: str
    log: Path
    process: subprocess.Popen[bytes]


@contextmanager
def hub_schema(server: URL) -> Iterator[str]:
    """A URL for the hub's own database: a fresh schema on the test PostgreSQL."""
    schema = f"hub_{secrets.token_hex(5)}"
    admin = create_engine(server)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    url = server.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


@contextmanager
def running_hub(base: Path, extra_modules: tuple[Path, ...] = ()) -> Iterator[Hub]:
    program("configurable-http-proxy")
    need(shutil.which("jupyterhub", path=str(Path(sys.executable).parent)), "no jupyterhub")
    server = postgres_url()
    course = copy_course(base / "course")
    if extra_modules:
        add_try_modules(course, list(extra_modules))
    prepared = prepare(course, base / "prepared")
    trainer, password = "trainer-one", secrets.token_urlsafe(16)
    (base / "trainers.txt").write_text(f"{trainer}: {hash_password(password, rounds=1000)}\n")
    (base / "secret").write_text(secrets.token_hex(32))
    port = free_port()
    with pgbouncer(server) as pooled, hub_schema(server) as hub_db:
        small = pooled.update_query_dict({"pool_size": "1", "max_overflow": "2"})
        store_url = small.render_as_string(hide_password=False)
        store = Store(store_url)
        code = SessionStore(store).create_session()
        store.close()
        env = {k: v for k, v in os.environ.items() if not k.startswith("COPRODUCE_")}
        env.update(
            COPRODUCE_HUB_PREPARED=str(prepared),
            COPRODUCE_STORE=store_url,
            COPRODUCE_HUB_TRAINERS=str(base / "trainers.txt"),
            COPRODUCE_HUB_DB_URL=hub_db,
            COPRODUCE_HUB_PUBLIC_URL=f"http://127.0.0.1:{port}/",
            COPRODUCE_HUB_LEARNER_SECRET_FILE=str(base / "secret"),
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        )
        log = base / "hub.log"
        hub_dir = base / "hub-state"
        hub_dir.mkdir()
        command = [
            str(Path(sys.executable).with_name("jupyterhub")),
            "-f",
            str(CONFIG),
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--JupyterHub.hub_port={free_port()}",
            f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{free_port()}",
            f"--JupyterHub.cookie_secret_file={hub_dir / 'cookie_secret'}",
            f"--JupyterHub.pid_file={hub_dir / 'hub.pid'}",
            f"--SimpleLocalProcessSpawner.home_dir_template={base}/home/{{username}}",
        ]
        with log.open("wb") as sink:
            process = subprocess.Popen(
                command,
                cwd=hub_dir,
                env=env,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        hub = Hub(
            f"http://127.0.0.1:{port}/",
            code,
            trainer,
            password,
            server.password or "",
            hub_db,
            log,
            process,
        )
        try:
            _wait_until_up(hub)
            yield hub
        finally:
            _stop(process)
            _stop_leftovers(base)


def _wait_until_up(hub: Hub) -> None:
    deadline = time.monotonic() + 240  # a busy machine imports slowly
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            raise AssertionError(f"jupyterhub stopped:\n{hub.log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(hub.url + "hub/health", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise AssertionError(f"jupyterhub did not answer:\n{hub.log.read_text()[-4000:]}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    # The hub stops the servers it started when it gets SIGTERM, but leaves the proxy and the
    # idle culler running (the hub benchmark found them): stop its whole process group too.
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
    with contextlib.suppress(ProcessLookupError):  # nothing of the hub's was left
        os.killpg(process.pid, 15)


def _stop_leftovers(base: Path) -> None:
    """Servers the hub started live in their own sessions, under homes in `base`: a hub that
    had to be killed leaves them running, eating the next test's CPU."""
    for found in psutil.process_iter():
        with contextlib.suppress(psutil.Error):
            if Path(found.cwd()).is_relative_to(base):
                found.kill()


def join_link(hub: Hub, code: str) -> str:
    return f"{hub.url}hub/join?code={quote(code)}"
