"""HTML pages: rendered to Markdown lines that keep the page's line numbers.

A saved web article is read by turning it into Markdown, line for line, and handing that
to the layouts as if it were the file::

    <nav><a href="/">Home</a></nav>                   ->  (empty: nav text is dropped)
    <h2>Retail &amp; E-commerce</h2>                  ->  ## Retail & E-commerce
    <ul>                                              ->
      <li><strong>Virtual try-on</strong>: ...</li>   ->  - **Virtual try-on**: ...
    </ul>                                             ->

The rule: **each block's text goes on the line where the element starts** (its start tag;
for text outside any block, its first character), and every other line is empty, so the
converted text has as many lines as the file and ``Item.line`` is the file's line. The
verbatim text of an item read from HTML is therefore the element's text as rendered on
the line where it starts, not the HTML markup of that line. As in Markdown, blocks on
consecutive lines with no empty line between them read as one paragraph (two ``<p>`` on
adjacent lines give an item one longer description).

Blocks and how they render:

* ``h1``..``h6``: ``#`` times the level, a space, the text.
* ``li``: ``- text`` (``1. text``, ``2. text``, ... in an ``ol``), indented by two spaces
  per level of list nesting; a list inside an item ends the item's own text.
* ``p``, ``dd``, ``blockquote``, and text outside any block (``<div>Text</div>``): the text.
  A ``p`` inside an ``li``, ``dt``, ``dd``, ``blockquote`` or table cell is part of it.
* ``dt``: the term in bold alone on its line (``**Term**``), so that a definition list
  reads like a bold line over its paragraph.
* ``tr``: a Markdown pipe-table row ``| a | b |``. The first row of a table (or its
  ``thead`` row) is the header; the separator row ``| --- | --- |`` goes on the line
  after it, or, when the next row starts there and the line before the header is free
  and inside the table, the header moves up onto that line and the separator takes its
  line. The empty lines between the rows of one table are filled with empty rows
  (``| | |``), so a table whose rows span several lines stays one table; the table layout
  skips those as "empty row".
* ``strong`` / ``b``: ``**bold**``; ``br``: a space. Other inline elements give their text.

Text inside ``script``, ``style``, ``head``, ``nav``, ``header``, ``footer``, ``aside``,
``form``, ``noscript``, ``svg``, ``template`` (and ``title``, ``pre``, ``iframe``,
``button``, ``select``, ``textarea``, ``video``, ``audio``, ``canvas``, ``object``) is
dropped. Character references are decoded (``&amp;``, ``&#8217;``, ``&nbsp;``) and
whitespace inside a block is collapsed to single spaces.

**Several blocks on one line** (minified HTML): blocks are placed in document order, each
on the line where it starts or, when an earlier block already took that line, on the next
free line after it. Blocks that do not fit before the end of the file go on lines after
its last line (the converted text is then longer than the file). A page that is one long
line is thus laid out one block per line, and its line numbers count blocks, not file
lines; :attr:`Converted.moved` counts the blocks not on their own line.

The parser is :class:`html.parser.HTMLParser` from the standard library, which accepts
malformed HTML (unclosed ``<p>`` and ``<li>`` are closed by the next block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements whose text is never read (page furniture, code, embedded media).
DROPPED = frozenset(
    {
        "script", "style", "head", "nav", "header", "footer", "aside", "form", "noscript",
        "svg", "template", "title", "pre", "iframe", "button", "select", "textarea", "video",
        "audio", "canvas", "object",
    }
)
HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Blocks whose own text may hold a <p> or <div> (read as part of their text).
CONTAINERS = frozenset({"li", "dt", "dd", "blockquote", "tr", "h"})
# Flow elements that end a paragraph (or loose text) but sit inside an item transparently.
BREAKS = frozenset(
    {
        "div", "section", "article", "main", "figure", "figcaption", "details", "summary",
        "address", "center", "body", "html", "hr", "fieldset", "caption", "legend",
    }
)
LISTS = frozenset({"ul", "ol", "menu"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Where the page's body starts: any of these inside an unclosed <head> closes it.
BODY_START = frozenset(
    {"body", "p", "li", "dt", "dd", "blockquote", "ul", "ol", "dl", "table", "tr", "td", "th"}
    | set(HEADINGS) | BREAKS
)

_OPEN, _CLOSE = "\x01", "\x02"  # bold markers while text is collected
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b)", re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` opens (after whitespace and comments) with ``<!doctype html`` or ``<html``."""
    return _HTML_START.match(text) is not None


