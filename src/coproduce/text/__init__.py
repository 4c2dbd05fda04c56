"""Learner text made safe: cleaned before it is kept or shown, defused before a spreadsheet.

The lowest room with `config`: it imports nothing else of coproduce, so every other room may use it.
"""
