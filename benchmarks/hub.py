"""A class arriving through the real JupyterHub recipe, against `coproduce serve` in the same run.

For each class size, a real JupyterHub is started as the hub tests start it
(`tests/hub/hub_server.py`: `deploy/jupyterhub_config.py`, configurable-http-proxy, the hub's
database on PostgreSQL, the store through PgBouncer, SimpleLocalProcessSpawner). One real
Chromium learner follows the link first, to record the files a browser fetches for the learner
page (their hub user is then removed). Then the class arrives within `--spread` seconds: each
simulated learner is an HTTP client with a cookie jar of its own, so a hub user and a server of
its own. It follows the join link (hub login, server start, spawn-pending and its progress
stream, the server's sign-in with the hub), then does what `class_burst.py` does on the page:
static files, kernel websocket, widget state (page ready), Join, first module, module switch.

Printed: p50 / p95 / max from the link to the learner page and to the page ready, and from Join
to the first module; memory of the hub (with the idle culler) and the proxy, memory of each
learner's server (its proxy, Voila and kernels; RSS and USS), and learners per GB of learner
servers. Then the same class on `coproduce serve` (class size = the class, as the README
advises) with `class_burst.burst`, and the ratios hub / serve.

Run (needs COPRODUCE_TEST_POSTGRES_URL, as the hub tests do):
     python benchmarks/hub.py [--learners 10,40] [--spread 10] [--no-serve] [--json FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import html
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import aiohttp
import psutil
import requests
from burst_browsers import record_statics
from burst_learner import (
    BROWSER_CONNECTIONS,
    PROTOCOL,
    Learner,
    join_and_switch,
    widget_states,
)
from class_burst import burst, quantiles, report
from course_server import CHROMIUM, FLAGS, ROOT, TIMEOUT_S, settle, start_course, stop, tree
from playwright.sync_api import sync_playwright
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect
from yarl import URL

sys.path.insert(0, str(ROOT))  # the hub tests' real hub, started exactly as they start it
from coproduce.serving.forked_kernels import is_kernel
from tests.hub.hub_server import Hub, join_link, running_hub
from tests.hub.support import POSTGRES_URL_ENV

JOIN_FORM = ".cp-join-text input, .widget-radio-box input, textarea"  # as class_burst waits
LEARNER_PAGE = re.compile(r"/user/(l-[a-z0-9]+-[a-z0-9]+)/")
KERNEL_PATH = re.compile(r"api/kernels/[0-9a-f-]{36}")
MB = 1e6


@dataclass
class HubLearner(Learner):
    """class_burst's learner, timed from the join link: html_s is link -> learner page,
    ready_s link -> widget state (the join form usable)."""

    name: str = ""
    stage: str = "waiting to arrive"
    spawn_pending: bool = False  # the hub showed its "server starting" page


@dataclass
class Memory:
    rss_mb: float = 0.0
    uss_mb: float = 0.0
    processes: int = 0

    def add(self, other: Memory) -> Memory:
        return Memory(
            self.rss_mb + other.rss_mb, self.uss_mb + other.uss_mb, self.processes + other.processes
        )


@dataclass
class HubMemory:
    hub: Memory = field(default_factory=Memory)  # the hub and its services (the idle culler)
    proxy: Memory = field(default_factory=Memory)  # configurable-http-proxy
    servers: dict[str, Memory] = field(default_factory=dict)  # learner's hub name -> its tree
    kernels: dict[str, Memory] = field(default_factory=dict)  # of each server, its kernels


# -- memory ----------------------------------------------------------------------------------


def memory_of(processes: list[psutil.Process]) -> Memory:
    total = Memory()
    for process in processes:
        try:
            info = process.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        total = total.add(Memory(info.rss / MB, info.uss / MB, 1))
    return total


def subtree(process: psutil.Process) -> list[psutil.Process]:
    try:
        return [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def command_of(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return ""


def hub_memory(hub_pid: int) -> HubMemory:
    """The hub's process tree, split into the hub, its proxy and each learner's server."""
    root = psutil.Process(hub_pid)
    found = HubMemory(hub=memory_of([root]))
    for child in root.children():
        command = command_of(child)
        processes = subtree(child)
        if "configurable-http-proxy" in command:
            found.proxy = found.proxy.add(memory_of(processes))
        elif "standaloneproxy" in command:
            try:
                name = child.environ().get("JUPYTERHUB_USER", f"pid {child.pid}")
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            found.servers[name] = memory_of(processes)
            found.kernels[name] = memory_of([p for p in processes if is_kernel(p)])
        else:
            found.hub = found.hub.add(memory_of(processes))
    return found


def remember(pid: int, seen: dict[int, float]) -> None:
    """Note every process of the hub's tree, to make sure none outlives the hub."""
    try:
        for process in tree(pid):
            try:
                seen.setdefault(process.pid, process.create_time())
            except psutil.NoSuchProcess:
                continue
    except psutil.NoSuchProcess:
        return


