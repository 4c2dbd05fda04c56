"""The airtime tracker exercise kind: its checks and its view."""
