"""The store and the data folder are for the owner only, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from coproduce.live.learner_ids import SECRET_FILE, learner_secret
from coproduce.live.private_files import private_file, private_folder, write_private_text
from coproduce.live.sessions import SessionStore
from coproduce.live.store import STORE_FILE, Store


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The common default: new files readable by every user of the machine."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("open_umask")
def test_a_new_store_and_its_folders_are_the_owners_only(tmp_path: Path) -> None:
    data = tmp_path / "nested" / "data"
    store = Store(data)
    code = SessionStore(store).create_session()
    store.save_answer("learner-0000000001", "one-thought", {"text": "private"}, session=code)
    database = data / STORE_FILE
    assert mode(data) == 0o700 and mode(data.parent) == 0o700
    assert mode(database) == 0o600
    sidecars = [database.with_name(database.name + end) for end in ("-wal", "-shm", "-journal")]
    made = [path for path in sidecars if path.exists()]
    assert made, "the store in WAL mode keeps a -wal file while it is open"
    assert all(mode(path) == 0o600 for path in made), {str(p): oct(mode(p)) for p in made}
    store.close()


@pytest.mark.usefixtures("open_umask")
def test_a_store_an_older_kit_left_readable_is_made_private(tmp_path: Path) -> None:
    Store(tmp_path).close()
    database = tmp_path / STORE_FILE
    database.chmod(0o644)
    Store(tmp_path).close()
    assert mode(database) == 0o600


@pytest.mark.usefixtures("open_umask")
def test_a_folder_that_was_there_is_left_as_its_owner_chose(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o750)
    shared.chmod(0o750)
    Store(shared).close()
    assert mode(shared) == 0o750 and mode(shared / STORE_FILE) == 0o600


@pytest.mark.usefixtures("open_umask")
def test_the_learner_id_secret_uses_the_same_rules(tmp_path: Path) -> None:
    data = tmp_path / "data"
    secret = learner_secret(data)
    assert mode(data) == 0o700 and mode(data / SECRET_FILE) == 0o600
    assert learner_secret(data) == secret


def test_the_modes_hold_under_any_umask(tmp_path: Path) -> None:
    before = os.umask(0o777)  # narrower than what we ask for: the modes are set again after
    try:
        folder = private_folder(tmp_path / "a" / "b")
        made = private_file(folder / "file")
        written = write_private_text(folder / "text", "words")
    finally:
        os.umask(before)
    assert mode(tmp_path / "a") == 0o700 and mode(folder) == 0o700
    assert mode(made) == 0o600 and mode(written) == 0o600
    assert written.read_text() == "words"
