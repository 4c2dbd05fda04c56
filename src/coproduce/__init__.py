"""Deliver a half-day course on co-producing research as Voila dashboards."""

__version__ = "0.1.0"
