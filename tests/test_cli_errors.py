"""Bad input gets one line naming the file (and line) and what to do, a non-zero exit, no traceback,
and nothing half-written."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gm_graph.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOOD_GRAPH = ROOT / "tests" / "data" / "shapes" / "good.ttl"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's project files to break."""
    for name in ("data", "ontology", "queries"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output, result.exception


def one_line_error(output: str) -> str:
    lines = [l for l in output.splitlines() if l.strip()]
    errors = [l for l in lines if l.startswith("Error")]
    assert len(errors) == 1, output
    assert "Traceback" not in output
    return errors[0]


def set_manifest_hash(project: Path, file: str, data: bytes) -> None:
    manifest = project / "data" / "sources.toml"
    text = manifest.read_text()
    path = project / "data" / file
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(data)
    manifest.write_text(text.replace(old, hashlib.sha256(data).hexdigest()))


def test_missing_source_file(project):
    (project / "data" / "sources" / "image-generation-article.txt").unlink()
    code, out, _ = run("build", "--root", str(project))
    err = one_line_error(out)
    assert code == 2
    assert "data/sources/image-generation-article.txt" in err and "not found" in err


def test_wrong_hash(project):
    path = project / "data" / "sources" / "beyond-text-and-images-article.txt"
    path.write_bytes(path.read_bytes() + b"\nextra line\n")
    code, out, _ = run("build", "--root", str(project))
    err = one_line_error(out)
    assert code == 2
    assert "beyond-text-and-images-article.txt" in err and "SHA-256" in err and "sources.toml:" in err


def test_empty_source(project):
    set_manifest_hash(project, "sources/beyond-text-and-images-article.txt", b"")
    code, out, _ = run("build", "--root", str(project))
    assert code == 2 and "the file is empty" in one_line_error(out)


def test_binary_source(project):
    set_manifest_hash(project, "sources/beyond-text-and-images-article.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, out, _ = run("build", "--root", str(project))
    assert code == 2 and "binary" in one_line_error(out)


def test_wrong_encoding_names_line(project):
    set_manifest_hash(project, "sources/beyond-text-and-images-article.txt", "- **Caf\u00e9 menus:** one\n".encode("utf-8") + "line two caf\u00e9\n".encode("cp1252"))
    code, out, _ = run("build", "--root", str(project))
    err = one_line_error(out)
    assert code == 2 and "beyond-text-and-images-article.txt:2" in err and "UTF-8" in err


def test_unknown_layout(project):
    set_manifest_hash(project, "sources/beyond-text-and-images-article.txt", b"just some prose\nwith no list in it at all\n")
    code, out, _ = run("build", "--root", str(project))
    err = one_line_error(out)
    assert code == 2 and "layout" in err and "beyond-text-and-images-article.txt:1" in err


def test_malformed_ontology_turtle_names_line(project):
    onto = project / "ontology" / "gm.ttl"
    onto.write_text(onto.read_text() + '\ngm:Broken a owl:Class ;\n    rdfs:label "unterminated .\n')
    code, out, _ = run("build", "--root", str(project))
    err = one_line_error(out)
    assert code == 2 and "ontology/gm.ttl:" in err and "malformed" in err.lower()


def test_invalid_sparql(tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ?y }\n")
    code, out, _ = run("query", str(bad), "--graph", str(GOOD_GRAPH), "--root", str(ROOT))
    err = one_line_error(out)
    assert code == 2 and "bad.rq" in err and "invalid SPARQL" in err


def test_missing_query_file(tmp_path):
    code, out, _ = run("query", str(tmp_path / "nope.rq"), "--graph", str(GOOD_GRAPH), "--root", str(ROOT))
    assert code == 2 and "not found" in one_line_error(out)


def test_unknown_format():
    code, out, _ = run("export", "--format", "rdfxml", "--graph", str(GOOD_GRAPH), "--root", str(ROOT))
    assert code == 2 and "Invalid value for '--format'" in out


def test_unknown_option():
    code, out, _ = run("build", "--frobnicate")
    assert code == 2 and "No such option" in out


def test_malformed_graph_file_for_validate(tmp_path):
    bad = tmp_path / "g.ttl"
    bad.write_text("@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b \"oops .\n")
    code, out, _ = run("validate", str(bad), "--root", str(ROOT))
    err = one_line_error(out)
    assert code == 2 and "g.ttl:3" in err


def test_export_failure_leaves_no_partial_file(tmp_path):
    target = tmp_path / "out.ttl"
    target.write_text("previous export\n")
    bad = tmp_path / "g.ttl"
    bad.write_text("not turtle at all {\n")
    code, out, _ = run("export", "--graph", str(bad), "-o", str(target), "--root", str(ROOT))
    assert code == 2
    assert target.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.ttl")] == []


def test_not_a_project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("build")
    assert code == 2 and "data/sources.toml" in one_line_error(out)


def test_add_source_registers_a_readable_list(project):
    new = project / "analyst.md"
    new.write_text("# Analyst list\n\n## Healthcare\n\n- **Synthetic MRI scans** for model training\n- **Patient education videos**\n", encoding="utf-8")
    code, out, _ = run("add-source", str(new), "--root", str(project), "--author-kind", "analyst")
    assert code == 0, out
    assert (project / "data" / "sources" / "analyst.md").read_bytes() == new.read_bytes()
    text = (project / "data" / "sources.toml").read_text()
    assert 'id = "analyst"' in text and 'author_kind = "analyst"' in text and 'format = "text/markdown"' in text
    code, out, _ = run("build", "-q", "--root", str(project))
    assert code == 0, out


def test_add_source_refuses_unreadable_layout_and_changes_nothing(project):
    before = (project / "data" / "sources.toml").read_text()
    new = project / "prose.txt"
    new.write_text("Just a paragraph of prose about nothing in particular.\n")
    code, out, _ = run("add-source", str(new), "--root", str(project))
    assert code == 2 and "layout" in one_line_error(out)
    assert (project / "data" / "sources.toml").read_text() == before
    assert not (project / "data" / "sources" / "prose.txt").exists()


def test_validate_reports_violations_with_source_lines_and_exit_1(tmp_path):
    import pyoxigraph as ox

    from gm_graph.namespace import PREFIXES
    from gm_graph.store import parse_file

    store = ox.Store()
    store.bulk_extend(parse_file(GOOD_GRAPH))
    store.update("DELETE DATA { gmx:storyboard gm:canonicalUseCase gmu:storyboarding }", prefixes=PREFIXES)
    broken = tmp_path / "broken.nq"
    broken.write_bytes(ox.serialize(store, format=ox.RdfFormat.N_QUADS))
    result = CliRunner().invoke(main, ["validate", str(broken), "--root", str(ROOT)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # The item lost its use case, and so the use case lost its only item.
    assert lines[0].endswith("2 violation(s)")
    assert "- gmu:storyboarding: a canonical use case needs at least one supporting item" in lines
    assert "- gmx:storyboard [data/sources/a.txt:61] gm:canonicalUseCase: an item needs exactly one canonical use case (gm:canonicalUseCase)" in lines


def test_refused_layout_says_what_the_closest_layout_read(project):
    # A short excerpt with two use cases: the message says which layout came closest and why
    # it was not enough, instead of only "not a layout gm-graph can read".
    new = project / "excerpt.md"
    new.write_text(
        "Generative AI is changing how teams work, and here is how.\n\n"
        "- Podcast editing: removing filler words.\n"
        "- Album artwork: covers in a band's style.\n"
    )
    code, out, _ = run("add-source", str(new), "--root", str(project))
    err = one_line_error(out)
    assert code == 2 and "excerpt.md:1" in err
    assert "the closest layout, plain-list, reads 2 items from it (too few items for a list" in err


EXCERPT = (
    "Generative AI is changing how teams work, and here is how.\n\n"
    "- Podcast editing: removing filler words.\n"
    "- Album artwork: covers in a band's style.\n"
)


def test_add_source_layout_reads_a_list_detection_refuses_and_every_build_keeps_it(project):
    new = project / "excerpt.md"
    new.write_text(EXCERPT)
    code, out, _ = run("add-source", str(new), "--root", str(project), "--layout", "plain-list")
    assert code == 0, out
    assert "read 2 use cases (plain-list)" in out
    assert (project / "data" / "sources.toml").read_text().endswith('layout = "plain-list"\n')
    code, out, _ = run("build", "--root", str(project))
    assert code == 0, out
    row = next(l for l in out.splitlines() if l.strip().startswith("excerpt "))
    assert row.split()[1:3] == ["plain-list", "2"]  # layout, items


@pytest.mark.parametrize(
    "layout, message",
    [
        ("nope", "--layout: layout 'nope' is not one gm-graph reads (use one of: article-bullets, bare-lines,"),
        ("table", "excerpt.md:1: the layout table (named for source excerpt) reads no use case from this list"),
    ],
)
def test_add_source_refuses_an_unknown_or_empty_layout_and_changes_nothing(project, layout, message):
    before = (project / "data" / "sources.toml").read_text()
    new = project / "excerpt.md"
    new.write_text(EXCERPT)
    code, out, _ = run("add-source", str(new), "--root", str(project), "--layout", layout)
    assert code == 2 and message in one_line_error(out)
    assert (project / "data" / "sources.toml").read_text() == before
    assert not (project / "data" / "sources" / "excerpt.md").exists()


def test_a_manifest_layout_gm_graph_lacks_names_the_manifest_line(project):
    manifest = project / "data" / "sources.toml"
    text = manifest.read_text()
    first = text.index("\n[[source]]\n") + 1  # the first table (the header comments name it too)
    line = text[:first].count("\n") + 1
    manifest.write_text(text[:first] + text[first:].replace("\nsha256", '\nlayout = "wiki-table"\nsha256', 1))
    code, out, _ = run("build", "-q", "--root", str(project))
    err = one_line_error(out)
    assert code == 2 and f"sources.toml:{line}: layout 'wiki-table' is not one gm-graph reads" in err


def test_the_layout_names_in_add_source_help_are_the_ingesters():
    from gm_graph.cli import LAYOUTS
    from gm_graph.ingest import REGISTRY

    assert list(LAYOUTS) == sorted(REGISTRY)
    code, out, _ = run("add-source", "--help")
    assert code == 0 and "slide-outline" in out and "--layout NAME" in out


@pytest.mark.parametrize(
    "name, text",
    [("title-only.md", "# Generative media use cases\n"), ("notes.org", "#+TITLE: Ideas\n"), ("guide.rst", "Use cases\n=========\n")],
)
def test_add_source_refuses_a_file_that_reads_no_use_case(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    folder = tmp_path / "new-project"
    folder.mkdir()
    code, out, _ = run("add-source", str(path), "--root", str(folder))
    assert code == 2
    assert "no use case was read from it" in one_line_error(out)
    assert not (folder / "data").exists()  # nothing written
