"""Layout "bare-lines": one use case per line, no bullets or numbers (pasted from slides or notes).

::

    Generative media use cases        <- title (a lone first line over a blank line)

    Healthcare                        <- Heading (the first line of a block of several)
    Medical imaging synthesis         <- Item
    Patient education videos          <- Item

    Retail                            <- Heading
    Virtual try-on                    <- Item

Decisions:

* Blocks are parted by blank lines. In a document of two or more blocks of several lines,
  each block's first line heads it; a block of one line is its own item (or, first in the
  document, the title). A document that is one block is a list of items.
* A line is phrase-like when it is short (at most :data:`MAX_WORDS` words), does not end in
  sentence punctuation, has no ``: `` and no bullet, number or Markdown marker (those are read by ``plain-list``). Detection claims
  the document at 0.55 (just above refusal, below every other layout) only when at least
  :data:`MIN_SHARE` of its lines are phrase-like and it has three or more items; other lines
  are skipped as "article text".
"""

from __future__ import annotations

import re

from gm_graph.ingest import register
from gm_graph.ingest.base import Ingester, Segment
from gm_graph.ingest.markdown_bold import clean_label, split_parenthetical
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair

CONFIDENCE = 0.55
MAX_WORDS = 8
MIN_SHARE = 0.8
MIN_ITEMS = 3


_MARKED = re.compile(r"^\s*(?:[-*+#>|\u2022]|\d{1,3}[.)]|[a-zA-Z][.)]\s)")


def _phrase(text: str) -> bool:
    """A short line that names something: no marker, no sentence end, no "Label: text"."""
    text = text.strip()
    return bool(text) and not _MARKED.match(text) and len(text.split()) <= MAX_WORDS and not text.endswith((".", "!", "?", ":", ";", ",")) and ": " not in text


def _blocks(segment: Segment) -> list[list[tuple[int, str]]]:
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for n, raw in segment.numbered():
        if raw.strip():
            current.append((n, raw))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


@register
class BareLines(Ingester):
    name = "bare-lines"
    summary = "One use case per line with no bullets or numbers; blocks parted by blank lines, each headed by its first line"

    def detect(self, segment: Segment) -> float:
        lines = [repair(raw) for raw in segment.lines if raw.strip()]
        if not lines or sum(map(_phrase, lines)) / len(lines) < MIN_SHARE:
            return 0.0
        return CONFIDENCE if len(self.parse(segment).items) >= MIN_ITEMS else 0.0

    def parse(self, segment: Segment) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        blocks = _blocks(segment)
        headed = sum(1 for b in blocks if len(b) > 1) >= 2
        for k, block in enumerate(blocks):
            heading: Heading | None = None
            lines = block
            if k == 0 and len(block) == 1 and len(blocks) > 1:
                result.skip(block[0][0], block[0][1], "title")
                continue
            if headed and len(block) > 1:
                n, raw = block[0]
                heading = Heading(clean_label(repair(raw).strip()), raw, n, 1)
                result.headings.append(heading)
                lines = block[1:]
            for n, raw in lines:
                text = repair(raw).strip()
                if not _phrase(text):
                    result.skip(n, raw, "article text")
                    continue
                label, description = split_parenthetical(text)
                result.add(Item(segment.source, n, raw, clean_label(label), description, headings=(heading,) if heading else ()))
        return result
