"""Org-mode and reStructuredText lists: rendered line for line to Markdown, so the layouts read
them and items keep the line of the file where they are written.

Expected values were read off the fixtures with `cat -n` (tests/data/layouts/use-cases.org,
use-cases.rst) and the small texts written inline, not copied from the program.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from gm_graph.cli import main
from gm_graph.ingest import read_source, read_text
from gm_graph.ingest.markup import looks_like_org, org_lines, rst_lines
from gm_graph.manifest import Source, load_manifest

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"
ORG = LAYOUTS / "use-cases.org"
RST = LAYOUTS / "use-cases.rst"


def parse(path: Path):
    src = Source("test-markup", path.resolve(), path.name, "test", "text/plain", "analyst", "0" * 64)
    results, outside = read_source(src, path.parent)
    assert len(results) == 1 and not outside
    return results[0]


def items(path: Path) -> list[tuple[int, str, str, str | None]]:
    return [(it.line, it.label, it.description, it.parent.label if it.parent else None) for it in parse(path).items]


# -- org mode ------------------------------------------------------------------------------


def test_org_rendering_keeps_the_file_s_lines():
    text = ORG.read_text(encoding="utf-8")
    lines = org_lines(text)
    assert len(lines) == len(text.splitlines())
    assert read_text(ORG) == lines
    # The title keyword is the page title; other keywords and the comment line are empty.
    assert lines[0] == "# Where generative media fits our clients"
    assert lines[1:6] == ["", "", "", "", ""]
    # A headline with headlines under it is a section, one level under the title, with its
    # statistics cookie dropped.
    assert lines[9] == "## Retail"
    assert lines[21] == "## Film and TV"
    # The property drawer, the planning line and the source block are empty.
    assert lines[12:15] == ["", "", ""]
    assert lines[16] == ""
    assert lines[29:32] == ["", "", ""]


def test_org_leaf_headlines_become_items_with_their_first_paragraph():
    lines = org_lines(ORG.read_text(encoding="utf-8"))
    # TODO keywords declared by '#+TODO:', the priority cookie and the tags are dropped.
    assert lines[10] == "- **Virtual try-on**: Shoppers see a garment on a photo of themselves before they buy."
    # /italic/ keeps its text; the second paragraph (line 20) is left out of the item.
    assert lines[15] == "- **Lifestyle product scenes**: Place packshots in generated kitchen or garden settings."
    assert lines[19] == ""
    assert lines[20] == "- **Size-inclusive model imagery**"
    # An indented body is the paragraph; a quote block is not part of the description.
    assert lines[22] == "- **Previsualization**: Rough animated versions of scenes, straight from the script."
    assert lines[24] == "- **De-aging actors**"
    assert lines[26] == ""
    # A headline over a source block only stays a heading.
    assert lines[28] == "### Example prompt"
    # "Introduction" is a top-level leaf in a file whose other top-level headlines are
    # sections: it stays a heading (and the layouts skip it).
    assert lines[6] == "## Introduction"
    assert lines[7] == "We sorted the ideas from the workshop by industry. Links: workshop board."


def test_org_description_and_checkbox_lists():
    lines = org_lines(ORG.read_text(encoding="utf-8"))
    assert lines[33:37] == [
        "- **Voice cloning**: a narrator's voice for audiobooks",
        "- **Podcast intros**: short generated jingles",
        "- Sound effects on demand",
        "  - Foley for indie games",
    ]


def test_org_file_items_and_lines():
    assert items(ORG) == [
        (11, "Virtual try-on", "Shoppers see a garment on a photo of themselves before they buy.", None),
        (16, "Lifestyle product scenes", "Place packshots in generated kitchen or garden settings.", None),
        (21, "Size-inclusive model imagery", "", None),
        (23, "Previsualization", "Rough animated versions of scenes, straight from the script.", None),
        (25, "De-aging actors", "", None),
        (34, "Voice cloning", "a narrator's voice for audiobooks", None),
        (35, "Podcast intros", "short generated jingles", None),
        (36, "Sound effects on demand", "", None),
        (37, "Foley for indie games", "", "Sound effects on demand"),
    ]
    result = parse(ORG)
    assert [h.text for h in result.items[0].headings] == ["Retail"]
    assert [h.text for h in result.items[3].headings] == ["Film and TV"]
    # The verbatim text of an item read from org is the rendered line.
    assert result.items[5].verbatim == "- **Voice cloning**: a narrator's voice for audiobooks"


def test_flat_org_file_of_top_level_use_cases():
    text = "\n".join(
        [
            "#+TITLE: Ideas",
            "* Virtual staging",
            "Furnish empty rooms in listing photos.",
            "* DONE Floor-plan walkthroughs :video:",
            "* Drone-style flyovers",
            "",
        ]
    )
    assert org_lines(text) == [
        "# Ideas",
        "- **Virtual staging**: Furnish empty rooms in listing photos.",
        "",
        "- **Floor-plan walkthroughs**",
        "- **Drone-style flyovers**",
    ]


def test_org_detected_by_its_keywords_without_the_suffix(tmp_path):
    text = "#+TITLE: Ideas\n\n* Retail\n** Virtual try-on\n** Product photos\n** Ad variants\n"
    assert looks_like_org(text)
    assert not looks_like_org("# Ideas\n\n- Virtual try-on\n")
    assert not looks_like_org("#+TITLE: no headline at all\n")
    path = tmp_path / "ideas.txt"
    path.write_text(text, encoding="utf-8")
    assert [(line, label) for line, label, *_ in items(path)] == [(4, "Virtual try-on"), (5, "Product photos"), (6, "Ad variants")]


# -- reStructuredText ------------------------------------------------------------------------


def test_rst_rendering_keeps_the_file_s_lines():
    text = RST.read_text(encoding="utf-8")
    lines = rst_lines(text)
    assert len(lines) == len(text.splitlines())
    assert read_text(RST) == lines
    # Over- and underlined title, then '=' underlined sections, then '-' ones: three levels,
    # in the order the styles first appear. Adornment lines are empty.
    assert lines[0:3] == ["", "# Generative media: a field guide", ""]
    assert lines[9:11] == ["## Introduction", ""]
    assert lines[14] == "## Marketing"
    assert lines[34] == "### Games"
    # Field list lines read like 'Author: ...' metadata; the contents directive is empty.
    assert lines[4:6] == ["Author: Research team", "Date: 2026-10-01"]
    assert lines[7] == ""
    # A hyperlink keeps its text.
    assert lines[12] == "A short survey of what teams do with generative models. See our blog."


def test_rst_lists_definitions_directives_and_literal_blocks():
    lines = rst_lines(RST.read_text(encoding="utf-8"))
    assert lines[17:19] == [
        "- **Ad variants** - dozens of versions of one banner for A/B tests.",
        "- **Product shots** - studio-quality product photos without a shoot.",
    ]
    # A definition-list item is one bullet on its term's line; its definition lines are empty.
    assert lines[23] == "- **Previsualization**: Rough animated shots from the script before the shoot, so the crew can plan."
    assert lines[24:26] == ["", ""]
    assert lines[27] == "- **De-aging**: Making actors look younger in flashback scenes."
    # The note directive and its body are empty.
    assert lines[29:33] == ["", "", "", ""]
    # Auto-numbered items; ``literal`` keeps its text.
    assert lines[37:39] == ["1. Texture generation for 3D assets", "1. NPC dialogue with voice synthesis"]
    # A paragraph ending in '::' keeps its text; the literal block and the comment are empty.
    assert lines[40] == "A prompt we used:"
    assert lines[41:] == ["", "", "", ""]


def test_rst_file_items_and_lines():
    assert items(RST) == [
        (18, "Ad variants", "dozens of versions of one banner for A/B tests.", None),
        (19, "Product shots", "studio-quality product photos without a shoot.", None),
        (24, "Previsualization", "Rough animated shots from the script before the shoot, so the crew can plan.", None),
        (28, "De-aging", "Making actors look younger in flashback scenes.", None),
        (38, "Texture generation for 3D assets", "", None),
        (39, "NPC dialogue with voice synthesis", "", None),
    ]
    result = parse(RST)
    assert [h.text for h in result.items[2].headings] == ["Film and video"]
    assert [h.text for h in result.items[4].headings] == ["Film and video", "Games"]


def test_rst_underline_only_title_and_nested_bullets():
    text = "\n".join(
        [
            "Use cases",
            "#########",
            "",
            "- Virtual try-on",
            "",
            "  - Eyewear try-on",
            "- Product photos",
            "",
        ]
    )
    assert rst_lines(text) == ["# Use cases", "", "", "- Virtual try-on", "", "  - Eyewear try-on", "- Product photos"]


# -- end to end --------------------------------------------------------------------------------


def test_add_source_and_build_an_org_and_an_rst_list(tmp_path):
    runner = CliRunner()
    project = tmp_path / "project"
    project.mkdir()
    said = []
    for path in (ORG, RST):
        result = runner.invoke(main, ["add-source", str(path), "--root", str(project), "--id", path.suffix[1:]])
        assert result.exit_code == 0, result.output
        said.append(result.output)
    assert "read 9 use cases (markdown-bold)" in said[0]
    assert "read 6 use cases (markdown-bold)" in said[1]
    formats = {s.id: s.format for s in load_manifest(project / "data" / "sources.toml")}
    assert formats == {"org": "text/x-org", "rst": "text/x-rst"}
    result = runner.invoke(main, ["build", "-q", "--root", str(project)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["query", "--root", str(project), "queries/source-items.rq", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = {tuple(line.split(",")[:3]) for line in result.output.splitlines()[1:]}
    assert ("data/sources/use-cases.org", "25", "De-aging actors") in rows
    assert ("data/sources/use-cases.rst", "24", "Previsualization") in rows
    assert len(rows) == 15
