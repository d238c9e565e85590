"""Word documents (``.docx``): rendered to Markdown lines, one line per paragraph.

A ``.docx`` file is a zip archive whose ``word/document.xml`` holds the text. It is read
with the standard library alone (:mod:`zipfile` and :mod:`xml.etree.ElementTree`) and
turned into Markdown that the layouts read as if it were the file::

    [Heading 2]  Retail                          ->  ## Retail
    [List, bullet]  Virtual try-on: see ...      ->  - **Virtual try-on:** see ...
                    (the label in bold)
    [List, decimal, level 2]  Shoes              ->    1. Shoes
    [table row]  Retail | Try-on | See ...       ->  | Retail | Try-on | See ... |

**Line N means paragraph N.** The document has no lines of its own, so the rendered text
has one line per paragraph (``w:p``) of the body, and the number of a line, which is what
an item's ``line`` and its ``file:line`` provenance show, is the paragraph's 1-based
position among all the body's paragraphs, counted in document order:

* every ``w:p`` counts, empty ones (the blank paragraphs people type between blocks) too;
* paragraphs inside tables count too, cell by cell, row by row, as they stand in the
  file (left to right, top to bottom; the paragraphs of a table nested in a cell count
  where the nested table stands); so does a paragraph in a text box, right after the
  paragraph that anchors the box. The copy of a text box that Word keeps for old readers
  (``mc:Fallback``) is not counted, nor read;
* headers, footers, footnotes and comments are not part of the body and are not read.

So paragraph 7 is the seventh paragraph a reader counts from the top, blank ones included,
the same count as the ``w:p`` elements of ``word/document.xml``. The verbatim text of an
item read from a ``.docx`` is the line rendered for its paragraph (or table row).

How paragraphs render:

* **Headings**: a paragraph whose style is named ``heading N`` (any case, as
  ``word/styles.xml`` names it in ``w:style/w:name``; a style based on one counts too) is
  ``#`` times N (at most 6) and a space before the text. A style named ``Title`` is ``#``,
  and a document that has one gets its headings one level below it (heading 1 ``##``),
  as Word shows the title above them. The name is used, not the style id, which Word
  localises (``berschrift1``) and other programs make up. Bold inside a heading is not
  marked.
* **Lists**: a paragraph with numbering (``w:numPr``: list ``w:numId`` and level
  ``w:ilvl``, on the paragraph or from its style) is ``- text`` when ``word/numbering.xml``
  gives that level the format ``bullet``, and ``1. text``, ``2. text``, ... for any
  other format (decimal, letters, Roman numerals), indented by two spaces per level.
  Numbers run as Word shows them: one counter per list (``numId``) and level, starting at
  the level's ``w:start`` (or the list's ``w:startOverride``), running on across
  paragraphs between the items, and starting again for a level each time an item of a
  level above it comes. A level formatted ``none`` shows no marker. A list unknown to
  ``numbering.xml`` (or a document without one) is a bullet list; ``numId`` 0 means no list.
* **Bold**: text in bold runs (``w:b``, unless set to ``0`` / ``false`` / ``off``, on the
  run or from its character style) is ``**bold**``; bold runs next to each other, or
  parted only by white space, are one bold stretch, white space at its edges goes outside
  the ``**``, and bold white space alone is not marked. So ``- **Label:** description``
  comes out whatever runs Word split the label into.
* **Tables**: the first row with two or more cells is the header, rendered as a pipe row
  ``| a | b |`` on the line of its first paragraph, with ``| --- | --- |`` on the next
  line (the header's second paragraph, which it always has); every later row is one pipe
  row on the line of its own first paragraph. The other lines of the rows hold empty rows
  (``| | |``), which the table layout skips as "empty row", so the table stays one table.
  A cell's paragraphs are joined with spaces; a cell spanning columns (``w:gridSpan``) is
  followed by empty cells, and a cell merged with the one above (``w:vMerge``) repeats its
  text (an Industry column merged down its rows names every row's industry). Rows of a
  single cell before the header (a title row, or every row of a one-column table used as
  a box) are not table rows: their paragraphs render as paragraphs outside a table.
* **Text**: the ``w:t`` text of the runs, in order; a tab (``w:tab``) or break (``w:br``,
  ``w:cr``) is a space, a non-breaking hyphen ``-``; white space is collapsed to single
  spaces. Hyperlinks, fields' results, content controls and inserted text (``w:ins``)
  are read; deleted text (``w:del``, ``w:moveFrom``), hidden text (``w:vanish``), field
  codes, footnote and endnote references, drawings and symbols are not.

An empty paragraph, or one with no text, is an empty line. The parts are looked for under
their usual names: ``word/document.xml`` (which must be there), ``word/styles.xml`` and
``word/numbering.xml`` (used when present). Both the transitional and the strict OOXML
namespace are read. A file that is not a zip, lacks ``word/document.xml``, cannot be
unpacked or holds XML that does not parse (or declares a DTD, which no Word document does)
raises :class:`NotWord`, which :func:`gm_graph.ingest.read_text` reports in one line.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field

ZIP_MAGIC = b"PK\x03\x04"
DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"
NUMBERING = "word/numbering.xml"
# A part larger than this when unpacked is refused rather than read (a zip bomb).
MAX_PART_BYTES = 200 * 1024 * 1024

_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",  # transitional (Word, LibreOffice, Google Docs, pandoc)
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # strict
)
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_OFF = frozenset({"0", "false", "off"})
_HEADING_NAME = re.compile(r"heading\s*(\d+)", re.IGNORECASE)
_OPEN, _CLOSE = "\x01", "\x02"  # bold markers while a paragraph's text is put together


class NotWord(ValueError):
    """The bytes are not a Word document gm-graph can read; the message says why."""


def is_docx(data: bytes) -> bool:
    """Whether ``data`` is a zip archive holding ``word/document.xml``."""
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return DOCUMENT in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def markdown_lines(data: bytes) -> list[str]:
    """The Markdown lines of the Word document ``data``: ``lines[n - 1]`` renders paragraph n."""
    if not data.startswith(ZIP_MAGIC):
        raise NotWord("not a Word document: a .docx is a zip archive and this file is not one")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise NotWord(f"the Word document is damaged: its zip archive cannot be opened ({exc})") from None
    with archive:
        document = _part(archive, DOCUMENT, required=True)
        ns = document.tag[1:].split("}", 1)[0] if document.tag.startswith("{") else ""
        if ns not in _NAMESPACES or document.tag != f"{{{ns}}}document":
            raise NotWord(f"not a Word document: {DOCUMENT} holds no w:document")
        w = _Names(ns)
        body = document.find(w.body)
        if body is None:
            raise NotWord(f"the Word document is damaged: {DOCUMENT} holds no w:body")
        styles = _Styles(_part(archive, STYLES), w)
        numbering = _Numbering(_part(archive, NUMBERING), w, styles)
    return _Renderer(w, styles, numbering).render(body)


def _part(archive: zipfile.ZipFile, name: str, required: bool = False) -> ET.Element | None:
    """The parsed XML of one part of the archive (``None`` when an optional part is missing)."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        if required:
            raise NotWord(f"not a Word document: the zip archive holds no {name}") from None
        return None
    if info.file_size > MAX_PART_BYTES:
        raise NotWord(f"{name} unpacks to {info.file_size // (1024 * 1024)} MB, more than gm-graph reads ({MAX_PART_BYTES // (1024 * 1024)} MB)")
    try:
        raw = archive.read(info)
    except Exception as exc:  # bad CRC, truncated or encrypted member, unknown compression
        raise NotWord(f"the Word document is damaged: {name} cannot be unpacked ({type(exc).__name__}: {exc})") from None
    if b"<!DOCTYPE" in raw:
        raise NotWord(f"the Word document is damaged: {name} declares a DTD, which Word documents never do")
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        line, column = exc.position
        raise NotWord(f"the Word document is damaged: {name} is not well-formed XML (line {line}, column {column})") from None


