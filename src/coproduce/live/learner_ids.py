"""Learner ids the server issues, signed so that a made-up or altered one is refused.

A learner's answers are keyed by their learner id, so the browser is never trusted to make one.
The kernel issues it: `LEARNER.SIGNATURE`, where LEARNER is the id the store keys answers by
(144 random bits from `secrets`) and SIGNATURE an HMAC-SHA256 of it under the server's secret.
The browser keeps the whole token and offers it again on each visit; `verify` gives back the
learner id only if the signature is this server's. The signature never reaches the store, so an
exported file or a grades sheet holds nothing that opens a learner's answers.

`coproduce serve` makes the secret once, in the data folder (readable by its owner only), and
hands it to the kernels in an environment variable, so ids stay good across a restart. A
notebook run on its own, with no server secret, signs with a secret of its own process.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from pathlib import Path

from coproduce.config.settings import learner_secret_from_env
from coproduce.live.private_files import private_file, private_folder, write_private_text

# The shape of a learner id as the store keeps it (also the shape of ids from before signing).
LEARNER_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
SIGNATURE = re.compile(r"[A-Za-z0-9_-]{43}")  # 32 bytes of HMAC-SHA256, base64url, no padding
ID_BYTES = 18  # 144 bits: 24 characters, with no spare bits in the last one
SECRET_BYTES = 32
SECRET_FILE = "learner-id-secret"
_PURPOSE = b"coproduce learner id\x00"  # so the secret signs nothing else by accident
_PROCESS_SECRET = secrets.token_bytes(SECRET_BYTES)


def current_secret() -> bytes:
    """The server's secret in a kernel it started; else this process's own."""
    configured = learner_secret_from_env()
    if not configured:
        return _PROCESS_SECRET
    try:
        return bytes.fromhex(configured)
    except ValueError:
        return configured.encode("utf-8")


def _signature(learner_id: str, secret: bytes) -> str:
    digest = hmac.new(secret, _PURPOSE + learner_id.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def token_for(learner_id: str, secret: bytes | None = None) -> str:
    """The token a browser keeps for this learner id."""
    if not LEARNER_ID.fullmatch(learner_id):
        raise ValueError("not a learner id")
    return f"{learner_id}.{_signature(learner_id, secret or current_secret())}"


def issue(secret: bytes | None = None) -> str:
    """A new learner: a fresh random id, signed."""
    return token_for(secrets.token_urlsafe(ID_BYTES), secret)


def verify(token: object, secret: bytes | None = None) -> str | None:
    """The learner id in a token this server signed, or None for anything else."""
    if not isinstance(token, str) or token.count(".") != 1:
        return None
    learner_id, signature = token.split(".")
    if not LEARNER_ID.fullmatch(learner_id) or not SIGNATURE.fullmatch(signature):
        return None
    expected = _signature(learner_id, secret or current_secret())
    if hmac.compare_digest(expected.encode("ascii"), signature.encode("ascii")):
        return learner_id
    return None


def learner_secret(data_dir: Path) -> str:
    """The server's secret (hex), made once in the data folder and readable by its owner only."""
    path = private_file(private_folder(data_dir) / SECRET_FILE)
    existing = path.read_text(encoding="ascii").strip()
    if existing:
        return existing
    secret = secrets.token_hex(SECRET_BYTES)
    write_private_text(path, secret + "\n")
    return secret
