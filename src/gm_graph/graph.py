"""Turn parsed sources and merge decisions into RDF quads.

Everything asserted goes into the named graph ``GRAPH.asserted``; reasoning
(:mod:`gm_graph.reason`) writes into ``GRAPH.inferred``. IRIs are derived from content
(source-list ids, labels, digests of section paths), never from counters or run order,
so the same inputs always give the same graph.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from gm_graph import __version__
from gm_graph.manifest import Source
from gm_graph.model import Heading, Item, ParseResult, digest
from gm_graph.match.config import METHOD_CURATION, METHOD_LEXICON
from gm_graph.namespace import (
    DCTERMS,
    GM,
    GMB,
    GMH,
    GMP,
    GMS,
    GMU,
    GMX,
    GRAPH,
    ID,
    OWL,
    PROV,
    RDF,
    RDFS,
    SEMAPV,
    SKOS,
    SSSOM,
    XSD,
)

CANONICAL_SCHEME = NamedNode(ID + "canonical")
SOFTWARE = NamedNode(ID + "software/gm-graph")
ASSERTED = GRAPH.asserted


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII slug: 'Virtual try-on (VTO)' -> 'virtual-try-on-vto'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0] or s[:limit]
    return s or "x"


def lit(value: str | int | float | bool) -> Literal:
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(str(value), datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(f"{value:.4f}", datatype=XSD.decimal)
    return Literal(value)


def positive(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.integer)


@dataclass
class Triples:
    """A set of quads in one named graph, built up with :meth:`add`."""

    graph: NamedNode = ASSERTED
    quads: set[Quad] = field(default_factory=set)

    def add(self, s, p, o) -> None:
        if o is None or (isinstance(o, str) and not o):
            return
        if isinstance(o, (str, int, float, bool)) and not isinstance(o, (NamedNode, Literal, BlankNode)):
            o = lit(o)
        self.quads.add(Quad(s, p, o, self.graph))

    def sorted(self) -> list[Quad]:
        """The quads in a fixed order, so the same inputs always give the same bytes.

        All quads are in one graph, so the N-Quads text of a quad ("<s> <p> <o> <g>") orders
        them by subject, predicate and object, as a tuple of the four would, at a third of the cost."""
        return sorted(self.quads, key=str)


# ------------------------------------------------------------------ IRIs


def list_iri(list_id: str) -> NamedNode:
    return GMS[list_id]


def file_iri(source: Source) -> NamedNode:
    return GMS[f"file-{source.id}"]


def heading_path(headings: Iterable[Heading]) -> str:
    return "/".join(h.text.casefold() for h in headings)


def heading_iri(list_id: str, path: tuple[Heading, ...]) -> NamedNode:
    last = path[-1]
    return GMH[f"{list_id}--{slug(last.text, 40)}-{digest(list_id, heading_path(path), length=8)}"]


def item_iri(item: Item) -> NamedNode:
    return GMX[f"{item.source}--{slug(item.label, 48)}-{item.key[:8]}"]


def usecase_iri(cluster_id: str) -> NamedNode:
    return GMU[cluster_id]


def build_iri(fingerprint: str) -> NamedNode:
    return GMB[f"build-{fingerprint}"]


def mapping_iri(subject: NamedNode, predicate: NamedNode, obj: NamedNode) -> NamedNode:
    return GMP[digest(subject.value, predicate.value, obj.value, length=16)]


# ------------------------------------------------------------------ emitters


def emit_build(t: Triples, build: NamedNode, sources: list[Source]) -> None:
    t.add(build, RDF.type, GM.Build)
    t.add(build, RDF.type, PROV.Activity)
    t.add(build, RDFS.label, f"gm-graph {__version__} build")
    t.add(build, PROV.wasAssociatedWith, SOFTWARE)
    for src in sources:
        t.add(build, PROV.used, file_iri(src))
    t.add(SOFTWARE, RDF.type, PROV.SoftwareAgent)
    t.add(SOFTWARE, RDFS.label, f"gm-graph {__version__}")
    t.add(SOFTWARE, OWL.versionInfo, __version__)


def emit_sources(t: Triples, sources: list[Source], results: list[ParseResult], root_rel: dict[str, str]) -> None:
    by_source = {s.id: s for s in sources}
    for src in sources:
        f = file_iri(src)
        t.add(f, RDF.type, GM.SourceFile)
        t.add(f, RDFS.label, src.file.rsplit("/", 1)[-1])
        t.add(f, GM.path, root_rel[src.id])
        t.add(f, GM.sha256, src.sha256)
        t.add(f, DCTERMS.format, src.format)
        t.add(f, DCTERMS.title, src.title)
    for res in results:
        src = by_source[_source_of(res.source, by_source)]
        node = list_iri(res.source)
        t.add(node, RDF.type, GM.SourceList)
        t.add(node, RDF.type, SKOS.ConceptScheme)
        t.add(node, RDFS.label, _list_title(res.source, src))
        t.add(node, DCTERMS.title, _list_title(res.source, src))
        t.add(node, GM.authorKind, src.author_kind)
        t.add(node, GM.layout, res.layout)
        t.add(node, GM.sourceFile, file_iri(src))
        t.add(node, PROV.wasDerivedFrom, file_iri(src))


def _source_of(list_id: str, by_source: dict[str, Source]) -> str:
    if list_id in by_source:
        return list_id
    return list_id.rsplit("-list-", 1)[0]


def list_title(list_id: str, sources: list[Source]) -> str:
    """The title of a source list (a whole file, or one list inside a multi-list file)."""
    by_source = {s.id: s for s in sources}
    return _list_title(list_id, by_source[_source_of(list_id, by_source)])


def _list_title(list_id: str, src: Source) -> str:
    if list_id == src.id:
        return src.title
    n = int(list_id.rsplit("-list-", 1)[1])
    return src.lists[n - 1] if n - 1 < len(src.lists) else f"{src.title}, list {n}"


def heading_paths(res: ParseResult) -> dict[str, tuple[Heading, ...]]:
    """Every heading of a list as its full path from the outermost heading, keyed by path text."""
    paths = {heading_path(item.headings): item.headings for item in res.items if item.headings}
    # Headings with no items under them still count (e.g. an article's closing sections).
    stack: list[Heading] = []
    for h in sorted(res.headings, key=lambda h: h.line):
        while stack and stack[-1].level >= h.level:
            stack.pop()
        stack.append(h)
        paths.setdefault(heading_path(stack), tuple(stack))
    out: dict[str, tuple[Heading, ...]] = {}
    for path in paths.values():
        for depth in range(1, len(path) + 1):
            out.setdefault(heading_path(path[:depth]), path[:depth])
    return dict(sorted(out.items(), key=lambda kv: kv[1][-1].line))


def emit_headings(t: Triples, res: ParseResult) -> dict[str, NamedNode]:
    """Emit every heading; return IRIs keyed by heading path (for items to point at)."""
    out: dict[str, NamedNode] = {}
    for key, path in heading_paths(res).items():
        h = path[-1]
        node = heading_iri(res.source, path)
        out[key] = node
        t.add(node, RDF.type, GM.SectionHeading)
        t.add(node, RDFS.label, h.text)
        t.add(node, GM.verbatim, h.verbatim)
        t.add(node, GM.line, positive(h.line))
        t.add(node, GM.level, positive(h.level))
        t.add(node, PROV.wasDerivedFrom, list_iri(res.source))
        if len(path) > 1:
            t.add(node, GM.parentHeading, out[heading_path(path[:-1])])
    return out


def emit_items(t: Triples, res: ParseResult, headings: dict[str, NamedNode], build: NamedNode) -> None:
    for item in res.items:
        node = item_iri(item)
        t.add(node, RDF.type, GM.SourceItem)
        t.add(node, RDF.type, SKOS.Concept)
        t.add(node, GM.inSourceList, list_iri(item.source))
        t.add(node, SKOS.inScheme, list_iri(item.source))
        t.add(node, PROV.wasDerivedFrom, list_iri(item.source))
        t.add(node, PROV.wasGeneratedBy, build)
        t.add(node, SKOS.prefLabel, item.label)
        t.add(node, DCTERMS.description, item.description)
        t.add(node, GM.line, positive(item.line))
        for extra in item.also_lines:
            t.add(node, GM.alsoLine, positive(extra))
        t.add(node, GM.verbatim, item.verbatim)
        t.add(node, GM.itemKind, item.kind)
        t.add(node, GM.textHash, item.text_hash)
        if item.headings:
            t.add(node, GM.section, headings[heading_path(item.headings)])
        if item.parent is not None:
            t.add(node, SKOS.broader, item_iri(item.parent))
        else:
            t.add(node, SKOS.topConceptOf, list_iri(item.source))


JUSTIFICATIONS = {
    "semapv:LexicalMatching": SEMAPV.LexicalMatching,
    "semapv:ManualMappingCuration": SEMAPV.ManualMappingCuration,
    "semapv:CompositeMatching": SEMAPV.CompositeMatching,
    "semapv:UnspecifiedMatching": SEMAPV.UnspecifiedMatching,
    "semapv:BackgroundKnowledgeBasedMatching": SEMAPV.BackgroundKnowledgeBasedMatching,
}

# Rejected pairs scoring within this margin below the review threshold are kept as near misses.
PAIR_MARGIN = 0.1
# Per item, at most this many of its best-scoring pairs that were not merged are recorded:
# enough for `explain` and `review`, without the graph growing with the square of the items.
PAIRS_PER_ITEM = 4


def recorded_pairs(pairs, config) -> list:
    """The pair decisions worth recording: every curated pair, and for each item its best
    few queued or near-miss pairs (a pair is kept when it is among the best of either item)."""
    keep = []
    best: dict[str, list] = {}
    for pair in pairs:
        if pair.method == "curation":
            keep.append(pair)
        elif pair.status != "accepted" and pair.score >= config.review - PAIR_MARGIN:
            best.setdefault(pair.a.key, []).append(pair)
            best.setdefault(pair.b.key, []).append(pair)
    chosen: dict[int, object] = {}
    for candidates in best.values():
        candidates.sort(key=lambda p: (-p.score, p.a.key, p.b.key))
        for pair in candidates[:PAIRS_PER_ITEM]:
            chosen[id(pair)] = pair
    keep.extend(sorted(chosen.values(), key=lambda p: (p.a.key, p.b.key)))
    return keep

PREDICATES = {"exactMatch": SKOS.exactMatch, "closeMatch": SKOS.closeMatch, "broader": SKOS.broader}


def emit_mapping(
    t: Triples,
    subject: NamedNode,
    predicate: NamedNode,
    obj: NamedNode,
    *,
    score: float,
    method: str,
    justification: str,
    status: str = "accepted",
    threshold: float | None = None,
    parts: dict[str, float] | None = None,
    derived_from: Iterable[NamedNode] = (),
    negated: bool = False,
) -> NamedNode:
    """Record one decision the way SSSOM models a mapping, with why it was made."""
    node = mapping_iri(subject, predicate, obj)
    t.add(node, RDF.type, GM.Mapping)
    t.add(node, OWL.annotatedSource, subject)
    t.add(node, OWL.annotatedProperty, predicate)
    t.add(node, OWL.annotatedTarget, obj)
    t.add(node, SSSOM.mapping_justification, JUSTIFICATIONS.get(justification, SEMAPV.UnspecifiedMatching))
    t.add(node, SSSOM.confidence, lit(round(float(score), 4)))
    t.add(node, SSSOM.mapping_tool, method)
    t.add(node, GM.reviewStatus, status)
    if negated:
        t.add(node, SSSOM.predicate_modifier, "Not")
    if threshold is not None:
        t.add(node, GM.threshold, lit(float(threshold)))
    for name, value in sorted((parts or {}).items()):
        t.add(node, GM.scorePart, f"{name}={float(value):.3f}")
    for d in derived_from:
        t.add(node, PROV.wasDerivedFrom, d)
    return node


def _broader_justification(method: str) -> str:
    if method == METHOD_CURATION:
        return "semapv:ManualMappingCuration"
    if method == METHOD_LEXICON:  # a curator-written narrower row of data/lexicon.tsv
        return "semapv:BackgroundKnowledgeBasedMatching"
    return "semapv:LexicalMatching"


def emit_matches(t: Triples, match, build: NamedNode, pairs: list | None = None) -> None:
    """Emit the canonical scheme, its use cases, item links, broader links and decision records."""
    scheme = CANONICAL_SCHEME
    t.add(scheme, RDF.type, SKOS.ConceptScheme)
    t.add(scheme, SKOS.prefLabel, "Canonical generative media use cases")
    t.add(scheme, SKOS.definition, "The merged list of use cases that gm-graph derives from all source lists.")
    t.add(scheme, PROV.wasGeneratedBy, build)
    has_broader: set[str] = set()
    for narrow, broad, score, method, *rest in match.broader:
        n, b = usecase_iri(narrow), usecase_iri(broad)
        has_broader.add(narrow)
        t.add(n, SKOS.broader, b)
        justification = rest[0] if rest else _broader_justification(method)
        emit_mapping(t, n, SKOS.broader, b, score=score, method=method, justification=justification)
    for cluster in match.clusters:
        uc = usecase_iri(cluster.id)
        t.add(uc, RDF.type, GM.UseCase)
        t.add(uc, RDF.type, SKOS.Concept)
        t.add(uc, SKOS.inScheme, scheme)
        if cluster.id not in has_broader:
            t.add(uc, SKOS.topConceptOf, scheme)
        t.add(uc, SKOS.prefLabel, cluster.pref_label)
        for alt in cluster.alt_labels:
            if alt != cluster.pref_label:
                t.add(uc, SKOS.altLabel, alt)
        if cluster.definition:
            t.add(uc, SKOS.definition, cluster.definition)
            if cluster.definition_item is not None:
                t.add(uc, GM.definitionSource, item_iri(cluster.definition_item))
        t.add(uc, PROV.wasGeneratedBy, build)
    from gm_graph.match import MatchConfig

    config = getattr(match, "config", None) or MatchConfig()
    for pair in pairs if pairs is not None else recorded_pairs(match.pairs, config):
        curated = pair.method == "curation"
        a, b = item_iri(pair.a), item_iri(pair.b)
        pred = SKOS.broadMatch if pair.decision == "broader" else SKOS.exactMatch
        emit_mapping(
            t, a, pred, b, score=pair.score, method=pair.method,
            justification="semapv:ManualMappingCuration" if curated else "semapv:LexicalMatching",
            status=pair.status, threshold=None if curated else config.accept, parts=pair.parts, derived_from=(a, b),
            negated=pair.decision == "different",
        )
    for link in match.links:
        item = item_iri(link.item)
        uc = usecase_iri(link.cluster_id)
        pred = PREDICATES[link.predicate]
        t.add(item, GM.canonicalUseCase, uc)
        t.add(item, pred, uc)
        derived = [item] + ([item_iri(link.matched_to)] if getattr(link, "matched_to", None) is not None else [])
        emit_mapping(
            t,
            item,
            pred,
            uc,
            score=link.score,
            method=link.method,
            justification=link.justification,
            status=getattr(link, "status", "accepted"),
            threshold=config.accept if link.method.startswith("gm-graph matcher") else None,
            parts=link.parts,
            derived_from=derived,
        )
