"""The trainer app's parts: run-sheet and live results, as plain functions."""
