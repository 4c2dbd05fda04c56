"""The JupyterHub recipe, past one machine: the hub's login, what each server runs, its culler.

Learners get in with the session link (a pseudonymous hub user per learner, no account), trainers
as hub admins; each learner's server runs the learner app and nothing else (Voila's own server
behind jupyter-server-proxy's standalone proxy, so no /lab, terminals or kernel API). The hub's
`jupyterhub_config.py` (in `deploy/`) calls `configure`. The top room: nothing imports it.
"""
