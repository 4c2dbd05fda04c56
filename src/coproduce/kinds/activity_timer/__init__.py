"""The activity timer exercise kind: its checks and its view."""
