"""Word documents (.docx): rendered to Markdown lines, one per paragraph, so the layouts read
them and an item's line is the number of its paragraph in the document.

The real document, tests/data/layouts/use-cases-word.docx, was made once from the Markdown
next to it (use-cases-word.md) with `pandoc use-cases-word.md -o use-cases-word.docx`
(pandoc 2.17.1.1); pandoc is not needed to run these tests. Its expected lines were read
off its word/document.xml (`unzip -p use-cases-word.docx word/document.xml`), counting the
<w:p> elements from the top: 1 the title, 2 the intro, 3 "Marketing", 4-6 its bullets,
7 "Learning & Training", 8-10 the numbered list, 11 "Games", 12-23 the 4 x 3 table (three
cells of one paragraph per row: the header row is 12-14, then 15-17, 18-20, 21-23),
24 "Film & Post-production", 25-28 its bullets (26 nested), 29 "Open questions", 30 its bullet.

The other documents are built in the tests from hand-written WordprocessingML.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from gm_graph.errors import GmError
from gm_graph.ingest import read_source, read_text
from gm_graph.ingest.docx import NotWord, is_docx, markdown_lines
from gm_graph.manifest import Source

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"
FIXTURE = LAYOUTS / "use-cases-word.docx"
WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# -- building small documents -------------------------------------------------------------


def r(text: str, *props: str) -> str:
    """A run; ``props`` are run properties such as ``"<w:b/>"``."""
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def b(text: str) -> str:
    return r(text, "<w:b/>")


def p(*runs: str, style: str | None = None, num: str | None = None, ilvl: int | None = None) -> str:
    """A paragraph of runs (plain strings become plain runs)."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        props += f'<w:numPr>{level}<w:numId w:val="{num}"/></w:numPr>'
    content = "".join(x if x.startswith("<") else r(x) for x in runs)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{content}</w:p>"


def tc(*paragraphs: str, props: str = "") -> str:
    body = "".join(x if x.startswith("<w:p") or x.startswith("<w:tbl") else p(x) for x in paragraphs) or "<w:p/>"
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{body}</w:tc>"


def tr(*cells: str) -> str:
    return "<w:tr>" + "".join(c if c.startswith("<w:tc") else tc(c) for c in cells) + "</w:tr>"


def tbl(*rows: str) -> str:
    return "<w:tbl><w:tblPr/>" + "".join(rows) + "</w:tbl>"


STYLES = (
    # Ids as a German Word writes them, names in English as Word stores them.
    '<w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="H3"><w:name w:val="Heading 3"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Section head"/><w:basedOn w:val="berschrift2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Deep"><w:name w:val="heading 8"/></w:style>'
    # An id that looks like a heading on a style that is not one.
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Quote"/></w:style>'
    # A list style: its paragraphs are bullets of list 7 without a w:numPr of their own.
    '<w:style w:type="paragraph" w:styleId="Aufzhlung"><w:name w:val="List Bullet"/>'
    '<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Aufzhlung2"><w:name w:val="List Bullet 2"/>'
    '<w:basedOn w:val="Aufzhlung"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="character" w:styleId="Fett"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="NichtFett"><w:name w:val="Plain"/><w:basedOn w:val="Fett"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>'
)


def lvl(ilvl: int, fmt: str, start: int | None = 1) -> str:
    begin = f'<w:start w:val="{start}"/>' if start is not None else ""
    return f'<w:lvl w:ilvl="{ilvl}">{begin}<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl>'


NUMBERING = (
    f'<w:abstractNum w:abstractNumId="0">{lvl(0, "bullet")}{lvl(1, "bullet")}</w:abstractNum>'
    f'<w:abstractNum w:abstractNumId="1">{lvl(0, "decimal")}{lvl(1, "lowerLetter")}{lvl(2, "lowerRoman")}</w:abstractNum>'
    f'<w:abstractNum w:abstractNumId="2">{lvl(0, "decimal", 3)}{lvl(1, "none")}</w:abstractNum>'
    f'<w:abstractNum w:abstractNumId="3">{lvl(0, "decimal", None)}</w:abstractNum>'
    # A definition kept in a numbering style (w:numStyleLink), as Word writes custom list styles.
    '<w:abstractNum w:abstractNumId="4"><w:numStyleLink w:val="OutlineList"/></w:abstractNum>'
    f'<w:abstractNum w:abstractNumId="5"><w:styleLink w:val="OutlineList"/>{lvl(0, "upperLetter")}</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>'
    f'<w:num w:numId="6"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">{lvl(0, "decimal")}</w:lvlOverride></w:num>'
    '<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="8"><w:abstractNumId w:val="4"/></w:num>'
    '<w:num w:numId="9"><w:abstractNumId w:val="5"/></w:num>'
)
NUMBERING_STYLES = '<w:style w:type="numbering" w:styleId="OutlineList"><w:name w:val="Outline List"/><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>'


