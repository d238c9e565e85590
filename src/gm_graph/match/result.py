"""The records the matcher takes (curator constraints) and gives back (clusters, links, pairs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from gm_graph.match.score import PART_NAMES
from gm_graph.model import Item

# SSSOM justifications (semapv vocabulary), as CURIEs.
LEXICAL = "semapv:LexicalMatching"
MANUAL = "semapv:ManualMappingCuration"
COMPOSITE = "semapv:CompositeMatching"
UNSPECIFIED = "semapv:UnspecifiedMatching"


@dataclass
class Constraints:
    """Curator decisions, naming items by :attr:`Item.key`. They always win over the matcher.

    ``must_link``  pairs that are the same use case;
    ``cannot_link`` pairs that are not (never undone by a chain of other links);
    ``broader``    ``(narrow_key, broad_key)``: the first item's use case is a kind of the second's;
    ``preferred_labels`` item key -> the preferred label of the cluster that item ends up in.
    """

    must_link: list[tuple[str, str]] = field(default_factory=list)
    cannot_link: list[tuple[str, str]] = field(default_factory=list)
    broader: list[tuple[str, str]] = field(default_factory=list)
    preferred_labels: dict[str, str] = field(default_factory=dict)


@dataclass
class Cluster:
    """A canonical use case: the items judged the same, with its chosen label and definition."""

    id: str  # content-derived slug of pref_label ("virtual-try-on"); a short digest on collision
    members: list[Item]  # in source order (source list, line)
    pref_label: str
    alt_labels: list[str]
    definition: str  # "" when no member gives a usable description
    definition_item: Item | None  # the member the definition was taken from


@dataclass
class Link:
    """How one item is tied to its cluster (exactly one link per item)."""

    item: Item
    cluster_id: str
    predicate: str  # "exactMatch" (a true duplicate) or "closeMatch" (merged at a best guess)
    score: float
    method: str  # "gm-graph matcher 0.2 lexical", "curation", "singleton"
    justification: str  # a semapv CURIE, see LEXICAL, MANUAL, COMPOSITE, UNSPECIFIED
    parts: dict[str, float]  # the score's parts for the pair (item, matched_to)
    matched_to: Item | None  # the member it matched best (None for a singleton)


@dataclass(slots=True)
class PairDecision:
    """One scored pair of items and what became of it.

    ``decision``: "same" (one cluster), "broader" (``b``'s cluster is broader than ``a``'s,
    directly or through a chain), or "different".
    ``status``: "accepted" (score and decision agree, or a curator decided), "review" (the
    score lies between the review and accept thresholds, or disagrees with the decision), or
    "rejected" (below the review threshold and left apart).
    """

    a: Item
    b: Item
    score: float
    part_values: tuple[float, ...]  # the parts in PART_NAMES order (see :attr:`parts`)
    decision: str
    status: str
    method: str
    reason: str = ""  # why a pair at or above the merge threshold was left apart, if it was

    @property
    def parts(self) -> dict[str, float]:
        """The score's parts by name ("label", "containment", "fuzzy", ...), rounded to 4 places."""
        return {k: round(v, 4) for k, v in zip(PART_NAMES, self.part_values)}


class Broader(NamedTuple):
    """A skos:broader link between two clusters."""

    narrow: str  # cluster id
    broad: str  # cluster id
    score: float
    method: str


@dataclass
class MatchResult:
    clusters: list[Cluster]  # sorted by id
    links: list[Link]  # one per input item, in input order
    pairs: list[PairDecision]  # every scored pair (candidates, pairs scored to check a cluster, curated pairs)
    broader: list[Broader]
    review: list[PairDecision]  # pairs with status "review", most informative first
    stats: dict[str, object]
    conflicts: list[str] = field(default_factory=list)  # curator decisions that could not be applied

    def cluster(self, cluster_id: str) -> Cluster:
        for c in self.clusters:
            if c.id == cluster_id:
                return c
        raise KeyError(cluster_id)

    def cluster_of(self, item: Item) -> Cluster:
        for link in self.links:
            if link.item is item:
                return self.cluster(link.cluster_id)
        raise KeyError(item.key)
