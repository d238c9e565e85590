"""The table layout: CSV, TSV and Markdown pipe tables with a header row.

Expected values were read off the fixture files in tests/data/layouts/ (`cat -n FILE`) and
the small tables written inline below, not copied from the program.
"""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gm_graph.ingest import REGISTRY, detect, read_text, split_lists
from gm_graph.ingest.base import Segment
from gm_graph.ingest.table import COLUMNS, HEADER_FIRST, Table, column_role, columns, pipe_cells

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"
ING = Table()


def fixture(name: str) -> Segment:
    lines = (LAYOUTS / name).read_text(encoding="utf-8").splitlines()
    return Segment("test-" + name.split(".")[0], name, f"tests/data/layouts/{name}", 1, lines)


def doc(*lines: str) -> Segment:
    return Segment("test-doc", "test", "test.csv", 1, list(lines))


def rows(result):
    """(line, label, description, heading texts) of every item."""
    return [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in result.items]


def skips(result):
    return [(s.line, s.reason) for s in result.skipped]


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_fixture():
    seg = fixture("use-cases.csv")
    ingester, score = detect(seg)
    assert ingester.name == "table" and score == HEADER_FIRST
    r = ING.parse(seg)
    assert r.layout == "table"
    # One level-1 heading per distinct Industry value, at the first row holding it.
    assert [(h.line, h.level, h.text) for h in r.headings] == [(2, 1, "Healthcare"), (4, 1, "Retail"), (8, 1, "Media")]
    assert r.headings[0].verbatim == seg.lines[1]
    assert rows(r) == [
        (2, "Medical imaging", "Synthetic MRI scans for training diagnostic models; Tools: MONAI, Stable Diffusion", ["Healthcare"]),
        (3, "Patient education", "Animated explainers of procedures, in many languages; Tools: Synthesia", ["Healthcare"]),
        (4, "Virtual try-on", "Shoppers see clothes on themselves", ["Retail"]),
        # A quoted field over lines 6-7: the row's line is where it starts; the line break is a space.
        (6, "Brand mascots", "Characters drawn for campaigns across every channel; Tools: Midjourney", []),
        (8, "Dubbing", "Lip-synced voices in other languages; Tools: ElevenLabs, HeyGen", ["Media"]),
    ]
    assert r.items[3].verbatim == ',Brand mascots,"Characters drawn for campaigns'
    # Line 9 repeats line 4: one item, stated twice.
    assert r.items[2].also_lines == (9,) and r.duplicates == 1
    assert skips(r) == [(1, "section label"), (5, "empty row")]


# --- TSV ---------------------------------------------------------------------------------------


def test_tsv_fixture_with_two_section_columns():
    seg = fixture("use-cases.tsv")
    ingester, score = detect(seg)
    assert ingester.name == "table" and score == HEADER_FIRST
    r = ING.parse(seg)
    # "Sector" gives level 1, "Media type" level 2 under it; "Video" under Advertising and
    # under Education are two headings, each at its first row.
    assert [(h.line, h.level, h.text) for h in r.headings] == [
        (2, 1, "Advertising"),
        (2, 2, "Image"),
        (3, 2, "Video"),
        (4, 1, "Education"),
        (4, 2, "Video"),
        (5, 2, "Audio"),
    ]
    assert rows(r) == [
        (2, "Banner variants", "Dozens of sizes from one brief", ["Advertising", "Image"]),
        (3, "Product teasers", "Six-second clips for social feeds", ["Advertising", "Video"]),
        (4, "Lecture avatars", "A synthetic presenter reads the script", ["Education", "Video"]),
        (5, "Course narration", "", ["Education", "Audio"]),
    ]
    assert skips(r) == [(1, "section label")]


# --- Markdown ----------------------------------------------------------------------------------