def kill_leftovers(seen: dict[int, float], grace_s: float = 15.0) -> list[str]:
    """Processes the hub started that are still running once it stopped: killed, and named."""
    deadline = time.monotonic() + grace_s
    while True:
        alive = []
        for pid, created in seen.items():
            try:
                process = psutil.Process(pid)
                if process.create_time() == created and process.status() != psutil.STATUS_ZOMBIE:
                    alive.append(process)
            except psutil.NoSuchProcess:
                continue
        if not alive or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    named = []
    for process in alive:
        named.append(f"{process.pid} {command_of(process)[:80]}")
        try:
            process.kill()
        except psutil.NoSuchProcess:
            continue
    return named


# -- before the class: what a browser fetches, through the hub --------------------------------


def record_hub_statics(hub: Hub) -> tuple[list[str], str]:
    """Paths, under a learner's /user/NAME/, of the files a real Chromium fetches beside the
    page; and that learner's hub name."""
    urls: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.on("request", lambda request: urls.append(request.url))
        page.goto(join_link(hub, hub.code), timeout=TIMEOUT_S * 1000)
        page.wait_for_url(
            re.compile(r"/user/l-[a-z0-9]+-[a-z0-9]+/\?code="),
            timeout=TIMEOUT_S * 1000,
            wait_until="commit",
        )
        page.locator(JOIN_FORM).first.wait_for(timeout=TIMEOUT_S * 1000)
        page.wait_for_timeout(1000)
        found = LEARNER_PAGE.search(page.url)
        browser.close()
    if not found:
        raise SystemExit(f"the warm-up learner did not reach a learner's server: {urls[-1:]}")
    base = f"{hub.url}user/{found.group(1)}/"
    paths = [
        url[len(base) :]
        for url in urls
        if url.startswith(base) and url.split("?", 1)[0] != base and "oauth_callback" not in url
    ]
    return paths, found.group(1)


def remove_learner(hub: Hub, name: str) -> None:
    """The trainer (a hub admin) removes a hub user, which stops their server."""
    trainer = requests.Session()
    trainer.get(f"{hub.url}hub/login", timeout=60)
    form = {
        "username": hub.trainer,
        "password": hub.trainer_password,
        "_xsrf": trainer.cookies.get("_xsrf", path="/hub/") or "",
    }
    trainer.post(f"{hub.url}hub/login", data=form, timeout=60)
    xsrf = trainer.cookies.get("_xsrf", path="/hub/") or ""
    answer = trainer.delete(
        f"{hub.url}hub/api/users/{name}", headers={"X-XSRFToken": xsrf}, timeout=120
    )
    if answer.status_code not in {202, 204}:
        print(f"  (could not remove the warm-up learner {name}: HTTP {answer.status_code})")
        return
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and name in hub_memory(hub.process.pid).servers:
        time.sleep(0.5)


# -- one simulated learner through the hub ----------------------------------------------------


async def get(client: aiohttp.ClientSession, url: str, read: bool = True) -> tuple[Any, int, str]:
    """GET with redirects followed (and cookies kept); the final answer, its size on the wire,
    and its text (gzip undone, as class_burst's fetch does)."""
    async with client.get(url) as response:
        body = await response.read()
        if not read:
            return response, len(body), ""
        text = gzip.decompress(body) if response.headers.get("Content-Encoding") == "gzip" else body
        return response, len(body), text.decode("utf-8", "replace")


