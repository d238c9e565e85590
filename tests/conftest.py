"""Shared fixtures: the repository's real sources, parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from gm_graph.ingest import read_source, read_text, split_lists
from gm_graph.manifest import MEDIA_TYPES, Source, load_manifest

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


@pytest.fixture(scope="session")
def segments(sources):
    """Every real source list as a segment, cut as the build cuts it, by source-list id."""
    out = {}
    for src in sources:
        for seg in split_lists(src, read_text(src.path), src.file):
            if seg.source:
                out[seg.source] = seg
    return out


@pytest.fixture(scope="session")
def file_lines(repo_root):
    """The lines of data/sources/assistant-lists.txt (the four assistant lists)."""
    return (repo_root / "data/sources/assistant-lists.txt").read_text(encoding="utf-8").splitlines()


# Media types of the lists in tests/data/unseen*/, as `gm-graph add-source` records them.
LIST_FORMATS = MEDIA_TYPES


def parse_list(path: Path):
    """The one source list of a file outside the manifest (a test list), parsed as a build reads it."""
    src = Source(path.stem, path, path.name, path.stem, LIST_FORMATS[path.suffix], "test", "0" * 64)
    results, outside = read_source(src, path.parent)
    assert len(results) == 1 and not outside
    return results[0]
