"""The action plan exercise kind: its checks and its view."""
