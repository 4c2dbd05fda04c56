"""The live room's state: the answer store, sessions, one learner's answers, following the room,
and files for their owner only (`private_files`: the store, the secret, exports and reports).

SQLite by default, any SQLAlchemy URL otherwise. Knows nothing of widgets, apps or servers: a view
is anything with a `restore(answer)` method. May import `config`, `text` and `content`.
"""
