"""The apps' kernels, forked from a zygote that has imported everything (serving/forked_kernels.py):
a real kernel through jupyter_client and the apps' kernel spec runs code with its own
environment and folder, is interrupted and shut down like a launched one; without the zygote, or
with forking turned off, kernels are launched the usual way; and when the server dies without
tidying up, the zygote and its kernels end too."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpecManager

from coproduce.serving import forked_kernels
from coproduce.serving.forked_kernels import FORK_ENV, ForkedProcess, is_kernel
from coproduce.serving.kernel_zygote import KERNEL_PROCESS_NAME
from coproduce.serving.voila_command import KERNEL_NAME, write_kernel_spec


@pytest.fixture
def specs(tmp_path: Path) -> KernelSpecManager:
    write_kernel_spec(tmp_path / "share")
    return KernelSpecManager(kernel_dirs=[str(tmp_path / "share" / "kernels")])


@pytest.fixture(autouse=True)
def own_zygote() -> Iterator[None]:
    """Each test its own zygote, ended after it (a zygote ends with its parent anyway)."""
    forked_kernels._zygote = None
    yield
    made = forked_kernels._zygote
    forked_kernels._zygote = None
    if made is not None and made.process is not None:
        made.process.terminate()
        made.process.wait()
        assert not Path(made.folder).exists()  # it tidies up when asked to stop


async def _run(manager: AsyncKernelManager, code: str, timeout: float = 60) -> dict[str, Any]:
    client = manager.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=timeout)
        outputs: list[str] = []
        reply = await client.execute_interactive(
            code,
            timeout=timeout,
            output_hook=lambda msg: outputs.append(msg["content"].get("text", "")),
        )
        return {"reply": reply["content"], "out": "".join(outputs)}
    finally:
        client.stop_channels()


def test_a_forked_kernel_runs_with_its_own_environment_folder_and_name(
    specs: KernelSpecManager, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario() -> None:
        manager = AsyncKernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=specs)
        monkeypatch.setenv("COPRODUCE_TEST_MARK", "first")
        await manager.start_kernel(cwd=str(tmp_path), env={**os.environ, "FOR_THIS": "kernel"})
        try:
            process = manager.provisioner.process
            assert isinstance(process, ForkedProcess)
            ran = await _run(
                manager,
                "import os, sys; from coproduce.kinds.registry import view_modules; "
                "print(os.environ['FOR_THIS'], os.getcwd(), "
                "'coproduce.apps.learner_app' in sys.modules, "
                "all(name in sys.modules for name in view_modules()))",
            )
            assert ran["reply"]["status"] == "ok"
            # Imported already: the apps, and every kind's view (a room's move imported them).
            assert ran["out"].split() == ["kernel", str(tmp_path), "True", "True"]
            # ipywidgets was imported before there was a kernel; its comm targets are there.
            ran = await _run(
                manager,
                "import comm; print(*sorted(name for name in comm.get_comm_manager().targets"
                " if name.startswith('jupyter.widget')))",
            )
            assert ran["out"].split() == ["jupyter.widget", "jupyter.widget.control"]
            kernel = psutil.Process(process.pid)
            assert kernel.name() == KERNEL_PROCESS_NAME and is_kernel(kernel)
            assert os.getpgid(process.pid) == process.pid  # its own group, for signals
            # Interrupted by a signal, as a launched kernel is.
            client = manager.client()
            client.start_channels()
            await client.wait_for_ready(timeout=30)
            asked = client.execute("import time; time.sleep(60)")
            await asyncio.sleep(1)
            await manager.interrupt_kernel()
            reply = await client.get_shell_msg(timeout=30)
            assert reply["parent_header"]["msg_id"] == asked
            assert reply["content"]["ename"] == "KeyboardInterrupt"
            client.stop_channels()
        finally:
            pid = manager.provisioner.pid
            await manager.shutdown_kernel()
        assert not psutil.pid_exists(pid) or not is_kernel(psutil.Process(pid))

    asyncio.run(scenario())


@pytest.mark.parametrize("why", ["forking off", "zygote broken"])
def test_without_a_zygote_kernels_are_launched_the_usual_way(
    specs: KernelSpecManager, monkeypatch: pytest.MonkeyPatch, why: str
) -> None:
    if why == "forking off":
        monkeypatch.setenv(FORK_ENV, "0")
    else:

        async def broken(*_args: object) -> int:
            raise OSError("the kernel zygote did not start")

        monkeypatch.setattr(forked_kernels.Zygote, "fork", broken)

    async def scenario() -> None:
        manager = AsyncKernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=specs)
        await manager.start_kernel()
        try:
            assert isinstance(manager.provisioner.process, subprocess.Popen)
            ran = await _run(manager, "print(6 * 7)")
            assert ran["out"].strip() == "42"
        finally:
            await manager.shutdown_kernel()

    asyncio.run(scenario())
    made = forked_kernels._zygote
    assert made is None or (made.process is None and not made.folder)


SERVER = textwrap.dedent(
    """
    import asyncio, sys
    from jupyter_client import AsyncKernelManager
    from jupyter_client.kernelspec import KernelSpecManager

    async def main():
        specs = KernelSpecManager(kernel_dirs=[sys.argv[1]])
        manager = AsyncKernelManager(kernel_name=sys.argv[2], kernel_spec_manager=specs)
        await manager.start_kernel()
        client = manager.client()
        client.start_channels()
        await client.wait_for_ready(timeout=60)
        print(manager.provisioner.pid, flush=True)
        await asyncio.sleep(600)

    asyncio.run(main())
    """
)


def test_a_server_killed_outright_takes_its_zygote_and_kernels_with_it(
    specs: KernelSpecManager, tmp_path: Path
) -> None:
    kernels_dir = specs.kernel_dirs[0]
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, kernels_dir, KERNEL_NAME],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        kernel_pid = int(server.stdout.readline())
        kernel = psutil.Process(kernel_pid)
        assert is_kernel(kernel)
        zygote = kernel.parent()
        assert zygote is not None and "kernel_zygote" in " ".join(zygote.cmdline())
        socket_folder = Path(zygote.cmdline()[-1]).parent
        assert socket_folder.is_dir() and socket_folder.stat().st_mode & 0o077 == 0
        server.send_signal(signal.SIGKILL)
        server.wait()
        _, alive = psutil.wait_procs([zygote, kernel], timeout=30)
        assert alive == []
        assert not socket_folder.exists()  # the zygote tidied up after itself
    finally:
        if server.poll() is None:
            server.kill()
