"""The ideas kind: learners add short ideas and vote for a few; the room sees the top ones."""
