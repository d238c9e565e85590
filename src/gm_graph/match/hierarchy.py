"""Stage 5 of the matcher: "A is a specific kind of B" links between clusters (skos:broader).

Three kinds of evidence, strongest first:

1. **curation** — a curator's broader decision (always kept unless it would close a cycle,
   which is reported);
2. **source hierarchy** — an item nested under a group item in its source ("Hair colors"
   under "Virtual Try-On (VTO):") is narrower than that group;
3. **label containment** — an item naming one part of a group heading "A & B" (and scoring
   at least ``accept`` with it) is narrower than the group: "Scientific visualizations" under
   "Scientific & Educational Visualization:"; and B's words are in A's label (IDF-weighted share at least
   ``broader``), A and B end in the same head word, and A adds informative words of its own
   before any preposition (at least ``broader_extra`` of B's weight; context words such as
   "documentary" and facet words such as "3D" do not count): "Hair color try-on" is
   narrower than "Virtual try-on"; "Pre-visualization for scenes" is not narrower than
   "Previsualization", because "scenes" only stands in an adjunct; "Data augmentation" is not
   narrower than "Data visualization" (other head).

4. **lexicon hierarchy** — a ``narrower`` row of the lexicon says a wording names a kind of a
   broad concept: an item whose label has all the words of the wording ("Green screen
   replacement") is narrower than an item whose label names just that concept and words that
   do not change what it is ("Visual effects (VFX)"; weak, facet and context words).

Links are added strongest first; a link that would close a cycle is skipped, and links made
redundant by a longer path are dropped at the end (transitive reduction), so the result is
a cycle-free hierarchy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gm_graph.match.config import METHOD_CONTAINMENT, METHOD_CURATION, METHOD_HIERARCHY, METHOD_LEXICON, MatchConfig
from gm_graph.match.lexicon import Lexicon
from gm_graph.match.score import Prepared

_PRIORITY = {METHOD_CURATION: 0, METHOD_HIERARCHY: 1, METHOD_CONTAINMENT: 2, METHOD_LEXICON: 3}


@dataclass(frozen=True)
class BroaderEdge:
    narrow: int  # cluster index
    broad: int  # cluster index
    score: float
    method: str
    via: tuple[int, int]  # the (narrow item, broad item) that gave the evidence


def head(p: Prepared, lexicon: Lexicon) -> str:
    """The head word of a label (see :func:`gm_graph.match.score.head_word`)."""
    return p.head


def containment(narrow: Prepared, broad: Prepared, lexicon: Lexicon, config: MatchConfig, same_head: bool | None = None) -> float:
    """How surely ``narrow`` is a specific kind of ``broad`` by their labels; 0.0 when it is not.

    ``broad``'s words (weak and adjunct words at their lower weight) must be in ``narrow``'s
    label (share at least ``broader``), both must have the same head word, and ``narrow`` must
    add informative words of its own before any preposition (``broader_extra`` of ``broad``'s
    weight). Sentence-like labels (over ``broader_max_tokens`` words) take no part.
    """
    if not broad.strong or max(len(narrow.label.tokens), len(broad.label.tokens)) > config.broader_max_tokens:
        return 0.0
    if not (same_head if same_head is not None else head(narrow, lexicon) == head(broad, lexicon)):
        return 0.0
    if narrow.label.conjuncts and any(part >= set(broad.strong) for part in narrow.label.conjuncts):
        return 0.0  # "Texture & asset generation" joins "asset generation" with another: not a kind of it
    wb = broad.total
    held = sum(w for t, w in broad.weights.items() if t in narrow.weights)
    share = held / wb if wb else 0.0
    if share < config.broader:
        return 0.0
    lab = narrow.label
    extra = sum(
        w
        for t, w in narrow.weights.items()
        if t not in broad.weights
        and not lexicon.is_weak(t)
        and not lexicon.is_context(t)
        and not lexicon.is_facet(t)
        and t not in lab.adjunct
        and t not in lab.qualifier_tokens
    )
    if extra < config.broader_extra * wb:
        return 0.0
    return round(share, 4)


def lexicon_kinds(items: list[Prepared], lexicon: Lexicon, config: MatchConfig) -> list[tuple[int, int]]:
    """``(narrow item, broad item)`` pairs that the lexicon's ``narrower`` rows imply.

    A broad item's label names one concept of a ``narrower`` row and otherwise only weak,
    facet or context words ("Visual effects (VFX)", "Content localization"); a narrow item's
    label holds every word of one of that concept's narrower wordings but not the concept
    itself ("Green screen replacement", "Auto-subtitling"). Sentence-like labels (over
    ``broader_max_tokens`` words) take no part. Linear in the item count: items are looked up
    by the words of the wordings.
    """
    if not lexicon.narrower:
        return []
    umbrellas: dict[str, list[int]] = {}
    for p in items:
        if len(p.label.tokens) > config.broader_max_tokens:
            continue
        core = {t for t in p.strong if not lexicon.is_facet(t) and not lexicon.is_context(t)}
        if len(core) == 1:
            (concept,) = core
            if concept in lexicon.narrower:
                umbrellas.setdefault(concept, []).append(p.index)
    by_word: dict[str, list[tuple[frozenset[str], str]]] = {}
    for concept in umbrellas:
        for kind in lexicon.narrower[concept]:
            by_word.setdefault(min(kind), []).append((kind, concept))
    out: list[tuple[int, int]] = []
    for p in items:
        if len(p.label.tokens) > config.broader_max_tokens:
            continue
        tokens = set(p.label.tokens)
        found = {concept for t in tokens for kind, concept in by_word.get(t, ()) if kind <= tokens and concept not in tokens}
        out.extend((p.index, b) for concept in sorted(found) for b in umbrellas[concept] if b != p.index)
    return out


class _Graph:
    def __init__(self) -> None:
        self.up: dict[int, set[int]] = {}

    def reaches(self, start: int, goal: int, skip: tuple[int, int] | None = None) -> bool:
        stack, seen = [start], {start}
        while stack:
            node = stack.pop()
            for nxt in self.up.get(node, ()):
                if (node, nxt) == skip:
                    continue
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return False

    def add(self, a: int, b: int) -> None:
        self.up.setdefault(a, set()).add(b)


def broader_links(
    cluster_of: list[int],
    items: list[Prepared],
    pairs: Iterable[tuple[int, int]],
    parents: list[tuple[int, int]],
    curated: list[tuple[int, int]],
    lexicon: Lexicon,
    config: MatchConfig,
    describe=str,
    parts: Iterable[tuple[int, int, float]] = (),
    kinds: Iterable[tuple[int, int]] = (),
) -> tuple[list[BroaderEdge], list[str]]:
    """Broader links between clusters; returns ``(edges, conflicts)``.

    ``pairs`` are scored item pairs to test for label containment (both ways); ``parents``
    are ``(child item, group item)`` pairs from the sources; ``curated`` are
    ``(narrow item, broad item)`` pairs from curation; ``kinds`` are such pairs from the
    lexicon (:func:`lexicon_kinds`).
    """
    conflicts: list[str] = []
    best: dict[tuple[int, int], BroaderEdge] = {}

    def offer(edge: BroaderEdge) -> None:
        key = (edge.narrow, edge.broad)
        old = best.get(key)
        if old is None or (_PRIORITY[edge.method], -edge.score) < (_PRIORITY[old.method], -old.score):
            best[key] = edge

    for n, b in curated:
        cn, cb = cluster_of[n], cluster_of[b]
        if cn == cb:
            conflicts.append(f"curated broader {describe(n)} -> {describe(b)} not applied: both are in one cluster")
            continue
        offer(BroaderEdge(cn, cb, 1.0, METHOD_CURATION, (n, b)))
    for child, group in parents:
        cn, cb = cluster_of[child], cluster_of[group]
        if cn != cb:
            offer(BroaderEdge(cn, cb, 1.0, METHOD_HIERARCHY, (child, group)))
    for n, b, s in parts:
        cn, cb = cluster_of[n], cluster_of[b]
        if cn != cb:
            offer(BroaderEdge(cn, cb, s, METHOD_CONTAINMENT, (n, b)))
    for n, b in kinds:
        cn, cb = cluster_of[n], cluster_of[b]
        if cn != cb:
            offer(BroaderEdge(cn, cb, 1.0, METHOD_LEXICON, (n, b)))
    heads = [head(p, lexicon) for p in items]
    for i, j in pairs:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj or heads[i] != heads[j]:
            continue
        for n, b, cn, cb in ((i, j, ci, cj), (j, i, cj, ci)):
            s = containment(items[n], items[b], lexicon, config, same_head=True)
            if s > 0.0:
                offer(BroaderEdge(cn, cb, s, METHOD_CONTAINMENT, (n, b)))

    graph = _Graph()
    kept: list[BroaderEdge] = []
    for edge in sorted(best.values(), key=lambda e: (_PRIORITY[e.method], -e.score, e.narrow, e.broad)):
        if graph.reaches(edge.broad, edge.narrow):
            if edge.method == METHOD_CURATION:
                n, b = edge.via
                conflicts.append(f"curated broader {describe(n)} -> {describe(b)} not applied: it would close a cycle")
            continue
        if graph.reaches(edge.narrow, edge.broad):
            continue  # already implied by a path
        graph.add(edge.narrow, edge.broad)
        kept.append(edge)
    # Transitive reduction: drop a matcher-made link that another path already implies.
    final = []
    for edge in kept:
        if edge.method != METHOD_CURATION and graph.reaches(edge.narrow, edge.broad, skip=(edge.narrow, edge.broad)):
            graph.up[edge.narrow].discard(edge.broad)
            continue
        final.append(edge)
    return final, conflicts
