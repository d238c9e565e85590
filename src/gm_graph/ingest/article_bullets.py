"""Layout "article-bullets": a web article with numbered sections holding "•" bullets.

The shape (data/sources/image-generation-article.txt)::

    Generative AI - Practical Use Cases of Image Generation     <- title
    Understanding Generative AI and Image Generation            <- article text
    Key Practical Use Cases of AI Image Generation              <- section label
    1. Marketing and Advertising                                <- Heading, level 1
    Marketers are among the earliest adopters of ...            <- article text
      • Personalized Campaigns: AI can generate visuals ...     <- Item
    Example: Coca-Cola's 2023 "Create Real Magic" campaign ...  <- example
    Step-by-Step Guide: Using AI for Image Generation           <- guide step (whole section)

Decisions:

* Only the numbered sections ("1. Marketing and Advertising") are headings, all level 1,
  so a use case's section is its industry, as in the other layouts. The article's own
  structure lines are not headings: the line announcing the use-case sections ("Key
  Practical Use Cases of ...") is skipped as "section label", and the headings of the
  explanatory sections before it ("Understanding ...", "How Image Generation Works") are
  skipped with their paragraphs as "article text".
* Sections that hold no use cases are recognised by the words their heading starts with,
  listed once in :data:`gm_graph.ingest.base.OTHER_SECTIONS` (shared by every layout); the heading line and everything up to the next
  numbered section get that section's reason (the step list of the guide, the "Best
  Practices" bullets, the FAQ to the end of the page).
* Code is recognised line by line (comments, imports, assignments, calls, closing
  brackets), wherever it stands; this also catches the copy collapsed onto one line.
* A paragraph after the bullets of a use-case section is "example" when it starts like
  one ("Example:", "For example", "Companies like ...", "Platforms like ..."), otherwise
  it is "article text", like every other paragraph.
* Web-page furniture ("logo", "line", "Beginner 5 Hours", the copyright line) is skipped
  as "article text" wherever it stands (see :data:`PAGE_CHROME`), including after the FAQ.
* A repeat of the title line means the page repeats the article: it is skipped as
  "title" and reading starts over. Every line is repaired before it is classified, so
  the garbled first copy and the clean second copy give the same heading texts and
  labels, and :meth:`ParseResult.add` folds the second copy's bullets into the first
  (their lines land in ``Item.also_lines``). Both copies' headings are recorded.
"""

from __future__ import annotations

import re

from gm_graph.ingest import register
from gm_graph.ingest.base import Ingester, Segment, other_section
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair, strip_symbols

# A heading-like line naming the use-case part of the article ("Key Practical Use Cases of ...").
_USE_CASES_LABEL = re.compile(r"\buse[- ]cases\b", re.IGNORECASE)

# Web-page furniture that came along with the article text.
PAGE_CHROME: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(logo|line|menu|share|advertisement)$", re.IGNORECASE),
    re.compile(r"^(beginner|intermediate|advanced)\s+\d+\s+(hours?|hrs?|minutes?|mins?)$", re.IGNORECASE),
    re.compile(r"(©|\bcopyrights?\b|\ball rights reserved\b)", re.IGNORECASE),
)

# Paragraphs that illustrate the bullets above them.
_EXAMPLE = re.compile(
    r"^(examples?\s*:|for (example|instance)\b|e\.g\.|"
    r"(companies|platforms|brands|firms|tools|retailers|studios) (like|such as)\b)",
    re.IGNORECASE,
)

_CODE: tuple[re.Pattern[str], ...] = (
    re.compile(r"^\s*#\s"),  # a comment: "# Example (Python pseudocode)"
    re.compile(r"^\s*(from\s+[\w.]+\s+)?import\s+\w"),
    re.compile(r"^\s*[A-Za-z_][\w.]*(\[[^\]]*\])*\s*=\s*\S"),  # assignment / keyword argument
    re.compile(r"^\s*[A-Za-z_][\w.]*\(.*\)\s*$"),  # a bare call: "print(image_url)"
    re.compile(r"^\s*[)\]}]+[,;]?\s*$"),  # closing brackets
)

