"""Reasoning: the OWL 2 RL rules our ontology needs, run to a fixpoint in pyoxigraph.

Each rule is one CONSTRUCT query in ``gm_graph/rules/`` named after its OWL 2 RL rule id
(cax-sco, prp-dom, prp-spo2, ...). The rules read the schema from the graph itself, so a
new subclass, domain or property chain in ``ontology/`` takes effect without code. owlrl
computes the full OWL 2 RL closure and stays the reference: tests check that for the
data this closure equals owlrl's (owlrl takes 15-20 s where this takes well under one).

Inferred triples go into their own named graph, ``GRAPH.inferred``, so asserted and
inferred statements stay apart.
"""

from __future__ import annotations

from importlib import resources

import pyoxigraph as ox

from gm_graph.namespace import GRAPH, PREFIXES

MAX_ROUNDS = 50


def rules() -> dict[str, str]:
    folder = resources.files("gm_graph") / "rules"
    return {p.name[:-3]: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir(), key=lambda p: p.name) if p.name.endswith(".rq")}


def closure(quads: list[ox.Quad]) -> list[ox.Triple]:
    """The triples the rules add to ``quads`` (their union across graphs), nothing asserted."""
    store = ox.Store()
    store.bulk_extend(quads)
    asserted = {q.triple for q in quads}
    compiled = rules()
    inferred: set[ox.Triple] = set()
    for _ in range(MAX_ROUNDS):
        new = set()
        for text in compiled.values():
            for t in store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True):
                if t not in asserted and t not in inferred:
                    new.add(t)
        if not new:
            break
        inferred |= new
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, GRAPH.inferred) for t in new)
    return sorted(inferred, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def materialise(quads: list[ox.Quad]) -> list[ox.Quad]:
    """``quads`` plus the inferred triples in the named graph ``GRAPH.inferred``."""
    base = [q for q in quads if q.graph_name != GRAPH.inferred]
    extra = [ox.Quad(t.subject, t.predicate, t.object, GRAPH.inferred) for t in closure(base)]
    return base + extra
