"""The command lines and config files of the two Voila servers `coproduce serve` starts."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import psutil

from coproduce.live.co_trainers import VIEWER_HEADER
from coproduce.serving.links import Addresses

LEARNER_PAGE_NEEDS_NOT = [
    "jupyterlab-jupytext",
    "jupyterlab_pygments",
    "@voila-dashboards/jupyterlab-preview",
    "@voila-dashboards/widgets-manager7",
    # nbgrader's and Notebook's JupyterLab add-ons are for trainers and authors in JupyterLab.
    "@jupyter/nbgrader",
    "@jupyter-notebook/lab-extension",
    # The hub extra's proxy brings a JupyterLab launcher add-on; a learner page has no launcher.
    "@jupyterhub/jupyter-server-proxy",
]
# A kernel whose browser went away without saying goodbye is shut down after this long.
IDLE_KERNEL_SECONDS = 20 * 60
# A kernel whose page never connected (a client without JavaScript, a reload before the page
# ran) is shut down after this long.
UNCONNECTED_KERNEL_SECONDS = 90
# A kernel whose page connected, then went without shutting it (a phone put away, a lid
# closed), is shut down after this long; the page, if it comes back, loads itself again.
LEFT_KERNEL_SECONDS = 600


@dataclass(frozen=True)
class Culls:
    """How long a learner kernel without a page is kept."""

    unconnected_seconds: float = UNCONNECTED_KERNEL_SECONDS
    left_seconds: float = LEFT_KERNEL_SECONDS


KERNEL_NAME = "coproduce-learner"
FORKED_PROVISIONER = "coproduce-forked"  # an entry point in pyproject.toml
# A learner kernel's resident memory after a whole course is about 87 MB; room for a little more.
KERNEL_BYTES = 100 * 2**20
MEMORY_SHARE = 0.75  # of the memory free when the server starts, for learner kernels
# A whole class opening the link in the same minute (benchmarks/class_burst.py).
DEFAULT_CLASS_SIZE = 40
MIN_CLASS_SIZE = 8


FRONT_END_FOLDER = "front-end"  # in the config folder: the bundle of Voila's chunks


def default_class_size(available_bytes: int | None = None) -> int:
    """Kernels to start before the class comes, when the trainer does not say: a class of
    forty, on a machine whose free memory holds twice that; fewer (never under eight) on a
    smaller one, so the warm pool never takes more than half of what the cap allows."""
    free = psutil.virtual_memory().available if available_bytes is None else available_bytes
    by_memory = int(free * MEMORY_SHARE) // KERNEL_BYTES
    return max(MIN_CLASS_SIZE, min(DEFAULT_CLASS_SIZE, by_memory // 2))


def pool_size(class_size: int) -> int:
    """Kernels kept warm: enough for a class arriving together, never fewer than two."""
    return max(2, class_size)


def learner_cap(
    class_size: int, max_learners: int | None = None, available_bytes: int | None = None
) -> int:
    """Learner pages at most: what three quarters of the free memory holds, never fewer than
    the class and four more. The cap guards the machine, so it follows its memory."""
    if max_learners:
        return max_learners
    free = psutil.virtual_memory().available if available_bytes is None else available_bytes
    by_memory = int(free * MEMORY_SHARE) // KERNEL_BYTES
    return max(class_size + 4, by_memory)


def write_voila_config(folder: Path) -> Path:
    """Settings Voila only takes from a config file, kept outside the served folder."""
    folder.mkdir(parents=True, exist_ok=True)
    # Voila's page asks to shut its kernel down on unload, but without an XSRF token, so the
    # request is refused and kernels pile up on every refresh (voila-dashboards/voila#1458).
    # Kernel ids are random UUIDs, so the handlers that need one are not open to forgery.
    tornado = {"disable_check_xsrf": True}
    settings = {
        "Voila": {"tornado_settings": tornado},
        # Front-end extensions installed for authors are dead weight on every learner page.
        "VoilaConfiguration": {"extension_denylist": LEARNER_PAGE_NEEDS_NOT},
        # Under a burst a kernel answers slowly; nbclient's 4 s default gave blank pages.
        "VoilaExecutor": {"iopub_timeout": 60},
    }
    (folder / "voila.json").write_text(json.dumps(settings, indent=2))
    return folder


def write_kernel_spec(share: Path) -> Path:
    """A kernel for the apps: this Python, and no IPython history (a database every kernel
    would lock at once in a burst, and learners run no code to remember), forked from a
    process that has imported everything already (serving/forked_kernels.py)."""
    folder = share / "kernels" / KERNEL_NAME
    folder.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [
            sys.executable,
            "-m",
            "ipykernel_launcher",
            "-f",
            "{connection_file}",
            "--HistoryManager.enabled=False",
        ],
        "display_name": "coproduce",
        "language": "python",
        "metadata": {"kernel_provisioner": {"provisioner_name": FORKED_PROVISIONER}},
    }
    (folder / "kernel.json").write_text(json.dumps(spec, indent=2))
    return folder


def learner_command(
    addresses: Addresses,
    class_size: int | None,
    max_learners: int | None,
    notebook: Path,
    config_dir: Path,
    language: str,
    culls: Culls = Culls(),
) -> list[str]:
    """The learner app's Voila: the whole room, a warm kernel pool, a cap, culls."""
    hosts = addresses.learner_host_names()
    class_size = class_size or default_class_size()
    return [
        *_base(notebook, config_dir, language, hosts, culls),
        f"--port={addresses.port}",
        f"--Voila.ip={addresses.ip}",
        f"--pool_size={pool_size(class_size)}",
        f"--CourseVoila.max_learners={learner_cap(class_size, max_learners)}",
    ]


