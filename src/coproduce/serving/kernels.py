"""The learner server's kernels: a pool for a class arriving together, bounded and kept healthy.

Voila keeps a pool of kernels that have already run the app notebook (its "preheated" kernels)
and hands one to each page request. Left to itself it refills the pool one second after each
hand-out, so a class of 40 arriving together starts 40 kernels at the moment they are joining,
and every page request holds a kernel for the idle cull's 20 minutes, even one from a client that
never runs the page's JavaScript. This mixin, put in front of Voila's own pool class by
`voila_app.py`, changes four things:

- a kernel whose page never connects is shut down after `unconnected_seconds`, and one whose
  page connected and then went without saying goodbye (a phone put away, a closed laptop lid,
  a browser killed; a page that unloads properly shuts its kernel itself) after `left_seconds`:
  the learner's answers are in the store, and a page that comes back loads itself again. A
  page that went within `brief_visit_seconds` of connecting (a reload that raced the page's
  own goodbye, a refresh pressed over and over) counts as one that never connected;
- learner kernels (handed out, not in the pool) are capped at `max_learners`; the pool never
  fills past what the cap leaves, and once learners arrive it only tops up to what the class
  still needs (the pool size, the class, less those in), with `spare_kernels` for late-comers
  and reloads, so the server never holds twice the class;
- refills are spread out, one kernel every `refill_gap_seconds` while learners hold kernels (so
  the refill does not starve those joining) and one every `warm_gap_seconds` while none does
  (the pool before the class comes, or after a restart, when every page is coming back), and a
  learner who arrives to an empty pool starts the next waiting kernel at once instead of
  waiting for its turn;
- a pooled kernel that failed to start, or died, is dropped and replaced before anyone gets it;
- kernel activity is watched without decoding every message (`activity.py`).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

from coproduce.serving.activity import watch_activity

# Set by the launcher from its command line (Voila builds the kernel manager class itself).
SETTINGS: dict[str, float] = {
    "max_learners": 0,  # 0: no cap
    "unconnected_seconds": 90,
    "left_seconds": 600,
    "brief_visit_seconds": 15,
    "refill_gap_seconds": 1.5,
    # A forked kernel's warm-up is about a quarter of a CPU-second, the server's part of it a
    # tenth: at one every half second a pool of 40 filled in 23 s (63 s at the refill gap),
    # using 1.2 of two cores on average, server start included (benchmarks/class_burst.py).
    "warm_gap_seconds": 0.5,
    "refill_after_seconds": 1.0,
    "spare_kernels": 2,
}


class PoolPolicy:
    """Mixed in before Voila's `VoilaKernelManager`; see the module docstring."""

    # Provided by the jupyter_server / Voila classes this is mixed into.
    _pools: dict[str, list[asyncio.Task[Any]]]
    _kernel_connections: dict[str, int]
    kernel_pools_config: dict[str, Any]
    get_kernel: Any
    list_kernel_ids: Any
    log: Any

    def __init__(self, **kwargs: Any) -> None:
        self._handed_out: dict[str, float] = {}  # kernel id -> when a page got it
        self._ever_connected: set[str] = set()
        self._left_since: dict[str, float] = {}  # kernel id -> when its last page went
        self._connected_at: dict[str, float] = {}  # kernel id -> when its page (re)connected
        self._brief: set[str] = set()  # kernels whose page left soon after connecting
        self._closing = False
        self._start_now: dict[asyncio.Task[Any], asyncio.Event] = {}
        super().__init__(**kwargs)

    # -- counting ---------------------------------------------------------------------------
    def pooled_kernel_ids(self) -> set[str]:
        ids = set()
        for pool in self._pools.values():
            for task in pool:
                if task.done() and not task.cancelled() and task.exception() is None:
                    ids.add(task.result()["kernel_id"])
        return ids

    def learner_kernel_count(self) -> int:
        """Kernels handed to a page and still running (one that died on its own is not counted,
        or the room would fill with ghosts)."""
        running = set(self.list_kernel_ids())
        for gone in [kernel for kernel in self._handed_out if kernel not in running]:
            del self._handed_out[gone]
        return len(self._handed_out)

    def ready_count(self) -> int:
        return len(self.pooled_kernel_ids())

    def room_is_full(self) -> bool:
        cap = int(SETTINGS["max_learners"])
        return cap > 0 and self.learner_kernel_count() >= cap

    # -- handing out ------------------------------------------------------------------------
    async def get_rendered_notebook(self, notebook_name: str, **kwargs: Any) -> Any:
        pool = self._pools.get(notebook_name, [])
        while pool:
            task = pool[0]
            event = self._start_now.get(task)
            if event is not None:
                event.set()  # a learner is waiting for this one: start it now
            try:
                content = await asyncio.shield(task)
                kernel_id = content["kernel_id"]
                alive = await self.get_kernel(kernel_id).is_alive()
            except Exception:  # a kernel that failed to start: drop it, take the next
                self.log.warning("Dropping a pooled kernel that failed to start")
                self._forget(task, pool)
                continue
            if not pool or pool[0] is not task:
                continue  # another learner took this kernel while we waited: take the next
            if not alive:
                self.log.warning("Dropping a pooled kernel that died: %s", kernel_id)
                self._forget(task, pool)
                await self._quietly_shut_down(kernel_id)
                continue
            self._handed_out[kernel_id] = time.monotonic()
            return await super().get_rendered_notebook(notebook_name, **kwargs)  # type: ignore[misc]
        # Everything in the pool failed: start one for this learner, as Voila does for a pool
        # that has run dry (the handler only comes here while the pool looked non-empty).
        self.fill_if_needed(delay=0, notebook_name=notebook_name)
        return await self.get_rendered_notebook(notebook_name, **kwargs)

    def _forget(self, task: asyncio.Task[Any], pool: list[asyncio.Task[Any]]) -> None:
        if task in pool:
            pool.remove(task)
        self._start_now.pop(task, None)

    async def _quietly_shut_down(self, kernel_id: str) -> None:
        try:
            # At once: it has no page to tell, and everything it kept is in the store already
            # (a polite shutdown makes ipykernel print a traceback as its sockets close).
            await self.shutdown_kernel(kernel_id, now=True)
        except Exception:  # already gone
            self.log.debug("kernel %s was already gone", kernel_id)

    def start_watching_activity(self, kernel_id: str) -> None:
        watch_activity(self, kernel_id)  # the same record, for a fraction of the work

    # -- refilling --------------------------------------------------------------------------
    def fill_if_needed(
        self,
        delay: float | None = None,
        notebook_name: str | None = None,
        extra_kernel_env_variables: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        """Top the pool up to its size, within the cap, one kernel every refill gap."""
        size = self._pool_size(notebook_name)
        pool = self._pools.setdefault(str(notebook_name), [])
        learners = self.learner_kernel_count()
        size = min(size, max(int(SETTINGS["spare_kernels"]), size - learners))
        cap = int(SETTINGS["max_learners"])
        if cap > 0:
            size = max(0, min(size, cap - learners))
        if self._closing:
            return
        # A refill waits a moment, then starts one kernel per gap; a learner who finds the pool
        # waiting starts its first kernel at once (see get_rendered_notebook).
        first = SETTINGS["refill_after_seconds"] if delay is None else delay
        gap = SETTINGS["refill_gap_seconds" if learners else "warm_gap_seconds"]
        waiting = sum(1 for task in pool if task in self._start_now and not task.done())
        for number in range(size - len(pool)):
            event = asyncio.Event()
            wait = first + gap * (waiting + number)
            start = self._initialize_when(
                event, wait, str(notebook_name), extra_kernel_env_variables, kwargs
            )
            task = asyncio.get_event_loop().create_task(start)
            self._start_now[task] = event
            pool.append(task)

    async def _initialize_when(
        self,
        event: asyncio.Event,
        wait: float,
        notebook_name: str,
        extra_env: dict[str, str] | None,
        kwargs: dict[str, Any],
    ) -> Any:
        if wait > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout=wait)
        # Voila's own refill does the environment and start; ask it for exactly one kernel.
        return await self._start_one(notebook_name, extra_env or {}, kwargs)

    async def _start_one(
        self, notebook_name: str, extra_env: dict[str, str], kwargs: dict[str, Any]
    ) -> Any:
        """Start one kernel through Voila's own refill, which sets up its environment."""
        ours = self._pools.get(notebook_name, [])
        saved = self.kernel_pools_config
        self._pools[notebook_name] = []
        try:
            self.kernel_pools_config = {"default": {**saved.get("default", {}), "pool_size": 1}}
            super().fill_if_needed(  # type: ignore[misc]
                delay=0,
                notebook_name=notebook_name,
                extra_kernel_env_variables=extra_env,
                **kwargs,
            )
            started = self._pools[notebook_name][0]
        finally:
            self.kernel_pools_config = saved
            self._pools[notebook_name] = ours
        content = await started
        self._say_if_full(notebook_name)
        return content

    def _say_if_full(self, notebook_name: str) -> None:
        pool = self._pools.get(notebook_name, [])
        ready = sum(1 for task in pool if task.done())
        # The pool's own task for this kernel is done only once this returns: count it in.
        if ready + 1 >= self._pool_size(notebook_name) and notebook_name.endswith("learner.ipynb"):
            size = self._pool_size(notebook_name)
            self.log.info("Kernel pool of %s is filled with %s kernel(s)", notebook_name, size)

    def _pool_size(self, notebook_name: str | None) -> int:
        config = self.kernel_pools_config
        default = config.get("default", {})
        return int(config.get(str(notebook_name), default).get("pool_size", 1))

    # -- culling ----------------------------------------------------------------------------
    def notify_connect(self, kernel_id: str) -> None:
        # Known at once, not at the next cull pass: a page that connected and went within one
        # pass has left (left_seconds), it is not a page that never connected.
        self._ever_connected.add(kernel_id)
        self._left_since.pop(kernel_id, None)
        self._brief.discard(kernel_id)
        self._connected_at.setdefault(kernel_id, time.monotonic())
        super().notify_connect(kernel_id)  # type: ignore[misc]

    def notify_disconnect(self, kernel_id: str) -> None:
        super().notify_disconnect(kernel_id)  # type: ignore[misc]
        if self._kernel_connections.get(kernel_id, 0) > 0:
            return
        now = time.monotonic()
        self._left_since[kernel_id] = now
        connected_at = self._connected_at.pop(kernel_id, now)
        if now - connected_at < SETTINGS["brief_visit_seconds"]:
            self._brief.add(kernel_id)

    async def cull_kernel_if_idle(self, kernel_id: str) -> Any:
        if kernel_id in self.pooled_kernel_ids():
            return None
        now = time.monotonic()
        if self._kernel_connections.get(kernel_id, 0) > 0:
            self._ever_connected.add(kernel_id)
            self._left_since.pop(kernel_id, None)
        elif kernel_id in self._ever_connected:
            brief = kernel_id in self._brief
            wait = SETTINGS["unconnected_seconds" if brief else "left_seconds"]
            if now - self._left_since.setdefault(kernel_id, now) > wait:
                self.log.info("Shutting down kernel %s: its page went away", kernel_id)
                await self._quietly_shut_down(kernel_id)
                return None
        else:
            since = self._handed_out.setdefault(kernel_id, now)
            if now - since > SETTINGS["unconnected_seconds"]:
                self.log.info("Shutting down kernel %s: its page never connected", kernel_id)
                await self._quietly_shut_down(kernel_id)
            return None
        return await super().cull_kernel_if_idle(kernel_id)  # type: ignore[misc]

    async def shutdown_kernel(self, kernel_id: str, *args: Any, **kwargs: Any) -> Any:
        was_out = self._handed_out.pop(kernel_id, None) is not None
        self._ever_connected.discard(kernel_id)
        self._left_since.pop(kernel_id, None)
        self._connected_at.pop(kernel_id, None)
        self._brief.discard(kernel_id)
        result = await super().shutdown_kernel(kernel_id, *args, **kwargs)  # type: ignore[misc]
        if was_out and SETTINGS["max_learners"] and not self._closing:
            # A place under the cap came free: the pool may refill towards its size.
            for name in list(self._pools):
                self.fill_if_needed(notebook_name=name)
        return result

    async def shutdown_all(self, *args: Any, **kwargs: Any) -> Any:
        self._closing = True
        return await super().shutdown_all(*args, **kwargs)  # type: ignore[misc]
