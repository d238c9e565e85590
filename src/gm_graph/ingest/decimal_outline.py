"""Decimal outlines: ``1.`` sections, ``1.1 Label – description`` items, ``a)`` sub-points.

The layout of a report copied out of a word processor::

    Generative AI in the Creative Industries              <- title
    Prepared for the Working Group, March 2025            <- preamble
    Introduction                                          <- a section that holds no use cases
    This paper maps where ...                             <-   (skipped with it)
    1. Film and Television                                <- level-1 heading
    1.1 Storyboard generation – Panel-by-panel ...        <- item
    1.2 Previsualisation – Rough animated versions ...    <- item with nested items (a group)
       a) Technical previs: lens choices, rigs ...        <- item, parent = 1.2
    9. Recommendations                                    <- a section that holds no use cases:
    9.1 Publish a disclosure policy ...                   <-   its numbered advice is skipped

Decisions:

* A **heading** is a line ``N. Title`` (or ``N) Title``) that is short, does not end like a
  sentence and has no label separator; its number must continue the sequence (1, 2, 3 ...),
  so a numbered sentence inside a section is never a heading.
* An **item** is a line ``N.M`` (or ``N.M.K``) followed by its text; a sub-point is an
  indented line ``a)`` / ``(a)`` / ``i.`` / ``-`` / ``•`` under an item. The text splits into label
  and description at the first ``": "`` or spaced dash after a short label
  (:func:`gm_graph.ingest.plain_list.split_separator`); a short text without one is all label.
  A numbered line that reads as a sentence (no separator, longer than a label) is prose.
* ``N.M.K`` items and sub-points are nested under the ``N.M`` item above them, which then
  becomes a **group** (kind "group": its nested items are narrower use cases).
* A heading named in :data:`gm_graph.ingest.base.OTHER_SECTIONS` (Introduction,
  Recommendations, References, ...) holds no use cases: it and every line up to the next
  heading are skipped with its reason; so are the paragraphs of the Introduction before
  the first numbered heading.
* Other lines: the first line is the title; lines before the first heading are the preamble;
  prose inside a section is a "section intro", after the last item a "closing remark".
"""

from __future__ import annotations

import re

from gm_graph.ingest import register
from gm_graph.ingest.base import LIST_MARKER as _LIST_MARKER, Ingester, Segment, body_lines, other_section
from gm_graph.ingest.markdown_bold import MAX_LABEL_WORDS, clean_label, unmark
from gm_graph.ingest.plain_list import split_separator
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair, strip_symbols

_HEADING = re.compile(r"^(\d{1,2})[.)]\s+(\S.*?)\s*$")
_ITEM = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})((?:\.\d{1,2})*)\.?\s+(\S.*?)\s*$")
_SUB = re.compile(r"^\s+(?:\(?[a-z]\)|\(?(?:i{1,3}|iv|v|vi{0,3}|ix|x)[.)]|[a-z]\.|[-*\u2022\u2013])\s+(\S.*?)\s*$")
MAX_HEADING_WORDS = 10

# Share of the non-blank lines that must be outline lines (headings, items, sub-points).
MIN_OUTLINE_SHARE = 0.5


def _heading(raw: str) -> tuple[int, str] | None:
    """``(number, text)`` of a line shaped like a section heading, else None."""
    m = _HEADING.match(raw)
    if not m:
        return None
    text = unmark(strip_symbols(repair(m.group(2)))).rstrip(":").strip()
    if not text or len(text.split()) > MAX_HEADING_WORDS or text.endswith((".", "?", "!", ";", ",")):
        return None
    if split_separator(text) is not None:
        return None
    return int(m.group(1)), text


def headings(lines: list[str]) -> dict[int, tuple[int, str]]:
    """Indexes of the heading lines in sequence (1, 2, 3 ...): index -> (number, text)."""
    found: dict[int, tuple[int, str]] = {}
    expected = 1
    for i, raw in enumerate(lines):
        h = _heading(raw)
        if h and h[0] == expected:
            found[i] = h
            expected += 1
    return found


def split_text(text: str) -> tuple[str, str] | None:
    """``(label, description)`` of an item's text, or None when it reads as a sentence."""
    text = unmark(repair(text))
    split = split_separator(text)
    if split is not None:
        return split
    bare = text.rstrip(":").strip()
    if len(bare.split()) <= MAX_LABEL_WORDS and not bare.endswith((".", "?", "!", ";")):
        return clean_label(bare), ""
    return None


@register
class DecimalOutline(Ingester):
    name = "decimal-outline"
    summary = "Numbered sections '1. Title' over '1.1 Label – description' items and 'a)' sub-points (a report's outline)"

    def detect(self, segment: Segment) -> float:
        body = body_lines(segment.lines)
        if not body:
            return 0.0
        items = sum(1 for t in body if _ITEM.match(t))
        found = headings(segment.lines)
        if items < 3 or not found:
            return 0.0
        subs = sum(1 for t in body if _SUB.match(t))
        share = (items + subs + len(found)) / len(body)
        if share < MIN_OUTLINE_SHARE:
            return 0.0
        return round(min(1.0, 0.5 + share / 2), 3)

    def parse(self, segment: Segment) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        heads = headings(segment.lines)
        heading: Heading | None = None
        other: str | None = None  # the skip reason of a section that holds no use cases
        group: Item | None = None  # the N.M item that sub-points nest under
        groups: list[Item] = []
        pending: list[tuple[int, str, str]] = []
        seen_title = False
        last_item = 0
        for k, (n, raw) in enumerate(segment.numbered()):
            if not raw.strip():
                continue
            if _LIST_MARKER.match(raw):
                result.skip(n, raw, "list marker")
                continue
            if k in heads:
                text = heads[k][1]
                other = other_section(text)
                if other:
                    result.skip(n, raw, other)
                    heading = group = None
                    continue
                heading = Heading(text=text, verbatim=raw, line=n, level=1)
                result.headings.append(heading)
                group = None
                continue
            if other is None and heading is None and other_section(raw.strip()):
                other = other_section(raw.strip())  # "Introduction" before the first section
                result.skip(n, raw, other)
                continue
            if other:
                result.skip(n, raw, other)
                continue
            if heading is None:
                result.skip(n, raw, "preamble" if seen_title else "title")
                seen_title = True
                continue
            m = _ITEM.match(raw)
            sub = None if m else _SUB.match(raw)
            split = split_text(m.group(4) if m else sub.group(1)) if (m or sub) else None
            if split is None or (sub and group is None):
                pending.append((n, raw, "section intro"))
                continue
            nested = bool(sub) or bool(m and m.group(3))
            label, description = split
            item = Item(
                source=segment.source,
                line=n,
                verbatim=raw,
                label=label,
                description=description,
                headings=(heading,),
                parent=group if nested else None,
            )
            added = result.add(item)
            if not nested:
                group = added
                groups.append(added)
            last_item = n
        parents = {id(it.parent) for it in result.items if it.parent is not None}
        for g in groups:
            if id(g) in parents:
                g.kind = "group"
        for n, raw, reason in pending:
            result.skip(n, raw, "closing remark" if n > last_item else reason)
        result.skipped.sort(key=lambda s: s.line)
        return result