def test_markdown_tables_fixture():
    seg = fixture("use-cases-table.md")
    ingester, score = detect(seg)
    assert ingester.name == "table"
    # The tables do not open the file: 0.4 + 0.5 x share of table and heading lines. Of the
    # 16 non-blank lines, 11 are table lines (7-10, 14-17, 21-23) and 4 are headings (1, 5,
    # 12, 19): 0.4 + 0.5 * 15/16 = 0.86875.
    assert score == 0.869
    r = ING.parse(seg)
    # "#" is used once over "##" sections: the title.
    assert [(h.line, h.level, h.text) for h in r.headings] == [(5, 1, "Design"), (12, 1, "Video")]
    assert rows(r) == [
        (9, "Logo drafts", "Early logo directions for review; Tools: Midjourney", ["Design"]),
        (10, "Icon sets", "Consistent icons in one style; Tools: Recraft | Firefly", ["Design"]),  # "\|" is a pipe
        (16, "Explainer videos", "Two-minute product explainers", ["Video"]),  # "Example" is a description column
    ]
    assert skips(r) == [
        (1, "title"),
        (3, "preamble"),
        (7, "section label"),
        (8, "separator"),
        (14, "section label"),
        (15, "separator"),
        (17, "empty row"),
        (19, "article text"),  # "## Sources" and its table are not use cases
        (21, "article text"),
        (22, "article text"),
        (23, "article text"),
    ]


def test_markdown_table_first_and_sections_nest_under_headings():
    seg = doc(
        "| Use case | Industry |",
        "|:--|--:|",
        "| Try-on | Retail |",
        "| Imaging | Health |",
        "",
        "Some words after.",
    )
    assert ING.detect(seg) == HEADER_FIRST
    r = ING.parse(seg)
    assert rows(r) == [(3, "Try-on", "", ["Retail"]), (4, "Imaging", "", ["Health"])]
    assert skips(r) == [(1, "section label"), (2, "separator"), (6, "article text")]

    r = ING.parse(doc("## Part one", "| Use case | Industry |", "|---|---|", "| Try-on | Retail |"))
    assert [(h.text, h.level) for h in r.items[0].headings] == [("Part one", 1), ("Retail", 2)]


def test_labelled_bullets_under_headings_of_a_table_document_are_items():
    seg = doc(
        "- Loose: a bullet before any heading",  # 1
        "## In production",  # 2
        "| Use case | Industry |",  # 3
        "|---|---|",  # 4
        "| Try-on | Retail |",  # 5
        "## Quick hits",  # 6
        "\u2022 Photo animation \u2014 Old photos brought to life.",  # 7
        "- **Relighting** of product photos",  # 8
        "- a bullet that is only a remark about the week",  # 9
        "- [A guide to labels](https://example.com/guide) \u2014 short and useful",  # 10
        "## Sponsored",  # 11
        "- PixelForge: 30% off this week",  # 12
    )
    r = ING.parse(seg)
    assert rows(r) == [
        (5, "Try-on", "", ["In production", "Retail"]),
        (7, "Photo animation", "Old photos brought to life.", ["Quick hits"]),
        (8, "Relighting of product photos", "", ["Quick hits"]),  # the markdown-bold rule: bold + rest
    ]
    assert skips(r) == [
        (1, "preamble"), (3, "section label"), (4, "separator"),
        (9, "article text"), (10, "link"), (11, "advertisement"), (12, "advertisement"),
    ]


def test_table_without_label_column_is_not_read():
    seg = doc("## Notes", "| Tool | Use |", "|---|---|", "| Runway | editing |")
    assert ING.detect(seg) == 0.0
    r = ING.parse(seg)
    assert r.items == []
    assert [h.text for h in r.headings] == ["Notes"]
    assert skips(r) == [(2, "article text"), (3, "article text"), (4, "article text")]


# --- columns -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Use case", "label"),
        ("USE_CASE", "label"),
        ("use-cases", "label"),
        ("**Application**", "label"),
        ("Name", "label"),
        ("Description", "description"),
        ("Example", "description"),
        ("Details", "description"),
        ("Industries", "section"),
        ("Media type", "section"),
        ("Modality", "section"),
        ("Tools", "tools"),
        ("Examples of tools", "tools"),
        ("Models", "tools"),
        ("Price", None),
    ],
)
def test_column_roles(header, role):
    assert column_role(header) == role


def test_columns_need_a_label_and_take_the_first_of_each():
    assert columns(["Description", "Tools"]) is None
    assert columns(["Use case"]) is None  # one column is no table
    cols = columns(["Industry", "Use case", "Name", "Category", "Domain", "Summary", "Example", "Tools"])
    assert cols == {"section": [0, 3], "label": [1], "description": [5, 6], "tools": [7]}
    assert set(COLUMNS) == {"label", "description", "section", "tools"}


