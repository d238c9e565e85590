"""`gm-graph review`: the queue, interactive answers, batch answers, and what each answer
means in the curation file."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gm_graph.cli import main
from gm_graph.curation import Decision, item_curie, read_decisions, resolve
from gm_graph.queries import load_graph as load
from gm_graph.review import Side, decision_rows

ROOT = Path(__file__).resolve().parents[1]
CURATION = Path("data") / "curation" / "mappings.sssom.tsv"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("review")
    for name in ("data", "ontology", "queries"):
        shutil.copytree(ROOT / name, root / name)
    (root / CURATION).unlink(missing_ok=True)
    result = CliRunner().invoke(main, ["build", "--root", str(root), "-q"])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def project(built) -> Path:
    """The built project with no curation file (each test starts afresh)."""
    (built / CURATION).unlink(missing_ok=True)
    return built


@pytest.fixture(scope="module")
def queue(built) -> list[dict]:
    """The whole queue as `gm-graph review --list --format tsv` prints it (no curation file)."""
    (built / CURATION).unlink(missing_ok=True)
    return queue_tsv(built)


@pytest.fixture(scope="module")
def items(parsed):
    return {item_curie(it): it for res in parsed.values() for it in res.items}


def run(*args: str, input: str | None = None, env=None):
    result = CliRunner().invoke(main, list(args), input=input, env=env)
    return result.exit_code, result.output


def queue_tsv(project: Path) -> list[dict]:
    code, out = run("review", "--root", str(project), "--list", "--format", "tsv")
    assert code == 0, out
    return list(csv.DictReader(io.StringIO(out), delimiter="\t"))


def body_rows(project: Path) -> list[dict]:
    lines = [line for line in (project / CURATION).read_text().splitlines() if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))


def test_queue_is_every_review_pair_of_the_graph(project, queue):
    store = load(project / "build" / "graph.trig")
    count = """
    PREFIX gm: <https://w3id.org/gm-graph/ontology#>
    PREFIX owl: <http://www.w3.org/2002/07/owl#>
    SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {
      ?m gm:reviewStatus "review" ; owl:annotatedSource ?a ; owl:annotatedTarget ?b .
      ?a a gm:SourceItem . ?b a gm:SourceItem .
    }"""
    in_graph = int(next(iter(store.query(count, use_default_graph_as_union=True)))["n"].value)
    assert len(queue) == in_graph > 0
    code, out = run("review", "--root", str(project), "--list", "--limit", "2")
    assert out.rstrip().endswith(f"{len(queue)} pairs queued for review")
    assert out.count("matcher's guess:") == 2


def test_queue_is_most_informative_first(queue):
    rows = queue
    distances = [abs(float(r["score"]) - float(r["threshold"])) for r in rows]
    assert distances == sorted(distances)
    assert {r["guess"] for r in rows} <= {"same", "different", "narrower"}
    assert all(r["answer"] == "" and r["subject_id"].startswith("gmx:") and r["object_id"].startswith("gmx:") for r in rows)


def test_interactive_answers_are_appended(project, queue, items):
    first, second = queue[:2]
    code, out = run("review", "--root", str(project), "--author", "orcid:0000-0002-1825-0097", input="s\nd\nq\n")
    assert code == 0, out
    assert "2 answers (2 rows) appended to data/curation/mappings.sssom.tsv; run `gm-graph build` to apply them" in out
    rows = body_rows(project)
    assert [(r["subject_id"], r["predicate_id"], r["predicate_modifier"], r["object_id"]) for r in rows] == [
        (first["subject_id"], "skos:exactMatch", "", first["object_id"]),
        (second["subject_id"], "skos:exactMatch", "Not", second["object_id"]),
    ]
    for r in rows:
        subject, obj = items[r["subject_id"]], items[r["object_id"]]
        assert (r["subject_label"], r["object_label"]) == (subject.label, obj.label)
        assert (r["subject_text_hash"], r["object_text_hash"]) == (subject.text_hash, obj.text_hash)
        assert r["mapping_justification"] == "semapv:ManualMappingCuration"
        assert r["author_id"] == "orcid:0000-0002-1825-0097"
    # The file is a valid curation file, and answered pairs leave the queue until the build.
    assert len(read_decisions(project / CURATION)) == 2
    code, out = run("review", "--root", str(project), "--list", "--limit", "0")
    assert f"{len(queue)} pairs queued for review; 2 already answered in data/curation/mappings.sssom.tsv" in out


def test_skip_bad_input_and_end_of_input(project):
    code, out = run("review", "--root", str(project), "--author", "me", input="x\nk\n")
    assert code == 0
    assert "'x' is not an answer: type s, d, b, n, k or q" in out
    assert "no decisions recorded" in out
    assert not (project / CURATION).exists()


def test_author_defaults_to_user_and_is_required(project):
    code, out = run("review", "--root", str(project), input="s\nq\n", env={"USER": "ada"})
    assert code == 0 and body_rows(project)[0]["author_id"] == "ada"
    code, out = run("review", "--root", str(project), input="s\nq\n", env={"USER": ""})
    assert code == 2 and "Error: --author: no author to record" in out


def test_broader_and_narrower_answers_mean_what_they_say(items):
    """b: left is broader than right; n: left is narrower; both also mean "not the same".
    Read back by the curation module, which turns rows into matcher constraints."""
    left, right = (items[c] for c in sorted(items)[:2])

    def side(it):
        return Side(item_curie(it), it.label, it.verbatim, "f", it.line, it.text_hash, "", "", 1)

    def resolved(answer):
        decisions = [
            Decision(n, r["subject_id"], r["predicate_id"], r["object_id"], r["predicate_modifier"] == "Not", "", r["subject_text_hash"], r["object_text_hash"])
            for n, r in enumerate(decision_rows(side(left), side(right), answer, "me", ""), start=2)
        ]
        cur, warnings = resolve(decisions, [left, right], "test")
        assert warnings == []
        return cur

    pair = [(left.key, right.key)]
    # Curation.broader holds (narrow, broad) pairs.
    broader, narrower = resolved("broader"), resolved("narrower")
    assert [(n.key, b.key) for n, b, _ in broader.broader] == [(right.key, left.key)]
    assert [(n.key, b.key) for n, b, _ in narrower.broader] == [(left.key, right.key)]
    assert [(a.key, b.key) for a, b, _ in broader.different] == pair == [(a.key, b.key) for a, b, _ in narrower.different]
    assert [(a.key, b.key) for a, b, _ in resolved("different").different] == pair
    assert [(a.key, b.key) for a, b, _ in resolved("same").same] == pair
    assert resolved("same").different == [] and resolved("same").broader == []


def test_batch_file(project, queue, tmp_path):
    rows = queue[:3]
    batch = tmp_path / "answers.tsv"
    text = "subject_id\tobject_id\tanswer\n"
    text += f"{rows[0]['subject_id']}\t{rows[0]['object_id']}\tdifferent\n"
    text += f"{rows[1]['subject_id']}\t{rows[1]['object_id']}\tskip\n"
    text += f"{rows[2]['subject_id']}\t{rows[2]['object_id']}\tbroader\n"
    batch.write_text(text)
    code, out = run("review", "--root", str(project), "--batch", str(batch), "--author", "me")
    assert code == 0, out
    assert out.startswith("2 answers (3 rows) appended to data/curation/mappings.sssom.tsv; 1 skipped; 0 already decided there")
    written = body_rows(project)
    assert [(r["subject_id"], r["predicate_id"], r["predicate_modifier"], r["object_id"]) for r in written] == [
        (rows[0]["subject_id"], "skos:exactMatch", "Not", rows[0]["object_id"]),
        (rows[2]["subject_id"], "skos:narrowMatch", "", rows[2]["object_id"]),
        (rows[2]["subject_id"], "skos:exactMatch", "Not", rows[2]["object_id"]),
    ]
    # Running it again adds nothing: the pairs are decided.
    code, out = run("review", "--root", str(project), "--batch", str(batch), "--author", "me")
    assert out.startswith("0 answers (0 rows) appended") and "2 already decided there" in out


def test_batch_comment_is_kept_as_the_decision_comment(project, queue, tmp_path):
    row = queue[0]
    batch = tmp_path / "answers.tsv"
    batch.write_text(
        "subject_id\tobject_id\tanswer\tcomment\n"
        f"{row['subject_id']}\t{row['object_id']}\tdifferent\ttours of places vs  trying on clothes\n"
    )
    code, out = run("review", "--root", str(project), "--batch", str(batch), "--author", "me")
    assert code == 0, out
    (written,) = body_rows(project)
    assert written["comment"] == "tours of places vs trying on clothes (gm-graph review --batch answers.tsv)"
    assert written["author_id"] == "me"


def test_list_tsv_filled_in_is_a_batch_file(project, queue, tmp_path):
    rows = [dict(queue[0])]
    rows[0]["answer"] = "same"
    out = io.StringIO()
    w = csv.DictWriter(out, list(rows[0]), delimiter="\t", lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    batch = tmp_path / "filled.tsv"
    batch.write_text(out.getvalue())
    code, msg = run("review", "--root", str(project), "--batch", str(batch), "--author", "me")
    assert code == 0 and msg.startswith("1 answer (1 row) appended")
    assert [(r["subject_id"], r["predicate_id"], r["object_id"]) for r in body_rows(project)] == [(rows[0]["subject_id"], "skos:exactMatch", rows[0]["object_id"])]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("gmx:nope\tgmx:nope\tsame", "'gmx:nope' is not a source item of the built graph"),
        ("{s}\t{o}\tmaybe", "unknown answer 'maybe'"),
    ],
)
def test_batch_errors_name_the_line(project, queue, tmp_path, line, message):
    first = queue[0]
    batch = tmp_path / "bad.tsv"
    batch.write_text("# answers\nsubject_id\tobject_id\tanswer\n" + line.format(s=first["subject_id"], o=first["object_id"]) + "\n")
    code, out = run("review", "--root", str(project), "--batch", str(batch), "--author", "me")
    assert code == 2
    assert f"bad.tsv:3: {message}" in out
    assert not (project / CURATION).exists()


def test_source_keeps_the_pairs_of_one_list(project, queue):
    code, out = run("review", "--root", str(project), "--list", "--format", "tsv", "--source", "image-generation-article")
    assert code == 0, out
    mine = list(csv.DictReader(io.StringIO(out), delimiter="\t"))
    expected = [
        (r["subject_id"], r["object_id"])
        for r in queue
        if r["subject_id"].startswith("gmx:image-generation-article--") or r["object_id"].startswith("gmx:image-generation-article--")
    ]
    assert 0 < len(mine) < len(queue)
    assert [(r["subject_id"], r["object_id"]) for r in mine] == expected  # same pairs, same order
    # One list of a file holding several is named by its list id.
    code, out = run("review", "--root", str(project), "--list", "--format", "tsv", "--source", "assistant-lists-list-3")
    rows = list(csv.DictReader(io.StringIO(out), delimiter="\t"))
    assert rows and all("gmx:assistant-lists-list-3--" in (r["subject_id"] + r["object_id"]) for r in rows)


def test_unknown_source_is_a_one_line_error(project):
    code, out = run("review", "--root", str(project), "--list", "--source", "no-such-list")
    assert code == 2
    assert out.strip().splitlines() == [
        "Error: --source: no source 'no-such-list' in data/sources.toml (use one of: assistant-lists, "
        "image-generation-article, beyond-text-and-images-article (or <id>-list-<n> for one list of a file))"
    ]
