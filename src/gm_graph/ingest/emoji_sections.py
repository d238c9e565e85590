"""Layout "emoji-sections": industry sections under emoji-numbered headings (List 1).

A list in this layout reads::

    🧠 1. Advertising & Marketing
    Goal: Automate creative asset generation, shorten production time, ...
    Use Cases
    Ad concept generation: Rapid storyboard & ad concept visualization.
    Generative architecture or furniture concepts.
    ⚡ 16. Miscellaneous & Emerging Applications
    Memory reconstruction (therapeutic visuals)

Each section heading starts with an emoji (in the sources often garbled into mojibake
such as ``üß†``) and a section number. Under it come an optional ``Goal:`` line, an
optional ``Use Cases`` label, then one use case per line: ``Label: description``, or a
bare label whose trailing parenthetical is its description.

The line helpers here (emoji prefixes, label splitting) are shared with the
"label-paragraphs" layout, whose lists are written by the same kind of chat assistant.
"""

from __future__ import annotations

import re
import unicodedata

from gm_graph.ingest import register
from gm_graph.ingest.base import BULLET_GLYPHS, Ingester, Segment
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair, strip_symbols

LIST_MARKER = re.compile(r"^\s*List\s+\d+\s*:\s*$")
GOAL = re.compile(r"^(?:goals?|objectives?)\s*:", re.IGNORECASE)
USE_CASES = re.compile(r"^(?:key\s+|example\s+)?use[\s-]+cases\s*:?$", re.IGNORECASE)
# Chat assistants close with an offer or a question; a use case never reads like this.
CLOSING = re.compile(
    r"^(?:would you like|do you want|want me to|shall i|should i|if you(?:'d| would)? like|"
    r"if you want|let me know|i can also|i hope)\b",
    re.IGNORECASE,
)
SEPARATOR = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,})$")

_LEADING_RUN = re.compile(r"^([^\x00-\x7f\s]+)\s+(\S.*)$")
_NUMBER = re.compile(r"^(\d{1,3})[.)]\s+(?=\S)")
_BULLET = re.compile(r"^(?:[-*" + BULLET_GLYPHS + r"]|\d{1,3}[.)])\s+")
_TRAILING_PAREN = re.compile(r"^(.*?\S)\s*\(([^()]+)\)\s*\.?$")
# Characters an emoji is made of once repaired: pictographs, variation selectors, joiners.
_EMOJI_CATEGORIES = {"So", "Sk", "Mn", "Me", "Cf"}

# A "Label" in "Label: description" is a short name, not a clause.
MAX_LABEL_WORDS = 8
MAX_LABEL_CHARS = 80
# A bare line longer than this is prose, not a use case.
MAX_BARE_ITEM_WORDS = 20


def symbol_prefix(text: str) -> tuple[str, str]:
    """Split a leading emoji (or the mojibake it became) from ``text``: ``(prefix, rest)``.

    ``text`` should already be repaired. A repaired emoji is a run of pictographs; an
    emoji that :func:`repair` could not restore is a run of two or more non-ASCII
    characters that is not a word (``üß†``). A bullet (``•``) or dash is no prefix.
    """
    m = _LEADING_RUN.match(text.strip())
    if not m:
        return "", text.strip()
    run, rest = m.groups()
    if all(c in BULLET_GLYPHS for c in run):
        return "", text.strip()  # "●" / "○" / "■" are bullets, though Unicode files them as symbols
    cats = [unicodedata.category(c) for c in run]
    if all(c in _EMOJI_CATEGORIES for c in cats) and any(c == "So" for c in cats):
        return run, rest
    if len(run) >= 2 and not all(c.startswith("L") for c in cats):
        return run, rest
    return "", text.strip()


def split_number(text: str) -> tuple[str, str]:
    """Split a section number ``"12. "`` from ``text``: ``(number, rest)``; number is "" if none."""
    m = _NUMBER.match(text)
    if not m:
        return "", text
    return m.group(1), text[m.end() :]


def is_heading_like(text: str) -> bool:
    """A title rather than a use case: no ``Label: description`` split and no closing period."""
    body = text.rstrip(":").strip()
    return bool(body) and ": " not in body and not body.endswith((".", "?", "!"))


def emoji_heading(text: str) -> tuple[str, str] | None:
    """``(number, title)`` when repaired ``text`` is an emoji heading, else None."""
    prefix, rest = symbol_prefix(text)
    if not prefix or not is_heading_like(rest):
        return None
    return split_number(rest)


def heading_text(text: str) -> str:
    """Clean heading text: emoji, section number and trailing ':' removed."""
    _, rest = symbol_prefix(text)
    _, rest = split_number(strip_symbols(rest))
    return rest.rstrip(":").strip()


