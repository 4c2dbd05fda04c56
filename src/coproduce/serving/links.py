"""The links `coproduce serve` prints and the trainer app projects: names other devices can reach.

On loopback only (the default), the link says `localhost` and the trainer app says that only this
computer can join. With `--room` the learner server listens on every address and the link names
this machine's address on the network it shares with the room; `--public-url` overrides both,
for a proxy or a DNS name.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

LOOPBACK_IPS = {"127.0.0.1", "localhost", "::1"}
ALL_ADDRESSES = {"0.0.0.0", "::", ""}


@dataclass(frozen=True)
class Addresses:
    ip: str  # what the learner server listens on
    port: int
    trainer_port: int
    public_url: str | None = None  # as the room reaches the learner server
    trainer_token: str | None = None

    @property
    def loopback_only(self) -> bool:
        return self.ip in LOOPBACK_IPS and not self.public_url

    def learner_base(self) -> str:
        if self.public_url:
            return self.public_url.rstrip("/") + "/"
        return f"http://{_url_host(self.learner_host())}:{self.port}/"

    def learner_host(self) -> str:
        if self.ip in LOOPBACK_IPS:
            return "localhost"
        if self.ip in ALL_ADDRESSES:
            return address_others_can_reach()
        return self.ip

    def learner_link(self, session_code: str = "") -> str:
        query = f"?code={session_code}" if session_code else ""
        return self.learner_base() + query

    def trainer_base(self) -> str:
        host = _url_host(self.learner_host()) if self.trainer_token else "localhost"
        return f"http://{host}:{self.trainer_port}/"

    def trainer_link(self) -> str:
        query = f"?token={self.trainer_token}" if self.trainer_token else ""
        return self.trainer_base() + query

    def learner_host_names(self) -> list[str]:
        """Names the learner server answers to besides loopback (checked on every request)."""
        names = set()
        if self.ip not in LOOPBACK_IPS:
            names |= {self.learner_host(), socket.gethostname(), socket.getfqdn()}
            if self.ip not in ALL_ADDRESSES:
                names.add(self.ip)
        if self.public_url:
            names.add(urlsplit(self.public_url).hostname or "")
        return sorted(name.lower() for name in names if name)

    def trainer_host_names(self) -> list[str]:
        """The trainer server: loopback only, unless a token protects it."""
        return self.learner_host_names() if self.trainer_token else []


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def address_others_can_reach() -> str:
    """This machine's address on its network (no packet is sent: UDP connect only routes)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
        except OSError:
            return socket.gethostname()
