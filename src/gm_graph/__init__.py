"""gm-graph: merge many lists of generative media use cases into one canonical, traceable list."""

# The one place the version is written: pyproject.toml reads it (tool.setuptools.dynamic), so
# the start-up of every command does not import importlib.metadata (~70 ms) to look it up.
__version__ = "0.1.0"
