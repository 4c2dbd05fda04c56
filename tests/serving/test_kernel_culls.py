"""When a learner's kernel goes: a page that left after a real visit keeps its kernel for
`left_seconds` (a phone put away comes back to the same kernel); one that went moments after it
connected (a refresh pressed again and again) goes as soon as a page that never connected."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from coproduce.serving import kernels


class _Clock:
    now = 1000.0

    @classmethod
    def monotonic(cls) -> float:
        return cls.now


class _Voila:
    """What the policy uses of jupyter_server's kernel manager, connection counts included."""

    def __init__(self, **_: Any) -> None:
        self._pools: dict[str, list[asyncio.Task[Any]]] = {}
        self._kernel_connections: dict[str, int] = {}
        self.kernel_pools_config = {"default": {"pool_size": 2}}
        self.running: list[str] = []
        self.log = _Log()

    def list_kernel_ids(self) -> list[str]:
        return self.running

    def notify_connect(self, kernel_id: str) -> None:
        self._kernel_connections[kernel_id] += 1

    def notify_disconnect(self, kernel_id: str) -> None:
        self._kernel_connections[kernel_id] -= 1

    async def shutdown_kernel(self, kernel_id: str, *_: Any, **__: Any) -> None:
        self.running.remove(kernel_id)

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        return None  # jupyter_server's idle cull: twenty minutes, never reached here


class _Log:
    def info(self, *_: Any) -> None:
        pass


class _Pool(kernels.PoolPolicy, _Voila):
    pass


@pytest.fixture
def pool(monkeypatch: pytest.MonkeyPatch) -> _Pool:
    monkeypatch.setattr(kernels, "time", _Clock)
    monkeypatch.setitem(kernels.SETTINGS, "unconnected_seconds", 90)
    monkeypatch.setitem(kernels.SETTINGS, "left_seconds", 600)
    monkeypatch.setitem(kernels.SETTINGS, "brief_visit_seconds", 15)
    manager = _Pool()
    manager.running.append("k")
    manager._kernel_connections["k"] = 0
    manager._handed_out["k"] = _Clock.now
    return manager


def _visit(pool: _Pool, seconds: float) -> None:
    pool.notify_connect("k")
    _Clock.now += seconds
    pool.notify_disconnect("k")


def _alive_after(pool: _Pool, seconds: float) -> bool:
    _Clock.now += 1
    asyncio.run(pool.cull_kernel_if_idle("k"))  # the pass that first sees it gone
    _Clock.now += seconds
    asyncio.run(pool.cull_kernel_if_idle("k"))
    return "k" in pool.running


def test_a_page_that_left_after_a_real_visit_keeps_its_kernel_for_a_while(pool: _Pool) -> None:
    _visit(pool, 120)
    assert _alive_after(pool, 300)
    assert not _alive_after(pool, 400)


def test_a_page_gone_moments_after_connecting_goes_like_one_that_never_connected(
    pool: _Pool,
) -> None:
    _visit(pool, 2)
    assert _alive_after(pool, 60)
    assert not _alive_after(pool, 60)


def test_coming_back_cancels_the_count_and_a_long_stay_is_not_brief(pool: _Pool) -> None:
    _visit(pool, 2)
    _Clock.now += 30
    _visit(pool, 60)  # came back within the minute and stayed
    assert _alive_after(pool, 300)


def test_a_page_still_connected_is_never_culled(pool: _Pool) -> None:
    pool.notify_connect("k")
    assert _alive_after(pool, 5000)
