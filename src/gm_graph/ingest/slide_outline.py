"""Layout "slide-outline": the text of a slide deck's outline view (PowerPoint, Keynote, Google Slides).

::

    Slide 1: Generative AI in Practice          <- the title slide (skipped with its lines)
    \tUse cases across the business
    Slide 2: Agenda                             <- a slide that holds no use cases (skipped)
    \tWhy now
    Slide 3: Film & TV                          <- Heading (the slide title)
    \tPreviz — rough animated shots            <- Item (one tab in: "Label — description")
    \t\tDirectors test lenses without a crew    <- speaker-note detail (skipped)
    \t360° product spins                        <- Item (a label alone)

Decisions:

* A slide title is ``Slide N: Title`` (or ``Slide N - Title`` / ``Slide N. Title``) at the
  start of a line. Detection claims a document at 0.9 when it has at least
  :data:`MIN_SLIDES` such lines and most of its other lines are indented under them.
* The first slide is the title slide when it is numbered 1: its lines are the deck's title
  and subtitle, not use cases.
* A slide whose title names a section that holds no use cases (agenda, next steps,
  conclusion, ...; :data:`base.OTHER_SECTIONS`) is skipped with its lines.
* A line one level in (one tab, or up to four spaces) is an item; its label is cut at the
  first ``" — "`` / ``" – "`` / ``" - "`` or ``": "`` (:func:`plain_list.split_separator`).
  Deeper lines are the presenter's details under it ("speaker note"), skipped: they are
  remarks about the item (a pilot plan, a caveat), not its description.
"""

from __future__ import annotations

import re

from gm_graph.ingest import register
from gm_graph.ingest.base import Ingester, Segment, other_section
from gm_graph.ingest.markdown_bold import clean_label, split_parenthetical
from gm_graph.ingest.plain_list import split_separator
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair

CONFIDENCE = 0.9
MIN_SLIDES = 3
# Of the non-blank lines that are not slide titles, at least this share must be indented.
MIN_INDENTED = 0.8

_SLIDE = re.compile(r"^slide\s+(\d{1,3})\s*(?:[:.]|\s[-\u2013\u2014])\s*(.*?)\s*$", re.IGNORECASE)


def _depth(raw: str) -> int:
    """0 for a line at the margin, 1 for one tab (or up to four spaces) in, 2 for deeper."""
    stripped = raw.lstrip("\t ")
    lead = raw[: len(raw) - len(stripped)]
    if not lead:
        return 0
    width = lead.count("\t") * 4 + lead.count(" ")
    return 1 if width <= 4 else 2


@register
class SlideOutline(Ingester):
    name = "slide-outline"
    summary = "A slide deck's outline: 'Slide N: Title' lines over tab-indented use cases, deeper lines as speaker notes"

    def detect(self, segment: Segment) -> float:
        lines = [raw for raw in segment.lines if raw.strip()]
        slides = sum(1 for raw in lines if _SLIDE.match(raw))
        if slides < MIN_SLIDES:
            return 0.0
        rest = [raw for raw in lines if not _SLIDE.match(raw)]
        indented = sum(1 for raw in rest if _depth(raw) > 0)
        return CONFIDENCE if rest and indented / len(rest) >= MIN_INDENTED else 0.0

    def parse(self, segment: Segment) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        heading: Heading | None = None
        skipping: str | None = "preamble"  # the reason for the lines under the current slide, if skipped
        for n, raw in segment.numbered():
            if not raw.strip():
                continue
            text = repair(raw).strip()
            slide = _SLIDE.match(text) if _depth(raw) == 0 else None
            if slide:
                number, title = int(slide.group(1)), slide.group(2)
                skipping = "title" if number == 1 and not result.headings else other_section(title)
                if skipping:
                    result.skip(n, raw, skipping)
                    heading = None
                    continue
                heading = Heading(clean_label(title), raw, n, 1)
                result.headings.append(heading)
                continue
            if skipping:
                result.skip(n, raw, skipping)
            elif _depth(raw) != 1 or heading is None:
                result.skip(n, raw, "speaker note" if heading is not None else "article text")
            else:
                label, description = split_separator(text) or split_parenthetical(text)
                result.add(Item(segment.source, n, raw, clean_label(label), description, headings=(heading,)))
        return result
