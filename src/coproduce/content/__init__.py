"""The course as data: the typed model, the loader and its errors with file and line.

Also the YAML line finder, the module notebooks and their parsed-block cache, the interface words,
reading ease, Markdown rendering, branding, the agenda and the printable page shell. Everything
here is plain data and plain functions: no widgets, no store, no server. May import `config` and
`text` only.
"""
