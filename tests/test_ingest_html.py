"""HTML pages: rendered line for line to Markdown, so the layouts read them and items keep
the line of the HTML file where their element starts.

Expected values were read off the fixtures with `cat -n` (tests/data/layouts/use-cases-
article.html, use-cases-list.html, use-cases-table.html) and the small pages written
inline, not copied from the program.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gm_graph.ingest import read_source, read_text
from gm_graph.ingest.html import convert, looks_like_html, markdown_lines
from gm_graph.manifest import Source

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"
FIXTURES = ("use-cases-article.html", "use-cases-list.html", "use-cases-table.html")


def source(path: Path, sid: str = "test-html") -> Source:
    return Source(sid, path.resolve(), path.name, "test", "text/html", "web article", "0" * 64)


def parse(path: Path):
    results, outside = read_source(source(path), path.parent)
    assert len(results) == 1 and not outside
    return results[0]


def numbered(lines: list[str]) -> list[tuple[int, str]]:
    return [(n, t) for n, t in enumerate(lines, 1) if t]


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- the fixtures -----------------------------------------------------------------------


@pytest.mark.parametrize("name", FIXTURES)
def test_converted_text_has_the_file_s_lines(name):
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    converted = convert(text)
    assert len(converted.lines) == len(text.splitlines())
    assert converted.moved == 0
    assert read_text(LAYOUTS / name) == converted.lines


def test_article_renders_each_block_on_the_line_where_it_starts():
    lines = read_text(LAYOUTS / "use-cases-article.html")
    assert numbered(lines) == [
        (35, "# 6 Generative Media Use Cases Changing Retail & Film"),
        (36, "By Dana Okafor · March 4, 2025 · 8 min read"),
        (39, "Generative models have moved from demos to production. Here are the use cases we see most often in our clients’ pipelines."),
        (43, "## Retail & E-commerce"),
        (45, "Retailers were among the first to ship generative media to customers."),
        (47, "### 1. Virtual Try-On"),
        (48, "Shoppers see clothes, glasses and make-up on a photo of themselves before they buy."),
        (51, "Returns drop when customers can check the fit first."),
        (53, "### 2. Product Photography"),
        (54, "Brands generate on-model and lifestyle shots from a single packshot — no studio day needed."),
        (56, "A sneaker, shot once."),
        (58, "### 3. Personalised Banners"),
        (59, "Ad banners are re-rendered for each audience segment & season."),
        (61, "## Film & Television"),
        (63, "### 4. De-Aging"),
        (64, "Post-production teams make actors look decades younger, shot by shot."),
        (66, "### 5. Background Plates"),
        (67, "Driving plates and set extensions are generated instead of filmed on location."),
        (71, "### 6. Dubbing & Lip-Sync"),
        (72, "Voices are translated and the actors’ lips re-timed to the new language."),
        (74, "## Conclusion"),
        (75, "Generative media is already part of everyday production work."),
    ]


def test_article_items_with_their_html_lines():
    result = parse(LAYOUTS / "use-cases-article.html")
    assert result.layout == "heading-paragraphs"
    assert [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in result.items] == [
        (47, "Virtual Try-On", "Shoppers see clothes, glasses and make-up on a photo of themselves before they buy.", ["Retail & E-commerce"]),
        (53, "Product Photography", "Brands generate on-model and lifestyle shots from a single packshot — no studio day needed.", ["Retail & E-commerce"]),
        (58, "Personalised Banners", "Ad banners are re-rendered for each audience segment & season.", ["Retail & E-commerce"]),
        (63, "De-Aging", "Post-production teams make actors look decades younger, shot by shot.", ["Film & Television"]),
        (66, "Background Plates", "Driving plates and set extensions are generated instead of filmed on location.", ["Film & Television"]),
        (71, "Dubbing & Lip-Sync", "Voices are translated and the actors’ lips re-timed to the new language.", ["Film & Television"]),
    ]
    assert [(h.line, h.text, h.level) for h in result.headings] == [(43, "Retail & E-commerce", 1), (61, "Film & Television", 1)]
    # The verbatim text is the element's text as rendered on the line where it starts.
    assert result.items[0].verbatim == "### 1. Virtual Try-On"
    assert [(s.line, s.reason) for s in result.skipped] == [
        (35, "title"),
        (36, "preamble"),
        (39, "preamble"),
        (45, "section intro"),
        (51, "item detail"),
        (56, "item detail"),
        (74, "closing remark"),
        (75, "closing remark"),
    ]


def test_page_furniture_is_not_read():
    """head (title, meta, style, scripts), nav, header, aside, footer and buttons give no text."""
    for name in FIXTURES:
        text = "\n".join(read_text(LAYOUTS / name))
        for furniture in (
            "Pixelwise", "Home", "Pricing", "dataLayer", "Not a use case", "BlogPosting", "font-family", "margin-top",
            "Related posts", "Best AI Video Tools", "Privacy", "Contact", "Share on X", "cookies", "Accept",
            "Newsletter", "Media Weekly", "About", "StudioNotes", "__INITIAL_STATE__", "wp-embed",
        ):
            assert furniture not in text, (name, furniture)


def test_character_references_are_decoded():
    for name in FIXTURES:
        text = "\n".join(read_text(LAYOUTS / name))
        assert "&amp;" not in text and "&#" not in text and "&nbsp;" not in text and "\xa0" not in text
    result = parse(LAYOUTS / "use-cases-article.html")
    labels = [i.label for i in result.items]
    assert "Dubbing & Lip-Sync" in labels  # &amp;
    assert "actors’ lips" in result.items[-1].description  # &#8217;
    assert "packshot — no studio" in result.items[1].description  # &mdash;


def test_list_page_bold_bullets_nested_and_numbered():
    lines = read_text(LAYOUTS / "use-cases-list.html")
    assert numbered(lines)[5:12] == [
        (18, "- **Campaign mood boards** – concept art before the shoot is booked"),  # <li> never closed
        (21, "## Games"),
        (23, "- **Texture generation**: tileable materials from a text prompt"),  # <li> line, its <p> below
        (26, "- **NPC dialogue**: voiced lines for background characters"),
        (28, '  - **Barks**: short reactions such as "Over here!"'),
        (29, "  - **Quest chatter**: longer, branching conversations"),
        (34, "## Publishing & News"),
    ]
    assert lines[35:37] == ["1. **Article illustrations**: header images for every story", "2. **Audio editions**: each article read by a synthetic voice"]
    result = parse(LAYOUTS / "use-cases-list.html")
    assert result.layout == "markdown-bold"
    got = [(i.line, i.label, i.description, [h.text for h in i.headings], i.parent.label if i.parent else None) for i in result.items]
    assert got == [
        (16, "Ad variations", "hundreds of versions of one ad, each sized for its placement", ["Advertising"], None),
        (17, "Synthetic spokespeople", "a licensed avatar presents the product in 20 languages", ["Advertising"], None),
        (18, "Campaign mood boards", "concept art before the shoot is booked", ["Advertising"], None),
        (23, "Texture generation", "tileable materials from a text prompt", ["Games"], None),
        (26, "NPC dialogue", "voiced lines for background characters", ["Games"], None),
        (28, "Barks", 'short reactions such as "Over here!"', ["Games"], "NPC dialogue"),
        (29, "Quest chatter", "longer, branching conversations", ["Games"], "NPC dialogue"),
        (36, "Article illustrations", "header images for every story", ["Publishing & News"], None),
        (37, "Audio editions", "each article read by a synthetic voice", ["Publishing & News"], None),
    ]
    assert result.items[4].kind == "group"
    assert [(h.line, h.text) for h in result.headings] == [(14, "Advertising"), (21, "Games"), (34, "Publishing & News")]
    assert [(s.line, s.reason) for s in result.skipped] == [(11, "title"), (12, "preamble"), (40, "closing remark"), (42, "closing remark")]


def test_table_page_rows_are_items_on_their_tr_lines():
    lines = read_text(LAYOUTS / "use-cases-table.html")
    assert lines[13:17] == ["| Industry | Use case | Description | Tools |", "| --- | --- | --- | --- |", "| | | | |", "| Marketing | Product teasers | Short clips made from a product photo & a prompt | Runway, Pika |"]
    assert lines[17] == "| | | | |"  # the row's other lines hold empty rows, so the table stays one table
    result = parse(LAYOUTS / "use-cases-table.html")
    assert result.layout == "table"
    assert [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in result.items] == [
        (17, "Product teasers", "Short clips made from a product photo & a prompt; Tools: Runway, Pika", ["Generative video: use cases at a glance", "Marketing"]),
        (23, "Explainer videos", "Animated walk-throughs of a service, voiced by a synthetic narrator; Tools: Synthesia", ["Generative video: use cases at a glance", "Marketing"]),
        (29, "Lecture avatars", "A teacher’s avatar presents the course in other languages; Tools: HeyGen", ["Generative video: use cases at a glance", "Education"]),
    ]
    skipped = [(s.line, s.reason) for s in result.skipped]
    assert skipped[:3] == [(11, "article text"), (14, "section label"), (15, "separator")]
    assert skipped[-1] == (37, "article text")
    assert {r for n, r in skipped[3:-1]} == {"empty row"}
    assert [n for n, _ in skipped[3:-1]] == [16, 18, 19, 20, 21, 22, 24, 25, 26, 27, 28]


# -- when a file is HTML ----------------------------------------------------------------


def test_html_is_recognised_by_suffix_or_by_its_opening(tmp_path):
    body = "<h2>Retail</h2>\n<ul>\n<li><b>Virtual try-on</b>: see clothes on you</li>\n</ul>\n"
    for name, text in (
        ("page.htm", body),
        ("page.HTML", body),
        ("saved.txt", "\ufeff  <!DOCTYPE HTML>\n" + body),
        ("saved.md", "<!-- saved from url=(0022)https://example.com/ -->\n<html>\n" + body),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        lines = read_text(path)
        assert "- **Virtual try-on**: see clothes on you" in lines, name
        assert len(lines) == len(text.splitlines())
    markdown = tmp_path / "notes.md"
    markdown.write_text("# Use cases\n- Virtual try-on<br>\n<p>inline html stays as written</p>\n", encoding="utf-8")
    assert read_text(markdown) == ["# Use cases", "- Virtual try-on<br>", "<p>inline html stays as written</p>"]
    assert looks_like_html("\n<html lang='en'>") and not looks_like_html("<htmlish>") and not looks_like_html("# <html>")


def test_a_page_with_no_block_text_is_refused_in_one_line(tmp_path):
    from gm_graph.cli import main

    for name in ("data", "ontology", "queries"):
        shutil.copytree(Path(__file__).resolve().parents[1] / name, tmp_path / name)
    manifest = (tmp_path / "data" / "sources.toml").read_text(encoding="utf-8")
    empty = tmp_path / "shell.html"
    empty.write_text(page("<!doctype html>", "<html><head><title>App</title><script>boot()</script></head>", "<body><nav>Menu</nav><div id=root></div></body></html>"), encoding="utf-8")
    result = CliRunner().invoke(main, ["add-source", str(empty), "--root", str(tmp_path)])
    assert result.exit_code != 0
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and "Traceback" not in result.output, result.output
    assert "shell.html:1" in errors[0] and "not one gm-graph can read" in errors[0]
    assert (tmp_path / "data" / "sources.toml").read_text(encoding="utf-8") == manifest
    assert not (tmp_path / "data" / "sources" / "shell.html").exists()


@pytest.mark.parametrize(
    "text",
    [
        "<p>unclosed <b>bold <li>x</ul></table></td><<>>&bogus; &#xZZ; <![if !supportLists]>1.<![endif]> </div></span>",
        "<html><body><h2>A</h2><table><tr><td>cell<table><tr><td>inner</tr></table></td></tr>",
        "</li></ol></html><li><dt><dd><tr><th></th></tr><strong></strong></b>",
        "<!doctype html><svg><path d='M0'/><text>drawn</text></svg><p a=\"<\">ok</p><script>if (a<b) {}",
        "<",
        "",
    ],
)
def test_malformed_html_never_raises(text):
    converted = convert(text)
    assert len(converted.lines) >= len(text.splitlines())
    assert not any("drawn" in line for line in converted.lines)


# -- the rules, on small pages ------------------------------------------------------------


def test_blocks_and_their_markdown():
    lines = markdown_lines(
        page(
            "<h1>Title</h1>",
            "<h4>Deep <em>heading</em></h4>",
            "<ol start='3'>",
            "<li>Third",
            "<li>Fourth <strong> bold </strong>and<b></b> more",
            "</ol>",
            "<ul><li>Outer",
            "<ul><li>Inner",
            "<ol><li>Innermost</li></ol>",
            "</ul></li></ul>",
            "<dl><dt>Term <b>x</b></dt>",
            "<dd>Definition   spread",
            "   over lines</dd></dl>",
            "<blockquote><p>Quoted</p><p>twice</p></blockquote>",
            "<div>Loose text<br>with a break</div>",
            "<li><div>Item in a div</div></li>",
        )
    )
    assert lines == [
        "# Title",
        "#### Deep heading",
        "",
        "3. Third",
        "4. Fourth **bold** and more",
        "",
        "- Outer",
        "  - Inner",
        "    1. Innermost",
        "",
        "**Term x**",
        "Definition spread over lines",
        "",
        "Quoted twice",
        "Loose text with a break",
        "- Item in a div",
    ]


def test_dropped_elements_and_an_unclosed_head():
    lines = markdown_lines(
        page(
            "<html><head><title>Site</title><meta charset=utf-8>",
            "<style>p { color: red }</style>",
            "<h2>Body starts here</h2>",  # no </head>: the first body element closes it
            "<header><h1>Site header</h1></header>",
            "<aside><p>Sidebar</p></aside><p>Kept <button>Share</button>text</p>",
            "<footer>Footer</footer><form><p>Subscribe</p></form><noscript>Enable JS</noscript>",
            "<template><p>Template</p></template><pre>code()</pre><iframe>frame</iframe>",
        )
    )
    assert lines == ["", "", "## Body starts here", "", "Kept text", "", ""]


def test_table_separator_goes_below_the_header_or_the_header_moves_up():
    room = markdown_lines(page("<table>", "<tr><th>Use case</th><th>Description</th></tr>", "", "<tr><td>A</td><td>a</td></tr>", "</table>"))
    assert room == ["", "| Use case | Description |", "| --- | --- |", "| A | a |", ""]
    # The next row starts right below the header: the header moves up onto the <table> line.
    tight = markdown_lines(page("<table>", "<tr><td>Use case</td><td>Description</td></tr>", "<tr><td>A</td><td>a|b</td></tr>", "<tr><td>B</td><td>b</td></tr>", "</table>"))
    assert tight == ["| Use case | Description |", "| --- | --- |", "| A | a\\|b |", "| B | b |", ""]


def test_blocks_sharing_a_line_move_down_to_the_next_free_lines():
    converted = convert(
        page(
            "<h2>Retail</h2>",
            "<ul><li>One</li><li>Two</li><li>Three</li>",
            "",
            "",
            "</ul><h2>Film</h2><p>Intro</p>",
            "<p>Next</p>",
            "<p>Last</p>",
        )
    )
    # "Two" and "Three" take the free lines below; "Intro" has no free line, so it takes
    # the line of "Next", which moves down to the line of "Last", which goes past the end.
    assert converted.lines == ["## Retail", "- One", "- Two", "- Three", "## Film", "Intro", "Next", "Last"]
    assert converted.moved == 5


def test_a_one_line_page_is_laid_out_one_block_per_line(tmp_path):
    """Minified HTML: line numbers then count blocks, not the file's (single) line."""
    minified = tmp_path / "minified.html"
    minified.write_text(
        "<!DOCTYPE html><html><head><title>x</title></head><body><nav>Menu</nav><h1>Use cases</h1><h2>Retail</h2>"
        "<h3>Virtual try-on</h3><p>See clothes on you.</p><h3>Product shots</h3><p>Generated on-model photos.</p>"
        "<h3>Banners</h3><p>One per segment.</p><footer>(c)</footer></body></html>",
        encoding="utf-8",
    )
    lines = read_text(minified)
    assert lines == [
        "# Use cases", "## Retail", "### Virtual try-on", "See clothes on you.", "### Product shots",
        "Generated on-model photos.", "### Banners", "One per segment.",
    ]
    assert convert(minified.read_text(encoding="utf-8")).moved == 7
    result = parse(minified)
    assert [(i.line, i.label, i.description) for i in result.items] == [
        (3, "Virtual try-on", "See clothes on you."),
        (5, "Product shots", "Generated on-model photos."),
        (7, "Banners", "One per segment."),
    ]


