"""Layout "plain-list": the catch-all for list documents that no more specific layout claims.

A newcomer's list may come in any of the shapes people (and chat assistants) write lists
in. This ingester reads the common ones::

    # Generative Media Use Cases                     <- title (skipped)
    Generative models now reach every industry.      <- preamble (skipped)
    ## Healthcare                                    <- Heading (Markdown "#".."######")
    Healthcare:                                      <- Heading ("Heading:" alone on a line)
    **Healthcare**                                   <- Heading (a bold line)
    Retail and Fashion                               <- Heading (a short Title Case line over list items)
    3. Healthcare                                    <- Heading (a numbered line over bullets)
    II. Content creation                             <- Heading (a Roman numeral over "A." ...)
    - Medical imaging: synthetic scans               <- Item ("Label: description")
    * Patient education – animated explainers        <- Item ("Label – description", "Label - description")
    1) **Drug discovery**: molecule renders          <- Item (bold label, as in markdown-bold)
    a) Triage chat bots (text and voice)             <- Item (a final parenthetical is the description)
    - Visual effects                                 <- group Item ...
      - Crowd multiplication                         <- ... its nested bullets are its children
    ## Conclusion                                    <- not use cases: skipped with all it holds

Decisions:

* **Moderate detection.** :meth:`PlainList.detect` parses the segment and scores how much
  of it was read as headings and items against the prose it could not place (preamble,
  section intros, article text; a recognised FAQ or conclusion does not count against it),
  capped at :data:`MAX_CONFIDENCE` (0.6), so any layout-specific ingester that recognises a
  document with more confidence reads it. Fewer than three items scale the score down.
* **Headings.** Markdown headings (ATX ``#`` and setext ``===``/``---`` underlines), a
  bold line, a ``Heading:`` line alone, a short Title Case line directly followed by list
  items, and a numbered, lettered or emoji-marked short line directly followed by bullets
  (or by deeper-indented items); an emoji-marked short line is a heading unless more
  emoji-marked lines follow it. Heading levels follow the order in which the document
  first uses each heading style (as reStructuredText ranks its underline styles);
  Markdown depths keep their order among themselves. The first heading is the document's
  title (skipped as "title") when it comes before any item and either names use cases /
  applications or is, not directly over items, the only heading of its style among others
  (a lone ``#`` over ``##`` sections; the markdown-bold rule).
* **Items.** Bullets (``-`` ``*`` ``+`` ``•`` and kin), numbers (``1.`` ``1)`` ``(1)``
  ``1.2``), letters (``a)`` ``a.`` ``A.``) and emoji-marked lines. A bullet indented under
  another is its child and the outer one becomes a group. A bullet that is only
  ``Label:`` with more bullets at the same indent right below heads those bullets as a
  group. Unbulleted ``Label: description`` lines are items too when they stand in a run of
  labelled lines or right against a list line (so a lone "Note: ..." in prose, or a
  "Caveats: ..." paragraph after the last bullet, is not).
* **Item details.** A nested bullet whose label is an attribute name ("Description:",
  "Example:", "Tools:", "Benefits:" ... see :data:`ATTRIBUTES`) is not a use case: it is
  appended to its parent's description as "Label: value" (so tool mentions are found). An
  indented plain line right under an item continues it (CommonMark puts it in the same
  list item) and is appended to the description; so is an unindented sentence directly
  under a numbered item that has no description yet ("1. Virtual try-on" / "See clothes on
  you."). Such lines are read, not skipped.
* **Skipped.** Prose is "preamble" before the first heading or item, "section intro"
  between a heading and its first item, "article text" elsewhere, and "closing remark"
  after the last item (or when it asks a question / offers more). Fenced code is "code
  sample", tables "article text" (their ``|---|`` rows "separator"), ``---`` rules
  "separator", ``Goal:`` lines "goal line", ``Example: ...`` lines "example", ``Use
  cases:`` / ``Examples:`` labels "section label", video links "video link". Sections
  whose heading names something other than use cases (:data:`OTHER_SECTIONS`: conclusion,
  FAQ, key takeaways, references, best practices, ...) are skipped whole with that
  section's reason, down to the next heading at the same or an outer level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gm_graph.ingest import register
from gm_graph.ingest.base import BULLET_GLYPHS, glyph_level, LIST_MARKER as _LIST_MARKER, ATTRIBUTES, OTHER_SECTIONS, Ingester, Segment, attribute_detail, other_section  # noqa: F401  (re-exported)
from gm_graph.ingest.emoji_sections import CLOSING, GOAL, USE_CASES, symbol_prefix
from gm_graph.ingest.label_paragraphs import VIDEO
from gm_graph.ingest.markdown_bold import (
    clean_label,
    front_matter_end,
    split_bold,
    split_parenthetical,
    unmark,
)
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair, strip_symbols

# The most this catch-all claims: a layout-specific ingester at or above it wins.
MAX_CONFIDENCE = 0.6
# The share of heading and item lines (among them and the unplaced prose lines) at which
# the catch-all is fully confident; below it the score falls off in proportion.
FULL_SHARE = 0.5
# Fewer items than this and the document is hardly a list: the score is scaled down.
MIN_ITEMS = 3
# Detection reads at most this many lines (it parses them, which costs more than a glance).
DETECT_LINES = 1000



# Labels that make an unbulleted "Label: text" line a remark, not a use case.
REMARK_LABELS: frozenset[str] = frozenset(
    {"note", "notes", "tip", "tips", "warning", "disclaimer", "source", "sources", "update",
     "tl;dr", "tldr", "summary", "example", "examples", "e.g", "for example", "goal", "goals",
     "objective", "objectives", "ps", "p.s",
     # page metadata copied with an article
     "meta description", "meta title", "seo title", "keywords", "tags", "author", "published", "updated",
     "last updated", "reading time",
     # page properties of a note-taking app's export (Notion, Confluence)
     "created", "created by", "created time", "last edited", "last edited by", "last edited time",
     "owner", "assignee", "prepared by"}
)

# A label before ": " longer than this is a clause; before a dash the limit is tighter,
# since dashes also stand in the middle of sentences.
MAX_LABEL_WORDS = 12
MAX_DASH_LABEL_WORDS = 8
MAX_LABEL_CHARS = 100
# Headings are short.
MAX_HEADING_WORDS = 10
MAX_HEADING_CHARS = 90
# A plain line over list items is a heading when Title Case, or at most this many words.
MAX_LOWERCASE_HEADING_WORDS = 4
# Emoji-marked or numbered lines are only headings when they stand at most this far in.
MAX_HEADING_INDENT = 3
# A line ending in ":" with more words than this is a sentence leading into a list, not a heading.
MAX_INTRO_COLON_WORDS = 6
# Lines of prose that may stand between a heading and the first item under it.
MAX_INTRO_LINES = 3

_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_SEPARATOR = re.compile(r"^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,}|(?:~\s*){3,})$")
_TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_BOLD_LINE = re.compile(r"^(\*\*|__)(.+?)\1\s*:?\s*$")
# (class, pattern): group 1 the indent, group 2 the item text.
_LIST_ITEM: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bullet", re.compile(r"^(\s*)[-*+\u2013]\s+(\S.*)$")),
    ("bullet", re.compile(r"^(\s*)[" + BULLET_GLYPHS + r"]\s*(\S.*)$")),  # • ● ○ ◦ ▪ ■ ...
    ("number", re.compile(r"^(\s*)(?:\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?|\(\d{1,3}\))\s+(\S.*)$")),
    ("letter", re.compile(r"^(\s*)(?:[a-z][.)]|\([a-z]\))\s+(\S.*)$")),
    ("roman", re.compile(r"^(\s*)[IVX]{2,5}[.)]\s+(\S.*)$")),  # "II.", "IV." ("I." reads as a capital letter)
    ("upper", re.compile(r"^(\s*)[A-Z][.)]\s+(\S.*)$")),
)
_NUMBERING = re.compile(
    r"^(?:\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?|\(\d{1,3}\)|[IVXLCDM]+[.)]|[A-Za-z][.)]|\([a-z]\)|\d{1,2}(?=\s+[A-Z]))\s+"
)
# "🚀 ... Here are 7 use cases I've seen this quarter 👇": an emoji-marked line that leads into
# the list is the post's opening, not an item.
_LEAD_IN = re.compile(r"\b(?:here(?:'s|\u2019s| is| are)|below (?:is|are)|the following|these are)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)\s+\d{4}|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})+\s")  # "2.1 Image", "1.2.3 Tools": no final dot
_DASH = re.compile(r"\s(?:--?|[\u2013\u2014])\s|\u2014")  # " - ", " -- ", " – ", " — ", "—"
_URL_ONLY = re.compile(r"^(?:<?https?://\S+>?|\[[^\]]*\]\([^)]*\))$")
_USE_CASE_WORDS = re.compile(r"\buse[- ]?cases?\b|\bapplications?\b", re.IGNORECASE)
_CHATTY = re.compile(
    r"^(?:here(?:'s|\u2019s| is| are)|sure\b|certainly|absolutely|of course|great\b|okay\b|ok\b|"
    r"below\b|the following\b|following\b|these\b|this\b|in this\b|let'?s\b|i\b|i'm\b|we\b|you\b)",
    re.IGNORECASE,
)
_INTRO_WORDS = re.compile(r"\b(?:following|below|include|includes|including)\b", re.IGNORECASE)
_EXAMPLE = re.compile(r"^(?:examples?\s*:\s*\S|for (?:example|instance)\b|e\.g\.)", re.IGNORECASE)
_EXAMPLES_LABEL = re.compile(r"^(?:examples?|some examples|for example)\s*:?$", re.IGNORECASE)
_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with vs via per & / + -".split()
)


@dataclass
class _Line:
    """One non-blank line, classified by its form alone."""

    n: int  # 1-based line number in the file
    raw: str  # the line as in the file
    text: str  # repaired, trailing spaces removed
    kind: str  # "skip", "table", "md", "list" or "plain"
    reason: str = ""  # for "skip" and "table"
    indent: int = 0
    marker: str = ""  # for "list": bullet, number, letter, roman, upper, symbol
    content: str = ""  # the text after the marker (list), the heading text (md), the stripped text (plain)
    depth: int = 0  # for "md": the number of "#"


# --- text helpers ---------------------------------------------------------------------

_UPPER_MARK = re.compile(r"^\s*\(?([A-Z]{1,4})[.)]\s")


# First words of bullets that state what a use case brings ("Reduces trial costs", "Improves
# recall"), not a use case: such bullets describe the item above them.
BENEFIT_VERBS = frozenset(
    """reduces improves enhances augments preserves predicts increases enables saves speeds boosts
    lowers cuts accelerates eliminates minimizes minimises streamlines shortens ensures protects
    raises drives maximizes maximises""".split()
)


def _benefit(content: str) -> bool:
    """Whether a bullet's text states a benefit ("Reduces trial risks and costs")."""
    first = unmark(content).split(maxsplit=1)
    return bool(first) and first[0].casefold() in BENEFIT_VERBS


