"""Each SHACL shape catches the broken graph it is written for, and passes a good one.

The fixture tests/data/shapes/good.ttl conforms; every case below breaks it in one way
(by a SPARQL Update on a copy) and names the message the shape must report.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from gm_graph.namespace import PREFIXES
from gm_graph.store import parse_file
from gm_graph.validate import validate

HERE = Path(__file__).parent
GOOD = HERE / "data" / "shapes" / "good.ttl"
SHAPES = HERE.parent / "ontology" / "shapes.ttl"


def broken(update: str) -> list[ox.Quad]:
    store = ox.Store()
    store.bulk_extend(parse_file(GOOD))
    store.update(update, prefixes=PREFIXES)
    return list(store)


def messages(quads, engine="split") -> list[str]:
    return [v.message for v in validate(quads, SHAPES, engine=engine).violations]


def test_good_graph_conforms():
    assert messages(parse_file(GOOD)) == []


CASES = {
    "item without source list": ("DELETE DATA { gmx:previs gm:inSourceList gms:list-a }", "exactly one source list"),
    "item with two source lists": (
        "INSERT DATA { gmx:previs gm:inSourceList gms:list-b . gms:list-b a gm:SourceList }",
        "exactly one source list",
    ),
    "item without line": ('DELETE DATA { gmx:previs gm:line "59"^^xsd:integer }', "line number"),
    "item with line 0": (
        'DELETE DATA { gmx:previs gm:line "59"^^xsd:integer } ; INSERT DATA { gmx:previs gm:line "0"^^xsd:integer }',
        "line number",
    ),
    "item without label": ('DELETE DATA { gmx:storyboard skos:prefLabel "Storyboarding" }', "non-empty label"),
    "item without canonical use case": ("DELETE DATA { gmx:storyboard gm:canonicalUseCase gmu:storyboarding }", "exactly one canonical use case"),
    "item with two canonical use cases": ("INSERT DATA { gmx:storyboard gm:canonicalUseCase gmu:previs }", "exactly one canonical use case"),
    "item without verbatim text": (
        'DELETE DATA { gmx:storyboard gm:verbatim "Storyboarding: Text-to-image storyboards" }',
        "verbatim line",
    ),
    "use case with two preferred labels": ('INSERT DATA { gmu:previs skos:prefLabel "Previz" }', "exactly one preferred label"),
    "use case without supporting item": (
        'INSERT DATA { gmu:lonely a gm:UseCase ; skos:prefLabel "Lonely" ; gm:industry gmi:film ; gm:modality gmm:video }',
        "at least one supporting item",
    ),
    "use case without industry": ("DELETE DATA { gmu:previs gm:industry gmi:film }", "at least one industry"),
    "use case without modality": ("DELETE DATA { gmu:previs gm:modality gmm:video }", "at least one media modality"),
    "duplicate preferred label in scheme": (
        'DELETE DATA { gmu:previs skos:prefLabel "Previsualization" } ; INSERT DATA { gmu:previs skos:prefLabel "storyboarding" }',
        "is used by another concept of the same scheme",
    ),
    "broader cycle": ("INSERT DATA { gmu:storyboarding skos:broader gmu:previs }", "cycle"),
    "match and broader on one pair": ("INSERT DATA { gmx:previs skos:broader gmu:previs }", "both as a match and as broader/narrower"),
    "heading not classified": ('DELETE DATA { gmh:film gm:headingKind "industry" }', "must be classified"),
    "heading with an unknown kind": ('INSERT DATA { gmh:film gm:headingKind "sport" }', "must be classified"),
    "mention of an unknown tool": ("INSERT DATA { gmx:previz gm:mentionsTool gmt:photoshop }", "known gm:Tool"),
    "malformed NAICS notation": (
        'DELETE DATA { gmi:film skos:notation "5121"^^gm:NAICS2022Code } ; INSERT DATA { gmi:film skos:notation "51A"^^gm:NAICS2022Code }',
        "NAICS 2022 notation",
    ),
    "untyped NAICS notation": (
        'DELETE DATA { gmi:film skos:notation "5121"^^gm:NAICS2022Code } ; INSERT DATA { gmi:film skos:notation "5121" }',
        "NAICS 2022 notation",
    ),
    "mapping without justification": (
        "DELETE DATA { gmp:m1 sssom:mapping_justification semapv:LexicalMatching }",
        "",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_shape_catches(name):
    update, expected = CASES[name]
    found = messages(broken(update))
    assert found, f"{name}: no violation reported"
    assert any(expected in m for m in found), found


@pytest.mark.parametrize("name", sorted(CASES))
def test_fast_path_agrees_with_pyshacl(name):
    """The fast engine (SHACL Core and SPARQL constraints as whole-graph queries in pyoxigraph)
    finds exactly the focus nodes pySHACL, the reference, finds."""
    quads = broken(CASES[name][0])
    fast = validate(quads, SHAPES)
    reference = validate(quads, SHAPES, engine="pyshacl")
    assert {v.focus for v in fast.violations} == {v.focus for v in reference.violations}
    assert len(fast.violations) == len(reference.violations)


def test_fast_path_agrees_with_pyshacl_on_the_real_build(repo_root):
    from gm_graph.build import build

    quads = build(repo_root).quads
    fast = validate(quads, SHAPES)
    reference = validate(quads, SHAPES, engine="pyshacl")
    assert fast.conforms and reference.conforms
