"""Layout "table": use cases as rows of a CSV, TSV or Markdown pipe table with a header row, or JSON records.

The shapes::

    Industry,Use case,Description,Tools                  <- header (skipped as "section label")
    Healthcare,Medical imaging,Synthetic MRI scans,MONAI   <- Item under Heading "Healthcare"

    | Use case | Description |                            <- header
    |---|---|                                              <- "separator"
    | Virtual try-on | See clothes on yourself |           <- Item

Decisions:

* Columns are recognised by their header, case-insensitively, from :data:`COLUMNS` (the
  header's words are tidied first: Markdown, "_" and "-" dropped, plural "s" tried). Of
  each role the first column counts, except "section" (two columns nest: the first gives
  level-1 headings, the second level-2 headings under them) and the extra descriptions
  and tools columns, which are added to the description. Other columns are not read.
* **label** is the item's label, cleaned as elsewhere (emoji, Markdown and a final "."
  removed); the parenthetical stays, since the author put it in the label column.
* **description**: the first description column as written; further description columns
  are appended as "Header: value"; **tools** columns as "Tools: a, b", so the tool
  mentions in them are found. Parts are joined with "; ".
* **section**: one :class:`Heading` per distinct value (per value under its level-1 value
  for the second column). Its ``line`` and ``verbatim`` are those of the first row with
  that value. A row with an empty section cell has no heading at that level.
* Every data row is an Item with the 1-based line where its row starts (a quoted CSV field
  may run over several lines). A row whose label cell is empty is skipped as "empty row"
  (a reason this layout adds); repeated rows fold as everywhere.
* CSV and TSV are read with Python's :mod:`csv`; the delimiter (tab, ";", "," or "|") is
  the first that splits the first line into a header with a recognised label column and
  most rows (:data:`CONSISTENT_SHARE`) into as many cells as the header. A Markdown document may
  hold several pipe tables under ``#`` headings: the Markdown headings enclose the rows
  (levels ranked by depth), section columns nest beneath them, prose around the tables is
  skipped ("preamble", "article text"), and a table without a label column is skipped as
  "article text". A list line under a heading of such a document (a newsletter's "Quick
  hits" after its table) is an item when it reads ``Label — description``, ``Label:
  description`` or ``**Label** ...`` (:func:`gm_graph.ingest.plain_list.split_item`); one
  that opens with a link is skipped as "link", any other as "article text".
* **JSON**: an array of objects, or an object whose first array value holds objects
  (``{"use_cases": [...]}``), read with :mod:`json`. The keys are the header (every key, in
  the order first seen) and play the same roles; a list value (``"tools": ["A", "B"]``) is
  joined with ", ". An item's line is the line holding its label value; the other lines of
  the records (brackets, braces, other keys) are skipped as "json syntax".
* **Key: value records**: blocks of ``Use case: ...`` / ``Description: ...`` /
  ``Industry: ...`` lines (bold keys and bullets allowed) parted by blank lines, every line
  a field; the keys are the header, as for JSON. An item's line is the line of its label
  field; fields of a role are read into the item, others skipped as "unread field".
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable

from gm_graph.ingest import register
from gm_graph.ingest.base import BULLET_GLYPHS, LIST_MARKER as _LIST_MARKER, Ingester, Segment, body_lines
from gm_graph.ingest.markdown_bold import clean_label, unmark
from gm_graph.ingest.plain_list import heading_text, other_section, split_separator, split_item
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair

# A cell that answers nothing ("N/A" in a survey export) is an empty row.
NO_ANSWER = frozenset({"n/a", "na", "n.a", "none", "-", "--", "tbd", "tba", "no", "nothing", "not sure", "?", "idk", "pass"})

# Header words that name each column role (compared after tidying: lower case, no "_"/"-").
COLUMNS: dict[str, tuple[str, ...]] = {
    "label": (
        "use case", "use cases", "usecase", "use case name", "use case title", "name", "title",
        "application", "applications", "label", "item", "capability", "scenario", "scenarios",
    ),
    "description": (
        "description", "descriptions", "details", "detail", "summary", "example", "examples",
        "explanation", "what it does", "how it works", "notes",
    ),
    "section": (
        "industry", "industries", "sector", "category", "categories", "domain", "media",
        "media type", "modality", "type", "group", "area", "vertical", "field",
    ),
    "tools": (
        "tools", "tool", "models", "model", "examples of tools", "example tools", "tools/models",
        "tools and models", "products", "platforms", "vendors", "vendor", "example vendors",
        "providers", "example providers", "solutions",
    ),
}

# Section headers that name the use cases when a table has no label column and starts with one.
LABEL_FALLBACK = frozenset({"category", "categories", "type", "types", "area", "areas"})

# At most this many section columns nest (level 1 and level 2).
MAX_SECTION_COLUMNS = 2
# "Most rows" have as many cells as the header when this share of them does.
CONSISTENT_SHARE = 0.8
# Confidence when the file opens with a recognised header; a Markdown document whose table
# comes after other text scores by the share of its lines that are table or heading lines.
HEADER_FIRST = 0.95
LATE_TABLE_BASE, LATE_TABLE_SHARE = 0.4, 0.5

_DELIMITERS = ("\t", ";", ",", "|")
_MD_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
# A list line of a Markdown document: "- ", "* ", "+ ", "• " (and other bullet glyphs) or "1. ".
_LIST_LINE = re.compile(r"^\s*(?:[-*+\u2013]\s+|[" + BULLET_GLYPHS + r"]\s*|\d{1,3}[.)]\s+)(\S.*)$")
_LINK_FIRST = re.compile(r"^(?:\[[^\]]*\]\([^)]*\)|<?https?://)")

_ASKS_USE_CASE = re.compile(r"\buse ?cases?\b|\bapplications?\b|\bscenarios?\b")
_ASKS_DESCRIPTION = re.compile(r"\bdescribe\b|\bdescription\b|\bexplain\b|\bdetails?\b")
_ROLE_OF: dict[str, str] = {words: role for role, names in COLUMNS.items() for words in names}


def header_key(cell: str) -> str:
    """A header cell tidied for lookup: Markdown dropped, lower case, "_"/"-" as spaces."""
    text = unmark(repair(cell)).casefold().replace("_", " ").replace("-", " ")
    return " ".join(text.strip(" :*#").split())


def column_role(cell: str) -> str | None:
    """The role ("label", "description", "section", "tools") of a header cell, or None."""
    key = header_key(cell)
    for candidate in (key, key[:-1] if key.endswith("s") else key):
        if candidate in _ROLE_OF:
            return _ROLE_OF[candidate]
    return None


def columns(header: list[str]) -> dict[str, list[int]] | None:
    """Column indexes by role for a header row; None when it has no label column."""
    roles: dict[str, list[int]] = {}
    for i, cell in enumerate(header):
        role = column_role(cell)
        if role:
            roles.setdefault(role, []).append(i)
    if "label" not in roles and roles.get("section", [None])[0] == 0 and "description" in roles and header_key(header[0]) in LABEL_FALLBACK:
        # "Category | How it works | Examples": with no label column, a first column of kinds
        # (not of industries or media) names the use cases, one per row.
        roles["label"] = [roles["section"].pop(0)]
    if "label" not in roles:
        # A survey export's question headers: "Which generative AI use case would help your
        # team most?" names the use cases, "Describe it briefly" their descriptions.
        asked = [i for i, cell in enumerate(header) if _ASKS_USE_CASE.search(header_key(cell)) and i not in roles.get("description", [])]
        if asked:
            roles["label"] = asked[:1]
            if "description" not in roles:
                described = [i for i, cell in enumerate(header) if _ASKS_DESCRIPTION.search(header_key(cell)) and i != asked[0]]
                if described:
                    roles["description"] = described[:1]
    if "label" not in roles or len(header) < 2:
        return None
    roles["label"] = roles["label"][:1]
    roles["section"] = roles.get("section", [])[:MAX_SECTION_COLUMNS]
    return roles


def pipe_cells(line: str) -> list[str]:
    """The cells of a Markdown table row (outer pipes dropped, ``\\|`` kept as a pipe)."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [c.strip().replace("\\|", "|") for c in _UNESCAPED_PIPE.split(text)]


