"""The ontology defines every term the code writes, each with a label and a definition."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from gm_graph.namespace import GM, GM_TERMS, ONTOLOGY_IRI, OWL, RDF, RDFS, SKOS
from gm_graph.store import parse_file

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "gm.ttl"


def store() -> ox.Store:
    s = ox.Store()
    s.bulk_extend(parse_file(ONTOLOGY))
    return s


def test_header_has_version():
    s = store()
    onto = ox.NamedNode(ONTOLOGY_IRI)
    assert list(s.quads_for_pattern(onto, RDF.type, OWL.Ontology))
    versions = [q.object.value for q in s.quads_for_pattern(onto, OWL.versionInfo, None)]
    assert versions and versions[0].count(".") == 2


def test_every_namespace_term_is_defined_labelled_and_defined():
    s = store()
    for name in sorted(GM_TERMS):
        term = GM[name]
        assert list(s.quads_for_pattern(term, RDF.type, None)), f"gm:{name} is not declared"
        assert list(s.quads_for_pattern(term, RDFS.label, None)), f"gm:{name} has no rdfs:label"
        assert list(s.quads_for_pattern(term, SKOS.definition, None)), f"gm:{name} has no skos:definition"


def test_every_minted_term_is_in_the_namespace_module():
    """No term is defined in the ontology that the code cannot name (and so no typo survives)."""
    s = store()
    minted = {q.subject.value[len(GM.base):] for q in s if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(GM.base)}
    assert minted == set(GM_TERMS)


def test_unknown_term_fails_at_once():
    import pytest

    with pytest.raises(AttributeError):
        GM.UseCse  # noqa: B018  (a typo must not silently mint an IRI)
