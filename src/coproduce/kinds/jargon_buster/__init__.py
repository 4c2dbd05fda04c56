"""The jargon buster exercise kind: its checks and its view."""
