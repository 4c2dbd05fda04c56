"""The environment contract between `coproduce serve` and the kernels it starts.

Where the course, the answer store, the live session and the parsed module notebooks are, read
from environment variables that the server sets (or found by walking up from a notebook's folder
in JupyterLab). The bottom floor: it imports nothing else of coproduce.
"""
