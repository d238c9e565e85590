"""The plain-Python records that ingesters produce and the rest of the pipeline consumes.

An ingester reads one source list and returns a :class:`ParseResult`: the section
headings it saw, the use-case items under them, and every non-blank line it skipped with
the reason. Nothing here knows about RDF; :mod:`gm_graph.graph` turns these into triples.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property


def digest(*parts: str, length: int = 12) -> str:
    """A short, stable hex digest of ``parts`` (used for IRIs and text hashes)."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return h.hexdigest()[:length]


@dataclass(frozen=True)
class Heading:
    """A section heading as read: the context of the items beneath it."""

    text: str  # repaired, emoji and numbering stripped ("Advertising & Marketing")
    verbatim: str  # the line exactly as in the file
    line: int  # 1-based line number in the file
    level: int  # 1 = outermost section of the list, 2 = a sub-section, ...

    @property
    def key(self) -> str:
        return digest(str(self.level), self.text.casefold())


@dataclass
class Item:
    """One use case as one source list states it."""

    source: str  # source-list id, e.g. "assistant-lists-list-1"
    line: int  # 1-based line number of the item in the file
    verbatim: str  # the line exactly as read (mojibake and all)
    label: str  # repaired label ("Virtual try-on")
    description: str = ""  # repaired description, "" when the source gives none
    headings: tuple[Heading, ...] = ()  # enclosing headings, outermost first
    parent: Item | None = None  # the group item this one is nested under
    kind: str = "item"  # "item", or "group" for a label that heads nested items
    also_lines: tuple[int, ...] = ()  # further lines where the source states it again

    @cached_property
    def key(self) -> str:
        """Content-derived identity within the source list: section path + label.

        The same label stated twice under the same headings (an article repeated) is one
        item; the same label in two sections (List 1's two "Explainer animations") is two.
        """
        path = "/".join(h.text.casefold() for h in self.headings)
        parent = self.parent.label.casefold() if self.parent else ""
        return digest(self.source, path, parent, self.label.casefold())

    @cached_property
    def text_hash(self) -> str:
        """Hash of what the item says, so curation can tell when a source changed."""
        return digest(self.label, self.description, length=16)

    @property
    def section(self) -> Heading | None:
        return self.headings[-1] if self.headings else None


@dataclass
class Skipped:
    line: int
    verbatim: str
    reason: str  # short, fixed phrases: "preamble", "goal line", "code sample", ...


@dataclass
class ParseResult:
    source: str
    layout: str  # name of the ingester that read it
    items: list[Item] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: int = 0  # item statements folded into an earlier identical item

    def skip(self, line: int, verbatim: str, reason: str) -> None:
        if verbatim.strip():
            self.skipped.append(Skipped(line, verbatim, reason))

    def add(self, item: Item) -> Item:
        """Add ``item``, folding it into an earlier item with the same key."""
        for earlier in self._by_key().get(item.key, []):
            earlier.also_lines = (*earlier.also_lines, item.line)
            self.duplicates += 1
            return earlier
        self.items.append(item)
        self._index.setdefault(item.key, []).append(item)
        return item

    def _by_key(self) -> dict[str, list[Item]]:
        if not hasattr(self, "_index"):
            self._index: dict[str, list[Item]] = {}
        return self._index
