"""Layout "front-matter": a Markdown article that opens with a YAML front-matter block.

The shape (data/sources/beyond-text-and-images-article.txt)::

    ---                                                  <- front matter (every line
    title: 'The Rise of Generative AI Beyond ...'           of the block, delimiters too)
    ---
    # The Rise of Generative AI Beyond Text and Images   <- title
    Generative AI first entered the mainstream ...       <- article text
    ### Exploring New Creative and Industrial Frontiers  <- Heading, level 1
    - **AI-Generated Video:** Models are being ...       <- Item

Decisions:

* Only bullets are items; paragraphs are "article text", so a section without bullets
  gives a heading and no items. The first "# " heading is the page title; the other
  Markdown headings are levelled by depth among those the document uses (here only
  "###", so level 1).
* A section whose heading starts with words of
  :data:`gm_graph.ingest.base.OTHER_SECTIONS` ("Best Practices", "FAQ", ...)
  holds no use cases: its lines are skipped with that section's reason.
* Bullet text follows the project's rules: "**Label:** description", "**Label**:
  description", "**X** rest (qualifier)" (label X + rest, a final parenthetical becomes
  the description), and plain "Label: description" bullets. A bullet indented under
  another is an item whose parent is that bullet.
* Fenced code is "code sample", a later "---" / "***" rule is "separator".
"""

from __future__ import annotations

import re

from gm_graph.ingest import register
from gm_graph.ingest.article_bullets import split_label
from gm_graph.ingest.base import Ingester, Segment, other_section
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair, strip_symbols

_DELIMITER = re.compile(r"^---\s*$")
_YAML_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:(\s|$)")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(\S.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(\S.*)$")
_BOLD = re.compile(r"^\*\*(.+?)\*\*(.*)$")
_END_PARENS = re.compile(r"^(.*?)\s*\(([^()]*)\)$")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def front_matter_end(lines: list[str]) -> int | None:
    """Index of the closing "---" when ``lines`` open with a YAML front-matter block, else None.

    Blank lines before the opening "---" are allowed; the block must hold at least one
    "key: value" line and close within 60 lines.
    """
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or not _DELIMITER.match(lines[i]):
        return None
    keys = 0
    for j in range(i + 1, min(len(lines), i + 61)):
        if _DELIMITER.match(lines[j]):
            return j if keys else None
        if _YAML_KEY.match(lines[j]):
            keys += 1
    return None


def bullet_label(text: str) -> tuple[str, str]:
    """The (label, description) of a bullet's text, following the bold-bullet rules."""
    m = _BOLD.match(text.strip())
    if not m:
        return split_label(text.replace("**", ""))
    bold, rest = m.group(1).strip(), m.group(2).strip()
    if bold.endswith(":"):  # "**AI-Generated Video:** Models ..."
        return bold[:-1].strip().rstrip("."), rest
    if rest.startswith(":"):  # "**Speed**: Rapid iteration"
        return bold.rstrip("."), rest[1:].strip()
    label, description = " ".join(f"{bold} {rest}".split()), ""
    parens = _END_PARENS.match(label)
    if parens and parens.group(1):  # "**Virtual try-on** (clothing, ...)"
        label, description = parens.group(1), parens.group(2).strip()
    return label.rstrip(".").strip(), description


@register
class FrontMatter(Ingester):
    name = "front-matter"
    summary = 'Markdown article opening with YAML front matter; "### Section" headings, "- **Label:** text" bullets.'

    def detect(self, segment: Segment) -> float:
        if front_matter_end(segment.lines) is None:
            return 0.0
        bullets = sum(1 for t in segment.lines if _BULLET.match(t))
        return 0.95 if bullets else 0.7

    def parse(self, segment: Segment) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        numbered = list(segment.numbered())
        end = front_matter_end(segment.lines)
        body_from = 0 if end is None else end + 1
        for n, raw in numbered[:body_from]:
            result.skip(n, raw, "front matter")

        body = numbered[body_from:]
        depths = sorted(
            {len(m.group(1)) for _, t in body if (m := _MD_HEADING.match(t)) and len(m.group(1)) > 1}
        )
        title_seen = False
        stack: list[Heading] = []  # open headings, outermost first
        other: str | None = None  # skip reason of an open non-use-case section
        other_level = 0  # its heading level; deeper headings stay inside it
        bullets: list[tuple[int, Item]] = []  # open bullets with their indent, for nesting
        in_code = False

        for n, raw in body:
            if not raw.strip():
                continue
            text = repair(raw).rstrip()
            if _FENCE.match(text):
                in_code = not in_code
                result.skip(n, raw, "code sample")
                continue
            if in_code:
                result.skip(n, raw, "code sample")
                continue
            heading = _MD_HEADING.match(text)
            if heading:
                depth = len(heading.group(1))
                words = strip_symbols(heading.group(2).replace("**", "")).rstrip(":").strip()
                if depth == 1 and not title_seen:
                    title_seen = True
                    result.skip(n, raw, "title")
                    continue
                bullets = []
                level = depths.index(depth) + 1 if depth in depths else 1
                stack = [h for h in stack if h.level < level]
                if other and level > other_level:  # a sub-heading of a non-use-case section
                    result.skip(n, raw, other)
                    continue
                other = other_section(words)
                if other:
                    other_level = level
                    result.skip(n, raw, other)
                    continue
                new = Heading(words, raw, n, level)
                result.headings.append(new)
                stack.append(new)
                continue
            if other:
                result.skip(n, raw, other)
                continue
            if _RULE.match(text):
                result.skip(n, raw, "separator")
                continue
            bullet = _BULLET.match(text)
            if not bullet:
                bullets = []
                result.skip(n, raw, "article text")
                continue
            indent = len(bullet.group(1).expandtabs(4))
            label, description = bullet_label(bullet.group(2))
            if not label:
                result.skip(n, raw, "article text")
                continue
            bullets = [(i, it) for i, it in bullets if i < indent]
            parent = bullets[-1][1] if bullets else None
            item = result.add(Item(segment.source, n, raw, label, description, tuple(stack), parent))
            bullets.append((indent, item))
        return result