def test_lines_are_counted_as_the_file_is_split(tmp_path):
    """CRLF, lone CR and form feeds end lines as str.splitlines() ends them."""
    path = tmp_path / "dos.html"
    path.write_bytes(b"<html>\r\n<body>\r<h2>A</h2>\x0c<p>B</p>\r\n</body></html>\r\n")
    assert read_text(path) == ["", "", "## A", "B", ""]


# -- end to end -------------------------------------------------------------------------


def test_add_source_then_build_finds_the_items_at_their_html_lines(repo_root, tmp_path):
    from gm_graph.cli import main

    for name in ("data", "ontology", "queries"):
        shutil.copytree(repo_root / name, tmp_path / name)
    runner = CliRunner()
    for name in FIXTURES:
        shutil.copy(LAYOUTS / name, tmp_path / name)
        added = runner.invoke(main, ["add-source", str(tmp_path / name), "--root", str(tmp_path), "--author-kind", "web article"])
        assert added.exit_code == 0, added.output
    manifest = (tmp_path / "data" / "sources.toml").read_text(encoding="utf-8")
    assert 'file = "sources/use-cases-article.html"' in manifest and 'format = "text/html"' in manifest
    assert "# layout detected when added: heading-paragraphs" in manifest
    assert "# layout detected when added: markdown-bold" in manifest
    assert "# layout detected when added: table" in manifest
    built = runner.invoke(main, ["build", "--root", str(tmp_path)])
    assert built.exit_code == 0, built.output
    valid = runner.invoke(main, ["validate", "--root", str(tmp_path)])
    assert valid.exit_code == 0, valid.output
    out = runner.invoke(main, ["query", str(tmp_path / "queries" / "source-items.rq"), "--format", "csv", "--root", str(tmp_path)])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    mine = sorted((r["file"].rsplit("/", 1)[-1], int(r["line"]), r["label"]) for r in rows if r["file"].endswith(".html"))
    assert mine == [
        ("use-cases-article.html", 47, "Virtual Try-On"),
        ("use-cases-article.html", 53, "Product Photography"),
        ("use-cases-article.html", 58, "Personalised Banners"),
        ("use-cases-article.html", 63, "De-Aging"),
        ("use-cases-article.html", 66, "Background Plates"),
        ("use-cases-article.html", 71, "Dubbing & Lip-Sync"),
        ("use-cases-list.html", 16, "Ad variations"),
        ("use-cases-list.html", 17, "Synthetic spokespeople"),
        ("use-cases-list.html", 18, "Campaign mood boards"),
        ("use-cases-list.html", 23, "Texture generation"),
        ("use-cases-list.html", 26, "NPC dialogue"),
        ("use-cases-list.html", 28, "Barks"),
        ("use-cases-list.html", 29, "Quest chatter"),
        ("use-cases-list.html", 36, "Article illustrations"),
        ("use-cases-list.html", 37, "Audio editions"),
        ("use-cases-table.html", 17, "Product teasers"),
        ("use-cases-table.html", 23, "Explainer videos"),
        ("use-cases-table.html", 29, "Lecture avatars"),
    ]
    assert all(r["file"].startswith("data/sources/") for r in rows if r["file"].endswith(".html"))
    # The line points into the HTML file: the element that starts there is the item's.
    html_lines = (tmp_path / "data" / "sources" / "use-cases-article.html").read_text(encoding="utf-8").splitlines()
    assert html_lines[71 - 1] == "<h3>6. Dubbing &amp; Lip-Sync</h3>"