def docx_bytes(body: str, styles: str | None = STYLES, numbering: str | None = NUMBERING, ns: str = NS) -> bytes:
    """A .docx holding ``body`` (and styles / numbering parts unless ``None``)."""
    head = f'xmlns:w="{ns}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {head}><w:body>{body}<w:sectPr/></w:body></w:document>')
        if styles is not None:
            z.writestr("word/styles.xml", f'<w:styles xmlns:w="{ns}">{styles}{NUMBERING_STYLES}</w:styles>')
        if numbering is not None:
            z.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{ns}">{numbering}</w:numbering>')
    return buffer.getvalue()


def render(*paragraphs: str, **kw) -> list[str]:
    return markdown_lines(docx_bytes("".join(paragraphs), **kw))


def write(tmp_path: Path, name: str, *paragraphs: str) -> Path:
    path = tmp_path / name
    path.write_bytes(docx_bytes("".join(paragraphs)))
    return path


def source(path: Path, sid: str = "test-docx") -> Source:
    return Source(sid, path.resolve(), path.name, "test", WORD_TYPE, "analyst", "0" * 64)


def parse(path: Path):
    results, outside = read_source(source(path), path.parent)
    assert len(results) == 1 and not outside
    return results[0]


def numbered(lines: list[str]) -> list[tuple[int, str]]:
    return [(n, t) for n, t in enumerate(lines, 1) if t]


# -- the real document --------------------------------------------------------------------


def test_the_fixture_renders_one_line_per_paragraph():
    data = FIXTURE.read_bytes()
    lines = read_text(FIXTURE)
    assert lines == markdown_lines(data)
    document = zipfile.ZipFile(FIXTURE).read("word/document.xml")
    assert len(lines) == len(re.findall(rb"<w:p[ >/]", document)) == 30
    filler = "| | | |"
    assert lines == [
        "# Generative media at Harbour Studio",
        "Notes from the production planning day: where generated images, audio and video already save us time, by team.",
        "## Marketing",
        "- **Seasonal campaign variants:** one approved key visual redrawn for each season and region.",
        "- **Product shots on demand:** catalogue photos of new stock generated from a single packshot.",
        "- **Voice-over drafts:** a synthetic narrator reads the script so the edit can be timed before the studio session.",
        "## Learning & Training",
        "1. **Course avatars:** a presenter avatar delivers the same module in eight languages.",
        "2. **Diagram redraws:** sketches from subject experts turned into clean teaching diagrams.",
        "3. **Podcast summaries:** a short audio recap of each chapter for learners on the move.",
        "## Games",
        "| Use case | Description | Tools |",  # 12: the header row's first cell
        "| --- | --- | --- |",  # 13: its second cell
        filler,  # 14: its third cell
        "| Terrain textures | Tileable ground and rock materials from a prompt | Material Maker |",
        filler,
        filler,
        "| Ambient chatter | Background lines for crowds in the market town | ElevenLabs |",
        filler,
        filler,
        "| Concept sheets | Character turnarounds for the art director’s review | Midjourney |",
        "",  # 22, 23: the last row's other cells
        "",
        "## Film & Post-production",
        "- **Storyboard frames:** rough frames for every shot in the script.",
        "  - **Animatics:** the frames cut to the temp track with simple camera moves.",
        "- **Crowd extension:** a few extras multiplied into a stadium audience.",
        "- **Clean plates:** rigs, wires and crew painted out of the background.",
        "## Open questions",
        "- Who signs off on likeness rights for the avatars?",
    ]


