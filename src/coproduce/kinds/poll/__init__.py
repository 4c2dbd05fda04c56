"""The poll exercise kind: its checks and its view."""
