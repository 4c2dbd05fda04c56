"""What every exercise view shares: the frame and buttons, the live message, the choice group
and the accessible bar chart.
"""