def _letter(line: _Line) -> str:
    """The capital letter or Roman numeral that marks an "upper" list line ("I", "A"), or ""."""
    m = _UPPER_MARK.match(line.text)
    return m.group(1) if m else ""


def heading_text(text: str) -> str:
    """Clean heading text: emoji, Markdown, numbering ("3.", "A.", "IV.") and a final ":" removed."""
    _, text = symbol_prefix(text)
    text = unmark(strip_symbols(text))
    text = _NUMBERING.sub("", text)
    return text.rstrip(":").strip()


def _short_label(head: str, max_words: int) -> bool:
    head = head.strip()
    return (
        bool(head)
        and len(head.split()) <= max_words
        and len(head) <= MAX_LABEL_CHARS
        and not head.endswith((".", ",", ";", "!", "?"))
        and ". " not in head
    )


def split_separator(text: str) -> tuple[str, str] | None:
    """``(label, description)`` at the first ``": "`` or spaced dash that follows a short label."""
    best: tuple[int, str, str] | None = None
    colon = text.find(": ")
    if colon > 0 and _short_label(text[:colon], MAX_LABEL_WORDS):
        best = (colon, text[:colon], text[colon + 2 :])
    dash = _DASH.search(text)
    if dash and dash.start() > 0 and _short_label(text[: dash.start()], MAX_DASH_LABEL_WORDS):
        if best is None or dash.start() < best[0]:
            best = (dash.start(), text[: dash.start()].rstrip(), text[dash.end() :])
    if best is None or not best[2].strip():
        return None
    return clean_label(best[1]), best[2].strip()


