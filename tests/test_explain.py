"""`gm-graph explain`: find a canonical use case and show why it holds its items.

Facts checked in data/sources/assistant-lists.txt: line 39 "Virtual try-on: Users "wear"
clothing, makeup, or accessories via AI." and line 779 "Virtual Try-On (VTO):" are one use
case; line 401 "- **Hair color try-on**" is a kind of it. Line 551 "- **Impact
visualization**" (advocacy) and line 584 "- **Environmental impact visualization**" are kept
apart by a curator's "not the same" written into the project copy below.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gm_graph.cli import main
from gm_graph.curation import append_decisions, item_curie
from gm_graph.explain import explain_text, render_json
from gm_graph.queries import load_graph as load
from gm_graph.text import repair

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT / "data" / "sources" / "assistant-lists.txt"


@pytest.fixture(scope="module")
def items(parsed):
    return {(it.source, it.line): it for res in parsed.values() for it in res.items}


@pytest.fixture(scope="module")
def project(tmp_path_factory, items) -> Path:
    root = tmp_path_factory.mktemp("explain")
    for name in ("data", "ontology", "queries"):
        shutil.copytree(ROOT / name, root / name)
    curation = root / "data" / "curation" / "mappings.sssom.tsv"
    curation.unlink(missing_ok=True)
    a, b = items[("assistant-lists-list-2", 551)], items[("assistant-lists-list-2", 584)]
    assert (a.label, b.label) == ("Impact visualization", "Environmental impact visualization")
    append_decisions(
        curation,
        [
            {
                "subject_id": item_curie(a),
                "predicate_id": "skos:exactMatch",
                "predicate_modifier": "Not",
                "object_id": item_curie(b),
                "subject_text_hash": a.text_hash,
                "object_text_hash": b.text_hash,
                "mapping_justification": "semapv:ManualMappingCuration",
            }
        ],
    )
    result = CliRunner().invoke(main, ["build", "--root", str(root), "-q"])
    assert result.exit_code == 0, result.output
    return root


def explain(project, *args):
    result = CliRunner().invoke(main, ["explain", "--root", str(project), *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def store(project):
    return load(project / "build" / "graph.trig")


def explain_json(store, text: str, candidates: int = 5) -> dict:
    """What `gm-graph explain --format json TEXT` prints, read back (without reloading the graph)."""
    return json.loads(render_json(explain_text(store, text, candidates)))


def members(data) -> dict[tuple[str, int], dict]:
    return {(m["file"], m["line"]): m for m in data["members"]}


def test_an_item_curie_finds_its_use_case(store, items):
    data = explain_json(store, item_curie(items[("assistant-lists-list-1", 39)]))
    assert data["found_by"] == "item"
    found = members(data)
    assert found[("data/sources/assistant-lists.txt", 39)]["label"] == "Virtual try-on"
    assert found[("data/sources/assistant-lists.txt", 779)]["label"] == "Virtual Try-On (VTO)"


def test_use_case_iri_and_label_find_the_same_use_case(store, items):
    by_item = explain_json(store, item_curie(items[("assistant-lists-list-4", 779)]))
    by_curie = explain_json(store, by_item["curie"])
    by_iri = explain_json(store, f"<{by_item['iri']}>")
    by_label = explain_json(store, "VIRTUAL TRY-ON (vto)")  # any case
    assert by_curie["found_by"] == by_iri["found_by"] == "iri"
    assert by_label["found_by"] in ("prefLabel", "altLabel")
    assert by_item["iri"] == by_curie["iri"] == by_iri["iri"] == by_label["iri"]


def test_members_are_shown_verbatim_with_file_and_line(store, items):
    data = explain_json(store, item_curie(items[("assistant-lists-list-1", 39)]))
    lines = LISTS.read_text(encoding="utf-8").splitlines()
    for m in data["members"]:
        if m["file"] == "data/sources/assistant-lists.txt":
            assert m["verbatim"] == lines[m["line"] - 1]
        d = m["decision"]
        assert d["predicate"] in ("skos:exactMatch", "skos:closeMatch")
        assert d["method"] and d["justification"].startswith("semapv:") and d["why"]
        if d["method"] != "singleton":
            assert d["parts"] and d["matched_to"]["item"].startswith("gmx:")
    src = data["definition"]["source"]
    if src and src["file"] == "data/sources/assistant-lists.txt":
        assert data["definition"]["text"] in repair(lines[src["line"] - 1])


def test_fuzzy_hit_is_noted(project, store):
    code, out = explain(project, "hair colour try-on")
    assert code == 0
    assert out.splitlines()[0].startswith("note: no use case is called 'hair colour try-on'; showing the closest label 'Hair color try-on'")
    data = explain_json(store, "hair colour try-on")
    assert data["found_by"] == "fuzzy" and data["label"] == "Hair color try-on"
    assert [m["line"] for m in data["members"]] == [401]
    assert "Virtual Try-On (VTO)" in [a for b in data["broader"] for a in explain_json(store, b["curie"])["alt_labels"]]


def test_unknown_text_is_one_line_error_with_three_suggestions(project):
    code, out = explain(project, "xyzzy plugh")
    errors = [line for line in out.splitlines() if line.strip()]
    assert code == 2
    assert len(errors) == 1 and errors[0].startswith("Error: no canonical use case is called 'xyzzy plugh' (closest labels: ")
    assert errors[0].count("(gmu:") == 3


def test_quotes_in_the_text_are_bound_not_pasted(project):
    code, out = explain(project, 'Virtual" } ; DROP ALL ; {"')
    assert code == 2 and "Traceback" not in out and out.startswith("Error: no canonical use case is called")


def test_not_merged_shows_the_curators_not_the_same(store, items):
    data = explain_json(store, item_curie(items[("assistant-lists-list-2", 551)]))
    assert data["label"] == "Impact visualization"
    curated = [n for n in data["not_merged"] if n["other"]["line"] == 584]
    assert len(curated) == 1
    n = curated[0]
    assert n["why"] == "a curator's 'not the same'"
    assert (n["predicate"], n["negated"], n["method"]) == ("skos:exactMatch", True, "curation")
    assert n["other"]["label"] == "Environmental impact visualization"
    assert n["other_usecase"]["curie"] != data["curie"]


def test_not_merged_candidates_sit_in_other_use_cases_and_say_why(store, items):
    data = explain_json(store, item_curie(items[("assistant-lists-list-1", 39)]), candidates=50)
    assert data["not_merged"], "virtual try-on has near misses"
    scores = [n["score"] for n in data["not_merged"]]
    assert scores == sorted(scores, reverse=True)
    for n in data["not_merged"]:
        assert n["other_usecase"]["curie"] != data["curie"]
        assert n["why"].startswith(("below the review threshold", "queued for review", "a curator's"))
        if n["status"] == "rejected":
            assert n["why"] == "below the review threshold"


def test_text_output_sections(project):
    code, out = explain(project, "Impact visualization")
    assert code == 0
    assert out.splitlines()[0] == "Impact visualization  (gmu:impact-visualization)"
    for heading in ("  definition:", "  alt labels:", "  broader:", "  narrower:", "  industries:", "  modalities:", "item merged here:", "Closest candidates not merged"):
        assert heading in out
    assert "data/sources/assistant-lists.txt:551  'Impact visualization'" in out
    assert "why: a curator's 'not the same'" in out
