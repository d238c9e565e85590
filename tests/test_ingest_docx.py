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

import io
import re
import zipfile
from pathlib import Path

from gm_graph.ingest.docx import markdown_lines

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"
FIXTURE = LAYOUTS / "use-cases-word.docx"
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








def numbered(lines: list[str]) -> list[tuple[int, str]]:
    return [(n, t) for n, t in enumerate(lines, 1) if t]


# -- the real document --------------------------------------------------------------------


def test_the_fixture_renders_one_line_per_paragraph():
    lines = markdown_lines(FIXTURE.read_bytes())
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