def split_item(content: str) -> tuple[str, str]:
    """Label and description of a list item's text (repaired, marker removed).

    Bold labels follow the markdown-bold rules; plain text splits at ``": "`` or a spaced
    dash after a short label; a line that is only ``Label:`` has no description; otherwise
    a parenthetical at the end is the description.
    """
    bold = split_bold(content)
    if bold is not None:
        return bold
    text = unmark(content)
    split = split_separator(text)
    if split is not None:
        return split
    if text.endswith(":") and ": " not in text:
        return clean_label(text[:-1]), ""
    sentence = _SENTENCE_LABEL.match(text)
    if sentence and sentence.group(1).split()[-1].casefold() not in _ABBREVIATIONS and len(sentence.group(2).split()) >= 4:
        return clean_label(sentence.group(1)), sentence.group(2).strip()
    label, description = split_parenthetical(text)
    return clean_label(label), description


# "Virtual try-on. Apparel brands render items onto a shopper's photo." (a report's numbered
# list, often copied from a PDF): a first sentence of a few words with no verb-like comma,
# then sentences, is a label and its description.
_SENTENCE_LABEL = re.compile(r"^([A-Z0-9][^.,;:!?]{2,80}?)\.\s+([A-Z\"'“].*)$")
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "st", "no", "vs", "inc", "co", "ltd", "fig", "e.g", "i.e", "approx"})


def _title_case(text: str) -> bool:
    words = re.findall(r"[^\W_][\w'\u2019&/-]*", text)
    big = [w for w in words if w.casefold() not in _SMALL_WORDS]
    return bool(big) and all(w[0].isupper() or w[0].isdigit() for w in big)


def _heading_like(text: str) -> bool:
    """Short, and not ending like a sentence or a clause."""
    text = text.strip()
    return (
        bool(text)
        and len(text) <= MAX_HEADING_CHARS
        and len(text.split()) <= MAX_HEADING_WORDS
        and not text.endswith((".", "?", "!", ",", ";"))
    )


def _titled(text: str) -> bool:
    """A short line that reads as a title: capitalised, and Title Case or a few words."""
    first = next((c for c in text if c.isalnum()), "")
    return (
        _heading_like(text)
        and ": " not in text
        and (first.isupper() or first.isdigit())
        and not _CHATTY.match(text)
        and (_title_case(text) or len(text.split()) <= MAX_LOWERCASE_HEADING_WORDS)
    )


def _append(item: Item, text: str, sep: str) -> None:
    text = text.strip()
    if text:
        item.description = f"{item.description}{sep}{text}" if item.description else text


# --- the ingester ---------------------------------------------------------------------


