"""What departments run on a course's files: the lesson checker, the new-module scaffold and
the builders (facilitator pack, learner workbook, static site, PDF).

May import `content`, `kinds`, `text` and `config`; never `live`, the apps or the server.
"""
