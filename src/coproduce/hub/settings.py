"""What the hub recipe needs to know, from the environment of the hub process.

Every value is named in `deploy/README` and in the values file for Kubernetes; nothing here holds
a default password or URL for a real database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

PREPARED_ENV = "COPRODUCE_HUB_PREPARED"  # folder made by `python -m coproduce.hub prepare`
STORE_ENV = "COPRODUCE_STORE"  # the store URL the learner servers use (through PgBouncer)
TRAINERS_ENV = "COPRODUCE_HUB_TRAINERS"  # the trainers file (name: password hash)
HUB_DB_ENV = "COPRODUCE_HUB_DB_URL"  # the hub's own database (PostgreSQL)
PUBLIC_URL_ENV = "COPRODUCE_HUB_PUBLIC_URL"  # how learners reach the hub, for the join link
SECRET_FILE_ENV = "COPRODUCE_HUB_LEARNER_SECRET_FILE"  # signs learner ids in every server
WORDS_ENV = "COPRODUCE_HUB_WORDS"  # the words of the hub's own pages (deploy/hub-words.yml)
IDLE_MINUTES_ENV = "COPRODUCE_HUB_IDLE_MINUTES"
START_SECONDS_ENV = "COPRODUCE_HUB_START_SECONDS"


@dataclass(frozen=True)
class HubSettings:
    prepared: Path
    store_url: str
    trainers_file: Path
    hub_db_url: str
    public_url: str
    learner_secret: str
    words: dict[str, str]
    # A lunch break of 45 minutes and a late return must not cost a learner their server.
    idle_minutes: int = 75
    # How long a learner's Voila may take to answer before the proxy gives up (5 s by default
    # killed every learner's Voila when a class arrived together).
    start_seconds: int = 120

    @classmethod
    def from_environment(cls, words_file: Path) -> HubSettings:
        missing = [
            name
            for name in (PREPARED_ENV, STORE_ENV, TRAINERS_ENV, PUBLIC_URL_ENV, SECRET_FILE_ENV)
            if not os.environ.get(name)
        ]
        if missing:
            raise RuntimeError(f"the coproduce hub needs {', '.join(missing)} in its environment")
        secret = Path(os.environ[SECRET_FILE_ENV]).read_text(encoding="ascii").strip()
        words_path = Path(os.environ.get(WORDS_ENV) or words_file)
        return cls(
            prepared=Path(os.environ[PREPARED_ENV]),
            store_url=os.environ[STORE_ENV],
            trainers_file=Path(os.environ[TRAINERS_ENV]),
            hub_db_url=os.environ.get(HUB_DB_ENV, ""),
            public_url=os.environ[PUBLIC_URL_ENV].rstrip("/") + "/",
            learner_secret=secret,
            words=read_words(words_path),
            idle_minutes=int(os.environ.get(IDLE_MINUTES_ENV) or 75),
            start_seconds=int(os.environ.get(START_SECONDS_ENV) or 120),
        )


def read_words(path: Path) -> dict[str, str]:
    words = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(words, dict) or not all(isinstance(v, str) for v in words.values()):
        raise ValueError(f"{path}: expected 'name: text' lines")
    return words
