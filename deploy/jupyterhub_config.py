"""JupyterHub configuration for the co-production course on one server.

Works as plain JupyterHub's config file (`jupyterhub -f deploy/jupyterhub_config.py`) and as a
file in The Littlest JupyterHub's `/opt/tljh/config/jupyterhub_config.d/`. Everything it needs
comes from the hub's environment; see "Past one machine" in the README. The recipe itself is in
the `coproduce.hub` package, where it is tested.
"""

import os
from pathlib import Path

from coproduce.hub.config import configure

c = get_config()  # noqa: F821 (given by JupyterHub when it reads this file)

configure(c, Path(__file__).with_name("hub-words.yml"))

# Plain JupyterHub on one machine: learners have no system accounts, so each server runs as the
# hub's own user (learners can run no code, see the README). TLJH sets SystemdSpawner instead;
# there give it dynamic users: c.SystemdSpawner.dynamic_users = True.
if os.environ.get("COPRODUCE_HUB_SPAWNER", "local") == "local":
    c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
    c.SimpleLocalProcessSpawner.home_dir_template = "/tmp/coproduce-hub/{username}"