async def wait_for_server(client: aiohttp.ClientSession, pending_url: str, page: str) -> None:
    """What the spawn-pending page does in a browser: follow the start's progress stream until
    it says ready (or failed), then load the page again."""
    found = re.search(r'EventSource\("([^"]+)"\)', page)
    if found:
        progress = urljoin(pending_url, html.unescape(found.group(1)))
        try:
            async with client.get(
                progress,
                headers={"Accept": "text/event-stream"},
                timeout=aiohttp.ClientTimeout(total=None, sock_read=TIMEOUT_S),
            ) as events:
                async for line in events.content:
                    if not line.startswith(b"data:"):
                        continue
                    event = json.loads(line[5:])
                    if event.get("ready") or event.get("failed"):
                        return
        except (aiohttp.ClientError, ValueError):
            pass
    await asyncio.sleep(1.0)  # no stream, or it ended early: the page is asked again


async def hub_learner(
    delay: float, link: str, paths: list[str], code: str, join_text: str, result: HubLearner
) -> None:
    await asyncio.sleep(delay)
    began = time.monotonic()
    result.stage = "hub login and server start"
    # A browser of its own: its own cookies (so its own hub user and server), six connections.
    async with aiohttp.ClientSession(
        cookie_jar=aiohttp.CookieJar(unsafe=True),  # unsafe: keeps cookies from 127.0.0.1
        connector=aiohttp.TCPConnector(limit_per_host=BROWSER_CONNECTIONS),
        timeout=aiohttp.ClientTimeout(total=TIMEOUT_S),
        auto_decompress=False,
        headers={"Accept-Encoding": "gzip"},
    ) as client:
        response, size, page = await get(client, link)
        while "/spawn-pending/" in str(response.url) and response.status == 200:
            result.spawn_pending = True
            await wait_for_server(client, str(response.url), page)
            response, size, page = await get(client, str(response.url))
        found = LEARNER_PAGE.search(str(response.url))
        if response.status != 200 or not found:
            raise RuntimeError(f"HTTP {response.status} at {response.url.path}")
        result.name = found.group(1)
        result.html_s = time.monotonic() - began
        result.bytes += size
        result.stage = "static files"
        base = str(response.url).split("?", 1)[0]
        kernel = re.search(r'"kernelId":\s*"([0-9a-f-]+)"', page)
        if not kernel:
            raise RuntimeError("no kernel in the page")
        # The page asks about its own kernel: this learner's, not the warm-up learner's.
        own = f"api/kernels/{kernel.group(1)}"
        paths = [KERNEL_PATH.sub(own, path) for path in paths]

        async def one(path: str) -> int:
            answer, length, _ = await get(client, base + path, read=False)
            if answer.status != 200:
                raise RuntimeError(f"HTTP {answer.status} for {path.split('?')[0]}")
            return length

        result.bytes += sum(await asyncio.gather(*(one(path) for path in paths)))
        result.statics_s = time.monotonic() - began
        result.stage = "kernel websocket"
        cookies = client.cookie_jar.filter_cookies(URL(base))
        session = uuid.uuid4().hex
        origin = f"{response.url.scheme}://{response.url.host}:{response.url.port}"
        socket = await websocket_connect(
            HTTPRequest(
                f"{base.replace('http://', 'ws://')}api/kernels/{kernel.group(1)}/channels"
                f"?session_id={session}",
                headers={
                    "Cookie": "; ".join(f"{c.key}={c.value}" for c in cookies.values()),
                    "Origin": origin,
                },
            ),
            max_message_size=50 * 1024 * 1024,
            subprotocols=[PROTOCOL],
            compression_options={},  # as browsers offer it
        )
        try:
            result.stage = "widget state"
            states, wire = await widget_states(socket, session)
            result.ready_s = time.monotonic() - began
            result.stage = "Join and first module"
            await join_and_switch(socket, states, session, code, join_text, result, wire)
            result.stage = "done"
        finally:
            socket.close()


async def guarded(
    delay: float,
    link: str,
    paths: list[str],
    code: str,
    join_text: str,
    limit_s: float,
) -> HubLearner:
    """One learner, who never waits past `limit_s` from arriving: a timeout is an error."""
    result = HubLearner()
    try:
        await asyncio.wait_for(
            hub_learner(delay, link, paths, code, join_text, result), delay + limit_s
        )
    except TimeoutError:
        result.error = f"timed out after {limit_s:.0f} s during {result.stage}"
    except Exception as error:  # a failed learner is reported, not fatal
        result.error = f"{result.stage}: {type(error).__name__}: {error}"[:200]
    return result


# -- one class on the hub ---------------------------------------------------------------------