def test_the_fixture_s_use_cases_with_their_paragraph_numbers():
    result = parse(FIXTURE)
    assert result.layout == "table"
    got = [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in result.items]
    assert got == [
        (4, "Seasonal campaign variants", "one approved key visual redrawn for each season and region.", ["Marketing"]),
        (5, "Product shots on demand", "catalogue photos of new stock generated from a single packshot.", ["Marketing"]),
        (6, "Voice-over drafts", "a synthetic narrator reads the script so the edit can be timed before the studio session.", ["Marketing"]),
        (8, "Course avatars", "a presenter avatar delivers the same module in eight languages.", ["Learning & Training"]),
        (9, "Diagram redraws", "sketches from subject experts turned into clean teaching diagrams.", ["Learning & Training"]),
        (10, "Podcast summaries", "a short audio recap of each chapter for learners on the move.", ["Learning & Training"]),
        (15, "Terrain textures", "Tileable ground and rock materials from a prompt; Tools: Material Maker", ["Games"]),
        (18, "Ambient chatter", "Background lines for crowds in the market town; Tools: ElevenLabs", ["Games"]),
        (21, "Concept sheets", "Character turnarounds for the art director’s review; Tools: Midjourney", ["Games"]),
        (25, "Storyboard frames", "rough frames for every shot in the script.", ["Film & Post-production"]),
        (26, "Animatics", "the frames cut to the temp track with simple camera moves.", ["Film & Post-production"]),
        (27, "Crowd extension", "a few extras multiplied into a stadium audience.", ["Film & Post-production"]),
        (28, "Clean plates", "rigs, wires and crew painted out of the background.", ["Film & Post-production"]),
    ]
    assert [(h.line, h.text) for h in result.headings] == [
        (3, "Marketing"), (7, "Learning & Training"), (11, "Games"), (24, "Film & Post-production"),
    ]
    # The verbatim text of an item is the line rendered for its paragraph (or table row).
    assert result.items[3].verbatim == "1. **Course avatars:** a presenter avatar delivers the same module in eight languages."
    assert result.items[6].verbatim == "| Terrain textures | Tileable ground and rock materials from a prompt | Material Maker |"
    assert [(s.line, s.reason) for s in result.skipped] == [
        (1, "title"), (2, "preamble"), (12, "section label"), (13, "separator"),
        (14, "empty row"), (16, "empty row"), (17, "empty row"), (19, "empty row"), (20, "empty row"),
        (29, "article text"), (30, "article text"),  # "Open questions" holds no use cases
    ]


# -- paragraphs, headings and lists -------------------------------------------------------


def test_empty_paragraphs_count_so_line_n_is_paragraph_n():
    lines = render(p("First"), "<w:p/>", p(), p(r("   ")), p("Fifth"), "<w:p><w:pPr><w:pStyle w:val=\"berschrift1\"/></w:pPr></w:p>", p("Seventh"))
    assert lines == ["First", "", "", "", "Fifth", "", "Seventh"]


def test_headings_come_from_the_style_name_not_its_id():
    lines = render(
        p("Report", style="Titel"),
        p("Retail", style="berschrift1"),
        p("Try-on", style="berschrift2"),
        p("Details", style="H3"),
        p("Based on heading 2", style="Sub"),
        p("Very deep", style="Deep"),
        p("A quote, whatever its id says", style="Heading1"),
        p("A style that is not defined", style="Heading2"),
        p(b("Bold"), " heading", style="berschrift2"),
    )
    # A Title paragraph is "#" and puts the headings one level below it.
    assert lines == [
        "# Report",
        "## Retail",
        "### Try-on",
        "#### Details",
        "### Based on heading 2",
        "###### Very deep",  # heading 8: no deeper than 6
        "A quote, whatever its id says",
        "A style that is not defined",
        "### Bold heading",  # no ** inside a heading
    ]
    # Without a title, heading N is N times "#".
    assert render(p("Retail", style="berschrift1"), p("Try-on", style="berschrift2"), p("Details", style="H3")) == ["# Retail", "## Try-on", "### Details"]


def test_no_styles_part_means_no_headings():
    assert render(p("Retail", style="berschrift1"), p("text"), styles=None) == ["Retail", "text"]


