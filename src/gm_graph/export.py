"""Exporters: Turtle, N-Triples, TriG, JSON-LD (with a compact @context) and SSSOM TSV.

``EXPORTERS`` maps each ``--format`` name to a function ``(quads, include_inferred) -> bytes``.
Output is sorted, so the same graph always exports to the same bytes.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pyoxigraph as ox

from gm_graph.namespace import GRAPH, PREFIXES, RDF, XSD, curie


def _select(quads, include_inferred: bool) -> list[ox.Quad]:
    if include_inferred:
        return list(quads)
    return [q for q in quads if q.graph_name != GRAPH.inferred]


def _triples(quads, include_inferred: bool) -> list[ox.Triple]:
    triples = {q.triple for q in _select(quads, include_inferred)}
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def turtle(quads, include_inferred: bool = True) -> bytes:
    return ox.serialize(_triples(quads, include_inferred), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def ntriples(quads, include_inferred: bool = True) -> bytes:
    return ox.serialize(_triples(quads, include_inferred), format=ox.RdfFormat.N_TRIPLES)


def trig(quads, include_inferred: bool = True) -> bytes:
    chosen = sorted(_select(quads, include_inferred), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return ox.serialize(chosen, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


def _curie(iri: str) -> str:
    compacted = curie(iri)
    local = compacted.split(":", 1)[1] if compacted != iri else ""
    # A compact IRI must not look like an absolute IRI or contain characters JSON-LD rejects.
    if not local or local.startswith("//") or any(c in local for c in " #?"):
        return iri
    return compacted


def _jsonld_value(term):
    if isinstance(term, ox.NamedNode):
        return {"@id": _curie(term.value)}
    if isinstance(term, ox.BlankNode):
        return {"@id": f"_:{term.value}"}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype == XSD.string:
        return term.value
    return {"@value": term.value, "@type": _curie(term.datatype.value)}


def jsonld(quads, include_inferred: bool = True) -> bytes:
    """JSON-LD whose @context is just our prefix map, so every IRI reads as prefix:local."""
    nodes: dict[str, dict] = defaultdict(dict)
    for t in _triples(quads, include_inferred):
        sid = _curie(t.subject.value) if isinstance(t.subject, ox.NamedNode) else f"_:{t.subject.value}"
        node = nodes[sid]
        node["@id"] = sid
        if t.predicate == RDF.type and isinstance(t.object, ox.NamedNode):
            node.setdefault("@type", []).append(_curie(t.object.value))
            continue
        node.setdefault(_curie(t.predicate.value), []).append(_jsonld_value(t.object))
    graph = []
    for sid in sorted(nodes):
        node = nodes[sid]
        graph.append({k: (v[0] if isinstance(v, list) and len(v) == 1 else v) for k, v in node.items()})
    doc = {"@context": dict(PREFIXES), "@graph": graph}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def sssom(quads, include_inferred: bool = True) -> bytes:
    from gm_graph.sssom import write_sssom

    return write_sssom(_select(quads, include_inferred)).encode("utf-8")


EXPORTERS = {
    "turtle": turtle,
    "ntriples": ntriples,
    "trig": trig,
    "json-ld": jsonld,
    "sssom": sssom,
}