_NUMBERED_HEADING = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_BULLET = re.compile(r"^\s*[•●▪◦‣∙]\s*(\S.*)$")
_LABEL_SPLIT = re.compile(r"^([^:]{1,80}?):\s+(\S.*)$")


def _is_code(text: str) -> bool:
    return any(p.search(text) for p in _CODE)


def _is_heading_like(text: str) -> bool:
    """A short, unindented line that does not end like a sentence."""
    return (
        bool(text)
        and not text[0].isspace()
        and len(text) <= 90
        and not text.rstrip().endswith((".", "?", "!", ",", ";"))
    )


def _other_section(text: str) -> str | None:
    """The skip reason when a heading-like line names a section that holds no use cases."""
    return other_section(text) if _is_heading_like(text) else None


def _numbered_heading(text: str) -> str | None:
    """The heading text of "1. Marketing and Advertising", or None for any other line."""
    if not _is_heading_like(text):
        return None
    m = _NUMBERED_HEADING.match(text)
    if not m or ": " in m.group(2):
        return None
    return strip_symbols(m.group(2)).rstrip(":").strip() or None


def split_label(text: str) -> tuple[str, str]:
    """Split "Label: description" into (label, description); a line without a short label -> (text, "")."""
    text = text.strip()
    m = _LABEL_SPLIT.match(text)
    if m and len(m.group(1).split()) <= 8:
        return m.group(1).strip().rstrip("."), m.group(2).strip()
    return text.rstrip(".").strip(), ""


@register
class ArticleBullets(Ingester):
    name = "article-bullets"
    summary = 'Web article: numbered sections ("1. Marketing") holding "• Label: description" bullets.'

    def detect(self, segment: Segment) -> float:
        bullets = headings = 0
        for _, raw in segment.numbered():
            text = repair(raw)
            m = _BULLET.match(text)
            if m and text[0].isspace() and _LABEL_SPLIT.match(m.group(1)):
                bullets += 1
            elif _numbered_heading(text):
                headings += 1
        if not bullets:
            return min(0.3, 0.15 * headings)
        return round(0.6 * min(1.0, bullets / 3) + 0.4 * min(1.0, headings / 2), 3)

    def parse(self, segment: Segment) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        title: str | None = None
        section: Heading | None = None  # the open use-case section, if any
        other: str | None = "article text"  # skip reason of the open non-use-case part
        seen_bullet = False  # the open use-case section has had a bullet

        for n, raw in segment.numbered():
            if not raw.strip():
                continue
            text = repair(raw).rstrip()
            plain = text.strip()

            if title is None:
                title = plain.casefold()
                result.skip(n, raw, "title")
                continue
            if plain.casefold() == title:  # the page repeats the article from the top
                result.skip(n, raw, "title")
                section, other, seen_bullet = None, "article text", False
                continue
            if any(p.search(plain) for p in PAGE_CHROME):
                result.skip(n, raw, "article text")
                continue
            if _is_code(text):
                result.skip(n, raw, "code sample")
                continue
            heading_text = _numbered_heading(text)
            if heading_text:
                section = Heading(heading_text, raw, n, 1)
                result.headings.append(section)
                other, seen_bullet = None, False
                continue
            reason = _other_section(text)
            if reason:
                section, other = None, reason
                result.skip(n, raw, reason)
                continue
            if _is_heading_like(text) and _USE_CASES_LABEL.search(plain):
                section, other = None, "article text"
                result.skip(n, raw, "section label")
                continue
            if other is not None or section is None:
                result.skip(n, raw, other or "article text")
                continue

            bullet = _BULLET.match(text)
            if bullet:
                label, description = split_label(bullet.group(1))
                result.add(Item(segment.source, n, raw, label, description, (section,)))
                seen_bullet = True
            elif seen_bullet and _EXAMPLE.match(plain):
                result.skip(n, raw, "example")
            else:
                result.skip(n, raw, "article text")
        return result
