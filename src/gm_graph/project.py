"""Find the project, and load its built graph (building it first when there is none)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from gm_graph.paths import Paths
from gm_graph.errors import GmError
from gm_graph.store import new_store, parse_file


def find_root(start: Path | None = None) -> Path:
    """The nearest folder, from ``start`` upwards, holding ``data/sources.toml``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "sources.toml").is_file():
            return folder
    raise GmError(str(here), "not inside a gm-graph project (no data/sources.toml here or above)", "cd into the project or pass --root DIR")


def ensure_built(paths: Paths, log=None) -> Path:
    """Build the graph if build/graph.trig does not exist yet; return its path."""
    if not paths.graph.is_file():
        from gm_graph.build import build, write

        if log:
            log("no graph built yet: building it first")
        write(build(paths.root, log=log))
    return paths.graph


def load(path: Path) -> ox.Store:
    return new_store(parse_file(path))
