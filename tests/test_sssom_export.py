"""`gm-graph export --format sssom`: the mapping set as SSSOM TSV, readable by SSSOM tools.

Labels asserted here were checked in data/sources/assistant-lists.txt: line 39 "Virtual
try-on: Users "wear" clothing, makeup, or accessories via AI." and line 779 "Virtual
Try-On (VTO):" name one use case; line 401 "- **Hair color try-on**" is a kind of it (the
issue's own example); line 345 "- **Album cover art**" is not concept art.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from gm_graph.cli import main
from gm_graph.curation import item_curie

ROOT = Path(__file__).resolve().parents[1]
CURIE_COLUMNS = ("subject_id", "predicate_id", "object_id", "mapping_justification", "subject_source", "object_source")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = tmp_path_factory.mktemp("sssom")
    for name in ("data", "ontology", "queries"):
        shutil.copytree(ROOT / name, root / name)
    (root / "data" / "curation" / "mappings.sssom.tsv").unlink(missing_ok=True)
    runner = CliRunner()
    built = runner.invoke(main, ["build", "--root", str(root), "-q"])
    assert built.exit_code == 0, built.output
    result = runner.invoke(main, ["export", "--root", str(root), "--format", "sssom"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    header = [line[1:] for line in lines if line.startswith("#")]
    body = [line for line in lines if not line.startswith("#")]
    meta = yaml.safe_load("\n".join(header))
    reader = csv.DictReader(io.StringIO("\n".join(body)), delimiter="\t")
    return meta, reader.fieldnames, list(reader)


@pytest.fixture(scope="module")
def items(parsed):
    return {(it.source, it.line): it for res in parsed.values() for it in res.items}


def test_yaml_header_names_the_set_its_license_and_prefixes(exported):
    meta, _, _ = exported
    assert meta["mapping_set_id"].startswith("https://")
    assert meta["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert meta["curie_map"]["skos"] == "http://www.w3.org/2004/02/skos/core#"
    assert meta["curie_map"]["gmx"] == "https://w3id.org/gm-graph/id/item/"
    assert meta["curie_map"]["semapv"] == "https://w3id.org/semapv/vocab/"


def test_column_header_is_sssom(exported):
    _, columns, _ = exported
    for name in ("subject_id", "subject_label", "predicate_id", "predicate_modifier", "object_id", "object_label", "mapping_justification", "confidence"):
        assert name in columns


def test_every_curie_prefix_is_in_the_curie_map(exported):
    meta, _, rows = exported
    unknown = {(col, r[col].split(":", 1)[0]) for r in rows for col in CURIE_COLUMNS if r[col] and r[col].split(":", 1)[0] not in meta["curie_map"]}
    assert unknown == set()


def test_each_item_has_one_row_to_its_canonical_use_case(exported, items):
    _, _, rows = exported
    to_usecase: dict[str, list[dict]] = {}
    for r in rows:
        if r["subject_id"].startswith("gmx:") and r["object_id"].startswith("gmu:"):
            to_usecase.setdefault(r["subject_id"], []).append(r)
    assert set(to_usecase) == {item_curie(i) for i in items.values()}
    assert all(len(v) == 1 and v[0]["predicate_id"] in ("skos:exactMatch", "skos:closeMatch") for v in to_usecase.values())
    vto_39 = to_usecase[item_curie(items[("assistant-lists-list-1", 39)])][0]
    vto_779 = to_usecase[item_curie(items[("assistant-lists-list-4", 779)])][0]
    assert vto_39["subject_label"] == "Virtual try-on"
    assert vto_779["subject_label"] == "Virtual Try-On (VTO)"
    assert vto_39["object_id"] == vto_779["object_id"]


def test_broader_rows_link_use_cases(exported, items):
    _, _, rows = exported
    broader = [r for r in rows if r["predicate_id"] == "skos:broader"]
    assert broader and all(r["subject_id"].startswith("gmu:") and r["object_id"].startswith("gmu:") for r in broader)
    by_item = {r["subject_id"]: r["object_id"] for r in rows if r["subject_id"].startswith("gmx:") and r["object_id"].startswith("gmu:")}
    hair = by_item[item_curie(items[("assistant-lists-list-2", 401)])]
    try_on = by_item[item_curie(items[("assistant-lists-list-1", 39)])]
    assert (hair, try_on) in {(r["subject_id"], r["object_id"]) for r in broader}


def test_rejected_pairs_carry_the_not_modifier(exported):
    _, _, rows = exported
    rejected = [r for r in rows if r["comment"].startswith("status=rejected") and r["predicate_id"] == "skos:exactMatch"]
    assert rejected
    assert all(r["predicate_modifier"] == "Not" for r in rejected)
    assert all(r["subject_id"].startswith("gmx:") and r["object_id"].startswith("gmx:") for r in rejected)
    album = [r for r in rejected if "Album cover art" in (r["subject_label"], r["object_label"])]
    others = {r["object_label"] if r["subject_label"] == "Album cover art" else r["subject_label"] for r in album}
    assert others & {"Concept Art", "Concept art generation", "AI-Assisted Art"}


def test_lexicon_broader_rows_say_background_knowledge(exported, items):
    # List 2 line 333 "- **Green screen replacement**" is a kind of List 1 line 65 "Visual effects
    # (VFX): ..." only by the narrower row of data/lexicon.tsv (they share no word)
    _, _, rows = exported
    by_item = {r["subject_id"]: r["object_id"] for r in rows if r["subject_id"].startswith("gmx:") and r["object_id"].startswith("gmu:")}
    green = by_item[item_curie(items[("assistant-lists-list-2", 333)])]
    vfx = by_item[item_curie(items[("assistant-lists-list-1", 65)])]
    row = next(r for r in rows if (r["subject_id"], r["predicate_id"], r["object_id"]) == (green, "skos:broader", vfx))
    assert row["mapping_justification"] == "semapv:BackgroundKnowledgeBasedMatching"
    assert row["mapping_tool"].endswith("lexicon hierarchy")