def _is_pipe_header(lines: list[str], k: int) -> bool:
    """Whether line ``k`` is a pipe-table header: it holds a pipe and the next line is ``|---|``."""
    return (
        "|" in lines[k]
        and k + 1 < len(lines)
        and "|" in lines[k + 1]
        and bool(_MD_DELIMITER_ROW.match(lines[k + 1]))
    )


def _csv_rows(lines: list[str], delimiter: str) -> list[tuple[int, list[str]]]:
    """``(index of the row's first line, cells)`` for every non-blank row of ``lines``."""
    reader = csv.reader((line + "\n" for line in lines), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    start = 0
    try:
        for cells in reader:
            if cells:  # a blank line gives no cells; ",,," gives empty ones (an empty row)
                rows.append((start, cells))
            start = reader.line_num
    except csv.Error:
        return rows
    return rows


def _first_body_index(lines: list[str]) -> int | None:
    for k, line in enumerate(lines):
        if line.strip() and not _LIST_MARKER.match(line):
            return k
    return None


def _consistent(width: int, rows: list[list[str]]) -> float:
    """The share of ``rows`` with ``width`` cells (0 when there are none)."""
    if not rows:
        return 0.0
    return sum(1 for cells in rows if len(cells) == width) / len(rows)


def _delimited(lines: list[str]) -> tuple[dict[str, list[int]], list[tuple[int, list[str]]]] | None:
    """``(columns, rows)`` when ``lines`` are a CSV/TSV table, else None.

    The first body line must split, at one of :data:`_DELIMITERS`, into a header with a
    label column, and most data rows must have as many cells as the header.
    """
    first = _first_body_index(lines)
    if first is None or lines[first].lstrip().startswith("|") or _MD_HEADING.match(lines[first]):
        return None
    for delimiter in _DELIMITERS:
        if delimiter not in lines[first]:
            continue
        rows = _csv_rows(lines[first:], delimiter)
        cols = columns(rows[0][1]) if rows else None
        if cols is not None and _consistent(len(rows[0][1]), [cells for _, cells in rows[1:]]) >= CONSISTENT_SHARE:
            return cols, [(first + k, cells) for k, cells in rows]
    return None


Records = tuple[list[str], list[tuple[int, dict[str, str]]]]  # header; (label line index, record)


def _json_records(lines: list[str]) -> Records | None:
    """``(header, [(index of the record's label line, record as text cells)])`` when ``lines``
    are a JSON array of objects, or an object whose first array value holds objects; else
    None. The header is every key, in the order first seen."""
    text = "\n".join(lines)
    start = len(text) - len(text.lstrip())
    if not text[start:start + 1] in ("[", "{"):
        return None
    decoder = json.JSONDecoder()
    try:
        whole, _ = decoder.raw_decode(text, start)
    except ValueError:
        return None
    pos = start
    if isinstance(whole, dict):  # {"use_cases": [...]}: the first array of objects
        key = next((k for k, v in whole.items() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)), None)
        if key is None:
            return None
        m = re.search(re.escape(json.dumps(key)) + r"\s*:\s*\[", text[start:])
        if m is None:
            return None
        pos = start + m.end() - 1
    elif not (isinstance(whole, list) and whole and all(isinstance(x, dict) for x in whole)):
        return None
    records: list[tuple[int, int, dict]] = []  # (start, end) offsets in the text, record
    pos += 1  # past "["
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            break
        try:
            record, end = decoder.raw_decode(text, pos)
        except ValueError:
            return None
        if not isinstance(record, dict):
            return None
        records.append((pos, end, record))
        pos = end
    header: list[str] = []
    for _, _, record in records:
        header.extend(k for k in record if k not in header)
    cols = columns(header)
    if cols is None:
        return None
    label_key = header[cols["label"][0]]
    out = []
    for begin, end, record in records:
        at = begin
        value = record.get(label_key)
        if isinstance(value, str):
            hit = text.find(json.dumps(value, ensure_ascii=False), begin, end)
            if hit < 0:
                hit = text.find(json.dumps(value), begin, end)
            if hit >= 0:
                at = hit
        out.append((text.count("\n", 0, at), {key: _json_cell(record.get(key)) for key in header}))
    return header, out


