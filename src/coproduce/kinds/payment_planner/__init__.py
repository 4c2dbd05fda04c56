"""The payment planner exercise kind: its checks and its view."""
