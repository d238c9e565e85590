"""What every ingester shares: the segment it reads and the interface it implements."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from gm_graph.model import ParseResult


# Bullet glyphs that word processors and copies from them put before list items: the
# ordinary bullet and its kin, and those of the default nesting levels of Google Docs and
# Word (level 1 "●"/"•", level 2 "○"/"◦", level 3 "■"/"▪"), arrows, ticks and boxes. They are
# bullets, not emoji, even where Unicode files them as symbols.
BULLET_GLYPHS = "\u2022\u25cf\u25cb\u25e6\u25aa\u25a0\u25a1\u2023\u2043\u2219\u00b7\u25b8\u25ba\u25c6\u25c7\u27a2\u27a4\u2713\u2714\u2610\u2611"
# The nesting level a glyph stands for where a copy lost the indentation.
_GLYPH_LEVEL = {"\u25cb": 1, "\u25e6": 1, "\u25a0": 2, "\u25aa": 2}


def glyph_level(glyph: str) -> int:
    """0 for a first-level bullet glyph, 1 for "○"/"◦", 2 for "■"/"▪"."""
    return _GLYPH_LEVEL.get(glyph, 0)


# A line such as "List 2:" that separates the lists of one file (group 1: the number).
LIST_MARKER = re.compile(r"^\s*List\s+(\d+)\s*:\s*$")


def body_lines(lines: list[str]) -> list[str]:
    """The lines that carry text: not blank and not a "List N:" marker."""
    return [t for t in lines if t.strip() and not LIST_MARKER.match(t)]


@dataclass
class Segment:
    """A run of lines that holds one source list.

    ``lines[i]`` is line ``start + i`` of the file (1-based). A file holding several
    lists ("List 1:", "List 2:", ...) is cut into one segment per list.
    """

    source: str  # source-list id, e.g. "assistant-lists-list-2"
    title: str
    file: str  # path of the file relative to the repository / data root's parent
    start: int
    lines: list[str]

    def numbered(self):
        """Yield ``(line_number, text)`` for every line of the segment."""
        for i, text in enumerate(self.lines):
            yield self.start + i, text


# Sections that hold no use cases: (words, skip reason). A heading matches when its cleaned
# text, case-folded, starts with the words ("best practice" matches "Best Practices for ...");
# words ending in "$" must be the whole heading (a ":" or parenthetical may follow), because
# "Sources" closes an article but "Sources of training data" may head use cases.
OTHER_SECTIONS: tuple[tuple[str, str], ...] = (
    ("conclusion", "closing remark"),
    ("in conclusion", "closing remark"),
    ("final thoughts", "closing remark"),
    ("closing thoughts", "closing remark"),
    ("wrapping up", "closing remark"),
    ("summary$", "closing remark"),
    ("in summary", "closing remark"),
    ("key takeaways", "closing remark"),
    ("key findings", "article text"),
    ("open questions", "article text"),
    ("parking lot", "article text"),
    ("questions$", "article text"),
    ("findings$", "article text"),
    ("executive summary", "article text"),
    ("takeaways", "closing remark"),
    ("next steps", "closing remark"),
    ("future outlook", "closing remark"),
    ("looking ahead", "closing remark"),
    ("future of", "closing remark"),
    ("faq", "faq"),
    ("faqs", "faq"),
    ("frequently asked", "faq"),
    ("common questions", "faq"),
    ("references$", "article text"),
    ("sources$", "article text"),
    ("further reading", "article text"),
    ("bibliography$", "article text"),
    ("citations$", "article text"),
    ("resources$", "article text"),
    ("related articles", "article text"),
    ("related posts", "article text"),
    ("table of contents", "article text"),
    ("contents$", "article text"),
    ("introduction$", "article text"),
    ("about the author", "article text"),
    ("about us", "article text"),
    ("about this report", "article text"),
    ("methodology$", "article text"),
    ("our methodology", "article text"),
    ("methods$", "article text"),
    ("acknowledgements", "article text"),
    ("acknowledgments", "article text"),
    ("appendix", "article text"),
    ("glossary$", "article text"),
    ("disclaimer", "article text"),
    ("key considerations", "key considerations"),
    ("considerations", "key considerations"),
    ("ethical considerations", "key considerations"),
    ("key benefits", "key considerations"),
    ("benefits", "key considerations"),
    ("challenges", "key considerations"),
    ("opportunities and challenges", "key considerations"),
    ("opportunities$", "key considerations"),
    ("limitations", "key considerations"),
    ("risks", "key considerations"),
    ("key risks", "key considerations"),
    ("main risks", "key considerations"),
    ("a few things to keep in mind", "key considerations"),
    ("things to keep in mind", "key considerations"),
    ("keep in mind", "key considerations"),
    ("agenda$", "article text"),
    ("perils", "key considerations"),
    ("pitfalls", "key considerations"),
    ("drawbacks", "key considerations"),
    ("downsides", "key considerations"),
    ("best practice", "best practice"),
    ("tips", "best practice"),
    ("caveats", "key considerations"),
    ("limits$", "key considerations"),
    ("limits and", "key considerations"),
    ("responsible use", "key considerations"),
    ("responsible ai", "key considerations"),
    ("ethical use", "key considerations"),
    ("ethics$", "key considerations"),
    ("what to avoid", "key considerations"),
    ("dos and don", "key considerations"),
    ("how to choose", "best practice"),
    ("recommendations$", "best practice"),
    ("our recommendations", "best practice"),
    ("sponsored", "advertisement"),
    ("a word from our sponsor", "advertisement"),
    ("getting started", "guide step"),
    ("how to get started", "guide step"),
    ("step-by-step", "guide step"),
    ("step by step", "guide step"),
    ("example$", "example"),
    ("code example", "code sample"),
    ("example code", "code sample"),
    # lists of products, models and algorithms, not of things done with them
    ("popular models", "tool list"),
    ("popular tools", "tool list"),
    ("key tools", "tool list"),
    ("top tools", "tool list"),
    ("leading tools", "tool list"),
    ("tools to try", "tool list"),
    ("tools and platforms", "tool list"),
    ("tools$", "tool list"),
    ("ai tools$", "tool list"),
    ("models$", "tool list"),
    ("platforms$", "tool list"),
    ("algorithms$", "tool list"),
    ("~examples of [\\w\\s/&-]*\\b(?:models|algorithms|tools|platforms)\\s*:?$", "tool list"),
    ("key characteristics", "article text"),
    ("characteristics$", "article text"),
)


def _section_pattern(words: str) -> re.Pattern[str]:
    if words.startswith("~"):  # a regular expression, for headings with a variable middle
        return re.compile(words[1:])
    if words.endswith("$"):  # the whole heading, perhaps with ": ..." or "(...)" after it
        return re.compile(re.escape(words[:-1]) + r"\s*(?:[:(].*)?$")
    return re.compile(re.escape(words))


_OTHER_PATTERNS = tuple((_section_pattern(words), reason) for words, reason in OTHER_SECTIONS)


def other_section(text: str) -> str | None:
    """The skip reason when a heading names a section that is not use cases, else None."""
    folded = " ".join(text.casefold().split())
    if folded.startswith("the "):
        folded = folded[4:]
    for pattern, reason in _OTHER_PATTERNS:
        if pattern.match(folded):
            return reason
    return None


# Labels of bullets that describe the item above them rather than name a use case
# ("- **Tools:** Veo", "- Example: ..."); every layout that nests bullets reads them so.
ATTRIBUTES: frozenset[str] = frozenset(
    {
        "description", "details", "what it is", "what it does", "how it works", "overview",
        "example", "examples", "e.g", "for example", "real-world example", "case study",
        "tools", "tool", "key tools", "popular tools", "example tools", "tools/models",
        "models", "platforms", "technologies",
        "benefit", "benefits", "impact", "why it matters", "value", "advantages",
        "challenge", "challenges", "limitations", "risks", "status", "maturity",
        "use case", "application", "business value", "outcome", "outcomes", "results",
        "technique", "techniques", "methods", "approach",
    }
)

# Of those, the ones whose value is the description itself (appended without the label).
PLAIN_ATTRIBUTES = frozenset({"description", "details", "what it is", "what it does", "overview", "use case", "application"})


def attribute_detail(label: str, value: str) -> str | None:
    """What an attribute bullet adds to its item's description ("Tools: Veo"; a "What it is"
    value alone), or None when ``label`` is not an attribute."""
    folded = label.casefold()
    if folded not in ATTRIBUTES and not folded.startswith(("why ", "how it ", "how this ")):
        return None  # "Why synthetic data helps:", "How it helps:" explain the item above
    return value if folded in PLAIN_ATTRIBUTES and value else f"{label}: {value}".rstrip(": ")


class Ingester:
    """One layout family. Subclasses set ``name`` and ``summary`` and implement both methods."""

    name: ClassVar[str]
    summary: ClassVar[str]

    def detect(self, segment: Segment) -> float:
        """How sure (0..1) this ingester is that the segment is in its layout."""
        raise NotImplementedError

    def parse(self, segment: Segment) -> ParseResult:
        """Read every item; record every non-blank line not read as an item or heading as skipped."""
        raise NotImplementedError
