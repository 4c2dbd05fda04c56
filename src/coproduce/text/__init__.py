"""Learner text made safe: cleaning what a learner types before it is kept or shown.

The lowest room with `config`: it imports nothing else of coproduce, so every other room may use it.
"""
