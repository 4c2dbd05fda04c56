"""The rating scale exercise kind: its checks, its view and the room's spread."""
