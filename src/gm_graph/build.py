"""The build pipeline: sources -> items -> merge -> dimensions -> RDF, and its parse report.

``gm-graph build`` calls :func:`build` and then :func:`write`. Each step lives in the
module named for it; this module only strings them together and keeps the report.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from gm_graph import __version__
from gm_graph import graph as g
from gm_graph.errors import rel
from gm_graph.fsutil import atomic_write
from gm_graph.ingest import read_source
from gm_graph.manifest import Source, load_manifest
from gm_graph.model import Item, ParseResult, digest
from gm_graph.paths import GRAPH_FILE, REPORT_FILE, Paths  # noqa: F401  (re-exported)
from gm_graph.store import parse_file, serialize

@dataclass
class BuildResult:
    paths: Paths
    sources: list[Source]
    results: list[ParseResult]
    outside: dict[str, list[tuple[int, str]]]
    match: object
    quads: list[ox.Quad] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dims: object = None
    pairs: list = field(default_factory=list)  # the pair decisions recorded in the graph

    @property
    def items(self) -> list[Item]:
        return [item for res in self.results for item in res.items]

    def review_queue(self) -> int:
        """Pairs queued for a curator, as recorded in the graph (what `gm-graph review` lists)."""
        return sum(1 for p in self.pairs if p.status == "review")

    def report(self) -> dict:
        """The parse report: per source list, items read and lines skipped by reason."""
        lists = []
        for res in self.results:
            reasons = Counter(s.reason for s in res.skipped)
            lists.append(
                {
                    "source_list": res.source,
                    "layout": res.layout,
                    "items": len(res.items),
                    "groups": sum(1 for i in res.items if i.kind == "group"),
                    "headings": len(res.headings),
                    "duplicates_folded": res.duplicates,
                    "skipped": sum(reasons.values()),
                    "skipped_by_reason": dict(sorted(reasons.items())),
                    "skipped_lines": [[s.line, s.reason, s.verbatim] for s in res.skipped],
                }
            )
        outside = [
            {"file": file, "skipped": len(lines), "skipped_lines": [[n, "outside any list", t] for n, t in lines]}
            for file, lines in sorted(self.outside.items())
            if lines
        ]
        stats = dict(getattr(self.match, "stats", {}) or {})
        return {
            "gm_graph_version": __version__,
            "source_lists": lists,
            "outside_lists": outside,
            "items": len(self.items),
            "canonical_use_cases": len(getattr(self.match, "clusters", [])),
            "triples": len(self.quads),
            "match": stats,
            "review_queue": self.review_queue(),
            "use_cases_lacking_industry_before_default": getattr(self.dims, "lacking_industry", None),
            "use_cases_lacking_modality_before_default": getattr(self.dims, "lacking_modality", None),
            "warnings": self.warnings,
        }


def ontology_files(paths: Paths) -> list[Path]:
    return sorted(p for p in paths.ontology.rglob("*.ttl") if not p.name.startswith("shapes"))


def fingerprint(sources: list[Source], onto: list[Path]) -> str:
    parts = [__version__] + [s.sha256 for s in sources] + [digest(p.read_text(encoding="utf-8")) for p in onto]
    return digest(*parts, length=16)


def build(root: Path, *, use_curation: bool = True, strict: bool = False, log=None) -> BuildResult:
    """Run the whole pipeline in memory; nothing is written."""
    from gm_graph import dimensions
    from gm_graph.match import MatchConfig, match_items

    say = log or (lambda msg: None)
    paths = Paths(Path(root).resolve())
    sources = load_manifest(paths.manifest)
    results: list[ParseResult] = []
    outside: dict[str, list[tuple[int, str]]] = {}
    for src in sources:
        say(f"reading {rel(src.path, paths.root)}")
        res, out = read_source(src, paths.root)
        results.extend(res)
        outside[rel(src.path, paths.root)] = out
    onto = ontology_files(paths)
    vocab_quads: list[ox.Quad] = []
    for path in onto:
        vocab_quads.extend(parse_file(path, g.ASSERTED, stable_blank_nodes=True))
    items = [item for res in results for item in res.items]

    warnings: list[str] = []
    constraints = None
    if use_curation:
        from gm_graph.curation import load_curation

        constraints, cur_warnings = load_curation(paths.curation, items, strict=strict, root=paths.root)
        warnings.extend(cur_warnings)
    say(f"matching {len(items)} items")
    config = MatchConfig(lexicon_path=paths.data_file("lexicon.tsv"), stopwords_path=paths.data_file("stopwords.tsv"))
    match = match_items(items, config=config, constraints=constraints)
    warnings.extend(getattr(match, "conflicts", []))  # curator decisions the matcher could not apply

    t = g.Triples()
    build_node = g.build_iri(fingerprint(sources, onto))
    g.emit_build(t, build_node, sources)
    g.emit_sources(t, sources, results, {s.id: rel(s.path, paths.root) for s in sources})
    for res in results:
        heads = g.emit_headings(t, res)
        g.emit_items(t, res, heads, build_node)
    pairs = g.recorded_pairs(match.pairs, getattr(match, "config", None) or config)
    g.emit_matches(t, match, build_node, pairs)
    titles = {res.source: g.list_title(res.source, sources) for res in results}
    dims = dimensions.emit(t, paths, results, match, titles)
    t.quads.update(q if q.graph_name == g.ASSERTED else ox.Quad(q.subject, q.predicate, q.object, g.ASSERTED) for q in vocab_quads)
    return BuildResult(paths, sources, results, outside, match, t.sorted(), warnings, dims, pairs)


def write(result: BuildResult) -> Path:
    """Write the graph (TriG) and the report (JSON) under build/, each atomically."""
    paths = result.paths
    atomic_write(paths.graph, serialize(result.quads, ox.RdfFormat.TRIG))
    atomic_write(paths.report, json.dumps(result.report(), indent=2, ensure_ascii=False) + "\n")
    return paths.graph
