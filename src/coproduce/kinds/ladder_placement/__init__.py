"""The ladder placement exercise kind: its checks and its view."""