@register
class PlainList(Ingester):
    name = "plain-list"
    summary = "Any list document: Markdown or plain headings over bullet or numbered items (the catch-all)"

    def detect(self, segment: Segment) -> float:
        if len(segment.lines) > DETECT_LINES:  # a long document shows its layout early
            segment = Segment(segment.source, segment.title, segment.file, segment.start, segment.lines[:DETECT_LINES])
        lines = self._lines(segment)
        roles = self._roles(lines)
        result = self._parse(segment, lines, roles)
        items = len(result.items) + result.duplicates
        if not items:
            return 0.0
        content = items + len(result.headings)
        # Lines skipped with a section that holds no use cases ("Introduction", "References")
        # are explained by its heading, even when their reason reads "article text".
        in_other = sum(1 for r in roles if r[0] == "skip" and r[2:] == ("section",) and r[1] in _UNEXPLAINED)
        prose = sum(1 for s in result.skipped if s.reason in _UNEXPLAINED) - in_other
        share = content / (content + prose)
        score = MAX_CONFIDENCE * min(1.0, share / FULL_SHARE) * min(1.0, items / MIN_ITEMS)
        return round(score, 3)

    # -- pass 1: what each line looks like ----------------------------------------------

    @staticmethod
    def _lines(segment: Segment) -> list[_Line]:
        numbered = list(segment.numbered())
        fm_end = front_matter_end(segment.lines)
        headers = _message_headers(numbered)
        footer = _page_footer(numbered)
        out: list[_Line] = []
        in_fence = False
        prev_k = -2  # index in ``numbered`` of the last non-blank line
        for k, (n, raw) in enumerate(numbered):
            if not raw.strip():
                continue
            follows, prev_k = prev_k == k - 1, k
            text = repair(raw).rstrip()
            if fm_end is not None and k <= fm_end:
                out.append(_Line(n, raw, text, "skip", "front matter"))
                continue
            if in_fence or _FENCE.match(text):
                if _FENCE.match(text):
                    in_fence = not in_fence
                out.append(_Line(n, raw, text, "skip", "code sample"))
                continue
            if _LIST_MARKER.match(text):
                out.append(_Line(n, raw, text, "skip", "list marker"))
                continue
            if n >= footer or _PAGE_CHROME.match(text) or _PHOTO_CREDIT.match(text):
                out.append(_Line(n, raw, text, "skip", "page chrome"))
                continue
            if n in headers or _WEB_VIEW.match(text):
                out.append(_Line(n, raw, text, "skip", "message header"))
                continue
            if _COPYRIGHT.search(text):
                out.append(_Line(n, raw, text, "skip", "copyright notice"))
                continue
            delimiter = "|" in text and bool(_TABLE_DELIMITER.match(text))
            if "|" in text and (text.lstrip().startswith("|") or delimiter or _next_is_delimiter(numbered, k)):
                reason = "separator" if delimiter else "article text"
                out.append(_Line(n, raw, text, "table", reason))
                continue
            under = _UNDERLINE.match(text)
            if under and follows and out and out[-1].kind == "plain" and _heading_like(out[-1].content):
                prev = out[-1]
                prev.kind, prev.depth = "md", 1 if under.group(1)[0] == "=" else 2
                out.append(_Line(n, raw, text, "skip", "separator"))
                continue
            if _SEPARATOR.match(text):
                out.append(_Line(n, raw, text, "skip", "separator"))
                continue
            h = _MD_HEADING.match(text)
            if h:
                out.append(_Line(n, raw, text, "md", content=h.group(2), depth=len(h.group(1))))
                continue
            indent = len(text) - len(text.lstrip())
            indent = len(text[:indent].expandtabs(4))
            for cls, pattern in _LIST_ITEM:
                m = pattern.match(text)
                if m:
                    # "○ Seasonal backgrounds" under "● Product imagery" with no indentation (a
                    # copy from a word processor): the glyph says the level.
                    level = 2 * glyph_level(text.lstrip()[:1])
                    out.append(_Line(n, raw, text, "list", indent=indent + level, marker=cls, content=m.group(2).strip()))
                    break
            else:
                prefix, rest = symbol_prefix(text)
                if prefix and rest and not _LEAD_IN.search(rest):
                    out.append(_Line(n, raw, text, "list", indent=indent, marker="symbol", content=rest.strip()))
                else:
                    out.append(_Line(n, raw, text, "plain", indent=indent, content=text.strip()))
        return out

    # -- pass 2: headings, and sections that are not use cases ---------------------------

    @staticmethod
    def _is_attribute(line: _Line) -> bool:
        if line.kind != "list":
            return False
        label, _ = split_item(line.content)
        return label.casefold().rstrip(":") in ATTRIBUTES

    @staticmethod
    def _labelled(line: _Line) -> tuple[str, str] | None:
        """The split of an unbulleted ``Label: description`` line that may be an item."""
        if line.kind != "plain" or _CHATTY.match(line.content) or GOAL.match(line.content):
            return None
        text = line.content
        split = split_bold(text) if text.startswith(("**", "__")) else split_separator(unmark(text))
        if split is None or not split[0] or not split[1]:
            return None
        folded = split[0].casefold()
        if folded in REMARK_LABELS or folded in ATTRIBUTES or not _short_label(split[0], MAX_DASH_LABEL_WORDS):
            return None
        return split

    def _next_list(self, lines: list[_Line], i: int) -> _Line | None:
        """The first list line (or unbulleted labelled line) after line ``i``.

        Up to :data:`MAX_INTRO_LINES` lines of prose may stand between (a section's
        introduction); anything else first (a heading, a short title-like line, a table,
        a skipped line) gives None.
        """
        for j in range(i + 1, min(len(lines), i + 2 + MAX_INTRO_LINES)):
            nxt = lines[j]
            if nxt.kind == "list" or self._labelled(nxt) is not None:
                return nxt
            prose = nxt.kind == "plain" and (
                nxt.content.endswith((".", "!", "?"))
                or len(nxt.content.split()) > MAX_HEADING_WORDS
                # "... several workflows are already productive:": a sentence leading into the list
                or (nxt.content.endswith(":") and len(nxt.content.split()) > MAX_INTRO_COLON_WORDS)
            )
            if not prose:
                return None
        return None

    def _heading(self, lines: list[_Line], i: int) -> tuple[str, str] | None:
        """``(style, text)`` when line ``i`` is a heading, else None."""
        line = lines[i]
        if line.kind == "md":
            text = heading_text(line.content)
            return (f"md{line.depth}", text) if text else None
        if line.kind == "plain":
            bold = _BOLD_LINE.match(line.content)
            text = unmark(line.content)
            if bold:
                inner = heading_text(bold.group(2))
                label = GOAL.match(inner) or USE_CASES.match(inner) or _EXAMPLES_LABEL.match(inner)
                return ("bold", inner) if inner and _heading_like(inner) and not label else None
            if text.endswith(":") and ": " not in text:
                body = text[:-1].strip()
                titled = _titled(body) or (_heading_like(body) and body[:1].isupper() and (len(body.split()) <= MAX_INTRO_COLON_WORDS or other_section(body) is not None))
                chatty = _CHATTY.match(body) or _INTRO_WORDS.search(body)
                label = GOAL.match(text) or USE_CASES.match(text) or _EXAMPLES_LABEL.match(text)
                return ("colon", heading_text(body)) if titled and not chatty and not label else None
            if _titled(text) and not USE_CASES.match(text) and not _EXAMPLES_LABEL.match(text):
                nxt = self._next_list(lines, i)
                if nxt is not None and not self._is_attribute(nxt):
                    return ("plain", heading_text(text))
            return None
        if line.kind == "list" and line.marker != "bullet" and line.indent <= MAX_HEADING_INDENT:
            content = unmark(line.content)
            if split_separator(content) is not None or not _titled(content.rstrip(":")):
                return None
            if line.marker == "symbol" and i + 1 < len(lines):
                # An emoji-marked title ("🧠 1. Advertising") is a heading unless more lines
                # marked alike follow it (then the emoji are bullets).
                after = lines[i + 1]
                if not (after.kind == "list" and after.marker == "symbol" and after.indent == line.indent):
                    text = heading_text(line.content)
                    return ("list-symbol", text) if text else None
            if self._over_sub_sections(lines, i):
                text = heading_text(line.content)
                return (f"list-{line.marker}", text) if text else None
            nxt = self._next_list(lines, i)
            if nxt is None or nxt.kind != "list" or self._is_attribute(nxt) or self._over_benefits(lines, i, nxt):
                return None
            if _SECTION_NUMBER.match(line.text) and not _SECTION_NUMBER.match(nxt.text):
                # "2.1 Image" over "1. Campaign visuals": a report's section number (no final
                # dot) heads a list numbered another way; its own style.
                text = heading_text(line.content)
                return ("list-section", text) if text else None
            if line.marker in ("upper", "roman") and nxt.marker == "upper" and _letter(nxt) == "A" and _letter(line) not in ("", "A"):
                # "I. Content creation" over "A. Text generation": a Roman numeral heads a
                # lettered list that starts again at "A"; its own style, one level further out
                text = heading_text(line.content)
                return ("list-roman", text) if text else None
            if nxt.indent > line.indent or (nxt.marker != line.marker and nxt.indent >= line.indent):
                text = heading_text(line.content)
                return (f"list-{line.marker}", text) if text else None
        return None

    @staticmethod
    def _over_benefits(lines: list[_Line], i: int, first: _Line) -> bool:
        """Whether the run of bullets starting at ``first`` (the next list line after line
        ``i``) mostly states benefits ("1. Medical image synthesis", a paragraph, "• Augments
        training datasets", "• Enhances low-quality scans"): then the numbered line ``i`` is
        the use case, not a heading."""
        k = next(j for j in range(i + 1, len(lines)) if lines[j] is first)  # a few lines on
        run = []
        while k < len(lines) and lines[k].kind == "list" and lines[k].marker == first.marker and lines[k].indent == first.indent:
            run.append(lines[k])
            k += 1
        return len(run) >= 2 and 2 * sum(_benefit(b.content) for b in run) > len(run)

    def _over_benefits_after(self, lines: list[_Line], i: int) -> bool:
        """Whether the numbered line ``i`` stands over a paragraph and then benefit bullets
        (so the paragraph, even after a blank line, is its description)."""
        nxt = self._next_list(lines, i)
        return nxt is not None and nxt.kind == "list" and self._over_benefits(lines, i, nxt)

    def _over_sub_sections(self, lines: list[_Line], i: int) -> bool:
        """Whether the numbered line ``i`` heads ``Label:`` sub-sections ("1. Image models",
        an intro sentence, "Popular models:", "Common uses:"): a ``Label:`` heading follows
        it with no blank line and nothing but prose between."""
        for j in range(i + 1, min(len(lines), i + 2 + MAX_INTRO_LINES)):
            if lines[j].n != lines[j - 1].n + 1 or lines[j].kind != "plain":
                return False
            if (self._heading(lines, j) or ("",))[0] == "colon":
                return True
            if not lines[j].content.endswith((".", "!")):
                return False
        return False

    def _other_heading(self, line: _Line, heading: tuple[str, str] | None) -> str | None:
        """The skip reason when the line is a heading-like line naming a non-use-case section."""
        if heading is not None:
            return other_section(heading[1])
        if line.kind == "plain" and _heading_like(line.content):
            # Only a line that reads as a title ("Conclusion", "Step-by-Step Guide: ..."), not
            # a sentence that happens to start with "Challenges ...".
            text = heading_text(line.content)
            if _titled(text.partition(": ")[0]):
                return other_section(text)
        if line.kind == "list" and line.marker != "bullet":
            text = heading_text(line.content)
            if _heading_like(text) and split_separator(text) is None:
                return other_section(text)
        return None

    def _roles(self, lines: list[_Line]) -> list[tuple[str, ...]]:
        """Per line: ("skip", reason), ("heading", style, text), ("list",) or ("plain",); a line
        skipped with a section that holds no use cases is ("skip", reason, "section")."""
        roles: list[tuple[str, ...]] = []
        skipping: tuple[int, str] | None = None  # (Markdown depth or 0, reason) of an open other section
        md_depths = [line.depth for line in lines if line.kind == "md"]
        for i, line in enumerate(lines):
            if line.kind in ("skip", "table"):
                roles.append(("skip", line.reason))
                continue
            heading = self._heading(lines, i)
            if skipping is not None:
                # A section under a Markdown heading ends at a Markdown heading as far out, or at
                # any other heading when the document has no deeper Markdown headings (its
                # sub-sections are not written in Markdown); a section under any other kind of
                # heading ends at the next heading.
                depth, reason = skipping
                if line.kind == "md":
                    ends = heading is not None and (not depth or line.depth <= depth)
                else:
                    ends = heading is not None and (not depth or not any(d > depth for d in md_depths))
                if not ends:
                    roles.append(("skip", reason, "section"))
                    continue
                skipping = None
            other = self._other_heading(line, heading)
            if other:
                skipping = (line.depth if line.kind == "md" else 0, other)
                roles.append(("skip", other, "section"))
                continue
            if heading:
                roles.append(("heading", *heading))
            else:  # a Markdown heading with no words ("## 🎬") is structure; the rest is read later
                roles.append(("skip", "separator") if line.kind == "md" else (line.kind,))
        return roles

    @staticmethod
    def _levels(roles: list[tuple[str, ...]]) -> tuple[dict[str, int], int | None]:
        """Level of each heading style (first use first, Markdown depths in order); the title's index."""
        heads = [(i, r[1], r[2]) for i, r in enumerate(roles) if r[0] == "heading"]
        first_item = next((i for i, r in enumerate(roles) if r[0] == "list"), len(roles))
        title = None
        if heads and heads[0][0] < first_item:
            i, style, text = heads[0]
            alone = len(heads) > 1 and sum(1 for h in heads if h[1] == style) == 1
            over_items = i + 1 < len(roles) and roles[i + 1][0] == "list"
            if (alone and not over_items) or _USE_CASE_WORDS.search(text):
                title = i
        styles: list[str] = []
        for i, style, _ in heads:
            if i != title and style not in styles:
                styles.append(style)
        md_slots = [k for k, s in enumerate(styles) if s.startswith("md")]
        for k, style in zip(md_slots, sorted((styles[k] for k in md_slots), key=lambda s: int(s[2:]))):
            styles[k] = style
        return {style: rank for rank, style in enumerate(styles, 1)}, title

    # -- pass 3: read ------------------------------------------------------------------

    def parse(self, segment: Segment) -> ParseResult:
        lines = self._lines(segment)
        return self._parse(segment, lines, self._roles(lines))

    def _parse(self, segment: Segment, lines: list[_Line], roles: list[tuple[str, ...]]) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        levels, title_at = self._levels(roles)
        labelled = [self._labelled(line) if role == ("plain",) else None for line, role in zip(lines, roles)]

        prose: list[tuple[int, str, str]] = []  # skipped prose; settled at the end (a closing remark?)
        started = False  # a line other than front matter or a list marker has been read
        stack: list[Heading] = []
        open_items: list[tuple[float, Item]] = []  # (indent, item) of the bullets that can take children
        markers: dict[int, str] = {}  # id(item) -> the list marker class of its line
        last: tuple[int, Item] | None = None  # (indent, item) that an indented plain line continues
        seen_content = False
        section_items = 0
        last_content = 0
        notes = self._note_children(lines, roles)

        for i, (line, role) in enumerate(zip(lines, roles)):
            n, raw = line.n, line.raw
            first, started = not started, started or role[1:] not in (("list marker",), ("front matter",))
            if role[0] == "skip":
                result.skip(n, raw, role[1])
                if role[1] not in ("separator", "list marker"):
                    last = None
                continue
            if role[0] == "heading":
                if i == title_at:
                    result.skip(n, raw, "title")
                    continue
                heading = Heading(text=role[2], verbatim=raw, line=n, level=levels[role[1]])
                while stack and stack[-1].level >= heading.level:
                    stack.pop()
                stack.append(heading)
                result.headings.append(heading)
                open_items.clear()
                last = None
                seen_content, section_items, last_content = True, 0, n
                continue

            if line.kind == "list":
                label, description = split_item(line.content)
                nxt = lines[i + 1] if i + 1 < len(lines) else None
                # "- Group:" over more bullets at its own indent heads them: it is kept open
                # half a step further out, so that they nest in it and the next "- Group:" closes it.
                heads_run = (
                    not description
                    and line.content.rstrip("*_ ").endswith(":")
                    and nxt is not None
                    and roles[i + 1] == ("list",)
                    and nxt.indent == line.indent
                )
                indent: float = line.indent - 0.5 if heads_run else line.indent
                if (
                    description
                    and line.marker == "bullet"
                    and open_items
                    and open_items[-1][0] == indent
                    and (
                        markers.get(id(open_items[-1][1])) in ("number", "letter", "upper", "roman")
                        or (last is not None and last[1] is open_items[-1][1])
                    )
                    and attribute_detail(label, description) is not None
                ):
                    # "1. Content creation" then "- Use case: ..." / "- Example: ..." at the
                    # same indent: the bullets describe the numbered item; so do such bullets
                    # right under a "- Label:" bullet (a nested list flattened by a copy).
                    indent += 0.5
                while open_items and open_items[-1][0] >= indent:
                    open_items.pop()
                parent = open_items[-1][1] if open_items else None
                detail = attribute_detail(label, description) if parent is not None else None
                if detail is None and parent is not None and n in notes:
                    detail = unmark(line.content)  # a note under its item, not a kind of it
                if detail is None and parent is not None and _benefit(line.content):
                    detail = unmark(line.content)  # "• Reduces trial risks and costs" under its item
                if detail is not None:
                    _append(parent, detail, "; ")
                    last, last_content = (line.indent, parent), n
                    continue
                if not label or _URL_ONLY.match(unmark(line.content)):
                    result.skip(n, raw, "article text")
                    last = None
                    continue
                item = self._add(result, segment, line, label, description, stack, parent)
                markers[id(item)] = line.marker
                open_items.append((indent, item))
                last = (line.indent, item)
                seen_content, last_content = True, n
                section_items += 1
                continue

            # an unbulleted line
            if last is not None and line.indent > last[0]:
                _append(last[1], unmark(line.content), " ")
                last_content = n
                continue
            split = labelled[i]
            if (
                last is not None
                and split is None
                and not last[1].description
                and lines[i - 1].n == last[1].line
                and (last[1].line == n - 1 or self._over_benefits_after(lines, i - 1))
                and lines[i - 1].marker in ("number", "letter", "upper", "roman")
                and line.content.rstrip().endswith((".", "!", ")"))
            ):
                # "1. Virtual try-on" then "See clothes on you." on the very next line: a lazy
                # continuation (CommonMark), the description of a numbered item that has none.
                # (Under a "-" bullet such a line is more often the article going on.)
                _append(last[1], unmark(line.content), " ")
                last_content = n
                continue
            if split is not None and self._in_run(lines, roles, labelled, i):
                open_items.clear()
                item = self._add(result, segment, line, split[0], split[1], stack, None)
                last = (line.indent, item)
                seen_content, last_content = True, n
                section_items += 1
                continue
            open_items.clear()
            last = None
            text = line.content
            if first and _heading_like(text) and ":" not in text and not _CHATTY.match(text):
                result.skip(n, raw, "title")  # a document's first line, short and not a sentence
                continue
            prose.append((n, raw, self._prose_reason(text, seen_content, section_items)))

        for n, raw, reason in prose:
            if reason in ("section intro", "article text") and n > last_content:
                reason = "closing remark"  # prose after the last item closes the document
            result.skip(n, raw, reason)
        result.skipped.sort(key=lambda s: s.line)
        return result

    @staticmethod
    def _note_children(lines: list[_Line], roles: list[tuple[str, ...]]) -> set[int]:
        """Line numbers of nested bullets that are notes on the bullet above them, not kinds of it.

        A bullet's children are notes when at least half of them read as sentences (seven
        words or more, a full stop after four, or a "; "), not as names: "Virtual try-on" over
        "Shopper uploads a full-length photo and sees the jacket on their own body" and
        "Depends on garment measurements being complete" (a Notion toggle list), unlike "Visual
        effects" over "Crowd multiplication" and "Set extension: ...". A child named by a short
        label with a description ("Set extension: more set around the actors") reads as a name.
        """
        notes: set[int] = set()
        for i, line in enumerate(lines):
            if line.kind != "list" or roles[i] != ("list",):
                continue
            children: list[_Line] = []
            for nxt, role in zip(lines[i + 1 :], roles[i + 1 :]):
                if nxt.kind != "list" or role != ("list",) or nxt.indent <= line.indent:
                    break
                children.append(nxt)
            if not children:
                continue
            depth = min(c.indent for c in children)
            direct = [c for c in children if c.indent == depth]
            if sum(_sentence_like(c.content) for c in direct) * 2 >= len(direct):
                notes.update(c.n for c in children)
        return notes

    @staticmethod
    def _add(result, segment, line, label, description, stack, parent) -> Item:
        item = result.add(
            Item(
                source=segment.source,
                line=line.n,
                verbatim=line.raw,
                label=label,
                description=description,
                headings=tuple(stack),
                parent=parent,
            )
        )
        if parent is not None:
            parent.kind = "group"
        return item

    @staticmethod
    def _in_run(lines, roles, labelled, i) -> bool:
        """Whether an unbulleted labelled line has another labelled line beside it, or a list
        line directly above or below it (no blank line between: "A couple of caveats: ..." a
        paragraph after the last bullet is a remark, not an item)."""
        for j in (i - 1, i + 1):
            if not 0 <= j < len(lines):
                continue
            if labelled[j] is not None or (roles[j] == ("list",) and abs(lines[j].n - lines[i].n) == 1):
                return True
        return False

    @staticmethod
    def _prose_reason(text: str, seen_content: bool, section_items: int) -> str:
        text = unmark(text)
        if GOAL.match(text):
            return "goal line"
        if USE_CASES.match(text) or _EXAMPLES_LABEL.match(text):
            return "section label"
        if VIDEO.search(text):
            return "video link"
        if CLOSING.match(text) or text.endswith("?"):
            return "closing remark"
        if _EXAMPLE.match(text):
            return "example"
        if not seen_content:
            return "preamble"
        return "section intro" if not section_items else "article text"