_KV_LINE = re.compile(r"^\s*(?:[-*\u2022]\s+)?(?:\*\*|__)?([A-Za-z][\w /&-]{0,40}?)\s*:(?:\*\*|__)?\s*:?\s*(.*?)\s*$")
KV_MAX_KEY_WORDS = 4


def _kv_records(lines: list[str]) -> Records | None:
    """``(header, [(index of the label line, record)])`` when every
    non-blank line is ``Key: value`` and blank lines part the records (one use case per
    record, its label under a key such as "Use case" or "Name"); else None."""
    blocks: list[list[tuple[int, str, str]]] = []
    current: list[tuple[int, str, str]] = []
    for k, raw in enumerate(lines):
        if not raw.strip() or _LIST_MARKER.match(raw):
            if current:
                blocks.append(current)
                current = []
            continue
        m = _KV_LINE.match(raw)
        if m is None or len(m.group(1).split()) > KV_MAX_KEY_WORDS:
            return None
        current.append((k, m.group(1).strip(), m.group(2)))
    if current:
        blocks.append(current)
    if len(blocks) < 2 or sum(len(b) for b in blocks) < 2 * len(blocks):
        return None
    spelled: dict[str, str] = {}  # keys compare case-insensitively: "Use Case" = "Use case"
    for block in blocks:
        for _, key, _ in block:
            spelled.setdefault(key.casefold(), key)
    blocks = [[(k, spelled[key.casefold()], value) for k, key, value in block] for block in blocks]
    header = list(spelled.values())
    cols = columns(header)
    if cols is None:
        return None
    label_key = header[cols["label"][0]]
    records = []
    for block in blocks:
        record: dict[str, str] = {}
        at = None
        for k, key, value in block:
            record[key] = f"{record[key]}; {value}" if key in record else value
            if key == label_key and at is None:
                at = k
        if at is None:
            return None  # a record without a label: not this shape
        records.append((at, record))
    return header, records


