"""Exports parse back to the same triples: Turtle and N-Triples with rdflib, JSON-LD with pyld."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from gm_graph.build import build
from gm_graph.export import EXPORTERS
from gm_graph.namespace import GRAPH
from gm_graph.reason import materialise


@pytest.fixture(scope="module")
def quads(repo_root):
    return materialise(build(repo_root).quads)


def expected_graph(quads, include_inferred=True) -> rdflib.Graph:
    g = rdflib.Graph()
    data = ox.serialize({q.triple for q in quads if include_inferred or q.graph_name != GRAPH.inferred}, format=ox.RdfFormat.N_TRIPLES)
    g.parse(data=data.decode("utf-8"), format="nt")
    return g


@pytest.mark.parametrize("fmt,rdflib_format", [("turtle", "turtle"), ("ntriples", "nt")])
def test_rdflib_reads_back_the_same_triples(quads, fmt, rdflib_format):
    g = rdflib.Graph().parse(data=EXPORTERS[fmt](quads).decode("utf-8"), format=rdflib_format)
    assert isomorphic(g, expected_graph(quads))


def test_json_ld_reads_back_with_pyld(quads):
    from pyld import jsonld

    doc = json.loads(EXPORTERS["json-ld"](quads))
    assert set(doc) == {"@context", "@graph"}
    assert doc["@context"]["skos"] == "http://www.w3.org/2004/02/skos/core#"
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    g = rdflib.Graph().parse(data=nquads, format="nt")
    assert isomorphic(g, expected_graph(quads))


def test_json_ld_is_compact_and_readable(quads):
    doc = json.loads(EXPORTERS["json-ld"](quads, include_inferred=False))
    node = next(n for n in doc["@graph"] if n["@id"].startswith("gmx:assistant-lists-list-2--virtual-try-on-"))
    assert node["skos:prefLabel"] == "Virtual try-on"
    assert "gm:SourceItem" in node["@type"]
    assert node["gm:line"] == {"@value": "277", "@type": "xsd:integer"}


def test_json_ld_reads_back_with_rdflib(quads):
    g = rdflib.Graph().parse(data=EXPORTERS["json-ld"](quads).decode("utf-8"), format="json-ld")
    assert isomorphic(g, expected_graph(quads))


def test_no_inferred_leaves_the_reasoner_out(quads):
    with_inferred = rdflib.Graph().parse(data=EXPORTERS["turtle"](quads).decode(), format="turtle")
    without = rdflib.Graph().parse(data=EXPORTERS["turtle"](quads, include_inferred=False).decode(), format="turtle")
    could_serve = rdflib.URIRef("https://w3id.org/gm-graph/ontology#couldServe")
    assert len(list(with_inferred.triples((None, could_serve, None)))) > 0
    assert len(list(without.triples((None, could_serve, None)))) == 0
    assert isomorphic(without, expected_graph(quads, include_inferred=False))


def test_trig_keeps_asserted_and_inferred_apart(quads):
    ds = rdflib.Dataset()
    ds.parse(data=EXPORTERS["trig"](quads).decode(), format="trig")
    names = {str(c.identifier) for c in ds.graphs()}
    assert {GRAPH.asserted.value, GRAPH.inferred.value} <= names