@dataclass
class HubRun:
    learners: list[HubLearner]
    memory: HubMemory
    peak_rss_mb: float
    hub_errors: list[str]
    leftovers: list[str]
    warm_up_s: float
    files: int  # beside the page, as the warm-up Chromium fetched them


def hub_class(
    count: int, spread: float, limit_s: float, join_text: str, keep: Path | None
) -> HubRun:
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as folder:
        seen: dict[int, float] = {}
        with running_hub(Path(folder)) as hub:
            pid = hub.process.pid
            began = time.monotonic()
            paths, warm_up = record_hub_statics(hub)
            warm_up_s = time.monotonic() - began
            remember(pid, seen)
            remove_learner(hub, warm_up)
            settle(pid)
            peak = [0.0]
            link = join_link(hub, hub.code)

            async def everyone() -> list[HubLearner]:
                done = asyncio.Event()

                async def watch() -> None:
                    while not done.is_set():
                        remember(pid, seen)
                        total = sum(memory_rss(p) for p in tree(pid))
                        peak[0] = max(peak[0], total)
                        await asyncio.sleep(2.0)

                watcher = asyncio.create_task(watch())
                gap = spread / max(1, count - 1)
                learners = await asyncio.gather(
                    *(
                        guarded(i * gap, link, paths, hub.code, join_text, limit_s)
                        for i in range(count)
                    )
                )
                done.set()
                await watcher
                return list(learners)

            learners = asyncio.run(everyone())
            settle(pid)
            remember(pid, seen)
            memory = hub_memory(pid)
            log = hub.log.read_text(errors="replace")
            if keep:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(hub.log, keep / f"hub-{count}.log")
        # The hub has stopped (and with it, it says, the proxy and every server).
        leftovers = kill_leftovers(seen)
    hub_errors = [line[:160] for line in log.splitlines() if line.startswith("[E ")]
    return HubRun(learners, memory, peak[0], hub_errors, leftovers, warm_up_s, len(paths))


def memory_rss(process: psutil.Process) -> float:
    try:
        return float(process.memory_info().rss) / MB
    except psutil.NoSuchProcess:
        return 0.0


