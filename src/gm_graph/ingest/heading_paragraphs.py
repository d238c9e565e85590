"""Layout "heading-paragraphs": each use case is a Markdown heading with prose under it.

Web articles ("25 Generative AI Use Cases") and chat answers are written this way::

    # 25 Generative AI Use Cases in 2025             <- title (skipped)
    Generative AI is changing how teams ...          <- preamble (skipped)
    ## Marketing                                     <- Heading (it has headings under it)
    ### 1. Product Description Images                <- Item (a heading with no heading under it)
    Retailers generate on-brand product shots.       <- its description (first paragraph)
    More detail in a second paragraph.               <- skipped as "item detail"
    ## Conclusion                                    <- not use cases: skipped with all it holds

Decisions:

* Headings are ATX (``## Title``), setext (``Title`` over ``===`` or ``---``), a bold line
  alone (``**1. Virtual Try-On**``, ranked below every ``#`` depth; not an attribute such as
  ``**Example:**``), or a short unindented line opening with an emoji or a circled number
  (``✍️ 1. Content Creation``, ``① Text Generation — ...``: web articles saved as text;
  ranked below a bold line; not a remark such as ``💡 Why it matters: ...``).
* A document with none of those headings (web page text saved as ``.txt``) may mark its
  headings by layout alone: a short capitalised line standing alone between blank lines,
  not ending like a sentence or a "Label:" line, is a heading; one followed directly by
  another such line is a section, and the document's first line, when it is one, is the
  title. A non-bullet line ``Models: Veo, Sora`` under an item counts as an attribute too.
* A leaf heading that is a question ("What Is Generative AI?") heads an explanation, not a
  use case: it and its paragraphs are skipped as "article text".
* A heading is an **item** when no deeper heading follows it before the next heading at its
  own level or an outer one (a leaf); every other heading is a **section** and becomes a
  :class:`Heading` of the items under it. Numbering ("1.", "#1", "Use case 3:") is dropped
  from labels; a heading "Label: description" or "Label — description" is split like an
  item line.
* The item's description is the first paragraph under its heading, then any attribute
  bullets (``- **Tools:** Veo, Sora``, ``- What it is: ...``: :data:`base.ATTRIBUTES`)
  joined with "; " (so tool mentions in them are found); further paragraphs are
  skipped as "item detail", and bullets under an item heading too (a document with many
  bullets under its headings is a list, which ``plain-list`` reads instead).
* The first heading is the title when it is the only heading at the outermost level used;
  prose before the first section or item is the preamble. A heading that names something
  other than use cases (conclusion, FAQ, references, ... :data:`gm_graph.ingest.base.OTHER_SECTIONS`)
  is skipped with all it holds, down to the next heading at its own or an outer level.
* When every item heading has exactly one bullet under it, and the bullets run at least two
  words longer than the headings on average, those bullets are descriptions ("### Virtual
  try-on" / "- See clothes on you before buying"), not one-item sections.
* **Detection** claims a document when at least three leaf headings have prose under them
  and most of them do, and their bodies hold few bullets: up to 0.75, above the catch-all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gm_graph.ingest import register
from gm_graph.ingest.base import ATTRIBUTES, Ingester, Segment, attribute_detail
from gm_graph.ingest.emoji_sections import symbol_prefix
from gm_graph.ingest.markdown_bold import split_label, unmark
from gm_graph.ingest.plain_list import (
    REMARK_LABELS,
    heading_text,
    other_section,
    split_item,
    split_separator,
)
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair

MAX_CONFIDENCE = 0.75
MIN_ITEMS = 3
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")  # setext: "Title" over "=====" (depth 1) or "-----" (2)
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*:?\s*$")  # a bold line alone: below every "#" depth
BOLD_DEPTH = 7
# A line opening with an emoji or a circled number ("✍️ 1. Content Creation", "① Text
# Generation — ..."), short and not a "Label: text" remark: below a bold line.
SYMBOL_DEPTH = 8
MAX_SYMBOL_HEADING_WORDS = 12
_CIRCLED = re.compile(r"^[\u2460-\u2473\u2776-\u2793]\s*")
# In a document with no marked heading at all (web page text saved as .txt), a short title-like
# line standing alone between blank lines is a heading: one with another such line right after
# it is a section (PLAIN_SECTION_DEPTH), the others are PLAIN_DEPTH; the document's first
# line, when it is one, is its title (outermost).
PLAIN_TITLE_DEPTH = 9
PLAIN_SECTION_DEPTH = 10
PLAIN_DEPTH = 11
MAX_PLAIN_HEADING_WORDS = 10
MAX_PLAIN_HEADING_CHARS = 90
_BULLET = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+(\S.*)$")  # group 1: the bullet's text
# "#1", "Use case 3:", "No. 4 -" before a label.
_ORDINAL = re.compile(r"^(?:#\d{1,3}|(?:use[- ]case|no\.?|number)\s*#?\d{1,3})\s*[:.)\u2013\u2014-]?\s*", re.IGNORECASE)


def attribute(raw: str) -> str | None:
    """A bullet such as ``- **Tools:** Veo, Sora`` (or such a line without a bullet) that
    describes the item above it, as the text to add to its description ("Tools: Veo, Sora"; a
    "What it is:" value alone); else None."""
    m = _BULLET.match(raw)
    text = m.group(1) if m else symbol_prefix(repair(raw).strip())[1]  # also "Models: Veo, Sora" alone on a line
    if not text or (m is None and (raw[:1] in " \t" or ":" not in text)):
        return None
    label, value = split_item(repair(text).strip())
    return attribute_detail(label, value) if value else None


def symbol_heading(raw: str) -> str | None:
    """The text of a line that opens with an emoji or a circled number and reads as a
    heading ("✍️ 1. Content Creation", "🔍 What Is Generative AI?"); None for any other line,
    and for a remark such as "💡 Why it matters: Saves time"."""
    text = repair(raw).strip()
    prefix, rest = symbol_prefix(text)
    if not prefix:
        m = _CIRCLED.match(text)
        if not m:
            return None
        rest = text[m.end() :]
    rest = rest.strip()
    words = rest.rstrip(":?").split()
    if not words or len(words) > MAX_SYMBOL_HEADING_WORDS or ": " in rest or rest.endswith((".", "!", ",", ";")):
        return None
    return rest


@dataclass
class _Heading:
    index: int  # position in the segment's lines
    line: int  # 1-based line in the file
    raw: str
    depth: int  # number of "#" (setext: 1 or 2; a bold line alone: BOLD_DEPTH; SYMBOL_DEPTH, PLAIN_*)
    text: str  # cleaned
    leaf: bool = False
    body_from: int = 0  # position of the first body line (after a setext underline)


def _headings(segment: Segment) -> list[_Heading]:
    out: list[_Heading] = []
    fenced = False
    lines = segment.lines
    underline_at = -1
    for i, (n, raw) in enumerate(segment.numbered()):
        if _FENCE.match(raw):
            fenced = not fenced
            continue
        if fenced or i == underline_at or not raw.strip():
            continue
        m = _HEADING.match(raw)
        if m:
            out.append(_Heading(i, n, raw, len(m.group(1)), heading_text(repair(m.group(2))), body_from=i + 1))
            continue
        below = lines[i + 1] if i + 1 < len(lines) else ""
        u = _UNDERLINE.match(below)
        if u and not _BULLET.match(raw) and not _UNDERLINE.match(raw) and raw[:1] not in " \t":
            depth = 1 if u.group(1).startswith("=") else 2
            out.append(_Heading(i, n, raw, depth, heading_text(repair(raw)), body_from=i + 2))
            underline_at = i + 1
            continue
        b = _BOLD_LINE.match(raw)
        if b and b.group(2).strip().rstrip(":").casefold() not in ATTRIBUTES | REMARK_LABELS:
            out.append(_Heading(i, n, raw, BOLD_DEPTH, heading_text(repair(b.group(2))), body_from=i + 1))
            continue
        symbol = symbol_heading(raw) if raw[:1] not in " \t" else None
        if symbol is not None:
            out.append(_Heading(i, n, raw, SYMBOL_DEPTH, heading_text(symbol), body_from=i + 1))
    if not out:
        out = _plain_headings(segment)
    for k, h in enumerate(out):
        nxt = out[k + 1] if k + 1 < len(out) else None
        h.leaf = nxt is None or nxt.depth <= h.depth
    return out


def plain_heading(text: str) -> bool:
    """A line that reads as a title: short, capitalised, not a sentence, a bullet or a
    "Label: text" line (an ordinal such as "Use case 2:" may open it)."""
    text = text.strip()
    rest = _ORDINAL.sub("", text)
    first = next((c for c in text if c.isalnum()), "")
    return (
        bool(rest)
        and len(text) <= MAX_PLAIN_HEADING_CHARS
        and len(text.split()) <= MAX_PLAIN_HEADING_WORDS
        and (first.isupper() or first.isdigit())
        and not text.endswith((".", ",", ";", ":", "!"))
        and ": " not in rest
        and not _BULLET.match(text)
    )


def _plain_headings(segment: Segment) -> list[_Heading]:
    """Plain title lines that stand alone between blank lines (or the start and end)."""
    lines = [repair(t) for t in segment.lines]
    found: list[int] = []
    for i, text in enumerate(lines):
        if not text.strip() or text[:1] in " \t":
            continue
        alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())
        if alone and plain_heading(text):
            found.append(i)
    out: list[_Heading] = []
    for k, i in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        between = lines[i + 1 : nxt] if nxt is not None else lines[i + 1 :]
        empty = nxt is not None and not any(t.strip() for t in between)
        depth = PLAIN_SECTION_DEPTH if empty else PLAIN_DEPTH
        if k == 0 and not any(t.strip() for t in lines[:i]):
            depth = PLAIN_TITLE_DEPTH  # the page's first line is its title
        out.append(_Heading(i, segment.start + i, segment.lines[i], depth, heading_text(lines[i]), body_from=i + 1))
    return out


def _title_index(heads: list[_Heading]) -> int | None:
    """The first heading, when it is the only one at the outermost depth used."""
    if len(heads) < 2:
        return None
    top = min(h.depth for h in heads)
    at_top = [h for h in heads if h.depth == top]
    return 0 if len(at_top) == 1 and heads[0].depth == top else None


def _bodies(segment: Segment, heads: list[_Heading]) -> list[list[tuple[int, str]]]:
    """The non-heading lines under each heading, up to the next heading, as (line, raw)."""
    bodies: list[list[tuple[int, str]]] = []
    for k, h in enumerate(heads):
        end = heads[k + 1].index if k + 1 < len(heads) else len(segment.lines)
        bodies.append([(segment.start + i, segment.lines[i]) for i in range(h.body_from, end)])
    return bodies


def _label(text: str) -> tuple[str, str]:
    text = _ORDINAL.sub("", unmark(text)).strip()
    label, description = split_label(text)
    if not description:  # "Text Generation — The Most Widely Used Field"
        dashed = split_separator(text)
        if dashed is not None:
            return dashed
    return label, description


def _lone_bullet(body: list[tuple[int, str]]) -> str | None:
    """The text of a body that is exactly one (non-attribute) bullet, else None."""
    lines = [raw for _, raw in body if raw.strip()]
    bullet = _BULLET.match(lines[0]) if len(lines) == 1 else None
    return bullet.group(1) if bullet and attribute(lines[0]) is None else None


def _bullets_describe(leaves: list[tuple[_Heading, list[tuple[int, str]]]]) -> bool:
    """Whether every item heading has exactly one bullet under it: then the bullets are their
    descriptions ("### Virtual try-on" / "- See clothes on you"), not one-item sections."""
    if len(leaves) < MIN_ITEMS:
        return False
    texts = [_lone_bullet(body) for _, body in leaves]
    if any(t is None for t in texts):
        return False
    # Descriptions run longer than names: "## Retail" / "- Virtual try-on" is a one-item section.
    bullet_words = sum(len(t.split()) for t in texts) / len(texts)
    heading_words = sum(len(h.text.split()) for h, _ in leaves) / len(leaves)
    return bullet_words >= heading_words + 2


@register
class HeadingParagraphs(Ingester):
    name = "heading-paragraphs"
    summary = "Markdown headings as use cases, each with a paragraph under it (web articles)"

    def detect(self, segment: Segment) -> float:
        heads = _headings(segment)
        title = _title_index(heads)
        leaves = [
            (h, body)
            for k, (h, body) in enumerate(zip(heads, _bodies(segment, heads)))
            if h.leaf and k != title and not other_section(h.text) and not h.text.endswith("?")
        ]
        if len(leaves) < MIN_ITEMS:
            return 0.0
        if _bullets_describe(leaves):
            return MAX_CONFIDENCE
        with_prose = sum(1 for _, body in leaves if any(t.strip() and (not _BULLET.match(t) or attribute(t)) for _, t in body))
        bullets = sum(1 for _, body in leaves for _, t in body if _BULLET.match(t) and not attribute(t))
        if with_prose < MIN_ITEMS or bullets > len(leaves):
            return 0.0
        return round(MAX_CONFIDENCE * with_prose / len(leaves), 3)

    def parse(self, segment: Segment) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        heads = _headings(segment)
        title = _title_index(heads)
        bodies = _bodies(segment, heads)
        depths = sorted({h.depth for k, h in enumerate(heads) if not h.leaf and k != title})
        first = heads[0].index if heads else len(segment.lines)
        lone_describes = _bullets_describe(
            [(h, b) for k, (h, b) in enumerate(zip(heads, bodies)) if h.leaf and k != title and not other_section(h.text)]
        )
        for n, raw in list(segment.numbered())[:first]:
            result.skip(n, raw, "preamble")
        stack: list[tuple[int, Heading]] = []  # (depth, heading) of the open sections
        skipping: tuple[int, str] | None = None  # (depth, reason) of an "other" section
        for k, (h, body) in enumerate(zip(heads, bodies)):
            if h.body_from == h.index + 2:  # a setext heading's underline
                result.skip(h.line + 1, segment.lines[h.index + 1], "separator")
            if skipping is not None and h.depth > skipping[0]:
                result.skip(h.line, h.raw, skipping[1])
                for n, raw in body:
                    result.skip(n, raw, skipping[1])
                continue
            skipping = None
            if k == title:
                result.skip(h.line, h.raw, "title")
                for n, raw in body:
                    result.skip(n, raw, "preamble")
                continue
            while stack and stack[-1][0] >= h.depth:
                stack.pop()
            reason = other_section(h.text)
            if reason is not None:
                skipping = (h.depth, reason)
                result.skip(h.line, h.raw, reason)
                for n, raw in body:
                    result.skip(n, raw, reason)
                continue
            if not h.leaf:
                section = Heading(h.text, h.raw, h.line, depths.index(h.depth) + 1)
                result.headings.append(section)
                stack.append((h.depth, section))
                for n, raw in body:
                    result.skip(n, raw, "section intro")
                continue
            if h.text.endswith("?"):  # "What Is Generative AI?": a question heads explanation, not a use case
                result.skip(h.line, h.raw, "article text")
                for n, raw in body:
                    result.skip(n, raw, "article text")
                continue
            label, description = _label(h.text)
            paragraph: list[str] = []
            attributes: list[str] = []
            in_first = True
            for n, raw in body:
                text = repair(raw).strip()
                if not text:
                    if paragraph:
                        in_first = False
                    continue
                detail = attribute(raw)
                if detail is not None:
                    attributes.append(detail)
                    continue
                bullet = _BULLET.match(raw)
                if in_first and not _FENCE.match(raw) and (bullet is None or lone_describes):
                    paragraph.append(unmark(bullet.group(1).strip() if bullet else symbol_prefix(text)[1]))  # "💡 Why it matters: ..."
                    continue
                in_first = False
                result.skip(n, raw, "item detail")
            if description and paragraph and not description.endswith((".", "!", "?", ":", ";")):
                description += "."
            description = " ".join(x for x in (description, " ".join(paragraph)) if x)
            description = "; ".join(x for x in (description, *attributes) if x)
            if not label:
                result.skip(h.line, h.raw, "empty heading")
                continue
            result.add(Item(segment.source, h.line, h.raw, label, description, headings=tuple(s for _, s in stack)))
        result.skipped.sort(key=lambda s: s.line)
        return result
