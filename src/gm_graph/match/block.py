"""Stage 2 of the matcher: candidate pairs by blocking, so cost grows about linearly.

Only items that share a *blocking key* are scored. An item's keys are

* ``t:`` each informative (not weak) word or concept of its label;
* ``r:`` each near-synonym class (``related`` rows of the lexicon) of those words;
* ``t:`` also each of the ``desc_keys`` rarest informative words of its description, so an
  item meets another whose label its description says ("Generate cinematic aerial
  perspectives" meets "Aerial view generation");
* ``p:`` each pair of its (up to ``max_pair_tokens``) rarest informative words, which stays
  selective when single words become common in a large corpus;
* ``f:`` its fingerprint (distinct label tokens, sorted; OpenRefine's key collision);
* ``w:`` its weak words, only when the label has no informative word at all.

A block of at most ``block_max`` items is compared all-pairs. A larger block (a word most
items share) is compared by *sorted neighbourhood*: its items are sorted by their rarest words
and each is compared with the next ``block_window`` items, so items sharing rare words still
meet while the cost per block stays linear. The total work is therefore bounded by
(number of keys) x max(block_max, block_window), which grows with the item count, not its square.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from gm_graph.match.config import MatchConfig
from gm_graph.match.score import Prepared


def keys(p: Prepared, config: MatchConfig) -> set[str]:
    """The blocking keys of one prepared item."""
    out = {"t:" + t for t in p.strong}
    strong = set(p.strong)
    out.update("r:" + c for c, t in p.related.items() if t in strong)
    out.update("t:" + t for t in p.desc_keys[: config.desc_keys])
    top = sorted(p.strong[: config.max_pair_tokens])
    out.update("p:" + a + "|" + b for a, b in combinations(top, 2))
    if p.label.tokens:
        out.add("f:" + p.label.key)
    if not p.strong:
        out.update("w:" + t for t in p.weights)
    return out


def candidate_pairs(items: list[Prepared], config: MatchConfig, stats: dict | None = None) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` with ``i < j`` of item indexes worth scoring, sorted."""
    n = len(items)
    return [divmod(k, n) for k in candidate_keys(items, config, stats)]


def candidate_keys(items: list[Prepared], config: MatchConfig, stats: dict | None = None) -> list[int]:
    """Like :func:`candidate_pairs`, each pair ``(i, j)`` given as the number ``i * n + j``."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for p in items:
        for k in keys(p, config):
            blocks[k].append(p.index)
    n = len(items)
    seen: set[int] = set()
    big = 0
    for members in blocks.values():
        m = len(members)
        if m < 2:
            continue
        if m <= config.block_max:
            for a, b in combinations(members, 2):
                seen.add(a * n + b if a < b else b * n + a)
        else:
            big += 1
            ordered = sorted(members, key=lambda i: items[i].strong)
            _window(ordered, config.block_window, n, seen)
    if stats is not None:
        stats["blocks"] = sum(1 for m in blocks.values() if len(m) > 1)
        stats["large_blocks"] = big
        stats["candidate_pairs"] = len(seen)
        stats["all_pairs"] = n * (n - 1) // 2
    return sorted(seen)


def _window(ordered: list[int], window: int, n: int, seen: set[int]) -> None:
    for pos, a in enumerate(ordered):
        for b in ordered[pos + 1 : pos + 1 + window]:
            seen.add(a * n + b if a < b else b * n + a)