@dataclass
class _Block:
    line: int  # 1-based line where the element starts
    kind: str  # "h", "li", "p", "dt", "dd", "blockquote", "tr", "text"
    tag: str
    prefix: str = ""  # "## ", "  - ", "1. "
    parts: list[str] = field(default_factory=list)
    cells: list[list[str]] = field(default_factory=list)  # a row's cells, as parts
    bold: int = 0  # open <strong>/<b> elements
    table: int = 0  # the table a row belongs to
    header: bool = False  # a row inside <thead>

    def add(self, text: str) -> None:
        (self.cells[-1] if self.kind == "tr" and self.cells else self.parts).append(text)


@dataclass
class _Table:
    id: int
    line: int  # line of the <table> tag
    thead: bool = False


def _text(parts: list[str]) -> str:
    """Collapse whitespace, tidy the bold markers and render them as ``**``."""
    text = " ".join("".join(parts).split())
    while True:
        tidied = re.sub(rf"{_OPEN}\s+", f" {_OPEN}", text)
        tidied = re.sub(rf"\s+{_CLOSE}", f"{_CLOSE} ", tidied)
        tidied = tidied.replace(_OPEN + _CLOSE, "").replace(_CLOSE + _OPEN, "")
        tidied = " ".join(tidied.split())
        if tidied == text:
            break
        text = tidied
    return text.replace(_OPEN, "**").replace(_CLOSE, "**")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.tables: dict[int, _Table] = {}
        self.current: _Block | None = None
        self.dropping: list[str] = []  # tags open inside a dropped element
        self.lists: list[list] = []  # open lists as [tag, items so far]
        self.open_tables: list[_Table] = []

    # -- blocks -----------------------------------------------------------------------

    def _open(self, kind: str, tag: str, prefix: str = "", line: int | None = None) -> _Block:
        self._close()
        block = _Block(line or self.getpos()[0], kind, tag, prefix)
        self.blocks.append(block)
        self.current = block
        return block

    def _close(self) -> None:
        if self.current is not None and self.current.bold:
            self.current.add(_CLOSE)
        self.current = None

    def _row(self, line: int | None = None) -> _Block:
        if not self.open_tables:  # a row outside any <table>
            self._table()
        table = self.open_tables[-1]
        row = self._open("tr", "tr", line=line)
        row.table, row.header = table.id, table.thead
        return row

    def _table(self) -> None:
        table = _Table(len(self.tables) + 1, self.getpos()[0])
        self.tables[table.id] = table
        self.open_tables.append(table)

    # -- parser events ----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.dropping == ["head"] and tag in BODY_START:
            self.dropping.clear()  # <head> was never closed
        if self.dropping:
            if tag not in VOID:
                self.dropping.append(tag)
            return
        if tag in DROPPED:
            self.dropping.append(tag)
            return
        cur = self.current
        if tag in HEADINGS:
            self._open("h", tag, "#" * HEADINGS[tag] + " ")
        elif tag == "p":
            if cur is not None and cur.kind in CONTAINERS:
                cur.add(" ")
            else:
                self._open("p", tag)
        elif tag == "li":
            depth = max(len(self.lists), 1)
            marker = "- "
            if self.lists and self.lists[-1][0] == "ol":
                self.lists[-1][1] += 1
                marker = f"{self.lists[-1][1]}. "
            self._open("li", tag, "  " * (depth - 1) + marker)
        elif tag in ("dt", "dd", "blockquote"):
            self._open(tag, tag)
        elif tag in LISTS:
            self._close()
            start = dict(attrs).get("start") or ""
            self.lists.append([tag, int(start) - 1 if start.strip().lstrip("-").isdigit() else 0])
        elif tag == "dl":
            self._close()
        elif tag == "table":
            self._close()
            self._table()
        elif tag in ("thead", "tbody", "tfoot"):
            if cur is not None and cur.kind == "tr":
                self._close()
            if self.open_tables:
                self.open_tables[-1].thead = tag == "thead"
        elif tag == "tr":
            self._row()
        elif tag in ("td", "th"):
            row = cur if cur is not None and cur.kind == "tr" else self._row()
            row.cells.append([])
        elif tag in BREAKS:
            if cur is not None and cur.kind in ("p", "text"):
                self._close()
            elif cur is not None:
                cur.add(" ")
        elif tag == "br":
            if cur is not None:
                cur.add(" ")
        elif tag in ("strong", "b"):
            if cur is None:
                cur = self._open("text", "")
            if not cur.bold:
                cur.add(_OPEN)
            cur.bold += 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in VOID or self.dropping:  # <br/>, <img/>; <path/> inside a dropped <svg>
            if not self.dropping:
                self.handle_starttag(tag, attrs)
            return
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag in self.dropping:
                del self.dropping[len(self.dropping) - 1 - self.dropping[::-1].index(tag):]
            return
        cur = self.current
        if tag in ("strong", "b"):
            if cur is not None and cur.bold:
                cur.bold -= 1
                if not cur.bold:
                    cur.add(_CLOSE)
        elif tag == "p" or tag in BREAKS:
            if cur is not None and cur.kind in ("p", "text"):
                self._close()
        elif tag in HEADINGS or tag in ("li", "dt", "dd", "blockquote", "tr", "dl"):
            self._close()
        elif tag in LISTS:
            self._close()
            for k in range(len(self.lists) - 1, -1, -1):
                if self.lists[k][0] == tag:
                    del self.lists[k:]
                    break
        elif tag in ("thead", "tbody", "tfoot"):
            if cur is not None and cur.kind == "tr":
                self._close()
            if self.open_tables:
                self.open_tables[-1].thead = False
        elif tag == "table":
            self._close()
            if self.open_tables:
                self.open_tables.pop()

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        if self.current is None:
            if not data.strip():
                return
            line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
            self._open("text", "", line=line)
        self.current.add(data)