def p95(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def p50(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def hub_report(count: int, spread: float, run: HubRun) -> dict[str, Any]:
    ok = [x for x in run.learners if not x.error]
    errors = [x.error for x in run.learners if x.error]
    pending = sum(x.spawn_pending for x in run.learners)
    print(
        f"\n== JupyterHub: {count} learners within {spread:g} s, {len(errors)} errors "
        f"({pending} saw the hub's spawn-pending page; the warm-up Chromium learner took "
        f"{run.warm_up_s:.0f} s and fetched {run.files} files beside the page)"
    )
    for error in sorted(set(errors)):
        print(f"   error x{errors.count(error)}: {error}")
    for index, learner in enumerate(run.learners):
        if learner.error.startswith("timed out"):
            print(f"   learner {index} ({learner.name or 'no hub name yet'}) timed out")
    pages = [x.html_s for x in ok if x.html_s is not None]
    ready = [x.ready_s for x in ok if x.ready_s is not None]
    joins = [x.join_s for x in ok if x.join_s is not None]
    switches = [x.switch_s for x in ok if x.switch_s is not None]
    print(f"  link -> learner page   p50 / p95 / max  {quantiles(pages)}")
    statics = [x.statics_s for x in ok if x.statics_s is not None]
    print(f"  static files in        p50 / p95 / max  {quantiles(statics)}")
    print(f"  link -> page ready     p50 / p95 / max  {quantiles(ready)}")
    print(f"  Join -> module 1       p50 / p95 / max  {quantiles(joins)}")
    print(f"  module switch          p50 / p95 / max  {quantiles(switches)}")
    wire = statistics.median([x.bytes for x in ok]) / 1e6 if ok else 0.0
    print(f"  bytes per new learner on the wire: {wire:.2f} MB (median)")
    memory = run.memory
    servers = list(memory.servers.values())
    rss = [m.rss_mb for m in servers]
    uss = [m.uss_mb for m in servers]
    fixed = memory.hub.add(memory.proxy)
    print(
        f"  memory, settled: hub and its culler {memory.hub.rss_mb:.0f} MB RSS "
        f"({memory.hub.uss_mb:.0f} USS), proxy {memory.proxy.rss_mb:.0f} MB RSS "
        f"({memory.proxy.uss_mb:.0f} USS)"
    )
    per_rss, per_uss = p50(rss) or 0.0, p50(uss) or 0.0
    kernels = list(memory.kernels.values())
    if servers:
        print(
            f"  learner servers: {len(servers)}, each {per_rss:.0f} MB RSS / {per_uss:.0f} MB "
            f"USS (median; {min(rss):.0f} to {max(rss):.0f} MB RSS), "
            f"of it {statistics.median(k.processes for k in kernels):g} kernels "
            f"{statistics.median(k.rss_mb for k in kernels):.0f} MB RSS (median), "
            f"{sum(rss) / 1e3:.1f} GB RSS in all"
        )
        print(
            f"  learners per GB of learner servers: {1e3 / per_rss:.1f} (RSS), "
            f"{1e3 / per_uss:.1f} (USS); peak of the hub's whole tree {run.peak_rss_mb / 1e3:.1f}"
            " GB RSS"
        )
    if run.hub_errors:
        print(f"  hub log: {len(run.hub_errors)} error lines, e.g.")
        for line in sorted(set(run.hub_errors))[:3]:
            print(f"     {line}")
    if run.leftovers:
        print(f"  left running after the hub stopped, killed: {run.leftovers}")
    return {
        "where": "hub",
        "learners": count,
        "spread_s": spread,
        "errors": errors,
        "spawn_pending": pending,
        "page": pages,
        "ready": ready,
        "join": joins,
        "switch": switches,
        "fixed_rss_mb": fixed.rss_mb,
        "fixed_uss_mb": fixed.uss_mb,
        "hub": asdict(memory.hub),
        "proxy": asdict(memory.proxy),
        "servers": {name: asdict(m) for name, m in memory.servers.items()},
        "servers_kernels": {name: asdict(m) for name, m in memory.kernels.items()},
        "per_learner_rss_mb": per_rss,
        "per_learner_uss_mb": per_uss,
        "total_rss_mb": fixed.rss_mb + sum(rss),
        "peak_rss_mb": run.peak_rss_mb,
        "hub_log_errors": len(run.hub_errors),
        "leftovers": run.leftovers,
    }


# -- the same class on `coproduce serve` ------------------------------------------------------


def serve_class(count: int, spread: float, join_text: str) -> dict[str, Any]:
    """class_burst's run of the learner app, class size = the class; with the server's whole
    tree measured as the hub's is."""
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as folder:
        work = Path(folder) / "app"
        work.mkdir()
        process, link, _ = start_course(work, count, [])
        try:
            statics = record_statics(link)
            settle(process.pid)
            # Each moves to part 2 right after joining, as the hub's learners do.
            args = argparse.Namespace(
                learners=count, spread=spread, browsers=0, switch_in_burst=True, read_for=0.0
            )
            label = f"coproduce serve: {count} learners within {spread:g} s, class size {count}"
            run = burst(label, process.pid, link, statics, args, True, join_text)
            processes = tree(process.pid)
            kernels = [memory_of([p]) for p in processes if is_kernel(p)]
            servers = memory_of([p for p in processes if not is_kernel(p)])
        finally:
            stop(process)
    summary = report(run)
    # Each learner holds one kernel: that is what a learner adds; the servers and the warm
    # kernels beyond the class are the class's fixed cost.
    all_kernels = Memory()
    for kernel in kernels:
        all_kernels = all_kernels.add(kernel)
    per_rss = p50([k.rss_mb for k in kernels]) or 0.0
    per_uss = p50([k.uss_mb for k in kernels]) or 0.0
    fixed_rss = servers.rss_mb + all_kernels.rss_mb - count * per_rss
    fixed_uss = servers.uss_mb + all_kernels.uss_mb - count * per_uss
    print(
        f"  memory, settled: servers {servers.rss_mb:.0f} MB RSS ({servers.uss_mb:.0f} USS), "
        f"{len(kernels)} kernels {all_kernels.rss_mb:.0f} MB RSS ({all_kernels.uss_mb:.0f} USS), "
        f"each {per_rss:.0f} MB RSS / {per_uss:.0f} MB USS (median): "
        f"{1e3 / per_rss:.1f} learners per GB of kernels (RSS)"
    )
    ok = [x for x in run.learners if not x.error]
    return {
        "where": "serve",
        "learners": count,
        "spread_s": spread,
        "errors": [x.error for x in run.learners if x.error],
        "page": [x.html_s for x in ok if x.html_s is not None],
        "ready": summary["ready"],
        "join": summary["join"],
        "switch": summary["switch"],
        "fixed_rss_mb": fixed_rss,
        "fixed_uss_mb": fixed_uss,
        "kernels": len(kernels),
        "per_learner_rss_mb": per_rss,
        "per_learner_uss_mb": per_uss,
        "total_rss_mb": servers.rss_mb + all_kernels.rss_mb,
    }


# -- the table --------------------------------------------------------------------------------


def seconds(values: list[float]) -> str:
    middle, high = p50(values), p95(values)
    return "-" if middle is None or high is None else f"{middle:.2f} / {high:.2f}"


def table(results: list[dict[str, Any]]) -> None:
    print(
        "\n| learners | where | errors | link -> page p50 / p95 | link -> ready p50 / p95 "
        "| Join -> module 1 p50 / p95 | fixed MB (RSS) | per learner MB (RSS / USS) "
        "| learners per GB (RSS / USS) | whole class GB (RSS) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in results:
        per_rss, per_uss = row["per_learner_rss_mb"], row["per_learner_uss_mb"]
        per_gb = f"{1e3 / per_rss:.1f} / {1e3 / per_uss:.1f}" if per_rss and per_uss else "-"
        where = "JupyterHub" if row["where"] == "hub" else "coproduce serve"
        print(
            f"| {row['learners']} within {row['spread_s']:g} s | {where} | {len(row['errors'])} "
            f"| {seconds(row['page'])} s | {seconds(row['ready'])} s | {seconds(row['join'])} s "
            f"| {row['fixed_rss_mb']:.0f} | {per_rss:.0f} / {per_uss:.0f} | {per_gb} "
            f"| {row['total_rss_mb'] / 1e3:.1f} |"
        )
    print(
        "fixed: the hub, its idle culler and the proxy; under serve, its servers and the warm "
        "kernels beyond the class. Per learner (settled, after the burst): on the hub, the "
        "median learner server (its proxy, its Voila, the learner's kernel and the warm one "
        "Voila keeps); under serve, the median kernel. Learners per GB = 1 / per learner."
    )
    hubs = {row["learners"]: row for row in results if row["where"] == "hub"}
    for row in results:
        hub = hubs.get(row["learners"])
        if row["where"] != "serve" or hub is None:
            continue
        ours, theirs = p95(hub["ready"]), p95(row["ready"])
        if ours is not None and theirs:
            print(
                f"{row['learners']} learners, page ready p95 hub / serve: {ours:.1f} / "
                f"{theirs:.1f} s = {ours / theirs:.1f}"
            )
        if hub["per_learner_rss_mb"] and row["per_learner_rss_mb"]:
            print(
                f"{row['learners']} learners, memory per learner hub / serve: "
                f"{hub['per_learner_rss_mb']:.0f} / {row['per_learner_rss_mb']:.0f} MB RSS = "
                f"{hub['per_learner_rss_mb'] / row['per_learner_rss_mb']:.1f}, "
                f"{hub['per_learner_uss_mb']:.0f} / {row['per_learner_uss_mb']:.0f} MB USS = "
                f"{hub['per_learner_uss_mb'] / row['per_learner_uss_mb']:.1f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", default="10,40", help="class sizes, comma separated")
    parser.add_argument("--spread", type=float, default=10.0, help="seconds the arrivals span")
    parser.add_argument("--no-serve", action="store_true", help="skip `coproduce serve`")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per learner")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--keep-logs", type=Path, default=None, help="copy the hub's logs here")
    args = parser.parse_args()
    if not os.environ.get(POSTGRES_URL_ENV):
        raise SystemExit(f"set {POSTGRES_URL_ENV} to a PostgreSQL URL, as for the hub tests")
    from coproduce.content.loader import load_course

    join_text = load_course(ROOT).interface.join.button
    results = []
    for count in [int(n) for n in args.learners.split(",") if n.strip()]:
        run = hub_class(count, args.spread, args.timeout, join_text, args.keep_logs)
        results.append(hub_report(count, args.spread, run))
        if not args.no_serve:
            results.append(serve_class(count, args.spread, join_text))
    table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
