"""Where a project's files are: a light module, so that commands which only read the built
graph (validate, query, canonical, export, ...) do not import the ingesters and the matcher."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

GRAPH_FILE = "graph.trig"
REPORT_FILE = "report.json"

# The checkout the package is installed (editable) from: ``<root>/src/gm_graph``. Its ontology/
# serves every project folder that has no ontology/ of its own.
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


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
        """The project's own ``ontology/``, or the installed checkout's when it has none.

        A project folder made by ``gm-graph add-source`` into an empty folder holds only
        ``data/``; it is built against the ontology, vocabularies and shapes shipped here.
        """
        own = self.root / "ontology"
        return own if own.is_dir() else PACKAGE_ROOT / "ontology"

    @property
    def queries(self) -> Path:
        """The project's ``queries/``, or the installed checkout's when it has none."""
        own = self.root / "queries"
        return own if own.is_dir() else PACKAGE_ROOT / "queries"

    def data_file(self, name: str) -> Path:
        """``data/<name>`` of the project, or of the installed checkout when the project has none
        (the lexicon and word classes a project has not copied to edit)."""
        own = self.data / name
        return own if own.is_file() else PACKAGE_ROOT / "data" / name

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
