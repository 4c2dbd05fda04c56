"""The knowledge check exercise kind: its checks and its view."""