# Skip reasons of lines that are plain prose, not a part of a list document recognised as such
# (a title, a code sample, an FAQ or a conclusion); detection counts only these against a list.
_UNEXPLAINED = frozenset({"preamble", "section intro", "article text"})


def _sentence_like(content: str) -> bool:
    """Whether a bullet's text reads as a sentence (a note) rather than as a name."""
    label, description = split_item(content)
    if description and _short_label(label, 5) and label[:1].isupper():
        return False
    text = unmark(content).strip()
    words = len(text.split())
    return words >= 7 or (text.endswith(".") and words >= 4) or "; " in text


# The text a browser copies along with a blogging platform's article (Medium, Substack,
# LinkedIn): buttons, counters, reading time, bylines' furniture. Whole lines only.
_PAGE_CHROME = re.compile(
    r"^\s*(?:open in app|sign up|sign in|log in|write|member-only story|follow|following|published in|listen|share|"
    r"subscribe|like|comment|repost|send|restack|save|\u00b7|\||\d+(?:[.,]\d+)?[km]?|\d+ min read|\d+ (?:followers|likes|comments|"
    r"reactions|restacks|stories|saves|responses|claps)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}, \d{4}|"
    r"help|status|about|careers|blog|privacy|terms|text to speech|teams|press|lists)\s*$",
    re.IGNORECASE,
)
# "Photo by Ana Ruiz on Unsplash", "Image generated by the author with ...", "Illustration: ...".
_PHOTO_CREDIT = re.compile(
    r"^\s*(?:(?:photo|image|illustration|picture|graphic)s?(?: generated| created| made)? (?:by|from|via|courtesy of)\b.{0,80}"
    r"|(?:photo|image|illustration)\s*(?:credit)?\s*:.{0,60}|.{0,60}\bon (?:unsplash|pexels|pixabay|shutterstock|getty images))\s*$",
    re.IGNORECASE,
)
# Where a copied article page ends and the platform's footer begins: everything from here on
# (the author box, more stories, recommendations) is page chrome.
_FOOTER = re.compile(r"^\s*(?:written by\b|more from\b|recommended from\b|see all from\b|about the author\s*$|more stories from\b)", re.IGNORECASE)
FOOTER_FROM = 0.4  # ... when it stands past this share of the document


