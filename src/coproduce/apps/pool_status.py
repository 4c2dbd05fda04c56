"""How many learners the learner server can take in now: its warm kernels, pages and cap.

`coproduce serve` tells the trainer's kernel where to ask (see `config.settings`); the learner
server answers only with that key. Any failure reads as "not known", never as an error on the
trainer's screen.
"""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass

from coproduce.config.settings import pool_status_address

KEY_HEADER = "X-Coproduce-Pool-Key"


@dataclass(frozen=True)
class PoolStatus:
    ready: int  # kernels started and waiting for a learner
    learners: int  # pages holding a kernel
    cap: int  # pages at most; 0 for no cap


def read_pool_status(timeout: float = 1.0) -> PoolStatus | None:
    address = pool_status_address()
    if address is None:
        return None
    url, key = address
    request = urllib.request.Request(url, headers={KEY_HEADER: key})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = json.loads(response.read())
        return PoolStatus(int(data["ready"]), int(data["learners"]), int(data["cap"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
