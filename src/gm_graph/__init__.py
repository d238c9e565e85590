"""gm-graph: merge many lists of generative media use cases into one canonical, traceable list."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("gm-graph")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
