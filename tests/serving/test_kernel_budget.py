"""The learner server's kernel budget: the cap follows the machine's memory, and the pool tops up
only to what the class still needs (never twice the class)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from coproduce.serving import kernels
from coproduce.serving.voila_command import KERNEL_BYTES, default_class_size, learner_cap

GIB = 2**30


def test_by_default_forty_are_ready_where_memory_holds_twice_that() -> None:
    """A whole class opening the link at once finds its kernels started, on a machine with
    room; a small one warms fewer, never more than half of what its cap allows."""
    gigabytes = 2**30
    assert default_class_size(available_bytes=16 * gigabytes) == 40
    assert default_class_size(available_bytes=4 * gigabytes) == 15  # 30 fit: half of them
    assert default_class_size(available_bytes=1 * gigabytes) == 8  # never under eight
    assert learner_cap(default_class_size(4 * gigabytes), available_bytes=4 * gigabytes) == 30


def test_the_cap_follows_free_memory_and_never_refuses_the_class() -> None:
    # A small laptop: memory would hold fewer than the class, the class still gets in.
    assert learner_cap(30, available_bytes=1 * GIB) == 34
    # A big machine: three quarters of its free memory, in kernels.
    assert learner_cap(8, available_bytes=16 * GIB) == int(16 * GIB * 0.75) // KERNEL_BYTES
    # The trainer's own number wins.
    assert learner_cap(8, max_learners=5, available_bytes=16 * GIB) == 5


class _Voila:
    """Just what the policy reads of Voila's pool manager."""

    def __init__(self, **_: Any) -> None:
        self._pools: dict[str, list[asyncio.Task[Any]]] = {}
        self._kernel_connections: dict[str, int] = {}
        self.kernel_pools_config = {"default": {"pool_size": 10}}
        self.running: list[str] = []

    def list_kernel_ids(self) -> list[str]:
        return self.running


class _Pool(kernels.PoolPolicy, _Voila):
    pass


@pytest.mark.parametrize(
    ("learners", "cap", "expected"),
    [
        (0, 0, 10),  # before the class: the whole class warm
        (4, 0, 6),  # four in: the six still to come
        (9, 0, 2),  # nearly all in: two spare for late-comers and reloads
        (30, 0, 2),  # more than the class: still two spare, no more
        (4, 8, 4),  # the cap leaves room for four more only
        (8, 8, 0),  # the cap is reached: nothing more starts
    ],
)
def test_the_pool_tops_up_to_what_the_class_still_needs(
    learners: int, cap: int, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(kernels.SETTINGS, "max_learners", cap)
    monkeypatch.setitem(kernels.SETTINGS, "refill_after_seconds", 3600)  # nothing really starts

    async def fill() -> int:
        pool = _Pool()
        for number in range(learners):
            pool._handed_out[f"kernel-{number}"] = 0.0
            pool.running.append(f"kernel-{number}")
        pool._handed_out["died-on-its-own"] = 0.0  # not running: must not count
        pool.fill_if_needed(notebook_name="learner.ipynb")
        waiting = pool._pools["learner.ipynb"]
        for task in waiting:
            task.cancel()
        await asyncio.gather(*waiting, return_exceptions=True)
        return len(waiting)

    assert asyncio.run(fill()) == expected


@pytest.mark.parametrize(("learners", "gap"), [(0, 0.5), (3, 1.5)])
def test_the_pool_warms_quickly_while_nobody_holds_a_kernel(
    learners: int, gap: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the class (or after a restart, every page coming back) kernels start one every
    warm gap; once learners hold kernels, one every refill gap, not to starve those joining."""
    monkeypatch.setitem(kernels.SETTINGS, "max_learners", 0)
    waits: list[float] = []

    class _Recording(_Pool):
        async def _initialize_when(self, event: Any, wait: float, *rest: Any) -> Any:
            waits.append(wait)

    async def fill() -> None:
        pool = _Recording()
        for number in range(learners):
            pool._handed_out[f"kernel-{number}"] = 0.0
            pool.running.append(f"kernel-{number}")
        pool.fill_if_needed(delay=0, notebook_name="learner.ipynb")
        await asyncio.gather(*pool._pools["learner.ipynb"])

    asyncio.run(fill())
    assert len(waits) == 10 - learners
    assert waits == [pytest.approx(gap * number) for number in range(len(waits))]