def strip_bullet(text: str) -> str:
    """Drop a leading emoji, bullet or item number and Markdown bold markers."""
    _, text = symbol_prefix(text)
    return _BULLET.sub("", text).replace("**", "").strip()


def clean_label(label: str) -> str:
    return label.strip().rstrip(".").strip()


def is_short_label(text: str) -> bool:
    """Whether ``text`` reads as a use-case name (the part before ``": "``), not a clause."""
    text = text.strip()
    words = text.split()
    return (
        0 < len(words) <= MAX_LABEL_WORDS
        and len(text) <= MAX_LABEL_CHARS
        and not text.endswith((".", ",", ";"))
        and ". " not in text
    )


def split_label(text: str) -> tuple[str, str] | None:
    """``("Label", "description")`` for a ``Label: description`` line with a short label, else None.

    A line that is only ``Label:`` gives ``("Label", "")``.
    """
    if text.endswith(":") and ": " not in text:
        label = text[:-1]
        return (clean_label(label), "") if is_short_label(label) else None
    if ": " not in text:
        return None
    label, description = text.split(": ", 1)
    if not is_short_label(label):
        return None
    return clean_label(label), description.strip()


def split_parenthetical(text: str) -> tuple[str, str]:
    """A bare line: ``"Memory reconstruction (therapeutic visuals)"`` -> label, description."""
    m = _TRAILING_PAREN.match(text)
    if m:
        return clean_label(m.group(1)), m.group(2).strip()
    return clean_label(text), ""


@register
class EmojiSections(Ingester):
    name = "emoji-sections"
    summary = "Emoji-numbered industry sections ('🧠 1. Advertising') with Goal/Use Cases lines and 'Label: description' items"

    def detect(self, segment: Segment) -> float:
        lines = [repair(t).strip() for t in segment.lines if t.strip()]
        sections = 0
        emoji_numbered = 0
        for i, text in enumerate(lines):
            found = emoji_heading(text)
            if found is not None:
                sections += 1
                emoji_numbered += bool(found[0])
            elif self._plain_heading(lines, i):
                sections += 1
        if not sections:
            return 0.0
        markers = sum(1 for t in lines if GOAL.match(t) or USE_CASES.match(t))
        structure = min(1.0, markers / (2 * sections))
        return round(min(1.0, 0.55 * emoji_numbered / sections + 0.55 * structure), 3)

    @staticmethod
    def _plain_heading(lines: list[str], i: int) -> bool:
        """A numbered title without emoji ("2. Retail") followed by a Goal or Use Cases line."""
        number, rest = split_number(lines[i])
        if not number or not is_heading_like(rest) or i + 1 >= len(lines):
            return False
        return bool(GOAL.match(lines[i + 1]) or USE_CASES.match(lines[i + 1]))

    def parse(self, segment: Segment) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        numbered = [(n, raw, repair(raw).strip()) for n, raw in segment.numbered() if raw.strip()]
        texts = [t for _, _, t in numbered]
        section: Heading | None = None
        items_in_section = 0
        for i, (n, raw, text) in enumerate(numbered):
            if LIST_MARKER.match(text):
                result.skip(n, raw, "list marker")
                continue
            if emoji_heading(text) is not None or self._plain_heading(texts, i):
                section = Heading(heading_text(text), raw, n, 1)
                result.headings.append(section)
                items_in_section = 0
                continue
            if section is None:
                result.skip(n, raw, "preamble")
            elif GOAL.match(text):
                result.skip(n, raw, "goal line")
            elif USE_CASES.match(text):
                result.skip(n, raw, "section label")
            elif SEPARATOR.match(text):
                result.skip(n, raw, "separator")
            elif CLOSING.match(text) or text.endswith("?"):
                result.skip(n, raw, "closing remark")
            elif (item := self._item(segment.source, n, raw, text, section)) is None:
                # A label-only line ("Examples:") or a paragraph of prose.
                if text.endswith(":"):
                    reason = "section label"
                else:
                    reason = "section intro" if not items_in_section else "article text"
                result.skip(n, raw, reason)
            else:
                result.add(item)
                items_in_section += 1
        return result

    @staticmethod
    def _item(source: str, n: int, raw: str, text: str, section: Heading) -> Item | None:
        body = strip_bullet(text)
        split = split_label(body)
        if split is not None:
            label, description = split
            if not description:  # "Label:" alone heads nothing in this layout
                return None
        elif len(body.split()) > MAX_BARE_ITEM_WORDS:
            return None
        else:
            label, description = split_parenthetical(body)
        if not label:
            return None
        return Item(source, n, raw, label, description, headings=(section,))