TRAINER_IDENTITY = "coproduce.serving.trainer_identity.TrainerIdentity"


def trainer_command(
    addresses: Addresses,
    notebook: Path,
    config_dir: Path,
    language: str,
    culls: Culls = Culls(),
) -> list[str]:
    """The trainer app's Voila: on 127.0.0.1 only, unless a token protects it."""
    ip = addresses.ip if addresses.trainer_token else "127.0.0.1"
    hosts = addresses.trainer_host_names()
    command = [
        *_base(notebook, config_dir, language, hosts, culls),
        f"--port={addresses.trainer_port}",
        f"--Voila.ip={ip}",
        "--pool_size=1",
        # Who opened the page reaches the kernel (a co-trainer gets their parts' controls).
        f"--VoilaConfiguration.http_header_envs={VIEWER_HEADER}",
    ]
    if addresses.trainer_token:
        command.append(f"--token={addresses.trainer_token}")
        # The trainer's token, or a co-trainer's own link (see serving/trainer_identity.py).
        command.append(f"--Voila.identity_provider_class={TRAINER_IDENTITY}")
    return command


def _base(
    notebook: Path, config_dir: Path, language: str, hosts: list[str], culls: Culls
) -> list[str]:
    return [
        sys.executable,
        "-m",
        "coproduce.serving.voila_app",
        str(notebook),
        "--no-browser",
        "--template=coproduce",
        "--theme=light",
        "--strip_sources=True",
        "--show_tracebacks=False",
        # Never move to another port: the printed links must be the ones that answer.
        "--Voila.port_retries=0",
        "--preheat_kernel=True",
        # Serve no files from disk: the apps need none, and answers must not leak.
        "--VoilaConfiguration.file_denylist=.*",
        f"--VoilaExporter.language_code={language}",
        f"--Voila.config_file_paths={config_dir}",
        f"--CourseVoila.hosts={','.join(hosts)}",
        f"--CourseVoila.words_file={config_dir / 'words.json'}",
        f"--CourseVoila.front_end_folder={config_dir / FRONT_END_FOLDER}",
        f"--CourseVoila.unconnected_seconds={culls.unconnected_seconds}",
        f"--CourseVoila.left_seconds={culls.left_seconds}",
        f"--MappingKernelManager.cull_idle_timeout={IDLE_KERNEL_SECONDS}",
        "--MappingKernelManager.cull_interval=15",
        "--MappingKernelManager.cull_connected=False",
    ]
