"""Launching Voila: the learner and trainer servers, their settings and template, the links.

The top floor under the command line: it writes the app notebooks (from `apps`) and starts Voila on
them. May import every room but `notebook`.
"""
