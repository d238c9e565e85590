"""Text copied out of a PDF: page furniture removed and hard-wrapped lines joined, line for line.

Text taken from a PDF report (select all, copy, paste into a ``.txt``) keeps the page's line
breaks: every line is cut at the column width, words are hyphenated across line ends, each
page repeats its running header and footer ("Page 3 of 12"), and bullets are often glyphs of
a symbol font (U+F0B7 ``\uf0b7``). The layouts would read each wrapped line as a line of its
own. :func:`unwrap` renders such text so they do not, keeping **one output line per input
line** (as :mod:`gm_graph.ingest.html` does), so ``Item.line`` is the line of the file where
the item starts::

    CONFIDENTIAL – licensed              Page 3 of 12  ->  (empty: page furniture)
    Northbridge Insights — The Outlook 2024            ->  (empty: a running header)
    3. Virtual try-on. Apparel brands render items     ->  3. Virtual try-on. Apparel brands render items onto a shopper's own photo.
       onto a shopper's own photo.                     ->  (empty: joined to the line above)
    \uf0b7 Game asset prototyping — props gener-            ->  • Game asset prototyping — props generated from concept art.
      ated from concept art.                           ->  (empty)

Rules:

* **Which text**: :func:`looks_like_pdf_text` — at least two page-number lines ("Page 3 of
  12", "- 3 -", "3 / 12"), or at least three words hyphenated across a line end together with
  symbol-font bullets or form feeds. Other text is left as it is.
* **Page furniture**: page-number lines, and any line (20+ characters, not a list item)
  that occurs two or more times within three lines of a page-number line or of a page break
  (form feed), are emptied.
* **Bullets**: a line opening with a symbol-font or typographic bullet glyph opens with ``•``.
* **Joining**: inside a block of lines with no empty line between them, a line that does not
  open a list item (``•``, ``-``, ``*``, ``1.``, ``a)``) continues the line above it and is
  joined to the line where that item or paragraph starts, and left empty. A word hyphenated
  at the line end is joined without its hyphen ("conven-" + "tional"), unless the part before
  the hyphen holds a hyphen itself ("look-and-" + "feel") or the document writes the word
  with its hyphen elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter

from gm_graph.ingest.base import BULLET_GLYPHS

# "Page 3 of 12", "Page 3", "- 3 -", "3 / 12", a bare page number.
_PAGE_NUMBER = re.compile(
    r"(?i)^\s*(?:.*\bpage\s+\d+(?:\s*(?:of|/)\s*\d+)?\b.*|[-–—]?\s*\d{1,3}\s*[-–—]?|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
_HYPHEN_BREAK = re.compile(r"[A-Za-z]-$")
# Bullet glyphs of symbol fonts (Symbol, Wingdings: private-use code points), then the
# typographic ones every layout knows.
_SYMBOL_FONT_GLYPHS = "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf071"
_GLYPH_BULLET = re.compile(f"^(\\s*)[{_SYMBOL_FONT_GLYPHS}{BULLET_GLYPHS}]\\s*")
_LIST_START = re.compile(r"^\s*(?:[•\-*+]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|\(\w{1,3}\)\s)")


def _is_page_number(line: str) -> bool:
    t = line.strip()
    return bool(t) and len(t) <= 120 and bool(_PAGE_NUMBER.match(t)) and not _LIST_START.match(line)


def looks_like_pdf_text(text: str) -> bool:
    """Whether ``text`` shows the marks of a PDF copied as text (see the module docstring)."""
    lines = text.splitlines()
    # A bare number is no sign on its own (a list's counts, a table's cells): "page" or a
    # dashed or slashed number is.
    pages = sum(1 for t in lines if _is_page_number(t) and re.search(r"(?i)\bpage\b|[-–—]\s*\d+\s*[-–—]|\d\s*/\s*\d", t))
    if pages >= 2:
        return True
    hyphens = sum(
        1 for a, b in zip(lines, lines[1:]) if _HYPHEN_BREAK.search(a.rstrip()) and re.match(r"\s*[a-z]", b)
    )
    glyphs = sum(1 for t in lines if re.match(f"^\\s*[{_SYMBOL_FONT_GLYPHS}]", t))
    return hyphens >= 3 and (glyphs >= 2 or "\f" in text)


def _furniture(lines: list[str]) -> set[int]:
    """Indexes of page-number lines and of running headers/footers next to them."""
    numbers = {i for i, t in enumerate(lines) if _is_page_number(t) or "\f" in t}
    near = {j for i in numbers for j in range(i - 3, i + 4) if 0 <= j < len(lines)}

    def key(t: str) -> str:
        return re.sub(r"\d+", "#", " ".join(t.split()))

    counts = Counter(key(lines[j]) for j in near if len(lines[j].strip()) >= 20 and not _LIST_START.match(lines[j]))
    running = {k for k, c in counts.items() if c >= 2}
    return numbers | {j for j in near if key(lines[j]) in running}


def _join(head: str, tail: str, words: set[str]) -> str:
    """``head`` continued by the wrapped line ``tail``."""
    head, tail = head.rstrip(), tail.strip()
    if _HYPHEN_BREAK.search(head) and tail[:1].islower():
        fragment = head.rsplit(None, 1)[-1]
        rest = tail.split(None, 1)[0]
        hyphenated = f"{fragment}{rest}".strip(".,;:!?)").lower()
        if "-" in fragment[:-1] or hyphenated in words:
            return head + tail
        return head[:-1] + tail
    return f"{head} {tail}"


def unwrap(text: str) -> list[str]:
    """Render PDF-copied text as lines with page furniture emptied and wrapped lines joined
    onto the line where their item or paragraph starts; one output line per input line."""
    lines = [_GLYPH_BULLET.sub(r"\1• ", t.replace("\f", "")) for t in text.splitlines()]
    words = {w.lower().strip(".,;:!?()\"'") for t in lines for w in t.split() if "-" in w[1:-1]}
    drop = _furniture(text.splitlines())
    out = ["" if i in drop else t.rstrip() for i, t in enumerate(lines)]
    start: int | None = None  # the line the current item or paragraph starts on
    for i, t in enumerate(out):
        if not t.strip():
            if i not in drop:
                start = None  # an empty line ends the block; furniture lines do not
            continue
        if start is None or _LIST_START.match(t):
            start = i
            continue
        out[start] = _join(out[start], t, words)
        out[i] = ""
    return out
