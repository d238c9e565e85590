"""Roman-numeral outlines: ``I.`` sections, ``Group:`` sub-headers, ``Label: description`` items.

The layout of List 4 in the assistant lists::

    Here's an exhaustive list of ...                        <- preamble (skipped)
    I. Visual Content Generation (2D Images & Art)          <- level-1 heading
    Concept Art & Ideation:                                 <- group item
    Rapid Concept Generation: Quickly producing ...         <- item, parent = the group
    II. 3D Model & Asset Generation
    ...
    This list highlights the broad and deep impact ...      <- closing remark (skipped)

A Roman numeral counts as a heading only when it continues the sequence (I, II, III, ...),
so lettered sub-levels such as ``C.`` or ``D.`` are never read as 100 or 500. Sub-headers may
carry a letter or number (``A. Concept Art:``) and items a bullet or number; a sub-header
with nothing nested under it is read as an ordinary item. Nothing before the first heading is
an item (a title such as "Generative AI: Use Cases and Applications" reads like one). Prose
lines (long, or ending in a full stop) are skipped: before the first heading as preamble,
after the last item as a closing remark, elsewhere as a section intro.
"""

from __future__ import annotations

import re

from gm_graph.ingest import register
from gm_graph.ingest.base import LIST_MARKER as _LIST_MARKER, Ingester, Segment, body_lines
from gm_graph.ingest.markdown_bold import MAX_LABEL_WORDS, clean_label, split_parenthetical, unmark
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair, strip_symbols

_ROMAN_HEADING = re.compile(r"^\s*(?:#{1,6}\s*)?(?:\*\*)?([IVXLCDM]+)[.)]\s+(\S.*?)\s*$")
_VALID_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_LETTERED = re.compile(r"^[A-Z][.)]\s+")  # "A. Concept Art" (a sub-header)
_MARKER = re.compile(r"^(?:[-*+\u2022\u2013]|\d{1,3}[.)]|[a-z][.)])\s+")  # bullets, "1.", "a)"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_value(numeral: str) -> int:
    """The value of a well-formed Roman numeral ("IV" -> 4); 0 when it is not one."""
    if not numeral or not _VALID_ROMAN.match(numeral):
        return 0
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < nxt else value
    return total


def roman_headings(lines: list[str]) -> dict[int, tuple[int, str]]:
    """Indexes of the lines that are Roman-numeral headings in sequence: index -> (value, text)."""
    found: dict[int, tuple[int, str]] = {}
    expected = 1
    for i, raw in enumerate(lines):
        m = _ROMAN_HEADING.match(raw)
        if m and roman_value(m.group(1)) == expected:
            found[i] = (expected, m.group(2))
            expected += 1
    return found


def _is_label(head: str) -> bool:
    head = head.strip()
    return bool(head) and len(head.split()) <= MAX_LABEL_WORDS and head[-1] not in ".!?"


def classify(text: str) -> tuple[str, str, str]:
    """Read one non-heading line: ``(kind, label, description)``.

    kind is "group" (a sub-header ``Label:``), "item" (``Label: description``), "short"
    (a short line without colon, an item only when nested in a group) or "prose".
    """
    lettered = bool(_LETTERED.match(text))
    text = unmark(_MARKER.sub("", _LETTERED.sub("", text)))
    if text.endswith(":") and ": " not in text and _is_label(text[:-1]):
        return "group", clean_label(text[:-1]), ""
    head, sep, tail = text.partition(": ")
    if sep and _is_label(head) and tail.strip():
        return "item", clean_label(head), tail.strip()
    if lettered and _is_label(text):
        return "group", clean_label(text), ""
    if _is_label(text):
        label, description = split_parenthetical(text)
        return "short", clean_label(label), description
    return "prose", "", ""


@register
class RomanOutline(Ingester):
    name = "roman-outline"
    summary = "Roman-numeral sections over 'Group:' sub-headers and 'Label: description' lines (assistant List 4)"

    def detect(self, segment: Segment) -> float:
        body = body_lines(segment.lines)
        if not body:
            return 0.0
        headings = roman_headings(segment.lines)
        if len(headings) < 2:
            return 0.0  # an outline has at least I. and II.
        kinds = [classify(repair(t.strip()))[0] for i, t in enumerate(segment.lines) if t.strip() and i not in headings]
        groups = kinds.count("group")
        outline = len(headings) + groups + kinds.count("item")
        score = outline / len(body)
        if not groups:
            score *= 0.6
        return round(max(0.0, min(1.0, score)), 3)

    def parse(self, segment: Segment) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        headings = roman_headings(segment.lines)
        pending: list[tuple[int, str, str]] = []
        heading: Heading | None = None
        group: Item | None = None
        groups: list[Item] = []
        last_content = 0

        for k, (n, raw) in enumerate(segment.numbered()):
            if not raw.strip():
                continue
            if _LIST_MARKER.match(raw):
                pending.append((n, raw, "list marker"))
                continue
            if k in headings:
                text = unmark(strip_symbols(repair(headings[k][1]))).rstrip(":").strip()
                heading = Heading(text=text, verbatim=raw, line=n, level=1)
                result.headings.append(heading)
                group, last_content = None, n
                continue
            kind, label, description = classify(repair(raw.strip()))
            if kind == "prose" or (kind == "short" and group is None) or heading is None:
                pending.append((n, raw, "section intro" if heading else "preamble"))
                continue
            item = Item(
                source=segment.source,
                line=n,
                verbatim=raw,
                label=label,
                description=description,
                headings=(heading,) if heading else (),
                parent=None if kind == "group" else group,
                kind="group" if kind == "group" else "item",
            )
            added = result.add(item)
            if kind == "group":
                group = added
                groups.append(added)
            last_content = n

        # A sub-header with nothing nested under it is an ordinary item.
        parents = {id(it.parent) for it in result.items if it.parent is not None}
        for g in groups:
            if id(g) not in parents:
                g.kind = "item"
        for n, raw, reason in pending:
            if reason == "section intro" and n > last_content:
                reason = "closing remark"
            result.skip(n, raw, reason)
        return result