def test_bullets_and_numbers_from_the_numbering_part():
    lines = render(
        p("Bullet one", num="1", ilvl=0),
        p("Nested bullet", num="1", ilvl=1),
        p("Bullet two", num="1"),  # no w:ilvl: level 0
        p("Step one", num="2", ilvl=0),
        p("Sub a", num="2", ilvl=1),
        p("Sub b", num="2", ilvl=1),
        p("Sub sub i", num="2", ilvl=2),
        p("Step two", num="2", ilvl=0),
        p("Sub a again", num="2", ilvl=1),  # a deeper level starts again under a new item
        p("A paragraph between the items"),
        p("Step three", num="2", ilvl=0),  # the list runs on across other paragraphs
        p("Overridden start", num="3", ilvl=0),
        p("Next", num="3", ilvl=0),
        p("Starts at three", num="4", ilvl=0),
        p("No marker at this level", num="4", ilvl=1),
        p("No w:start means 0", num="5"),
        p("Bullet list overridden to decimal", num="6"),
        p("Unknown list", num="99"),
        p("numId 0 is no list", num="0"),
        p("Linked through a numbering style", num="8"),
        p("Again", num="8"),
    )
    assert lines == [
        "- Bullet one",
        "  - Nested bullet",
        "- Bullet two",
        "1. Step one",
        "  1. Sub a",
        "  2. Sub b",
        "    1. Sub sub i",
        "2. Step two",
        "  1. Sub a again",
        "A paragraph between the items",
        "3. Step three",
        "5. Overridden start",
        "6. Next",
        "3. Starts at three",
        "No marker at this level",
        "0. No w:start means 0",
        "1. Bullet list overridden to decimal",
        "- Unknown list",
        "numId 0 is no list",
        "1. Linked through a numbering style",
        "2. Again",
    ]


def test_counters_are_per_list_and_empty_items_still_count():
    lines = render(
        p("A1", num="2"), p(num="2"), p("A3", num="2"),  # Word shows 2. on the empty item
        p("B1", num="3"),  # another list (starting at 5)
        p("A4", num="2"),
    )
    assert lines == ["1. A1", "", "3. A3", "5. B1", "4. A4"]


def test_a_list_style_gives_its_paragraphs_numbering():
    lines = render(p("From the style", style="Aufzhlung"), p("Level two from the style", style="Aufzhlung2"))
    assert lines == ["- From the style", "  - Level two from the style"]
    own = render('<w:p><w:pPr><w:pStyle w:val="Aufzhlung"/><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr>' + r("Own ilvl, style's list") + "</w:p>")
    assert own == ["  - Own ilvl, style's list"]
    removed = render('<w:p><w:pPr><w:pStyle w:val="Aufzhlung"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>' + r("Numbering removed") + "</w:p>")
    assert removed == ["Numbering removed"]


def test_no_numbering_part_means_bullets():
    assert render(p("One", num="2"), p("Two", num="2", ilvl=1), numbering=None) == ["- One", "  - Two"]


# -- bold -----------------------------------------------------------------------------------


def test_bold_runs_split_by_word_are_one_bold_label():
    lines = render(
        p(b("Vir"), b("tual "), b("try-on:"), r(" see clothes on yourself"), num="1"),
        p(b("Product"), r(" "), b("shots"), r(": from one packshot"), num="1"),  # plain space between bold runs
        p(r("Mood "), r(" ", "<w:b/>"), r("boards: concept art")),  # bold white space alone
        p(r("Label", "<w:b w:val=\"0\"/>"), r(": not bold"), r(" and ", "<w:b w:val=\"false\"/>"), r("off", '<w:b w:val="off"/>')),
        p(r("Strong style", '<w:rStyle w:val="Fett"/>'), r(": from the character style")),
        p(r("Style says bold, run says no", '<w:rStyle w:val="Fett"/>', '<w:b w:val="0"/>')),
        p(r("Based on bold, set plain", '<w:rStyle w:val="NichtFett"/>')),
        p(b(" Spaces inside "), r("the bold")),
        p(b("All bold")),
    )
    assert lines == [
        "- **Virtual try-on:** see clothes on yourself",
        "- **Product shots**: from one packshot",
        "Mood boards: concept art",
        "Label: not bold and off",
        "**Strong style**: from the character style",
        "Style says bold, run says no",
        "Based on bold, set plain",
        "**Spaces inside** the bold",
        "**All bold**",
    ]


