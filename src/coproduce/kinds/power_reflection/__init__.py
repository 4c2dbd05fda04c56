"""The power reflection exercise kind: its checks and its view."""
