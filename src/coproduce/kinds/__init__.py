"""One folder per exercise kind: its answer checks (`checks.py`, plain functions) and its view
(`view.py`, with `view.js` and `view.css` where it has them).

`common/` holds what every view shares (the exercise frame, the live message, the choice group,
the bar chart); `registry.py` maps a kind to its view and gathers the kinds' styles for the page.
Adding a kind: a folder here, its schema class in `content/model.py`, one line in the registry.
May import `config`, `text` and `content`; never `live`, the apps or the server.
"""