def _page_footer(numbered: list[tuple[int, str]]) -> int:
    """The line number where a copied article page's footer starts (past the end if none)."""
    total = len(numbered)
    for k, (n, raw) in enumerate(numbered):
        if k >= FOOTER_FROM * total and _FOOTER.match(raw):
            return n
    return numbered[-1][0] + 1 if numbered else 1


def _message_headers(numbered: list[tuple[int, str]]) -> set[int]:
    """Line numbers of an e-mail's header block ("From: ...", "Subject: ...") at the top of a
    list saved from a mail client: the first block of lines, when it is all ``Name: value``
    lines and at least two of them are message headers."""
    block: list[tuple[int, str]] = []
    for n, raw in numbered:
        if not raw.strip():
            if block:
                break
            continue
        block.append((n, raw))
    names = [m.group(1).casefold() for _, raw in block if (m := _HEADER_LINE.match(raw))]
    if len(names) != len(block) or sum(name in _MAIL_HEADERS or name.startswith("x-") for name in names) < 2:
        return set()
    return {n for n, _ in block}


_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z-]*):\s")
_MAIL_HEADERS = frozenset(
    "from to cc bcc subject date sent reply-to sender message-id mime-version content-type list-unsubscribe list-id return-path".split()
)
# "View this email in your browser", "Trouble viewing? Open it online": a newsletter's web-view link.
_WEB_VIEW = re.compile(r"^\s*(?:view (?:this|it) (?:email|e-mail|message|newsletter) (?:in|on) (?:your|a|the) (?:web )?browser|view (?:online|in browser)\b|having trouble viewing|trouble viewing)", re.IGNORECASE)


def _next_is_delimiter(numbered: list[tuple[int, str]], k: int) -> bool:
    """Whether the line after index ``k`` is a pipe table's ``|---|---|`` row."""
    if k + 1 >= len(numbered):
        return False
    nxt = numbered[k + 1][1]
    return "|" in nxt and bool(_TABLE_DELIMITER.match(nxt))