def test_bold_label_bullets_read_as_markdown_bold(tmp_path):
    path = write(
        tmp_path, "bold-bullets.docx",
        p("Studio use cases", style="Titel"),
        p("Marketing", style="berschrift1"),
        p(b("Ad "), b("variants:"), " one ad resized for every placement", num="1"),
        p(b("Spokes-avatar:"), " a licensed presenter in twenty languages", num="1"),
        p(),
        p("Games", style="berschrift1"),
        p(b("Texture drafts:"), " tileable materials from a prompt", num="1"),
        p(b("Crowd voices:"), " background lines for non-player characters", num="1"),
        p(b("Barks:"), " short shouts", num="1", ilvl=1),
    )
    result = parse(path)
    assert result.layout == "markdown-bold"
    got = [(i.line, i.label, i.description, [h.text for h in i.headings], i.parent.label if i.parent else None) for i in result.items]
    assert got == [
        (3, "Ad variants", "one ad resized for every placement", ["Marketing"], None),
        (4, "Spokes-avatar", "a licensed presenter in twenty languages", ["Marketing"], None),
        (7, "Texture drafts", "tileable materials from a prompt", ["Games"], None),
        (8, "Crowd voices", "background lines for non-player characters", ["Games"], None),
        (9, "Barks", "short shouts", ["Games"], "Crowd voices"),
    ]
    assert [(h.line, h.text) for h in result.headings] == [(2, "Marketing"), (6, "Games")]


def test_heading_paragraphs_from_word_headings(tmp_path):
    path = write(
        tmp_path, "headings.docx",
        p("Generative media in retail", style="Titel"),
        p("Three use cases we run today."),
        p("Virtual try-on", style="berschrift2"),
        p("Shoppers see glasses and make-up on a photo of themselves."),
        p(),
        p("Product photography", style="berschrift2"),
        p("On-model shots made from one packshot."),
        p(),
        p("Seasonal banners", style="berschrift2"),
        p("Banners redrawn for every region and season."),
    )
    result = parse(path)
    assert result.layout == "heading-paragraphs"
    assert [(i.line, i.label, i.description) for i in result.items] == [
        (3, "Virtual try-on", "Shoppers see glasses and make-up on a photo of themselves."),
        (6, "Product photography", "On-model shots made from one packshot."),
        (9, "Seasonal banners", "Banners redrawn for every region and season."),
    ]


# -- tables ---------------------------------------------------------------------------------


def test_table_rows_sit_on_the_line_of_their_first_paragraph():
    lines = render(
        p("Before"),
        tbl(
            tr("Industry", "Use case", "Description"),
            tr(tc("Retail", props='<w:vMerge w:val="restart"/>'), "Try-on", tc("See it on you.", "Before you buy.")),
            tr(tc(props="<w:vMerge/>"), "Banners", "One per | region"),
            tr(tc("Film"), tc("", props=""), tc("")),
            tr(tc("Games"), "Textures", "Tileable"),
        ),
        p("After"),
    )
    # Paragraphs: 1 Before; header 2-4; row 2 is 5-8 (its last cell holds two); row 3 9-11;
    # row 4 12-14; row 5 15-17; 18 After.
    assert numbered(lines) == [
        (1, "Before"),
        (2, "| Industry | Use case | Description |"),
        (3, "| --- | --- | --- |"),
        (4, "| | | |"),
        (5, "| Retail | Try-on | See it on you. Before you buy. |"),
        (6, "| | | |"), (7, "| | | |"), (8, "| | | |"),
        (9, "| Retail | Banners | One per \\| region |"),  # merged down: the cell above's text
        (10, "| | | |"), (11, "| | | |"),
        (12, "| Film |  |  |"),
        (13, "| | | |"), (14, "| | | |"),
        (15, "| Games | Textures | Tileable |"),
        (18, "After"),
    ]
    assert len(lines) == 18


def test_an_empty_row_is_an_empty_row_and_spans_add_empty_cells():
    lines = render(
        tbl(
            tr("Use case", "Description", "Tools"),
            tr(tc(""), tc(""), tc("")),
            tr(tc("Wide", props='<w:gridSpan w:val="2"/>'), "Tool"),
        )
    )
    assert lines == ["| Use case | Description | Tools |", "| --- | --- | --- |", "| | | |", "| | | |", "| | | |", "| | | |", "| Wide |  | Tool |", ""]


