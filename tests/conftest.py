"""Shared fixtures: the repository's real sources, parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from gm_graph.ingest import read_source
from gm_graph.manifest import load_manifest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def sources():
    return load_manifest(DATA / "sources.toml")


@pytest.fixture(scope="session")
def parsed(sources):
    """Every source list of the real sources, by source-list id."""
    out = {}
    for src in sources:
        results, _ = read_source(src, ROOT)
        for result in results:
            out[result.source] = result
    return out
