"""`gm-graph report`: each rule on a broken and a good fixture graph, the CLI's formats and
exit codes, and one run on the real build.

tests/data/quality/broken.ttl holds one problem of each kind; the rows below were worked out
by hand from that file (its comments say which lines break which rule).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gm_graph.cli import main
from gm_graph.quality import RULES, SEVERITIES, Context, check, fold
from gm_graph.store import new_store, parse_file

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "quality"
STALE = "data/curation/mappings.sssom.tsv:14: gmx:gone is no longer in the sources; decision not applied"

EXPECTED = [
    ("ERROR", "label-clash", "gmu:virtual-try-on"),
    ("WARN", "near-duplicate-labels", "gmu:hair-color-try-on"),
    ("WARN", "pref-label-is-alt-label", "gmu:vto"),
    ("WARN", "stale-curation", "data/curation/mappings.sssom.tsv:14"),
    ("INFO", "disconnected-use-case", "gmu:virtual-try-on-b"),
    ("INFO", "orphan-use-case", "gmu:vto"),
    ("INFO", "single-item-use-case", "gmu:virtual-try-on-b"),
    ("INFO", "single-item-use-case", "gmu:vto"),
]


def rows_of(name: str, warnings=()):
    store = new_store(parse_file(FIXTURES / name))
    return check(Context(store, {"warnings": list(warnings)}))


def test_registry_rules_have_a_known_severity_and_a_description():
    assert set(RULES) == {rule for _, rule, _ in EXPECTED}
    for rule in RULES.values():
        assert rule.severity in SEVERITIES and rule.description


def test_fold_ignores_case_and_punctuation():
    assert fold("Virtual Try-On!") == fold("virtual try on") == "virtual try on"
    assert fold("Album cover arts") != fold("Album cover art")


def test_broken_graph_gives_one_row_per_problem_worst_first():
    rows = rows_of("broken.ttl", [STALE])
    assert [(r.severity, r.rule, r.subject) for r in rows] == EXPECTED
    by_rule = {r.rule: r.detail for r in rows}
    assert "gmu:virtual-try-on-b ('Virtual Try-On!')" in by_rule["label-clash"]
    assert "gmu:hair-colour-try-on ('Hair colour try-on')" in by_rule["near-duplicate-labels"]
    assert "alternative label of gmu:virtual-try-on ('VTO')" in by_rule["pref-label-is-alt-label"]
    assert by_rule["stale-curation"] == "gmx:gone is no longer in the sources; decision not applied"
    assert "(data/sources/list.txt:4)" in [r.detail for r in rows if r.subject == "gmu:vto" and r.rule == "single-item-use-case"][0]


def test_near_duplicates_kept_apart_on_purpose_are_not_flagged():
    # "Album cover art(s)" carry a curator's "not the same"; "Product video(s)" a broader link.
    details = " ".join(r.detail for r in rows_of("broken.ttl") if r.rule == "near-duplicate-labels")
    assert "Album" not in details and "Product" not in details


def test_good_graph_gives_no_rows():
    assert rows_of("good.ttl") == []


@pytest.fixture
def fixture_project(tmp_path):
    """A project folder whose build/ holds a fixture graph and a build report."""

    def make(graph: str, warnings=()) -> Path:
        (tmp_path / "data").mkdir(exist_ok=True)
        shutil.copy(ROOT / "data" / "sources.toml", tmp_path / "data" / "sources.toml")
        (tmp_path / "build").mkdir(exist_ok=True)
        shutil.copy(FIXTURES / graph, tmp_path / "build" / "graph.trig")
        (tmp_path / "build" / "report.json").write_text(json.dumps({"warnings": list(warnings)}))
        return tmp_path

    return make


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("none", 0), ("error", 1), ("warn", 1)],
)
def test_fail_on_sets_the_exit_status(fixture_project, fail_on, code):
    root = fixture_project("broken.ttl", [STALE])
    result = CliRunner().invoke(main, ["report", "--root", str(root), "--fail-on", fail_on])
    assert result.exit_code == code, result.output


def test_fail_on_warn_passes_a_clean_graph(fixture_project):
    root = fixture_project("good.ttl")
    assert CliRunner().invoke(main, ["report", "--root", str(root), "--fail-on", "warn"]).exit_code == 0


def test_table_ends_with_a_count_per_rule(fixture_project):
    root = fixture_project("broken.ttl", [STALE])
    out = CliRunner().invoke(main, ["report", "--root", str(root)]).output
    summary = out[out.index("summary:") :].splitlines()
    counts = {line.split()[1]: (line.split()[0], int(line.split()[2])) for line in summary[1:-1]}
    assert counts == {
        "label-clash": ("ERROR", 1),
        "near-duplicate-labels": ("WARN", 1),
        "pref-label-is-alt-label": ("WARN", 1),
        "stale-curation": ("WARN", 1),
        "disconnected-use-case": ("INFO", 1),
        "orphan-use-case": ("INFO", 1),
        "single-item-use-case": ("INFO", 2),
    }
    assert summary[-1].strip() == "8 rows: 1 errors, 3 warnings, 4 infos"


def test_tsv_and_json_formats(fixture_project):
    root = fixture_project("broken.ttl", [STALE])
    tsv = CliRunner().invoke(main, ["report", "--root", str(root), "--format", "tsv", "-o", str(root / "r.tsv")])
    assert tsv.exit_code == 0
    rows = list(csv.DictReader(io.StringIO((root / "r.tsv").read_text()), delimiter="\t"))
    assert [(r["severity"], r["rule"], r["subject"]) for r in rows] == EXPECTED
    js = json.loads(CliRunner().invoke(main, ["report", "--root", str(root), "--format", "json"]).output)
    assert [(r["severity"], r["rule"], r["subject"]) for r in js["rows"]] == EXPECTED
    assert js["summary"]["single-item-use-case"] == {"severity": "INFO", "count": 2, "description": RULES["single-item-use-case"].description}


def test_real_build(tmp_path):
    for name in ("data", "ontology", "queries"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "data" / "curation" / "mappings.sssom.tsv").unlink(missing_ok=True)
    assert CliRunner().invoke(main, ["build", "--root", str(tmp_path), "-q"]).exit_code == 0
    result = CliRunner().invoke(main, ["report", "--root", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    stats = json.loads((tmp_path / "build" / "report.json").read_text())["match"]
    # Two ways of counting use cases that rest on one item: the matcher's and the query's.
    assert data["summary"]["single-item-use-case"]["count"] == stats["singletons"]
    assert data["summary"]["stale-curation"]["count"] == 0
    # "Hair color try-on" (assistant-lists.txt:401) is named by List 2 alone.
    hair = [r for r in data["rows"] if r["rule"] == "single-item-use-case" and "'Hair color try-on'" in r["detail"]]
    assert hair and hair[0]["detail"].endswith("(data/sources/assistant-lists.txt:401)")
