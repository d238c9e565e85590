"""Hand-made items for the matcher tests."""

from __future__ import annotations

from gm_graph.model import Heading, Item


def item(label: str, source: str = "s1", line: int = 1, description: str = "", section: str = "", parent: Item | None = None) -> Item:
    headings = (Heading(section, section, max(line - 1, 1), 1),) if section else ()
    return Item(source, line, label, label, description, headings, parent)


def items(*labels: str, sources: tuple[str, ...] | None = None) -> list[Item]:
    """One item per label, each from its own source list unless ``sources`` says otherwise."""
    return [item(lab, sources[k] if sources else f"s{k}", k + 1) for k, lab in enumerate(labels)]
