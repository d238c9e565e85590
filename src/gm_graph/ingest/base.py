"""What every ingester shares: the segment it reads and the interface it implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from gm_graph.model import ParseResult


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
    }
)

# Of those, the ones whose value is the description itself (appended without the label).
PLAIN_ATTRIBUTES = frozenset({"description", "details", "what it is", "what it does", "overview"})


def attribute_detail(label: str, value: str) -> str | None:
    """What an attribute bullet adds to its item's description ("Tools: Veo"; a "What it is"
    value alone), or None when ``label`` is not an attribute."""
    folded = label.casefold()
    if folded not in ATTRIBUTES:
        return None
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
