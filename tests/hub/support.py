"""Real parts for the hub tests: PostgreSQL from the environment, PgBouncer started here.

A missing part skips a test on a developer's machine with the reason, and fails it under CI=true
(`.ci/run` installs every part: `.ci/install-hub`).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url

from tests.conftest import free_port

POSTGRES_URL_ENV = "COPRODUCE_TEST_POSTGRES_URL"


def need(found: object, reason: str) -> None:
    """Skip without the part, with the reason; fail under CI, where every part is installed."""
    if found:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required under CI: .ci/install-hub installs it)")
    pytest.skip(reason)


def postgres_url() -> URL:
    url = os.environ.get(POSTGRES_URL_ENV, "")
    need(url, f"no PostgreSQL server: set {POSTGRES_URL_ENV} (sh .ci/install-postgres prints one)")
    return make_url(url)


def program(name: str) -> str:
    found = shutil.which(name) or ""
    need(found, f"{name} is not installed")
    return found


@contextmanager
def pgbouncer(server: URL, pool_size: int = 20, max_clients: int = 500) -> Iterator[URL]:
    """PgBouncer in transaction pooling on 127.0.0.1 in front of `server`; yields its URL
    (with psycopg's automatic prepared statements off, as the store needs behind it)."""
    binary = program("pgbouncer")
    # PgBouncer will not run as root: it is then started as `nobody`, who must read its files.
    folder = Path(tempfile.mkdtemp(prefix="pgbouncer-"))
    folder.chmod(0o755)
    port = free_port()
    user, password = server.username or "", server.password or ""
    (folder / "users.txt").write_text(f'"{user}" "{password}"\n')
    (folder / "pgbouncer.ini").write_text(
        "[databases]\n"
        f"{server.database} = host={server.host} port={server.port or 5432} "
        f"dbname={server.database}\n"
        "[pgbouncer]\n"
        f"listen_addr = 127.0.0.1\nlisten_port = {port}\n"
        f"unix_socket_dir =\nauth_type = scram-sha-256\nauth_file = {folder / 'users.txt'}\n"
        f"pool_mode = transaction\ndefault_pool_size = {pool_size}\n"
        f"max_client_conn = {max_clients}\nmax_db_connections = {pool_size}\n"
        "ignore_startup_parameters = extra_float_digits,options\n"
    )
    for path in folder.iterdir():
        path.chmod(0o644)
    command = [binary]
    if os.geteuid() == 0:
        command += ["-u", "nobody"]
    log = (folder / "log.txt").open("w")
    process = subprocess.Popen(
        [*command, str(folder / "pgbouncer.ini")], stdout=log, stderr=subprocess.STDOUT
    )
    try:
        _wait_for_port(port, process, folder / "log.txt")
        query = {**dict(server.query), "prepare_threshold": "none"}
        yield server.set(host="127.0.0.1", port=port, query=query)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"pgbouncer stopped:\n{log.read_text()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"pgbouncer did not listen on {port}:\n{log.read_text()}")
