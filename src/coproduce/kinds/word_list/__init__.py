"""The word list exercise kind: its checks and its view."""
