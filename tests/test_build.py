"""The built graph: provenance of every item, reproducibility, stable IRIs, the canonical list."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from gm_graph.build import build
from gm_graph.cli import main
from gm_graph.export import turtle
from gm_graph.project import load


@pytest.fixture(scope="module")
def built(repo_root, tmp_path_factory):
    """A fresh build of the repository's sources, written to a temporary project copy."""
    import shutil

    root = tmp_path_factory.mktemp("project")
    for name in ("data", "ontology", "queries"):
        shutil.copytree(repo_root / name, root / name)
    result = CliRunner().invoke(main, ["build", "-q", "--root", str(root)])
    assert result.exit_code == 0, result.output
    return root


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def source_items(root) -> list[dict]:
    out = run("query", str(root / "queries" / "source-items.rq"), "--format", "csv", "--root", str(root))
    return list(csv.DictReader(io.StringIO(out)))


def test_source_items_lists_every_item_with_file_and_line(built, parsed):
    rows = source_items(built)
    expected = {(item.line, item.label) for res in parsed.values() for item in res.items}
    assert len(rows) == len(expected) == 451
    assert {(int(r["line"]), r["label"]) for r in rows} == expected


# (file, line, label) read by hand from the sources.
SPOT = [
    ("data/sources/assistant-lists.txt", 39, "Virtual try-on"),
    ("data/sources/assistant-lists.txt", 59, "Previsualization (Previs)"),
    ("data/sources/assistant-lists.txt", 257, "Memory reconstruction"),
    ("data/sources/assistant-lists.txt", 277, "Virtual try-on"),
    ("data/sources/assistant-lists.txt", 320, "Pre-visualization (previz) for scenes"),
    ("data/sources/assistant-lists.txt", 401, "Hair color try-on"),
    ("data/sources/assistant-lists.txt", 541, "Accident reconstruction"),
    ("data/sources/assistant-lists.txt", 640, "Visual Effects (VFX) and CGI"),
    ("data/sources/assistant-lists.txt", 660, "Music composition for soundtracks, scores, and jingles"),
    ("data/sources/assistant-lists.txt", 746, "Game-Ready 3D Assets"),
    ("data/sources/assistant-lists.txt", 769, "3D Previs Sequences"),
    ("data/sources/assistant-lists.txt", 779, "Virtual Try-On (VTO)"),
    ("data/sources/image-generation-article.txt", 34, "Cost Efficiency"),
    ("data/sources/image-generation-article.txt", 104, "Accessibility"),
    ("data/sources/beyond-text-and-images-article.txt", 17, "3D Model Generation"),
]


@pytest.mark.parametrize("file,line,label", SPOT)
def test_provenance_line(built, file, line, label):
    rows = [r for r in source_items(built) if r["file"] == file and int(r["line"]) == line]
    assert [r["label"] for r in rows] == [label]
    assert rows[0]["usecase"].startswith("https://w3id.org/gm-graph/id/usecase/")
    with open(built / file, encoding="utf-8") as fh:
        text = fh.read().splitlines()[line - 1]
    assert label.split(" (")[0].split(":")[0].lower()[:12] in text.lower().replace("**", "")


def test_verbatim_and_repaired_text_kept(built):
    store = load(built / "build" / "graph.trig")
    q = """SELECT ?v ?l ?d WHERE { ?i gm:line 39 ; gm:verbatim ?v ; skos:prefLabel ?l ; dcterms:description ?d ;
           gm:inSourceList gms:assistant-lists-list-1 }"""
    from gm_graph.namespace import PREFIXES

    (row,) = list(store.query(q, prefixes=PREFIXES, use_default_graph_as_union=True))
    assert row["v"].value == "Virtual try-on: Users \u201a\u00c4\u00fawear\u201a\u00c4\u00f9 clothing, makeup, or accessories via AI."
    assert row["l"].value == "Virtual try-on"
    assert row["d"].value == "Users \u201cwear\u201d clothing, makeup, or accessories via AI."


def test_repeated_article_item_is_one_item_with_both_lines(built):
    from gm_graph.namespace import PREFIXES

    store = load(built / "build" / "graph.trig")
    q = """SELECT ?line ?also WHERE { ?i skos:prefLabel "Virtual Photography" ; gm:inSourceList gms:image-generation-article ;
           gm:line ?line ; gm:alsoLine ?also }"""
    rows = [(int(r["line"].value), int(r["also"].value)) for r in store.query(q, prefixes=PREFIXES, use_default_graph_as_union=True)]
    assert rows == [(82, 220)]


def test_build_is_reproducible_byte_for_byte(repo_root):
    first = turtle(build(repo_root).quads)
    second = turtle(build(repo_root).quads)
    assert first == second


def test_iris_are_derived_from_content(repo_root):
    """An item's IRI depends on its list, headings and label, not on run order or counters."""
    from gm_graph.graph import item_iri

    result = build(repo_root)
    by_iri = {item_iri(i).value: i for i in result.items}
    assert len(by_iri) == len(result.items)
    tryon = [i for i in result.items if i.source == "assistant-lists-list-2" and i.line == 277][0]
    assert item_iri(tryon).value.startswith("https://w3id.org/gm-graph/id/item/assistant-lists-list-2--virtual-try-on-")
    # Reading the lists in the opposite order gives the same IRIs.
    result.results.reverse()
    assert {item_iri(i).value for i in result.items} == set(by_iri)


def test_every_item_has_exactly_one_canonical_use_case(repo_root):
    result = build(repo_root)
    links = {id(link.item) for link in result.match.links}
    assert len(result.match.links) == len(result.items) and len(links) == len(result.items)


def test_canonical_command_prints_the_query_result(built):
    out = run("canonical", "--format", "csv", "--root", str(built))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0].keys() >= {"industry", "label", "broader", "sources", "industries", "usecase"}
    labels = {r["label"] for r in rows}
    assert len(rows) == len({r["usecase"] for r in rows})
    # Ordered by industry, then label.
    keys = [(r["industry"], r["label"]) for r in rows]
    assert keys == sorted(keys)
    assert any("try-on" in l.lower() for l in labels)
