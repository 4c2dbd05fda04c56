"""Widgets the learner sees: composed from ipywidgets, anywidget where markup demands it."""
