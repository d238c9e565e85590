"""Adding a list to the curated seeds: what a user who registers a new source relies on.

tests/data/new-list-article.md is a web-article-style list written for this test (15 use cases,
most of them stated in the seeds in other words). After `add-source` and `build`:

* every seed item stays in the use case it was in, under the same IRI and label (the shipped
  curation pins the seed use cases' preferred labels, so a shorter wording in the new list
  does not rename them);
* the new items the seeds state in other words join those use cases (checked by hand below).
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gm_graph.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "tests" / "data" / "new-list-article.md"


def _items(root: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(file, line) -> (use case IRI, use case label) for every item of the built graph."""
    out = CliRunner().invoke(main, ["query", str(root / "queries" / "source-items.rq"), "--format", "csv", "--root", str(root)])
    assert out.exit_code == 0, out.output
    return {(r["file"], r["line"]): (r["usecase"], r["usecaseLabel"]) for r in csv.DictReader(io.StringIO(out.stdout))}


@pytest.fixture(scope="module")
def before_after(tmp_path_factory):
    root = tmp_path_factory.mktemp("added")
    for name in ("data", "ontology", "queries"):
        shutil.copytree(ROOT / name, root / name)
    runner = CliRunner()
    assert runner.invoke(main, ["build", "-q", "--root", str(root)]).exit_code == 0
    before = _items(root)
    added = runner.invoke(main, ["add-source", str(ARTICLE), "--root", str(root), "--title", "15 ways (web article)"])
    assert added.exit_code == 0, added.output
    built = runner.invoke(main, ["build", "--root", str(root)])
    assert built.exit_code == 0, built.output
    assert "warning" not in built.output
    return before, _items(root)


def test_no_seed_item_changes_use_case_iri_or_label(before_after):
    before, after = before_after
    moved = {k: (v, after[k]) for k, v in before.items() if after[k] != v}
    assert moved == {}


def test_new_items_join_the_use_cases_the_seeds_state_in_other_words(before_after):
    _, after = before_after
    new = {int(line): uc for (file, line), uc in after.items() if file == "data/sources/new-list-article.md"}
    assert len(new) == 15
    label = {line: uc[1] for line, uc in new.items()}
    # Judged by reading the article against the seeds.
    assert label[7] == "Virtual try-on"  # "Virtual try-on for apparel"
    assert label[8] == "Virtual Photography"  # "Product photography without a studio"
    assert label[9] == "360° product video"  # "360° product spins"
    assert label[13] == "Previsualization"  # "Previz for directors"
    assert label[14] == "Actor Re-aging/Age Progression"  # "De-aging actors"
    assert label[15] == "Storyboarding"  # "Storyboard generation"
    assert label[19] == "Localised Creative"  # "Localized ad creative"
    assert label[21] == "A/B testing imagery"  # "A/B test variants"
    assert label[25] == "Explainer animations"  # "Explainer videos"
    assert label[30] == "Interior design staging"  # "Virtual staging" (= List 2 364 "Virtual staging")
    assert label[31] == "Aerial view generation"  # "Drone-style flyovers"


UNSEEN = ROOT / "tests" / "data" / "unseen"


def test_a_new_project_starts_with_add_source_into_an_empty_folder(tmp_path):
    # A newcomer with lists of their own and no copy of data/, ontology/ or queries/:
    # add-source starts the project, and every command works on it with the installed
    # ontology, lexicon, shapes and queries.
    runner = CliRunner()
    root = tmp_path / "my-lists"
    root.mkdir()
    for name in ("chat-answer.txt", "vendor-blog.md"):
        added = runner.invoke(main, ["add-source", str(UNSEEN / name), "--root", str(root)])
        assert added.exit_code == 0, added.output
    manifest = (root / "data" / "sources.toml").read_text(encoding="utf-8")
    assert manifest.startswith("# Manifest of the source documents gm-graph ingests")
    assert manifest.count("\n[[source]]\n") == 2 and (root / "data" / "sources" / "vendor-blog.md").is_file()
    built = runner.invoke(main, ["build", "-q", "--root", str(root)])
    assert built.exit_code == 0, built.output
    assert runner.invoke(main, ["validate", "--root", str(root)]).exit_code == 0
    listed = runner.invoke(main, ["canonical", "--format", "csv", "--root", str(root)])
    assert listed.exit_code == 0, listed.output
    labels = {row["label"] for row in csv.DictReader(io.StringIO(listed.stdout))}
    # chat-answer.txt line 30, vendor-blog.md line 9: one list each, so use cases of their own
    assert {"Procedural music that reacts to gameplay", "Campaign key visuals"} <= labels


def test_a_project_lexicon_is_the_one_its_build_reads(tmp_path):
    # A curator who copies data/lexicon.tsv into their project and edits it changes that
    # project's matches; without a copy the installed lexicon serves.
    runner = CliRunner()
    (tmp_path / "a.md").write_text("# A\n\n- Jingle writing\n- Podcast cleanup\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# B\n\n- Sonic logo writing\n- Stem separation\n", encoding="utf-8")
    root = tmp_path / "p"
    root.mkdir()
    for name in ("a.md", "b.md"):
        assert runner.invoke(main, ["add-source", str(tmp_path / name), "--root", str(root)]).exit_code == 0

    def n_use_cases() -> int:
        assert runner.invoke(main, ["build", "-q", "--root", str(root)]).exit_code == 0
        out = runner.invoke(main, ["canonical", "--format", "csv", "--root", str(root)])
        return len(list(csv.DictReader(io.StringIO(out.stdout))))

    assert n_use_cases() == 4
    lexicon = (ROOT / "data" / "lexicon.tsv").read_text(encoding="utf-8")
    (root / "data" / "lexicon.tsv").write_text(lexicon + "jingle\tsonic logo\t\tthis project's curator says so\n", encoding="utf-8")
    assert n_use_cases() == 3