def test_single_cell_rows_before_the_header_and_one_column_tables_are_paragraphs():
    lines = render(
        tbl(
            tr(tc("Use cases at a glance", props='<w:gridSpan w:val="2"/>')),
            tr("Use case", "Description"),
            tr("Try-on", "See it on you"),
        ),
        tbl(tr(tc(p("Box title", style="berschrift2"), p(b("Boxed:"), " a bullet in a box", num="1"))), tr("Second row")),
    )
    assert lines == [
        "Use cases at a glance",
        "| Use case | Description |",
        "| --- | --- |",
        "| Try-on | See it on you |",
        "",
        "## Box title",
        "- **Boxed:** a bullet in a box",
        "Second row",
    ]


def test_a_nested_table_s_paragraphs_count_and_join_the_outer_cell():
    inner = tbl(tr("inner a", "inner b"))
    lines = render(tbl(tr("Use case", "Description"), tr("Outer", tc(p("Text"), inner))), p("After"))
    # Paragraphs: header 1-2; row 3 ("Outer"), 4 ("Text"), 5-6 (the inner table); 7 After.
    assert lines == ["| Use case | Description |", "| --- | --- |", "| Outer | Text inner a inner b |", "", "", "", "After"]


def test_a_word_table_reads_with_the_table_layout(tmp_path):
    path = write(
        tmp_path, "table.docx",
        p("Generative video at a glance", style="berschrift1"),
        tbl(
            tr("Industry", "Use case", "Description", "Tools"),
            tr(tc("Marketing", props='<w:vMerge w:val="restart"/>'), "Product teasers", "Short clips made from a product photo", "Runway"),
            tr(tc(props="<w:vMerge/>"), "Explainer videos", "Walk-throughs voiced by a synthetic narrator", "Synthesia"),
            tr("Education", "Lecture avatars", "A teacher's avatar presents the course in other languages", "HeyGen"),
        ),
    )
    result = parse(path)
    assert result.layout == "table"
    # Paragraphs: 1 the heading; header 2-5, then rows at 6, 10 and 14.
    assert [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in result.items] == [
        (6, "Product teasers", "Short clips made from a product photo; Tools: Runway", ["Generative video at a glance", "Marketing"]),
        (10, "Explainer videos", "Walk-throughs voiced by a synthetic narrator; Tools: Synthesia", ["Generative video at a glance", "Marketing"]),
        (14, "Lecture avatars", "A teacher's avatar presents the course in other languages; Tools: HeyGen", ["Generative video at a glance", "Education"]),
    ]


# -- text -----------------------------------------------------------------------------------


def test_text_tabs_breaks_links_and_tracked_changes():
    lines = render(
        p(r("Tab"), "<w:r><w:tab/><w:t>after</w:t><w:br/><w:t>break</w:t><w:cr/><w:t>return</w:t></w:r>"),
        p('<w:hyperlink r:id="rId5" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' + b("Linked label:") + "</w:hyperlink>", r(" kept")),
        p(r("Kept "), "<w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>", '<w:ins w:id="1"><w:r><w:t>inserted</w:t></w:r></w:ins>'),
        p(r("Moved "), "<w:moveFrom><w:r><w:t>away</w:t></w:r></w:moveFrom>", "<w:moveTo><w:r><w:t>here</w:t></w:r></w:moveTo>"),
        p(r("Footnoted"), '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>', r(" text")),
        p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.com" </w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("field result") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        p(r("Visible"), r(" hidden", "<w:vanish/>"), r(" text")),
        p("<w:r><w:t>non</w:t><w:noBreakHyphen/><w:t>breaking, soft</w:t><w:softHyphen/><w:t>hyphen</w:t></w:r>"),
        p("<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>" + r("In a content control") + "</w:sdtContent></w:sdt>"),
        p(r("  lots   of\u00a0 space  ")),
        p(r("a &amp; b &lt;c&gt;")),
    )
    assert lines == [
        "Tab after break return",
        "**Linked label:** kept",
        "Kept inserted",
        "Moved here",
        "Footnoted text",
        "field result",
        "Visible text",
        "non-breaking, softhyphen",
        "In a content control",
        "lots of space",
        "a & b <c>",
    ]


def test_text_box_paragraphs_count_after_their_anchor_and_the_fallback_copy_not_at_all():
    box = "<w:txbxContent>" + p("Boxed one") + p("Boxed two") + "</w:txbxContent>"
    anchor = (
        "<w:p>" + r("Anchor") + "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>" + box
        + "</w:drawing></mc:Choice><mc:Fallback><w:pict>" + box + "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        + r(" text") + "</w:p>"
    )
    assert render(anchor, p("After")) == ["Anchor text", "Boxed one", "Boxed two", "After"]