def test_a_first_category_column_names_the_use_cases_when_no_column_is_labelled():
    # A university page's "Category | How it works | Examples" table (sweep of session 9)
    assert columns(["Category", "How it works", "Examples"]) == {"label": [0], "section": [], "description": [1, 2]}
    r = ING.parse(doc("| Category | How it works | Examples |", "|---|---|---|", "| Fashion design | Sketches from text | A brand's design tool |"))
    assert rows(r) == [(3, "Fashion design", "Sketches from text; Examples: A brand's design tool", [])]
    # an industry or media column alone is still no label column: rows would be industries
    assert columns(["Industry", "Description"]) is None
    assert columns(["Media type", "How it works"]) is None


def test_extra_description_columns_are_labelled():
    r = ING.parse(doc("Use case,Description,Example", "Try-on,Clothes on you,Zara app"))
    assert r.items[0].description == "Clothes on you; Example: Zara app"


def test_pipe_cells():
    assert pipe_cells("| a | b \\| c |  |") == ["a", "b | c", ""]
    assert pipe_cells("a | b") == ["a", "b"]


# --- detection ---------------------------------------------------------------------------------


def test_delimiters_and_consistency():
    assert ING.detect(doc("Use case;Beschreibung;Branche", "Produktfotos;Studio;Handel", "Video;Lehre;Bildung")) == HEADER_FIRST
    assert ING.detect(doc("Industry | Use case | Notes", "Retail | Try-on | x", "Health | Imaging | y")) == HEADER_FIRST
    # Rows that mostly do not match the header's width: not a table.
    assert ING.detect(doc("Use case,Description", "a,b,c,d", "e", "f,g,h", "i,j")) < 0.5
    # A header alone, or a first line that is no header.
    assert ING.detect(doc("Use case,Description")) == 0.0
    assert ING.detect(doc("Use cases, grouped by industry", "- Try-on: clothes", "- Imaging, scans, and more")) < 0.5
    assert ING.detect(doc("Generative media, 2024", "a,b", "c,d")) == 0.0
    # A Markdown heading with a comma is no CSV header; the pipe table under it is read:
    # 3 table lines and 1 heading of 4 lines, 0.4 + 0.5 * 4/4.
    md = doc("# Use cases, by industry", "| Use case | Industry |", "|---|---|", "| Try-on | Retail |")
    assert ING.detect(md) == 0.9
    assert rows(ING.parse(md)) == [(4, "Try-on", "", ["Use cases, by industry", "Retail"])]


def test_real_sources_are_not_tables(sources):
    scores = {}
    for src in sources:
        for seg in split_lists(src, read_text(src.path), src.file):
            if seg.source:
                scores[seg.source] = REGISTRY["table"].detect(seg)
    assert len(scores) == 6
    assert all(score < 0.5 for score in scores.values()), scores


# --- end to end --------------------------------------------------------------------------------


def test_new_csv_source_is_built_and_queryable(repo_root, tmp_path):
    from gm_graph.cli import main

    for name in ("data", "ontology", "queries"):
        shutil.copytree(repo_root / name, tmp_path / name)
    source = LAYOUTS / "use-cases.csv"
    shutil.copy(source, tmp_path / "data" / "sources" / "use-cases.csv")
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    with open(tmp_path / "data" / "sources.toml", "a", encoding="utf-8") as fh:
        fh.write(
            "\n[[source]]\n"
            'id = "use-cases-csv"\n'
            'file = "sources/use-cases.csv"\n'
            'title = "Use cases as a spreadsheet"\n'
            'format = "text/csv"\n'
            'author_kind = "analyst"\n'
            f'sha256 = "{sha}"\n'
        )
    runner = CliRunner()
    built = runner.invoke(main, ["build", "--root", str(tmp_path)])
    assert built.exit_code == 0, built.output
    assert "use-cases-csv: empty row 1, section label 1" in built.output
    out = runner.invoke(main, ["query", str(tmp_path / "queries" / "source-items.rq"), "--format", "csv", "--root", str(tmp_path)])
    assert out.exit_code == 0, out.output
    mine = [r for r in csv.DictReader(io.StringIO(out.stdout)) if r["file"] == "data/sources/use-cases.csv"]
    assert [(int(r["line"]), r["label"]) for r in mine] == [
        (2, "Medical imaging"),
        (3, "Patient education"),
        (4, "Virtual try-on"),
        (6, "Brand mascots"),
        (8, "Dubbing"),
    ]
    assert all(r["usecase"].startswith("https://w3id.org/gm-graph/id/usecase/") for r in mine)