class _Names:
    """Qualified tag and attribute names in the document's namespace."""

    def __init__(self, ns: str) -> None:
        self.ns = ns
        for name in (
            "body", "p", "pPr", "pStyle", "numPr", "numId", "ilvl", "r", "rPr", "rStyle", "b", "vanish",
            "t", "tab", "ptab", "br", "cr", "noBreakHyphen", "softHyphen", "del", "moveFrom", "txbxContent",
            "sdtPr", "sdtEndPr", "tbl", "tr", "tc", "tcPr", "gridSpan", "vMerge", "style", "name", "basedOn",
            "abstractNum", "abstractNumId", "num", "lvl", "lvlOverride", "startOverride", "start", "numFmt",
            "numStyleLink", "val", "type", "styleId", "default",
        ):
            setattr(self, name, f"{{{ns}}}{name}")
        self.del_ = f"{{{ns}}}del"


def _val(element: ET.Element | None, w: _Names, default: str | None = None) -> str | None:
    return default if element is None else element.get(w.val, default)


def _on(element: ET.Element | None, w: _Names) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): on, off, or not set (``None``)."""
    if element is None:
        return None
    return (_val(element, w, "true") or "true").strip().lower() not in _OFF


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


@dataclass
class _Style:
    name: str
    based_on: str | None
    num_id: str | None = None  # numbering from w:pPr/w:numPr
    ilvl: int | None = None
    bold: bool | None = None  # w:rPr/w:b


class _Styles:
    """The paragraph, character and numbering styles of ``word/styles.xml``, by style id."""

    def __init__(self, root: ET.Element | None, w: _Names) -> None:
        self.by_type: dict[str, dict[str, _Style]] = {"paragraph": {}, "character": {}, "numbering": {}}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for el in root.iter(w.style):
            kind = el.get(w.type, "paragraph")
            sid = el.get(w.styleId)
            if kind not in self.by_type or sid is None:
                continue
            num = el.find(f"{w.pPr}/{w.numPr}")
            rpr = el.find(w.rPr)
            self.by_type[kind][sid] = _Style(
                name=_val(el.find(w.name), w, "") or "",
                based_on=_val(el.find(w.basedOn), w),
                num_id=_val(num.find(w.numId), w) if num is not None else None,
                ilvl=_int(_val(num.find(w.ilvl), w), 0) if num is not None and num.find(w.ilvl) is not None else None,
                bold=_on(rpr.find(w.b), w) if rpr is not None else None,
            )
            if kind == "paragraph" and (el.get(w.default) or "").strip().lower() in ("1", "true", "on"):
                self.default_paragraph = sid

    def chain(self, kind: str, sid: str | None) -> list[_Style]:
        """The style ``sid`` and the styles it is based on, nearest first."""
        found: list[_Style] = []
        seen: set[str] = set()
        styles = self.by_type[kind]
        while sid is not None and sid in styles and sid not in seen:
            seen.add(sid)
            found.append(styles[sid])
            sid = styles[sid].based_on
        return found

    def heading_level(self, sid: str | None) -> int:
        """N for a paragraph style named ``heading N`` (or based on one), 0 for ``Title``,
        ``None`` for any other style."""
        for style in self.chain("paragraph", sid):
            name = " ".join(style.name.split())
            if name.lower() == "title":
                return 0
            m = _HEADING_NAME.fullmatch(name)
            if m and int(m.group(1)) >= 1:
                return int(m.group(1))
        return None

    def numbering(self, sid: str | None) -> tuple[str | None, int | None]:
        """The list (``numId``, level) a paragraph style gives its paragraphs, if any."""
        for style in self.chain("paragraph", sid):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None

    def bold(self, sid: str | None) -> bool:
        """Whether the character style ``sid`` (or one it is based on) sets bold."""
        for style in self.chain("character", sid):
            if style.bold is not None:
                return style.bold
        return False


@dataclass
class _Level:
    fmt: str  # w:numFmt, e.g. "bullet", "decimal", "lowerLetter", "none"
    start: int


class _Numbering:
    """The list definitions of ``word/numbering.xml``: which format and start each level has."""

    def __init__(self, root: ET.Element | None, w: _Names, styles: _Styles) -> None:
        self.w = w
        self.styles = styles
        self.abstract: dict[str, tuple[dict[int, _Level], str | None]] = {}  # id -> levels, numStyleLink
        self.nums: dict[str, tuple[str | None, dict[int, _Level], dict[int, int]]] = {}  # numId -> abstract id, level overrides, start overrides
        if root is None:
            return
        for el in root.iter(w.abstractNum):
            aid = el.get(w.abstractNumId)
            if aid is not None:
                self.abstract[aid] = (self._levels(el), _val(el.find(w.numStyleLink), w))
        for el in root.iter(w.num):
            nid = el.get(w.numId)
            if nid is None:
                continue
            levels: dict[int, _Level] = {}
            starts: dict[int, int] = {}
            for override in el.findall(w.lvlOverride):
                ilvl = _int(override.get(w.ilvl), 0)
                start = override.find(w.startOverride)
                if start is not None:
                    starts[ilvl] = _int(_val(start, w), 0)
                lvl = override.find(w.lvl)
                if lvl is not None:
                    levels[ilvl] = next(iter(self._levels_of([lvl]).values()))
            self.nums[nid] = (_val(el.find(w.abstractNumId), w), levels, starts)

    def _levels(self, abstract: ET.Element) -> dict[int, _Level]:
        return self._levels_of(abstract.findall(self.w.lvl))

    def _levels_of(self, lvls: list[ET.Element]) -> dict[int, _Level]:
        w = self.w
        return {
            _int(lvl.get(w.ilvl), 0): _Level(
                fmt=_val(lvl.find(w.numFmt), w, "decimal") or "decimal",
                start=_int(_val(lvl.find(w.start), w), 0),  # ECMA-376: no w:start means 0
            )
            for lvl in lvls
        }

    def level(self, num_id: str, ilvl: int) -> _Level | None:
        """Format and start of level ``ilvl`` of list ``num_id`` (``None`` if undefined)."""
        if num_id not in self.nums:
            return None
        aid, overrides, starts = self.nums[num_id]
        level = overrides.get(ilvl)
        if level is None:
            level = self._abstract_level(aid, ilvl)
        if level is None:
            return None
        return _Level(level.fmt, starts.get(ilvl, level.start))

    def _abstract_level(self, aid: str | None, ilvl: int, hops: int = 0) -> _Level | None:
        if aid not in self.abstract:
            return None
        levels, style_link = self.abstract[aid]
        if ilvl in levels or style_link is None or hops > 3:
            return levels.get(ilvl)
        # The definition lives in a numbering style: follow it to that style's list.
        linked = self.styles.by_type["numbering"].get(style_link)
        if linked is None or linked.num_id not in self.nums:
            return None
        return self._abstract_level(self.nums[linked.num_id][0], ilvl, hops + 1)


@dataclass
class _Cell:
    element: ET.Element
    paragraphs: list[tuple[int, ET.Element]] = field(default_factory=list)


@dataclass
class _Row:
    cells: list[_Cell] = field(default_factory=list)

    def lines(self) -> list[int]:
        return [n for cell in self.cells for n, _ in cell.paragraphs]


@dataclass
class _Table:
    rows: list[_Row] = field(default_factory=list)


class _Renderer:
    def __init__(self, w: _Names, styles: _Styles, numbering: _Numbering) -> None:
        self.w = w
        self.styles = styles
        self.numbering = numbering
        self.count = 0
        self.paragraphs: list[tuple[int, ET.Element]] = []  # (number, w:p) in document order
        self.tables: list[_Table] = []
        self.counters: dict[str, dict[int, int]] = {}  # numId -> level -> last number shown
        self.below_title = 0  # 1 when the document has a Title paragraph

    # -- counting the paragraphs ----------------------------------------------------------

    def _collect(self, element: ET.Element, table: _Table | None, row: _Row | None, cell: _Cell | None) -> None:
        """Number every paragraph in document order and file the outermost tables' cells."""
        w = self.w
        for child in element:
            tag = child.tag
            if tag == _FALLBACK:
                continue
            if tag == w.p:
                self.count += 1
                self.paragraphs.append((self.count, child))
                if cell is not None:
                    cell.paragraphs.append((self.count, child))
                self._collect(child, table, row, cell)  # text boxes anchored in it
            elif tag == w.tbl and table is None:
                new = _Table()
                self.tables.append(new)
                self._collect(child, new, None, None)
            elif tag == w.tr and table is not None and row is None:
                new_row = _Row()
                table.rows.append(new_row)
                self._collect(child, table, new_row, None)
            elif tag == w.tc and row is not None and cell is None:
                new_cell = _Cell(child)
                row.cells.append(new_cell)
                self._collect(child, table, row, new_cell)
            else:  # content controls, custom XML, nested tables inside a cell, ...
                self._collect(child, table, row, cell)

    # -- rendering ------------------------------------------------------------------------

    def render(self, body: ET.Element) -> list[str]:
        self._collect(body, None, None, None)
        lines = [""] * self.count
        in_rows: set[int] = set()  # paragraphs rendered as part of a table row
        placed: list[tuple[_Table, int]] = []
        for table in self.tables:
            header = next((k for k, row in enumerate(table.rows) if len(row.cells) >= 2 and len(row.lines()) >= 2), None)
            if header is not None:
                placed.append((table, header))
                in_rows.update(n for row in table.rows[header:] for n in row.lines())
        free = [paragraph for n, paragraph in self.paragraphs if n not in in_rows]
        # With a Title paragraph, headings go one level below it: Title "#", heading 1 "##".
        self.below_title = int(any(self.styles.heading_level(self._style(p)) == 0 for p in free))
        for n, paragraph in self.paragraphs:  # in document order, for the list counters
            if n not in in_rows:
                lines[n - 1] = self._paragraph(paragraph)
        for table, header in placed:
            self._place(table, header, lines)
        return lines

    def _place(self, table: _Table, header: int, lines: list[str]) -> None:
        rows = [(row.lines()[0], self._cells(row, above)) for row, above in self._with_merges(table.rows[header:]) if row.lines()]
        if not rows:
            return
        first, head = rows[0]
        width = len(head)
        lines[first - 1] = _pipe(head)
        lines[first] = "| " + " | ".join(["---"] * width) + " |"
        filler = "|" + " |" * width
        starts = {line for line, _ in rows[1:]}
        for line, cells in rows[1:]:
            lines[line - 1] = _pipe(cells) if any(cells) else filler
        for n in range(first + 2, max(starts, default=first) + 1):
            if n not in starts:
                lines[n - 1] = filler

    def _with_merges(self, rows: list[_Row]):
        """Each row with the text of the cells above it by grid column, for ``w:vMerge``."""
        above: dict[int, str] = {}
        for row in rows:
            yield row, above
            column = 0
            for cell in row.cells:
                span, merge = self._cell_shape(cell)
                if merge != "continue":
                    above[column] = self._cell_text(cell)
                column += span

    def _cell_shape(self, cell: _Cell) -> tuple[int, str | None]:
        """(columns spanned, "restart" / "continue" / ``None`` for a vertical merge)."""
        w = self.w
        props = cell.element.find(w.tcPr)
        if props is None:
            return 1, None
        span = max(1, _int(_val(props.find(w.gridSpan), w), 1))
        merge = props.find(w.vMerge)
        return span, None if merge is None else (_val(merge, w, "continue") or "continue")

    def _cells(self, row: _Row, above: dict[int, str]) -> list[str]:
        cells: list[str] = []
        column = 0
        for cell in row.cells:
            span, merge = self._cell_shape(cell)
            text = above.get(column, "") if merge == "continue" else self._cell_text(cell)
            cells.append(text.replace("|", "\\|"))
            cells.extend([""] * (span - 1))
            column += span
        return cells

    def _cell_text(self, cell: _Cell) -> str:
        return " ".join(t for t in (self._text(p) for _, p in cell.paragraphs) if t)

    def _style(self, paragraph: ET.Element) -> str | None:
        props = paragraph.find(self.w.pPr)
        style = _val(props.find(self.w.pStyle), self.w) if props is not None else None
        return style if style is not None else self.styles.default_paragraph

    def _paragraph(self, paragraph: ET.Element) -> str:
        w = self.w
        props = paragraph.find(w.pPr)
        style = self._style(paragraph)
        text = self._text(paragraph)
        level = self.styles.heading_level(style)
        if level is not None:
            plain = " ".join(text.replace("**", " ").split())
            depth = min(level + self.below_title, 6) if level else 1
            return "#" * depth + " " + plain if plain else ""
        num_id, ilvl = self.styles.numbering(style)
        own = props.find(w.numPr) if props is not None else None
        if own is not None:
            num_id = _val(own.find(w.numId), w, num_id)
            ilvl = _int(_val(own.find(w.ilvl), w), ilvl if ilvl is not None else 0)
        if num_id is None or num_id == "0":
            return text
        ilvl = min(max(ilvl or 0, 0), 8)
        marker = self._marker(num_id, ilvl)
        if not text:
            return ""
        if marker is None:  # a level formatted "none"
            return text
        return "  " * ilvl + marker + text

    def _marker(self, num_id: str, ilvl: int) -> str | None:
        """``"- "`` or ``"N. "`` for the next item of level ``ilvl`` of list ``num_id``."""
        level = self.numbering.level(num_id, ilvl)
        counters = self.counters.setdefault(num_id, {})
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        start = level.start if level is not None else 1
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        fmt = level.fmt if level is not None else "bullet"
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return None
        return f"{counters[ilvl]}. "

    # -- a paragraph's text ---------------------------------------------------------------

    def _text(self, paragraph: ET.Element) -> str:
        pieces: list[tuple[str, bool]] = []
        self._inline(paragraph, pieces)
        return _join(pieces)

    def _inline(self, element: ET.Element, pieces: list[tuple[str, bool]]) -> None:
        w = self.w
        for child in element:
            tag = child.tag
            if tag == w.r:
                self._run(child, pieces)
            elif tag in (w.pPr, w.rPr, w.del_, w.moveFrom, w.txbxContent, w.sdtPr, w.sdtEndPr, w.p, w.tbl, _FALLBACK):
                continue
            else:  # hyperlinks, inserted text, fields, content controls, smart tags, ...
                self._inline(child, pieces)

    def _run(self, run: ET.Element, pieces: list[tuple[str, bool]]) -> None:
        w = self.w
        props = run.find(w.rPr)
        bold = False
        if props is not None:
            if _on(props.find(w.vanish), w):
                return
            direct = _on(props.find(w.b), w)
            bold = direct if direct is not None else self.styles.bold(_val(props.find(w.rStyle), w))
        for child in run:
            tag = child.tag
            if tag == w.t:
                pieces.append((child.text or "", bold))
            elif tag in (w.tab, w.ptab, w.br, w.cr):
                pieces.append((" ", bold))
            elif tag == w.noBreakHyphen:
                pieces.append(("-", bold))
            # w:softHyphen shows nothing; w:delText, w:instrText, w:footnoteReference,
            # w:endnoteReference, w:sym, w:drawing, w:fldChar, ... give no text.


def _join(pieces: list[tuple[str, bool]]) -> str:
    """The runs' text with bold stretches as ``**...**`` and white space collapsed."""
    out: list[str] = []
    bold = False
    for text, is_bold in pieces:
        if not text:
            continue
        if text.strip() and is_bold != bold:  # white space never opens or closes bold
            out.append(_OPEN if is_bold else _CLOSE)
            bold = is_bold
        out.append(text)
    if bold:
        out.append(_CLOSE)
    joined = "".join(out)
    joined = re.sub(f"{_OPEN}(\\s+)", lambda m: m.group(1) + _OPEN, joined)
    joined = re.sub(f"(\\s+){_CLOSE}", lambda m: _CLOSE + m.group(1), joined)
    return " ".join(joined.split()).replace(_OPEN, "**").replace(_CLOSE, "**")


def _pipe(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
