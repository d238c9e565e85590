"""Markdown lists: ``#`` headings over bullets whose use case is set in bold.

The layout of List 2 in the assistant lists::

    # Production Use Cases for Generative Media Models      <- title (skipped)
    ## E-Commerce & Retail                                   <- level-1 heading
    ### Product Visualization                                <- level-2 heading
    - **Virtual try-on** (clothing, accessories, makeup, eyewear)
    - **360-degree product views** from single images
    ---                                                      <- separator (skipped)
    ## Key Considerations Across All Use Cases              <- not use cases (skipped)

Heading levels are ranked from the ``#`` depths the list uses, so a list whose sections
start at ``#`` or at ``###`` reads the same. A bullet is ``- **Label** rest (qualifier)``,
``- **Label**: text`` or ``- **Label:** text`` (``*``, ``+`` and ``1.`` bullets too); a
bullet indented under another one is nested in it, and the outer one becomes a group;
but a plain (not bold) bullet under a bold item that has a description of its own adds to
that description ("Works with the CRM fields you already have").
Sections whose heading names something other than use cases (key considerations, best
practices, FAQ, how to get started, ... :data:`gm_graph.ingest.base.OTHER_SECTIONS`) are
skipped with everything beneath them, down to the next heading at the same or an outer depth.
"""

from __future__ import annotations

import re

from gm_graph.ingest import register
from gm_graph.ingest.base import LIST_MARKER as _LIST_MARKER, ATTRIBUTES, Ingester, Segment, attribute_detail, other_section
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair, strip_symbols

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SEPARATOR = re.compile(r"^\s{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(\S.*)$")
_NUMBERED = re.compile(r"^\d{1,3}[.)]\s")
_BOLD_START = re.compile(r"^(\*\*|__)(.+?)\1(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_FRONT_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*[.)]|[IVXLCDM]+[.)])\s+")
_DASH_SEPARATOR = re.compile(r"^\s*[-\u2013\u2014]\s+")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")

MAX_DEPTH = 6  # "######": the deepest Markdown heading
# A label before ": " longer than this is a sentence, not a label.
MAX_LABEL_WORDS = 12


def unmark(text: str) -> str:
    """Drop inline Markdown (bold, italics, code ticks, link targets) and tidy spaces."""
    return " ".join(_EMPHASIS.sub("", _LINK.sub(r"\1", text)).split())


def split_parenthetical(text: str) -> tuple[str, str]:
    """Split a parenthetical at the END of ``text`` off as the description.

    ``"Virtual try-on (clothing, makeup)"`` -> ``("Virtual try-on", "clothing, makeup")``;
    a parenthetical in mid-line stays in the label; text that is only a parenthetical is
    kept whole as the label.
    """
    text = text.strip()
    if not text.endswith(")"):
        return text, ""
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                label = text[:i].strip()
                return (label, text[i + 1 : -1].strip()) if label else (text, "")
    return text, ""  # unbalanced: leave as written


def clean_label(text: str) -> str:
    """A label as stored: emoji dropped, spaces tidied, a trailing period removed."""
    return strip_symbols(text).rstrip(".").strip()


def split_label(text: str) -> tuple[str, str]:
    """Label and description of a plain (not bold) item line, by the shared rules."""
    head, sep, tail = text.partition(": ")
    if sep and head.strip() and len(head.split()) <= MAX_LABEL_WORDS and not head.rstrip().endswith("."):
        return clean_label(head), tail.strip()
    if text.endswith(":") and ": " not in text:
        return clean_label(text[:-1]), ""
    label, description = split_parenthetical(text)
    return clean_label(label), description


def split_bold(content: str) -> tuple[str, str] | None:
    """Label and description of a bullet's text that starts in bold, or None if it does not."""
    m = _BOLD_START.match(content)
    if not m:
        return None
    bold, rest = m.group(2).strip(), m.group(3)
    if bold.endswith(":"):  # **Label:** text
        return clean_label(unmark(bold[:-1])), unmark(rest.lstrip(": "))
    stripped = rest.lstrip()
    if stripped.startswith(":"):  # **Label**: text
        return clean_label(unmark(bold)), unmark(stripped[1:])
    if _DASH_SEPARATOR.match(rest):  # **Label** - text
        return clean_label(unmark(bold)), unmark(_DASH_SEPARATOR.sub("", rest, count=1))
    label, description = split_parenthetical(unmark(f"{bold}{rest}"))
    return clean_label(label), description