def _read_keys(header: list[str]) -> list[str]:
    """The keys of ``header`` that play a role (read into the items)."""
    cols = columns(header) or {}
    return [header[i] for role in cols.values() for i in role]


def _json_cell(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
    if isinstance(value, (str, int, float)):
        return str(value)
    return ""


@register
class Table(Ingester):
    name = "table"
    summary = "CSV, TSV or Markdown pipe table with a header row (use case, description, industry, tools columns)"

    def detect(self, segment: Segment) -> float:
        lines = segment.lines
        if _delimited(lines) is not None or _json_records(lines) is not None or _kv_records(lines) is not None:
            return HEADER_FIRST
        tables = self._pipe_tables(lines)
        if not tables:
            return 0.0
        first = _first_body_index(lines)
        body = body_lines(lines)
        in_tables = sum(end - start for start, end, _ in tables)
        headings = sum(1 for t in body if _MD_HEADING.match(t))
        rows = [pipe_cells(lines[k]) for start, end, _ in tables for k in range(start + 2, end)]
        width_ok = all(
            _consistent(len(pipe_cells(lines[start])), [pipe_cells(lines[k]) for k in range(start + 2, end)])
            >= CONSISTENT_SHARE
            for start, end, _ in tables
            if end > start + 2
        )
        if not rows or not width_ok:
            return 0.2
        if tables[0][0] == first:
            return HEADER_FIRST
        share = (in_tables + headings) / len(body)
        return round(LATE_TABLE_BASE + LATE_TABLE_SHARE * share, 3)

    @staticmethod
    def _pipe_tables(lines: list[str]) -> list[tuple[int, int, dict[str, list[int]]]]:
        """``(first index, end index, columns)`` of each pipe table with a recognised label column."""
        found = []
        k = 0
        in_fence = False
        while k < len(lines):
            if _FENCE.match(lines[k]):
                in_fence = not in_fence
            if not in_fence and _is_pipe_header(lines, k):
                end = k + 2
                while end < len(lines) and "|" in lines[end] and lines[end].strip():
                    end += 1
                cols = columns(pipe_cells(lines[k]))
                if cols is not None:
                    found.append((k, end, cols))
                k = end
                continue
            k += 1
        return found

    def parse(self, segment: Segment) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        delimited = _delimited(segment.lines)
        records = None if delimited is not None else _json_records(segment.lines)
        fields = None if delimited is not None or records is not None else _kv_records(segment.lines)
        if delimited is not None:
            self._parse_delimited(segment, result, *delimited)
        elif records is not None:
            self._parse_records(segment, result, *records, lambda raw: "json syntax")
        elif fields is not None:
            read = {key.casefold() for key in _read_keys(fields[0])}

            def field_reason(raw: str) -> str | None:
                m = _KV_LINE.match(raw)
                return "list marker" if m is None else None if m.group(1).strip().casefold() in read else "unread field"

            self._parse_records(segment, result, *fields, field_reason)
        else:
            self._parse_markdown(segment, result)
        result.skipped.sort(key=lambda s: s.line)
        return result

    # -- CSV / TSV ------------------------------------------------------------------------

    def _parse_delimited(self, segment, result, cols, rows) -> None:
        numbered = list(segment.numbered())
        header_at = rows[0][0]
        for n, raw in numbered[:header_at]:
            result.skip(n, raw, "list marker" if _LIST_MARKER.match(raw) else "preamble")
        n, raw = numbered[header_at]
        result.skip(n, raw, "section label")
        header = rows[0][1]
        sections: dict[tuple[str, ...], Heading] = {}
        for k, cells in rows[1:]:
            n, raw = numbered[k]
            self._row(segment, result, n, raw, cells, header, cols, (), sections)

    # -- JSON and Key: value records -------------------------------------------------------

    def _parse_records(self, segment, result, header, records, other_line: Callable[[str], str | None]) -> None:
        """One item per record (JSON or ``Key: value``), at its label line; ``other_line(raw)``
        gives the skip reason of every other non-blank line (None: read with its record)."""
        cols = columns(header)
        numbered = list(segment.numbered())
        sections: dict[tuple[str, ...], Heading] = {}
        for at, record in records:
            n, raw = numbered[at]
            self._row(segment, result, n, raw, [record.get(key, "") for key in header], header, cols, (), sections)
        labels = {at for at, _ in records}
        for k, (n, raw) in enumerate(numbered):
            reason = other_line(raw) if k not in labels and raw.strip() else None
            if reason:
                result.skip(n, raw, reason)

    # -- Markdown ---------------------------------------------------------------------------

    def _parse_markdown(self, segment, result) -> None:
        lines = segment.lines
        numbered = list(segment.numbered())
        tables = {start: (end, cols) for start, end, cols in self._pipe_tables(lines)}
        # Heading levels rank the "#" depths used; a lone shallowest heading over deeper ones
        # is the document's title (the markdown-bold rule).
        used = [len(m.group(1)) for t in lines if (m := _MD_HEADING.match(t))]
        depths = sorted(set(used))
        title_depth = depths[0] if len(depths) > 1 and used.count(depths[0]) == 1 else None
        levels = {d: rank for rank, d in enumerate((d for d in depths if d != title_depth), 1)}
        stack: list[Heading] = []
        other: tuple[int, str] | None = None  # (depth, reason) of a section that is not use cases
        seen_table = False
        in_fence = False
        k = 0
        while k < len(lines):
            n, raw = numbered[k]
            if not raw.strip():
                k += 1
                continue
            if _FENCE.match(raw) or in_fence:
                if _FENCE.match(raw):
                    in_fence = not in_fence
                result.skip(n, raw, "code sample")
                k += 1
                continue
            if _LIST_MARKER.match(raw):
                result.skip(n, raw, "list marker")
                k += 1
                continue
            h = _MD_HEADING.match(raw)
            if h:
                depth = len(h.group(1))
                text = heading_text(repair(h.group(2)))
                if other and depth > other[0]:
                    result.skip(n, raw, other[1])
                elif (reason := other_section(text)) is not None:
                    other = (depth, reason)
                    result.skip(n, raw, reason)
                elif depth == title_depth or not text:
                    other = None
                    result.skip(n, raw, "title")
                else:
                    other = None
                    heading = Heading(text=text, verbatim=raw, line=n, level=levels[depth])
                    while stack and stack[-1].level >= heading.level:
                        stack.pop()
                    stack.append(heading)
                    result.headings.append(heading)
                k += 1
                continue
            if k in tables and not other:
                end, cols = tables[k]
                header = pipe_cells(raw)
                result.skip(n, raw, "section label")
                n2, raw2 = numbered[k + 1]
                result.skip(n2, raw2, "separator")
                sections: dict[tuple[str, ...], Heading] = {}
                for j in range(k + 2, end):
                    nj, rawj = numbered[j]
                    self._row(segment, result, nj, rawj, pipe_cells(rawj), header, cols, tuple(stack), sections)
                seen_table = True
                k = end
                continue
            bullet = _LIST_LINE.match(raw) if stack and not other else None
            if bullet:
                self._bullet(segment, result, n, raw, repair(bullet.group(1)), tuple(stack))
                k += 1
                continue
            reason = other[1] if other else ("article text" if seen_table or stack else "preamble")
            result.skip(n, raw, reason)
            k += 1

    @staticmethod
    def _bullet(segment, result, n, raw, content, headings) -> None:
        """A list line outside the tables: an item when it reads "Label — description" or
        "Label: description" (or "**Label** ..."), a "link" when it opens with a link, else
        article text."""
        if _LINK_FIRST.match(content):
            result.skip(n, raw, "link")
            return
        if split_separator(unmark(content)) is None and not content.lstrip().startswith(("**", "__")):
            result.skip(n, raw, "article text")
            return
        label, description = split_item(content)
        if not label:
            result.skip(n, raw, "article text")
            return
        result.add(Item(source=segment.source, line=n, verbatim=raw, label=label, description=description, headings=headings))

    # -- one row ----------------------------------------------------------------------------

    @staticmethod
    def _row(segment, result, n, raw, cells, header, cols, outer, sections) -> None:
        def cell(i: int) -> str:
            return unmark(repair(cells[i])) if i < len(cells) else ""

        label = clean_label(cell(cols["label"][0]))
        if not label or label.casefold().strip(" .!?") in NO_ANSWER:
            result.skip(n, raw, "empty row")
            return
        headings = list(outer)
        path: tuple[str, ...] = ()
        for i in cols["section"]:
            value = heading_text(cell(i))
            if not value:
                break
            path = (*path, value.casefold())
            if path not in sections:
                level = (outer[-1].level if outer else 0) + len(path)
                sections[path] = Heading(text=value, verbatim=raw, line=n, level=level)
                result.headings.append(sections[path])
            headings.append(sections[path])
        parts: list[str] = []
        for rank, i in enumerate(cols.get("description", [])):
            value = cell(i)
            if value:
                parts.append(value if rank == 0 else f"{unmark(repair(header[i])).strip()}: {value}")
        tools = [cell(i) for i in cols.get("tools", []) if cell(i)]
        if tools:
            parts.append("Tools: " + ", ".join(tools))
        result.add(
            Item(
                source=segment.source,
                line=n,
                verbatim=raw,
                label=label,
                description="; ".join(parts),
                headings=tuple(headings),
            )
        )
