"""Where a project's files are: a light module, so that commands which only read the built
graph (validate, query, canonical, export, ...) do not import the ingesters and the matcher."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

GRAPH_FILE = "graph.trig"
REPORT_FILE = "report.json"


@dataclass
class Paths:
    """Where a build reads from and writes to; everything relative to the project root."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def manifest(self) -> Path:
        return self.data / "sources.toml"

    @property
    def ontology(self) -> Path:
        return self.root / "ontology"

    @property
    def out(self) -> Path:
        return self.root / "build"

    @property
    def graph(self) -> Path:
        return self.out / GRAPH_FILE

    @property
    def report(self) -> Path:
        return self.out / REPORT_FILE

    @property
    def curation(self) -> Path:
        return self.data / "curation" / "mappings.sssom.tsv"
