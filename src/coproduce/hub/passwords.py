"""Trainer passwords as the hub keeps them: salted PBKDF2-SHA256, never the password itself.

The trainers file has a line per trainer, `name: pbkdf2-sha256$ROUNDS$SALT$HASH`, made with
`python -m coproduce.hub password NAME`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

SCHEME = "pbkdf2-sha256"
ROUNDS = 300_000


def hash_password(password: str, rounds: int = ROUNDS) -> str:
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), rounds)
    return f"{SCHEME}${rounds}${salt}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, rounds, salt, expected = stored.split("$")
        if scheme != SCHEME:
            return False
        digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), int(rounds))
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), expected)


def read_trainers(path: Path) -> dict[str, str]:
    """Trainer name -> stored hash, from the trainers file (blank lines and # comments allowed)."""
    trainers = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, stored = line.partition(":")
            trainers[name.strip().lower()] = stored.strip()
    return trainers
