"""Curation end to end: decisions in data/curation/mappings.sssom.tsv win over the matcher at
every build, and a decision whose items changed is reported instead of applied.

The pairs were chosen by reading data/sources/assistant-lists.txt:

* line 39 "Virtual try-on: Users “wear” clothing ..." (List 1) and line 277 "- **Virtual
  try-on** (clothing, ...)" (List 2) carry the same label, so any matcher merges them; a
  curator's "not the same" must split them even so (the mechanism under test, chosen so
  it does not depend on how the matcher is tuned).
* image-generation-article line 44 "Rapid Prototyping: Designers can input descriptions such
  as “bohemian summer dress ...” to generate multiple style options" is generative fashion
  design, List 1 line 179 "Generative fashion design: AI proposes clothing, patterns,
  materials."; the two labels share no word, so the matcher keeps them apart; a curator
  says they are the same.
* line 541 "- **Accident reconstruction**" (Legal & Insurance / Claims) is a kind of line 265
  "Legal/forensic visual reconstruction" (the issue's own example); the matcher does not
  link them.
* line 762 "Animated Explainer Videos: ..." is in the use case the matcher calls
  "Explainers"; a curator names it "Explainer videos".
* line 101 "Interactive learning environments: 3D/2D generative simulations." and line 433
  "- **Interactive learning scenarios**" carry the decision whose text goes stale.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from gm_graph.cli import main
from gm_graph.curation import append_decisions, item_curie
from gm_graph.namespace import GM, GMX, SKOS
from gm_graph.queries import load_graph

ROOT = Path(__file__).resolve().parents[1]
LISTS = "data/sources/assistant-lists.txt"
CURATION = "data/curation/mappings.sssom.tsv"

TRYON_LIST1 = ("assistant-lists-list-1", 39, "Virtual try-on")
TRYON_LIST2 = ("assistant-lists-list-2", 277, "Virtual try-on")
RAPID_PROTOTYPING = ("image-generation-article", 44, "Rapid Prototyping")
FASHION_DESIGN = ("assistant-lists-list-1", 179, "Generative fashion design")
ACCIDENT = ("assistant-lists-list-2", 541, "Accident reconstruction")
FORENSIC = ("assistant-lists-list-1", 265, "Legal/forensic visual reconstruction")
EXPLAINER = ("assistant-lists-list-4", 762, "Animated Explainer Videos")
LEARN_ENV = ("assistant-lists-list-1", 101, "Interactive learning environments")
LEARN_SCENARIOS = ("assistant-lists-list-2", 433, "Interactive learning scenarios")


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def items(parsed):
    """(source list, line) -> Item, for the real sources."""
    return {(it.source, it.line): it for res in parsed.values() for it in res.items}


def item(items, ref):
    found = items[ref[:2]]
    assert found.label == ref[2], f"{ref} reads {found.label!r} now"
    return found


def row(items, subj, pred, obj=None, *, modifier="", label=""):
    s = item(items, subj)
    o = item(items, obj) if obj else None
    return {
        "subject_id": item_curie(s),
        "subject_label": s.label,
        "predicate_id": pred,
        "predicate_modifier": modifier,
        "object_id": item_curie(o) if o else "",
        "object_label": o.label if o else label,
        "mapping_justification": "semapv:ManualMappingCuration",
        "author_id": "orcid:0000-0002-1825-0097",
        "mapping_date": "2026-01-01",
        "subject_text_hash": s.text_hash,
        "object_text_hash": o.text_hash if o else "",
    }


class Built:
    """The graph of one build, with the lookups the tests need."""

    def __init__(self, project: Path, items):
        self.store = load_graph(project / "build" / "graph.trig")
        self.report = json.loads((project / "build" / "report.json").read_text())
        self.items = items

    def _one(self, s, p):
        objs = [q.object for q in self.store.quads_for_pattern(s, p, None)]
        assert len(objs) == 1, (s, p, objs)
        return objs[0]

    def usecase(self, ref):
        return self._one(GMX[item_curie(item(self.items, ref))[4:]], GM.canonicalUseCase)

    def pref_label(self, usecase) -> str:
        return self._one(usecase, SKOS.prefLabel).value

    def alt_labels(self, usecase) -> set[str]:
        return {q.object.value for q in self.store.quads_for_pattern(usecase, SKOS.altLabel, None)}

    def broader(self, usecase) -> set:
        return {q.object for q in self.store.quads_for_pattern(usecase, SKOS.broader, None)}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("curation")
    for name in ("data", "ontology", "queries"):
        shutil.copytree(ROOT / name, root / name)
    (root / CURATION).unlink(missing_ok=True)
    return root


@pytest.fixture(scope="module")
def builds(project, items):
    """The builds of the scenario, in order, each read back from build/graph.trig."""
    out = {}
    # 1. Five decisions, applied by a build.
    append_decisions(
        project / CURATION,
        [
            row(items, TRYON_LIST1, "skos:exactMatch", TRYON_LIST2, modifier="Not"),
            row(items, RAPID_PROTOTYPING, "skos:exactMatch", FASHION_DESIGN),
            row(items, ACCIDENT, "skos:broadMatch", FORENSIC),
            row(items, EXPLAINER, "skos:prefLabel", label="Explainer videos"),
            row(items, LEARN_ENV, "skos:exactMatch", LEARN_SCENARIOS, modifier="Not"),
        ],
    )
    code, log = run("build", "--root", str(project), "-q")
    assert code == 0, log
    out["curated"] = Built(project, items)
    # 2. Line 101 changes its description: the decision naming it no longer fits; a rebuild.
    path = project / LISTS
    data = path.read_bytes()
    old = b"Interactive learning environments: 3D/2D generative simulations."
    assert data.count(old) == 1
    set_manifest_hash(project, LISTS, data.replace(old, b"Interactive learning environments: 3D/2D generative simulations for classrooms."))
    code, out["stale_log"] = run("build", "--root", str(project))
    assert code == 0, out["stale_log"]
    out["stale"] = Built(project, items)
    out["strict"] = run("build", "--root", str(project), "--strict")
    # 3. The matcher alone, the curation file still in place.
    code, log = run("build", "--root", str(project), "--no-curation", "-q")
    assert code == 0, log
    out["matcher"] = Built(project, items)
    return out


def set_manifest_hash(project: Path, file: str, data: bytes) -> None:
    manifest = project / "data" / "sources.toml"
    path = project / file
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(data)
    manifest.write_text(manifest.read_text().replace(old, hashlib.sha256(data).hexdigest()))


def test_the_matcher_alone_merges_the_same_labels_and_keeps_the_others_apart(builds):
    m = builds["matcher"]
    assert m.usecase(TRYON_LIST1) == m.usecase(TRYON_LIST2)
    assert m.usecase(RAPID_PROTOTYPING) != m.usecase(FASHION_DESIGN)
    assert m.usecase(ACCIDENT) != m.usecase(FORENSIC)
    assert m.usecase(FORENSIC) not in m.broader(m.usecase(ACCIDENT))
    assert m.pref_label(m.usecase(EXPLAINER)) != "Explainer videos"
    assert m.report["warnings"] == []  # --no-curation: no decision read, none stale


def test_not_the_same_splits_the_merged_pair_and_survives_a_rebuild(builds):
    for name in ("curated", "stale"):  # the stale build is a rebuild after a source edit
        b = builds[name]
        assert b.usecase(TRYON_LIST1) != b.usecase(TRYON_LIST2), name


def test_the_curators_not_the_same_is_on_record_in_the_graph(builds, items):
    b = builds["curated"]
    a, o = (GMX[item_curie(item(items, ref))[4:]] for ref in (TRYON_LIST1, TRYON_LIST2))
    text = """
    PREFIX gm: <https://w3id.org/gm-graph/ontology#>
    PREFIX owl: <http://www.w3.org/2002/07/owl#>
    PREFIX sssom: <https://w3id.org/sssom/>
    SELECT ?a ?o ?mod ?tool ?just WHERE {
      ?m owl:annotatedSource ?a ; owl:annotatedTarget ?o ; sssom:predicate_modifier ?mod ;
         sssom:mapping_tool ?tool ; sssom:mapping_justification ?just .
    }"""
    solutions = b.store.query(text, substitutions={ox.Variable("a"): a, ox.Variable("o"): o}, use_default_graph_as_union=True)
    found = [(s["mod"].value, s["tool"].value, s["just"].value) for s in solutions]
    assert found == [("Not", "curation", "https://w3id.org/semapv/vocab/ManualMappingCuration")]


def test_same_merges_two_items_that_were_apart(builds):
    b = builds["curated"]
    assert b.usecase(RAPID_PROTOTYPING) == b.usecase(FASHION_DESIGN)


def test_broad_match_links_the_use_cases_with_skos_broader(builds):
    b = builds["curated"]
    narrow, broad = b.usecase(ACCIDENT), b.usecase(FORENSIC)
    assert narrow != broad
    assert broad in b.broader(narrow)
    assert b.pref_label(broad) == "Legal/forensic visual reconstruction"
    assert b.pref_label(narrow) == "Accident reconstruction"


def test_pref_label_decision_names_the_use_case(builds):
    b = builds["curated"]
    uc = b.usecase(EXPLAINER)
    assert b.pref_label(uc) == "Explainer videos"
    assert "Animated Explainer Videos" in b.alt_labels(uc)


def test_a_decision_on_changed_text_warns_with_the_decision_line(builds, project, items):
    curie = item_curie(item(items, LEARN_ENV))
    lines = (project / CURATION).read_text().splitlines()
    decision_line = next(n for n, line in enumerate(lines, start=1) if line.startswith(curie + "\t"))
    warnings = [w for w in builds["stale"].report["warnings"] if w.startswith(CURATION)]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{CURATION}:{decision_line}: the text of {curie} (assistant-lists-list-1:101) changed")
    assert f"warning: {warnings[0]}" in builds["stale_log"]
    # The other decisions still apply.
    b = builds["stale"]
    assert b.usecase(TRYON_LIST1) != b.usecase(TRYON_LIST2)
    assert b.usecase(RAPID_PROTOTYPING) == b.usecase(FASHION_DESIGN)


def test_strict_build_fails_on_the_stale_decision(builds, items):
    code, out = builds["strict"]
    curie = item_curie(item(items, LEARN_ENV))
    errors = [line for line in out.splitlines() if line.startswith("Error")]
    assert code == 2
    assert len(errors) == 1 and "Traceback" not in out
    assert errors[0].startswith(f"Error: {CURATION}:")
    assert f"the text of {curie} (assistant-lists-list-1:101) changed since this decision" in errors[0]


def test_no_curation_ignores_the_file(builds, project):
    assert (project / CURATION).is_file()
    m = builds["matcher"]
    assert m.usecase(TRYON_LIST1) == m.usecase(TRYON_LIST2)
    assert m.usecase(RAPID_PROTOTYPING) != m.usecase(FASHION_DESIGN)
