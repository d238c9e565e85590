"""Industries, modalities and tools on the real sources: facts checked by reading them."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from gm_graph.build import build
from gm_graph.namespace import PREFIXES
from gm_graph.reason import materialise


@pytest.fixture(scope="module")
def store(repo_root):
    s = ox.Store()
    s.bulk_extend(materialise(build(repo_root).quads))
    return s


def select(store, text, **bind):
    subs = {ox.Variable(k): (v if isinstance(v, (ox.NamedNode, ox.Literal)) else ox.Literal(v)) for k, v in bind.items()}
    return list(store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=subs or None))


def usecase_of(store, source_list: str, line: int) -> ox.NamedNode:
    rows = select(store, "SELECT ?uc ?list ?line WHERE { ?i gm:inSourceList ?list ; gm:line ?line ; gm:canonicalUseCase ?uc }",
                  list=ox.NamedNode(PREFIXES["gms"] + source_list), line=ox.Literal(str(line), datatype=ox.NamedNode(PREFIXES["xsd"] + "integer")))
    assert len(rows) == 1
    return rows[0]["uc"]


def modalities(store, uc) -> set[str]:
    """The use case's modalities and every modality above them."""
    rows = select(store, "SELECT ?m ?uc WHERE { ?uc gm:modality/skos:broader* ?m }", uc=uc)
    return {r["m"].value.rsplit("/", 1)[1] for r in rows}


def industries(store, uc) -> set[str]:
    rows = select(store, "SELECT ?i ?uc WHERE { ?uc gm:industry/skos:broader* ?i }", uc=uc)
    return {r["i"].value.rsplit("/", 1)[1] for r in rows}


def test_game_ready_3d_assets_is_3d_and_gaming(store):
    uc = usecase_of(store, "assistant-lists-list-4", 746)
    assert "3d" in modalities(store, uc)
    assert "gaming" in industries(store, uc)


def test_music_composition_is_audio(store):
    uc = usecase_of(store, "assistant-lists-list-3", 660)
    assert {"audio", "music"} <= modalities(store, uc)


def test_virtual_try_on_is_retail(store):
    uc = usecase_of(store, "assistant-lists-list-1", 39)
    assert "retail-ecommerce" in industries(store, uc)


def test_dalle_and_midjourney_mention_is_linked_to_its_item(store):
    rows = select(store, """SELECT ?tool ?line WHERE { ?i gm:inSourceList gms:assistant-lists-list-3 ; gm:line ?line ; gm:mentionsTool ?tool }""")
    by_line = {}
    for r in rows:
        by_line.setdefault(int(r["line"].value), set()).add(r["tool"].value.rsplit("/", 1)[1])
    assert by_line == {681: {"dall-e", "midjourney"}}


def test_preamble_tools_are_list_context_not_item_claims(store):
    rows = select(store, "SELECT ?tool WHERE { gms:assistant-lists-list-1 gm:mentionsTool ?tool }")
    tools = {r["tool"].value.rsplit("/", 1)[1] for r in rows}
    assert tools == {"runway", "midjourney", "veo", "sora", "dall-e", "pika", "nano-banana"}
    items = select(store, "SELECT ?i WHERE { ?i gm:inSourceList gms:assistant-lists-list-1 ; gm:mentionsTool ?t }")
    assert items == []


def test_misspelt_tool_resolves_with_a_note(store):
    rows = select(store, """SELECT ?text ?note ?line WHERE { ?m gm:mentionsTool gmt:hailuo ; gm:verbatim ?text ; gm:line ?line ;
                             skos:editorialNote ?note }""")
    assert [(r["text"].value, int(r["line"].value)) for r in rows] == [("Hailou", 715)]
    assert "Hailou" in rows[0]["note"].value


def test_versions_resolve_to_the_version(store):
    rows = select(store, "SELECT ?tool ?text WHERE { ?m gm:mentionsTool ?tool ; gm:verbatim ?text ; gm:line 715 }")
    found = {(r["text"].value, r["tool"].value.rsplit("/", 1)[1]) for r in rows}
    assert {("Sora 2", "sora-2"), ("VEO3", "veo-3"), ("Kling", "kling")} <= found


@pytest.mark.parametrize(
    "line,expected",
    [(668, {"advertising-marketing", "retail-ecommerce"}), (704, {"science-research", "healthcare", "manufacturing"})],
)
def test_heading_aligned_to_several_industries(store, line, expected):
    rows = select(store, """SELECT ?ind ?line WHERE { ?h a gm:SectionHeading ; gm:line ?line ; dcterms:subject ?ind .
                             ?ind a gm:Industry . ?h prov:wasDerivedFrom gms:assistant-lists-list-3 }""",
                  line=ox.Literal(str(line), datatype=ox.NamedNode(PREFIXES["xsd"] + "integer")))
    assert {r["ind"].value.rsplit("/", 1)[1] for r in rows} == expected


def test_modality_evidence_names_cue_item_and_line(store):
    uc = usecase_of(store, "assistant-lists-list-3", 660)
    rows = select(store, """SELECT ?comment ?uc WHERE { ?m owl:annotatedSource ?uc ; owl:annotatedProperty gm:modality ;
                             owl:annotatedTarget gmm:music ; rdfs:comment ?comment }""", uc=uc)
    comments = [r["comment"].value for r in rows]
    assert any("soundtrack" in c and "assistant-lists-list-3:660" in c for c in comments), comments


def test_reasoner_derives_which_tools_could_serve(store):
    uc = usecase_of(store, "assistant-lists-list-3", 660)
    rows = select(store, """SELECT ?tool ?uc WHERE { GRAPH <https://w3id.org/gm-graph/graph/inferred> { ?tool gm:couldServe ?uc } }""", uc=uc)
    tools = {r["tool"].value.rsplit("/", 1)[1] for r in rows}
    # Veo 3 and Sora 2 produce audio; Midjourney does not.
    assert {"veo-3", "sora-2"} <= tools and "midjourney" not in tools


def test_every_use_case_has_an_industry_and_a_modality(store):
    rows = select(store, """SELECT ?uc WHERE { ?uc a gm:UseCase . FILTER (NOT EXISTS { ?uc gm:industry ?i } || NOT EXISTS { ?uc gm:modality ?m }) }""")
    assert rows == []