# --- JSON records ---------------------------------------------------------------------------------


def _json_segment(text: str) -> Segment:
    return Segment("test-json", "test", "test.json", 1, text.split("\n"))


def test_json_array_of_objects_one_per_line():
    from gm_graph.ingest import detect

    seg = _json_segment(
        "[\n"
        ' {"use_case": "Virtual staging", "industry": "Real estate", "description": "Furnish empty rooms", "tools": ["Midjourney", "DALL-E"]},\n'
        ' {"use_case": "Music generation", "industry": "Media", "description": "Background tracks"}\n'
        "]"
    )
    assert detect(seg)[0].name == "table"
    r = Table().parse(seg)
    assert [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in r.items] == [
        (2, "Virtual staging", "Furnish empty rooms; Tools: Midjourney, DALL-E", ["Real estate"]),
        (3, "Music generation", "Background tracks", ["Media"]),
    ]
    assert [(s.line, s.reason) for s in r.skipped] == [(1, "json syntax"), (4, "json syntax")]


def test_json_records_under_a_key_pretty_printed_take_the_label_line():
    seg = _json_segment(
        '{\n  "title": "Use cases",\n  "use_cases": [\n    {\n      "category": "Retail",\n      "name": "Virtual try-on"\n    },\n'
        '    {\n      "name": "De-aging",\n      "category": "Film"\n    }\n  ]\n}'
    )
    r = Table().parse(seg)
    assert [(i.line, i.label, [h.text for h in i.headings]) for i in r.items] == [(6, "Virtual try-on", ["Retail"]), (9, "De-aging", ["Film"])]
    assert 6 not in [s.line for s in r.skipped] and 5 in [s.line for s in r.skipped]


def test_json_without_records_is_not_a_table():
    assert Table().detect(_json_segment('{"name": "x", "items": [1, 2]}')) == 0.0
    assert Table().detect(_json_segment('[{"colour": "red"}]')) == 0.0  # no label key
    assert Table().detect(_json_segment('[{"name": "x"')) == 0.0  # malformed


def test_malformed_json_is_refused_naming_its_line():
    from gm_graph.errors import GmError
    from gm_graph.ingest import detect

    seg = Segment("test-json", "test", "bad.json", 1, ["[", ' {"use_case": "A"},', ' {"use_case": "B",}', "]"])
    with pytest.raises(GmError) as err:
        detect(seg)
    assert err.value.where == "bad.json:3"
    assert "looks like JSON but does not parse" in err.value.problem
    assert "json.tool" in err.value.fix


def test_json_without_a_label_key_is_refused_saying_what_shape_to_give():
    from gm_graph.errors import GmError
    from gm_graph.ingest import detect

    with pytest.raises(GmError) as err:
        detect(Segment("test-json", "test", "c.json", 1, ['{"colours": ["red"]}']))
    assert err.value.where == "c.json:1"
    assert "no array of objects with a use case / name / title key" in err.value.problem


# --- Key: value records ---------------------------------------------------------------------------


def test_key_value_records_parted_by_blank_lines():
    from gm_graph.ingest import detect

    seg = Segment(
        "test-kv",
        "test",
        "records.txt",
        1,
        [
            "Use Case: Virtual try-on",
            "Description: See clothes on you",
            "Industry: Retail",
            "Maturity: high",
            "",
            "Use Case: De-aging",
            "Description: Make actors younger",
            "Industry: Film",
            "",
            "**Use case:** Texture generation",
            "**Tools:** Midjourney",
        ],
    )
    assert detect(seg)[0].name == "table"
    r = Table().parse(seg)
    assert [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in r.items] == [
        (1, "Virtual try-on", "See clothes on you", ["Retail"]),
        (6, "De-aging", "Make actors younger", ["Film"]),
        (10, "Texture generation", "Tools: Midjourney", []),
    ]
    assert [(s.line, s.reason) for s in r.skipped] == [(4, "unread field")]


def test_label_description_lines_are_not_records():
    # A list of "Label: description" lines has no use-case key: plain-list reads it.
    seg = Segment("test-kv", "test", "l.txt", 1, ["Virtual try-on: see clothes", "De-aging: younger actors", "", "Music: tracks", "Avatars: presenters"])
    assert Table().detect(seg) == 0.0
