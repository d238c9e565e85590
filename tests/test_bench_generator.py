"""The benchmark's synthetic-source generator writes projects gm-graph reads exactly as intended.

Each generated list must be detected as the layout it was written in and give exactly the
items written, with the labels and line numbers the generator recorded; the manifest's
hashes must check out; a seed must always give the same files.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from gm_graph.ingest import read_source
from gm_graph.manifest import load_manifest

ROOT = Path(__file__).resolve().parents[1]
N = 200


def _load_generator():
    spec = importlib.util.spec_from_file_location("bench_generate_sources", ROOT / "bench" / "generate_sources.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    dest = tmp_path_factory.mktemp("synthetic") / "project"
    summary = gen.generate_project(dest, N, seed=7)
    return dest, summary


@pytest.fixture(scope="module")
def parsed(project):
    dest, _ = project
    out = {}
    for src in load_manifest(dest / "data" / "sources.toml"):  # also checks every SHA-256
        results, _ = read_source(src, dest)
        for res in results:
            out[res.source] = res
    return out


def test_project_is_complete(project):
    dest, summary = project
    assert (dest / "data" / "sources.toml").is_file()
    assert sorted(p.name for p in (dest / "ontology").glob("*.ttl")) == sorted(p.name for p in (ROOT / "ontology").glob("*.ttl"))
    assert sorted(p.name for p in (dest / "queries").glob("*.rq")) == sorted(p.name for p in (ROOT / "queries").glob("*.rq"))
    for name in ("lexicon.tsv", "stopwords.tsv"):
        if (ROOT / "data" / name).is_file():
            assert (dest / "data" / name).read_bytes() == (ROOT / "data" / name).read_bytes()
    assert summary["items"] == N
    assert sum(g["items"] for g in summary["lists"]) == N


def test_every_list_reads_as_its_layout_with_exactly_its_items(project, parsed):
    _, summary = project
    assert len(summary["lists"]) == 6  # at least six lists, about one per 500 items
    assert {g["layout"] for g in summary["lists"]} == {"markdown-bold", "emoji-sections", "article-bullets", "front-matter"}
    assert set(parsed) == {g["source_list"] for g in summary["lists"]}
    for g in summary["lists"]:
        res = parsed[g["source_list"]]
        assert res.layout == g["layout"], g["source_list"]
        assert len(res.items) == g["items"], g["source_list"]
        assert res.duplicates == 0
        assert [i.label for i in res.items] == g["labels"]
        assert [i.line for i in res.items] == g["lines"]
        assert all(i.kind == "item" and i.parent is None and i.headings for i in res.items)
    assert sum(len(r.items) for r in parsed.values()) == N


def test_truth_rows_point_at_the_line_holding_the_label(project):
    dest, _ = project
    with open(dest / "truth.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) == N
    files: dict[str, list[str]] = {}
    for row in rows:
        lines = files.setdefault(row["file"], (dest / row["file"]).read_text(encoding="utf-8").splitlines())
        text = lines[int(row["line"]) - 1].replace("**", "")
        assert row["label"].split()[0] in text and row["label"].split()[-1] in text, row


def test_same_use_case_is_worded_differently_across_lists(project):
    dest, _ = project
    with open(dest / "truth.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    lists_of = defaultdict(set)
    wordings = defaultdict(set)
    for row in rows:
        lists_of[row["concept"]].add(row["source_list"])
        wordings[row["concept"]].add(row["label"].casefold())
    shared = [c for c, ls in lists_of.items() if len(ls) >= 2]
    assert len(shared) >= 20  # near-duplicates across lists
    assert sum(1 for c in shared if len(wordings[c]) >= 2) >= 10  # ... in other words
    # Hard negatives: different use cases that share words are both present.
    assert "special-virtual-tours" in lists_of and "special-virtual-try-on" in lists_of
    assert "special-album-cover" in lists_of and "special-book-cover" in lists_of


def test_a_seed_always_gives_the_same_files(tmp_path, project):
    dest, _ = project
    gen.generate_project(tmp_path / "again", N, seed=7)
    gen.generate_project(tmp_path / "other", N, seed=8)
    same = (tmp_path / "again" / "data" / "sources.toml").read_text(encoding="utf-8")
    assert same == (dest / "data" / "sources.toml").read_text(encoding="utf-8")
    assert (tmp_path / "other" / "data" / "sources.toml").read_text(encoding="utf-8") != same


def test_cli_writes_a_project(tmp_path, capsys):
    assert gen.main([str(tmp_path / "p"), "--items", "40", "--seed", "1"]) == 0
    assert "40 items in 6 lists" in capsys.readouterr().out
    sources = load_manifest(tmp_path / "p" / "data" / "sources.toml")
    total = sum(len(r.items) for src in sources for r in read_source(src, tmp_path / "p")[0])
    assert total == 40
