"""The room's results and timings as escaped HTML, and what happens to a session afterwards.

The live results and run-sheet the trainer app shows, the session report, and the `coproduce
session ...` commands (report, export, delete, purge). May import `kinds` (for the shared chart
and the airtime sums), `live`, `content`, `text` and `config`; never the apps or the server.
"""