def heading_text(raw: str) -> str:
    """Clean heading text: repaired, emoji and Markdown dropped, numbering and ':' removed."""
    text = unmark(strip_symbols(repair(raw)))
    text = _NUMBERING.sub("", text)
    return text.rstrip(":").strip()


def front_matter_end(lines: list[str]) -> int | None:
    """Index of the closing ``---`` when ``lines`` open with a YAML front-matter block."""
    body = [(i, t) for i, t in enumerate(lines) if t.strip() and not _LIST_MARKER.match(t)]
    if not body or body[0][1].strip() != "---":
        return None
    first = body[0][0]
    for i in range(first + 1, min(len(lines), first + 60)):
        text = lines[i].strip()
        if text == "---":
            return i if i > first + 1 else None
        if text and not _FRONT_KEY.match(text) and not text.startswith("- ") and not lines[i][:1].isspace():
            return None
    return None


def _open_section(stack: list[Heading], result: ParseResult, heading: Heading) -> None:
    """Close the open sections at ``heading``'s level or deeper, and open it."""
    while stack and stack[-1].level >= heading.level:
        stack.pop()
    stack.append(heading)
    result.headings.append(heading)


@register
class MarkdownBold(Ingester):
    name = "markdown-bold"
    summary = "Markdown '#' headings over '- **Label** ...' bullets (assistant List 2)"

    def detect(self, segment: Segment) -> float:
        body = [t for t in segment.lines if t.strip() and not _LIST_MARKER.match(t) and not _SEPARATOR.match(t)]
        if not body:
            return 0.0
        headings = sum(1 for t in body if _HEADING.match(t))
        bullets = [m.group(2) for t in body if (m := _BULLET.match(t))]
        bold = sum(1 for b in bullets if _BOLD_START.match(b))
        score = (headings + len(bullets)) / len(body)
        if not bold:
            score *= 0.5
        if not headings:
            score *= 0.5
        if front_matter_end(segment.lines) is not None:
            score -= 0.6  # a YAML-front-matter article belongs to its own layout
        if bullets and self._attribute_share(bullets) >= 0.5:
            score *= 0.3  # "- **Tools:** ..." bullets describe the headings above them: heading-paragraphs
        return round(max(0.0, min(1.0, score)), 3)

    @staticmethod
    def _over_bold_bullets(numbered: list[tuple[int, str]], k: int) -> bool:
        """Whether the bullets indented under line ``k`` are mostly bold-labelled items with
        descriptions of their own (the use cases of a numbered category)."""
        inner: list[str] = []
        for _, raw in numbered[k + 1 :]:
            if not raw.strip():
                continue
            b = _BULLET.match(raw)
            if b is None or not b.group(1):
                break
            inner.append(repair(b.group(2).strip()))
        described = [c for c in inner if (split := split_bold(c)) is not None and split[1]]
        return len(described) >= 2 and len(described) * 2 >= len(inner)

    @staticmethod
    def _attribute_share(bullets: list[str]) -> float:
        """The share of bullets whose label is an item attribute ("Tools:", "What it is:")."""
        return sum(1 for b in bullets if (split_bold(b) or split_label(unmark(b)))[0].casefold() in ATTRIBUTES) / len(bullets)

    def parse(self, segment: Segment) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        numbered = list(segment.numbered())
        levels, title_at = self._heading_levels(numbered)
        fm_end = front_matter_end(segment.lines)

        pending: list[tuple[int, str, str]] = []  # skipped lines; prose reasons settled at the end
        stack: list[Heading] = []
        bullets: list[tuple[int, Item, bool]] = []  # open bullets as (indent, item, bold label?), for nesting
        skip_section: tuple[int, str] | None = None  # (depth, reason) of a non-use-case section
        in_fence = False
        last_content = 0  # line of the last heading or item read
        seen_content = False

        for k, (n, raw) in enumerate(numbered):
            if not raw.strip():
                continue
            if fm_end is not None and k <= fm_end:
                pending.append((n, raw, "front matter"))
                continue
            if in_fence or _FENCE.match(raw):
                if _FENCE.match(raw):
                    in_fence = not in_fence
                pending.append((n, raw, "code sample"))
                continue
            if _LIST_MARKER.match(raw):
                pending.append((n, raw, "list marker"))
                continue
            if _SEPARATOR.match(raw):
                pending.append((n, raw, "separator"))
                continue
            h = _HEADING.match(raw)
            if h:
                depth, text = len(h.group(1)), heading_text(h.group(2))
                if skip_section and depth > skip_section[0]:
                    pending.append((n, raw, skip_section[1]))
                    continue
                skip_section = None
                bullets.clear()
                reason = other_section(text)
                if reason:
                    skip_section = (depth, reason)
                    pending.append((n, raw, reason))
                    continue
                if n == title_at:
                    pending.append((n, raw, "title"))
                    continue
                _open_section(stack, result, Heading(text=text, verbatim=raw, line=n, level=levels[depth]))
                seen_content, last_content = True, n
                continue
            if skip_section:
                pending.append((n, raw, skip_section[1]))
                continue
            b = _BULLET.match(raw)
            if b:
                indent, content = len(b.group(1).expandtabs(4)), repair(b.group(2).strip())
                bold = split_bold(content)
                label, description = bold or split_label(unmark(content))
                if not label:
                    pending.append((n, raw, "section intro"))
                    continue
                if indent == 0 and _NUMBERED.match(raw) and bold and not description and self._over_bold_bullets(numbered, k):
                    # "1. **Advertising & Marketing**" over "   - **Personalized ads** – ...": a chat
                    # answer's numbered category, a section of its own (one level under the
                    # headings), not a use case with kinds.
                    bullets.clear()
                    reason = other_section(label)
                    if reason:
                        skip_section = (MAX_DEPTH + 1, reason)  # ends at the next "#" heading of any depth
                        pending.append((n, raw, reason))
                        continue
                    _open_section(stack, result, Heading(text=label, verbatim=raw, line=n, level=max(levels.values(), default=0) + 1))
                    seen_content, last_content = True, n
                    continue
                while bullets and bullets[-1][0] >= indent:
                    bullets.pop()
                parent = bullets[-1][1] if bullets else None
                detail = attribute_detail(label, description) if parent is not None and description else None
                if detail is None and parent is not None and bold is None and bullets[-1][2] and parent.description:
                    # A plain bullet under a bold item that has its own description adds to it
                    # ("- **Personalized video** – one template, thousands of versions" /
                    # "  - Works with your CRM fields"); bold bullets under it are kinds of it.
                    detail = unmark(content)
                if detail is not None:
                    # "- *Example:* ..." / "- **Tools:** ..." under an item describes it: read into
                    # its description (so tool mentions are found), not a use case of its own.
                    parent.description = "; ".join(x for x in (parent.description, detail) if x)
                    last_content = n
                    continue
                if parent is not None:
                    parent.kind = "group"
                item = result.add(
                    Item(
                        source=segment.source,
                        line=n,
                        verbatim=raw,
                        label=label,
                        description=description,
                        headings=tuple(stack),
                        parent=parent,
                    )
                )
                bullets.append((indent, item, bold is not None))
                seen_content, last_content = True, n
                continue
            pending.append((n, raw, "section intro" if seen_content else "preamble"))

        for n, raw, reason in pending:
            if reason == "section intro" and n > last_content:
                reason = "closing remark"
            result.skip(n, raw, reason)
        return result

    @staticmethod
    def _heading_levels(numbered: list[tuple[int, str]]) -> tuple[dict[int, int], int | None]:
        """Map each ``#`` depth used by use-case headings to a level; find the title line.

        The title is the first heading when it is the only one at the shallowest depth and
        comes before any bullet; the remaining depths rank 1, 2, ... from the outermost.
        """
        found: list[tuple[int, int]] = []  # (line, depth) of headings outside skipped sections
        first_bullet = None
        skip_depth = None
        in_fence = False
        fm_end = front_matter_end([raw for _, raw in numbered])
        for k, (n, raw) in enumerate(numbered):
            if fm_end is not None and k <= fm_end:
                continue
            if _FENCE.match(raw):
                in_fence = not in_fence
            if in_fence or _FENCE.match(raw):
                continue
            h = _HEADING.match(raw)
            if h:
                depth = len(h.group(1))
                if skip_depth is not None and depth > skip_depth:
                    continue
                skip_depth = depth if other_section(heading_text(h.group(2))) else None
                if skip_depth is None:
                    found.append((n, depth))
            elif first_bullet is None and skip_depth is None and _BULLET.match(raw):
                first_bullet = n
        title_at = None
        if len(found) > 1:
            shallowest = min(d for _, d in found)
            at_shallowest = [n for n, d in found if d == shallowest]
            if len(at_shallowest) == 1 and found[0] == (at_shallowest[0], shallowest):
                if first_bullet is None or found[0][0] < first_bullet:
                    title_at = found[0][0]
        depths = sorted({d for n, d in found if n != title_at})
        levels = {d: rank for rank, d in enumerate(depths, 1)}
        return levels, title_at