@dataclass
class Converted:
    """The Markdown lines of an HTML page; ``lines[i]`` renders what starts on line ``i + 1``."""

    lines: list[str]
    moved: int = 0  # blocks not on the line where they start (several blocks on one line)


def _render(block: _Block) -> str:
    if block.kind == "tr":
        cells = [_text(c).replace("|", "\\|") for c in block.cells]
        return "| " + " | ".join(cells) + " |" if any(cells) else ""
    text = _text(block.parts)
    if not text:
        return ""
    if block.kind == "dt":
        return "**" + text.replace("**", "") + "**"
    return block.prefix + text


def convert(text: str) -> Converted:
    """Render the HTML ``text`` as Markdown lines, one per line of ``text.splitlines()``.

    See the module docstring for the rule; the result is longer than the file only when
    its blocks do not fit on its lines.
    """
    file_lines = text.splitlines()
    reader = _Reader()
    reader.feed("\n".join(file_lines))  # so the parser counts lines as splitlines() does
    reader.close()
    reader._close()

    # (line it starts on, text, table id, is a header row) for every block with text;
    # the first row of each table is its header and is followed by a separator row.
    entries: list[tuple[int, str, int, str]] = []  # (line, text, table, role)
    seen_tables: set[int] = set()
    widths: dict[int, int] = {}
    for block in reader.blocks:
        rendered = _render(block)
        if not rendered:
            continue
        if block.kind == "tr" and block.table not in seen_tables:
            seen_tables.add(block.table)
            widths[block.table] = len(block.cells)
            entries.append((block.line, rendered, block.table, "header"))
            entries.append((block.line, "| " + " | ".join(["---"] * len(block.cells)) + " |", block.table, "separator"))
        else:
            entries.append((block.line, rendered, block.table if block.kind == "tr" else 0, "block"))

    placed: dict[int, str] = {}  # 1-based line -> text
    rows: dict[int, list[int]] = {}  # table id -> lines of its rows
    moved = 0
    prev = 0
    for k, (line, rendered, table, role) in enumerate(entries):
        at = max(line, prev + 1)
        if role == "header" and k + 2 < len(entries) and entries[k + 2][0] <= at + 1:
            # No room for the separator below the header: move the header up a line if free.
            if at == line and at - 1 > prev and at - 1 >= reader.tables[table].line:
                at -= 1
        if role != "separator" and at > line:
            moved += 1
        placed[at] = rendered
        if table:
            rows.setdefault(table, []).append(at)
        prev = at

    for table, at in rows.items():
        filler = "|" + " |" * widths[table]
        for n in range(min(at), max(at)):
            placed.setdefault(n, filler)

    total = max([len(file_lines), *placed])
    return Converted([placed.get(n, "") for n in range(1, total + 1)], moved)


def markdown_lines(text: str) -> list[str]:
    """The Markdown lines of an HTML page (see :func:`convert`)."""
    return convert(text).lines