def test_strict_ooxml_namespace_is_read():
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    assert render(p("Retail", style="berschrift1"), p(b("Try-on:"), " see it", num="1"), ns=strict) == ["# Retail", "- **Try-on:** see it"]


# -- when a file is a Word document, and when it is broken -----------------------------------


def test_docx_is_recognised_by_suffix_or_by_its_content(tmp_path):
    body = p("Retail", style="berschrift1") + p(b("Try-on:"), " see it", num="1")
    for name in ("list.docx", "LIST.DOCX", "download", "list.bin"):
        path = tmp_path / name
        path.write_bytes(docx_bytes(body))
        assert read_text(path) == ["# Retail", "- **Try-on:** see it"], name
    assert is_docx(docx_bytes(body))
    assert not is_docx(b"PK\x03\x04 not really a zip") and not is_docx(b"# Markdown")


def zip_of(parts: dict[str, str]) -> bytes:
    """A zip archive holding ``parts`` (name -> text)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"PK\x03\x04\x14\x00\x00\x00 truncated", "zip archive cannot be opened"),
        (b"# A Markdown list saved as .docx\n- one\n", "not a Word document: a .docx is a zip archive and this file is not one"),
        (zip_of({"word/styles.xml": "<x/>", "readme.txt": "hello"}), "holds no word/document.xml"),
        (zip_of({"word/document.xml": "<w:document><w:body>"}), "word/document.xml is not well-formed XML (line 1, column"),
        (zip_of({"word/document.xml": f'<w:document xmlns:w="{NS}"><w:p></w:document>'}), "not well-formed XML"),
        (zip_of({"word/document.xml": "<document><body/></document>"}), "holds no w:document"),
        (zip_of({"word/document.xml": f'<w:document xmlns:w="{NS}"/>'}), "holds no w:body"),
        (zip_of({"word/document.xml": '<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document xmlns:w="' + NS + '"><w:body/></w:document>'}), "declares a DTD"),
        (zip_of({"word/document.xml": f'<w:document xmlns:w="{NS}"><w:body><w:p/><w:p/></w:body></w:document>'}), "holds no text"),
    ],
)
def test_a_broken_docx_is_one_line(tmp_path, data, problem):
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    with pytest.raises(GmError) as info:
        read_text(path)
    message = info.value.message
    assert message.startswith(f"{path}: ") and problem in message, message
    assert "\n" not in message and info.value.fix


def test_a_damaged_member_is_one_line(tmp_path):
    good = bytearray(docx_bytes(p(" ".join(f"word{i * 7919 % 1000}" for i in range(300)))))
    start = good.index(b"word/document.xml") + len("word/document.xml")
    good[start + 40 : start + 60] = b"\xff" * 20  # scramble the compressed document
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(good))
    with pytest.raises(GmError) as info:
        read_text(path)
    assert "damaged.docx: the Word document is damaged: word/document.xml cannot be unpacked" in info.value.message
    with pytest.raises(NotWord):
        markdown_lines(bytes(good))


@pytest.mark.parametrize(
    "name, data, kind",
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF"),
        ("saved.txt", b"%PDF-1.4\n", "a PDF"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "a Word 97-2003 document (.doc)"),
        ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "password-protected"),
        ("notes.odt", b"PK\x03\x04\x14\x00\x00\x08\x00\x00", "an OpenDocument text (.odt)"),
        ("notes.zip", zip_of({"mimetype": "application/vnd.oasis.opendocument.text"}), "an OpenDocument file"),
        ("memo.pages", b"PK\x03\x04anything", "a Pages document"),
    ],
)
def test_other_documents_are_refused_with_what_to_do(tmp_path, name, data, kind):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(GmError) as info:
        read_text(path)
    assert f"{name}: the file is " in info.value.message and kind in info.value.message
    if kind == "a PDF":
        # Text copied out of a PDF is read (gm_graph.ingest.pdftext), so that is the way in.
        assert info.value.fix.startswith("copy its text (select all, copy) into a .txt file")
    else:
        assert info.value.fix == "save it as .docx, or copy its text into a .md file"


def test_other_zip_archives_and_binaries_keep_their_errors(tmp_path):
    archive = tmp_path / "slides.pptx"
    archive.write_bytes(zip_of({"ppt/presentation.xml": "<p/>"}))
    with pytest.raises(GmError, match="zip archive, not a Word document"):
        read_text(archive)
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(GmError, match="looks binary"):
        read_text(png)


# -- end to end ---------------------------------------------------------------------------


def project(repo_root: Path, tmp_path: Path) -> Path:
    for name in ("data", "ontology", "queries"):
        shutil.copytree(repo_root / name, tmp_path / name)
    return tmp_path


def test_add_source_copies_the_bytes_then_build_finds_the_items_at_their_paragraphs(repo_root, tmp_path):
    from gm_graph.cli import main

    root = tmp_path / "my-lists"
    root.mkdir()  # an empty folder: add-source starts a project there
    runner = CliRunner()
    added = runner.invoke(main, ["add-source", str(FIXTURE), "--root", str(root), "--author-kind", "analyst"])
    assert added.exit_code == 0, added.output
    assert "read 13 use cases (table)" in added.output
    copied = root / "data" / "sources" / "use-cases-word.docx"
    assert copied.read_bytes() == FIXTURE.read_bytes()
    manifest = (root / "data" / "sources.toml").read_text(encoding="utf-8")
    assert 'file = "sources/use-cases-word.docx"' in manifest
    assert f'format = "{WORD_TYPE}"' in manifest
    assert f'sha256 = "{hashlib.sha256(FIXTURE.read_bytes()).hexdigest()}"' in manifest
    assert "# layout detected when added: table" in manifest
    built = runner.invoke(main, ["build", "--root", str(root)])
    assert built.exit_code == 0, built.output
    valid = runner.invoke(main, ["validate", "--root", str(root)])
    assert valid.exit_code == 0, valid.output
    out = runner.invoke(main, ["query", str(repo_root / "queries" / "source-items.rq"), "--format", "csv", "--root", str(root)])
    assert out.exit_code == 0, out.output
    rows = sorted((r["file"], int(r["line"]), r["label"]) for r in csv.DictReader(io.StringIO(out.stdout)))
    where = "data/sources/use-cases-word.docx"
    assert rows == [
        (where, 4, "Seasonal campaign variants"),
        (where, 5, "Product shots on demand"),
        (where, 6, "Voice-over drafts"),
        (where, 8, "Course avatars"),
        (where, 9, "Diagram redraws"),
        (where, 10, "Podcast summaries"),
        (where, 15, "Terrain textures"),
        (where, 18, "Ambient chatter"),
        (where, 21, "Concept sheets"),
        (where, 25, "Storyboard frames"),
        (where, 26, "Animatics"),
        (where, 27, "Crowd extension"),
        (where, 28, "Clean plates"),
    ]
    explained = runner.invoke(main, ["explain", "Course avatars", "--root", str(root)])
    assert explained.exit_code == 0, explained.output
    assert f"{where}:8" in explained.output
    assert "| 1. **Course avatars:** a presenter avatar delivers the same module in eight languages." in explained.output


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("broken.docx", b"PK\x03\x04\x14\x00\x00\x00 truncated", "broken.docx: the Word document is damaged"),
        ("no-body.docx", zip_of({"word/styles.xml": "<x/>"}), "no-body.docx: not a Word document: the zip archive holds no word/document.xml"),
        ("report.pdf", b"%PDF-1.7\n", "report.pdf: the file is a PDF, which gm-graph does not read (copy its text (select all, copy) into a .txt file: gm-graph joins the wrapped lines and drops page headers and footers)"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "old.doc: the file is a Word 97-2003 document (.doc)"),
    ],
)
def test_add_source_refuses_what_it_cannot_read_in_one_line_and_changes_nothing(repo_root, tmp_path, name, data, expected):
    from gm_graph.cli import main

    root = project(repo_root, tmp_path / "project")
    manifest = (root / "data" / "sources.toml").read_bytes()
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["add-source", str(path), "--root", str(root)])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith("Error: ") and "Traceback" not in result.output, result.output
    assert expected in errors[0], errors[0]
    assert (root / "data" / "sources.toml").read_bytes() == manifest
    assert not (root / "data" / "sources" / name).exists()
