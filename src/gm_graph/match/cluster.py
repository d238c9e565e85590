"""Stage 4 of the matcher: group items into clusters without chaining.

Plain connected components over "similar" pairs chain: A~B and B~C put A and C together
even when A and C are clearly different. Here clusters grow greedily from the best pair
down, and two clusters join only when the *whole* group holds together:

* no pair across them is a cannot-link (curator's "not the same", or an item and the group
  it is nested under);
* every pair across them scores at least ``member_floor`` (unscored pairs are scored now;
  a group of more than ``check_max`` members is represented by the first ``check_max``
  members it grew from, which keeps very large groups cheap); items a curator joined count
  as one unit, judged by the floor and the same-list rules below through its best-matching
  member (a curated paraphrase does not veto what matches its partner), by the mean through all;
* the mean score over all pairs across them is at least ``cluster_mean``;
* any pair across them from the same source list scores at least ``same_source`` (a list
  rarely states one use case twice, so that takes strong evidence), and a pair from the same
  *section* of one list at least ``same_section`` (items a list gives side by side are meant
  as different; a list organised by industry does repeat a use case under two industries).

Curated must-links are applied first and skip the score checks, but never a cannot-link:
a must-link that would join a cannot-linked pair, directly or through a chain, is refused
and reported, so a "not the same" decision always holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from gm_graph.match.config import MatchConfig

Pair = tuple[int, int]


def ordered(i: int, j: int) -> Pair:
    return (i, j) if i < j else (j, i)


@dataclass
class Clustering:
    clusters: list[list[int]]  # item indexes, each list sorted; clusters sorted by first member
    cluster_of: list[int]  # item index -> index into clusters
    refused: dict[Pair, str] = field(default_factory=dict)  # pairs >= merge left apart, and why
    curated: set[Pair] = field(default_factory=set)  # must-link pairs applied
    conflicts: list[str] = field(default_factory=list)  # must-links refused because of cannot-links


class _Groups:
    def __init__(self, n: int) -> None:
        self.root = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        root = self.root
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.root[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


def cluster(
    n: int,
    edges: list[tuple[float, int, int]],
    pair_score: Callable[[int, int], float],
    sources: list[str],
    config: MatchConfig,
    must: list[Pair] = (),
    cannot: set[Pair] = frozenset(),
    describe: Callable[[int], str] = str,
    sections: list[object] | None = None,
    curated_cannot: set[Pair] | None = None,
    names: list[str | None] | None = None,
) -> Clustering:
    """Cluster items ``0..n-1``.

    ``edges`` are scored candidate pairs ``(score, i, j)``; ``pair_score(i, j)`` scores any pair
    (cached by the caller); ``sources[i]`` is item i's source list; ``must`` and ``cannot`` are
    curated pairs (cannot also holds item/parent pairs); ``describe(i)`` names an item in messages;
    ``sections[i]`` (optional) is item i's section within its source list; ``curated_cannot``
    (optional) is the part of ``cannot`` that curators decided: only those stop a must-link (a
    curator's "same" overrides the matcher's own rule that an item and its group differ);
    ``names[i]`` (optional) is the preferred label a curator gave item i's use case: the matcher
    never joins two groups whose named members name different use cases.
    """
    groups = _Groups(n)
    cannot_of: dict[int, set[int]] = {}
    for i, j in cannot:
        cannot_of.setdefault(i, set()).add(j)
        cannot_of.setdefault(j, set()).add(i)
    hard_of: dict[int, set[int]] = cannot_of
    if curated_cannot is not None:
        hard_of = {}
        for i, j in curated_cannot:
            hard_of.setdefault(i, set()).add(j)
            hard_of.setdefault(j, set()).add(i)
    result = Clustering(clusters=[], cluster_of=[])

    def blocked(ra: int, rb: int, links: dict[int, set[int]] = cannot_of) -> bool:
        if not links:
            return False
        b_set = set(groups.members[rb])
        return any(links.get(x, set()) & b_set for x in groups.members[ra])

    for i, j in must:
        ra, rb = groups.find(i), groups.find(j)
        if ra == rb:
            result.curated.add(ordered(i, j))
            continue
        if blocked(ra, rb, hard_of):
            result.conflicts.append(
                f"curated 'same' for {describe(i)} and {describe(j)} not applied: it would join items "
                "curated as 'not the same'"
            )
            continue
        groups.union(i, j)
        result.curated.add(ordered(i, j))

    curated_same = result.curated
    # Items a curator joined are one unit: a candidate is compared with a unit through its best
    # member, so a curated paraphrase ("Cost Efficiency" = "Virtual Photography") does not
    # keep out the items that match the other wording.
    unit_of = [groups.find(i) for i in range(n)] if must else None

    def units(members: list[int], k: int) -> list[list[int]]:
        by_unit: dict[int, list[int]] = {}
        for x in members:
            by_unit.setdefault(unit_of[x], []).append(x)
        return [u[:k] for u in list(by_unit.values())[:k]]

    def list_rule(x: int, y: int, s: float) -> str | None:
        """Two items of one source list (or one section of it) need strong evidence."""
        if ordered(x, y) in curated_same:
            return None
        if sections is not None and sections[x] == sections[y]:
            if s < config.same_section:
                return f"same section of one source list, a pair scores {s:.2f} < {config.same_section}"
        elif s < config.same_source:
            return f"same source list, a pair scores {s:.2f} < {config.same_source}"
        return None

    def floor(s: float) -> str | None:
        return f"a member pair scores {s:.2f} < member floor {config.member_floor}" if s < config.member_floor else None

    def why_not(ra: int, rb: int) -> str | None:
        if blocked(ra, rb):
            return "cannot-link"
        if names is not None:
            na = {names[x] for x in groups.members[ra]} - {None}
            nb = {names[x] for x in groups.members[rb]} - {None}
            if na and nb and na != nb:
                return "a curator named the two use cases apart (different preferred labels)"
        # Very large groups are checked through their first members (the core they grew from).
        k = config.check_max
        total = 0.0
        pairs = 0
        if unit_of is None:
            a_members, b_members = groups.members[ra][:k], groups.members[rb][:k]
            for x in a_members:
                sx = sources[x]
                for y in b_members:
                    s = pair_score(x, y)
                    reason = floor(s) or (list_rule(x, y, s) if sources[y] == sx else None)
                    if reason:
                        return reason
                    total += s
            pairs = len(a_members) * len(b_members)
        else:
            # The floor and the same-list rules judge a unit pair by its best item pair; the
            # mean takes every item pair, so a curated group is no easier to join than its items.
            for ua in units(groups.members[ra], k):
                for ub in units(groups.members[rb], k):
                    scores = [(pair_score(x, y), x, y) for x in ua for y in ub]
                    best, x, y = max(scores)
                    reason = floor(best) or (list_rule(x, y, best) if sources[x] == sources[y] else None)
                    if reason:
                        return reason
                    total += sum(s for s, _, _ in scores)
                    pairs += len(scores)
        mean = total / pairs
        if mean < config.cluster_mean:
            return f"mean score across the two groups {mean:.2f} < {config.cluster_mean}"
        return None

    for s, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        if s < config.merge:
            break
        ra, rb = groups.find(i), groups.find(j)
        if ra == rb:
            continue
        reason = why_not(ra, rb)
        if reason is None:
            groups.union(i, j)
        else:
            result.refused[ordered(i, j)] = reason

    clusters = sorted(sorted(m) for m in groups.members.values())
    cluster_of = [0] * n
    for c, members in enumerate(clusters):
        for i in members:
            cluster_of[i] = c
    result.clusters = clusters
    result.cluster_of = cluster_of
    # A refused pair may have ended up together through other members; then it is not refused.
    result.refused = {p: r for p, r in result.refused.items() if cluster_of[p[0]] != cluster_of[p[1]]}
    return result
