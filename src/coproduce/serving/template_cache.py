"""Voila's page templates compiled once per server, not once per page.

Voila makes a new exporter, and so a new Jinja environment, for every page it renders: each
warm kernel in the pool, and each learner beyond it. A new environment has an empty template
cache, so the page's templates were parsed and compiled to Python again for every page. Profiled
with py-spy during a 40-learner burst, that compiling was about a third of the server process's
busy time; the server is one process, which also relays every learner's widget messages.

Jinja's own answer is a bytecode cache shared by environments: this one is kept in memory. Jinja
checks each template's source against the checksum stored with its code, so an edited template
is compiled afresh.
"""

from __future__ import annotations

from typing import Any

import voila.notebook_renderer
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from voila.exporter import VoilaExporter


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in this process, apart for environments that compile apart
    (async or not, their extensions)."""

    def __init__(self) -> None:
        self._code: dict[tuple[Any, ...], bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self._code.get(_key(bucket))
        if found is not None:
            bucket.bytecode_from_string(found)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[_key(bucket)] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)


def _key(bucket: Bucket) -> tuple[Any, ...]:
    environment = bucket.environment
    return (environment.is_async, tuple(sorted(environment.extensions)), bucket.key)


SHARED = MemoryBytecodeCache()


class CachedTemplatesExporter(VoilaExporter):
    """Voila's exporter, its environment using the server's shared bytecode cache."""

    def _create_environment(self) -> Environment:
        environment: Environment = super()._create_environment()
        environment.bytecode_cache = SHARED
        return environment


def share_compiled_templates() -> None:
    """Have every page Voila renders in this process use the shared cache."""
    voila.notebook_renderer.VoilaExporter = CachedTemplatesExporter
