"""The matcher end to end: normalise, block, score, cluster, hierarchy, canonical labels."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from gm_graph.match.block import candidate_keys
from gm_graph.match.canonical import assign_ids, choose_definition, choose_label
from gm_graph.match.cluster import cluster, ordered
from gm_graph.match.config import METHOD_CURATION, METHOD_LEXICAL, METHOD_SINGLETON, MatchConfig
from gm_graph.match.hierarchy import broader_links, containment, lexicon_kinds
from gm_graph.match.lexicon import Lexicon
from gm_graph.match.normalise import Normaliser
from gm_graph.match.result import (
    COMPOSITE,
    LEXICAL,
    MANUAL,
    UNSPECIFIED,
    Broader,
    Cluster,
    Constraints,
    Link,
    MatchResult,
    PairDecision,
)
from gm_graph.match.score import PART_NAMES, Scorer
from gm_graph.model import Item

_LEXICONS: dict[tuple, Lexicon] = {}


def load_lexicon(config: MatchConfig) -> Lexicon:
    """The lexicon and word classes named by ``config`` (cached until the files change)."""
    paths = (Path(config.lexicon_path), Path(config.stopwords_path))
    key = tuple((str(p), p.stat().st_mtime_ns if p.exists() else 0) for p in paths)
    if key not in _LEXICONS:
        _LEXICONS[key] = Lexicon.load(*paths)
    return _LEXICONS[key]


def _cores() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    import multiprocessing  # imported here: a build of a few hundred items never needs it

    return "fork" in multiprocessing.get_all_start_methods()


def score_candidates(
    score_values, candidates: list[int], n: int, parallel_min: int
) -> tuple[dict[int, tuple[float, tuple[float, ...]]], int]:
    """``{i * n + j: (score, parts)}`` for every candidate pair, in the candidates' order, and
    the number of processes that scored them.

    From ``parallel_min`` candidates on, with two cores and ``fork``, a forked process scores
    the second half into a shared array of doubles while this one scores the first; the
    values are the same floats either way, and the dictionary is built in the same order, so
    the result does not depend on how it was computed. If the helper process fails, this one
    scores its half too.
    """
    if len(candidates) < parallel_min or _cores() < 2 or not _can_fork():
        return {k: score_values(*divmod(k, n)) for k in candidates}, 1
    import multiprocessing

    width = 1 + len(PART_NAMES)
    half = len(candidates) // 2
    second = candidates[half:]
    shared = multiprocessing.RawArray("d", len(second) * width)

    def score_second() -> None:
        at = 0
        for k in second:
            score, parts = score_values(*divmod(k, n))
            shared[at] = score
            shared[at + 1 : at + width] = parts
            at += width

    worker = multiprocessing.get_context("fork").Process(target=score_second, daemon=True)
    worker.start()
    scored = {k: score_values(*divmod(k, n)) for k in candidates[:half]}
    worker.join()
    if worker.exitcode != 0:
        scored.update((k, score_values(*divmod(k, n))) for k in second)
        return scored, 1
    values = memoryview(shared).cast("B").cast("d").tolist()  # one C loop, not a ctypes slice a row
    at = 0
    for k in second:
        scored[k] = (values[at], tuple(values[at + 1 : at + width]))
        at += width
    return scored, 2


def _parts(values: tuple[float, ...]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in zip(PART_NAMES, values)}


def _where(item: Item) -> str:
    return f"{item.source}:{item.line} {item.label!r}"


def match_items(items: list[Item], config: MatchConfig | None = None, constraints: Constraints | None = None) -> MatchResult:
    """Match ``items``: clusters (canonical use cases), one link per item, broader links, every
    scored pair and the review queue (see :mod:`gm_graph.match`)."""
    # The run allocates millions of small objects and no reference cycles worth collecting
    # on the way; pausing the cyclic garbage collector saves a quarter of the time at 100k items.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _match(items, config, constraints)
    finally:
        if was_enabled:
            gc.enable()


def _match(items: list[Item], config: MatchConfig | None, constraints: Constraints | None) -> MatchResult:
    config = config or MatchConfig()
    constraints = constraints or Constraints()
    t0 = time.perf_counter()
    timing: dict[str, float] = {}
    stats: dict[str, object] = {"items": len(items)}
    conflicts: list[str] = []

    lexicon = load_lexicon(config)
    normaliser = Normaliser(lexicon)
    scorer = Scorer(items, normaliser, lexicon, config)
    n = len(items)
    timing["normalise"] = time.perf_counter() - t0

    # -- curator constraints, by item key --------------------------------------------------------
    index: dict[str, int] = {}
    for i, it in enumerate(items):
        index.setdefault(it.key, i)

    def resolve(kind: str, pairs: list[tuple[str, str]]) -> list[tuple[int, int]]:
        out = []
        for a, b in pairs:
            missing = [k for k in (a, b) if k not in index]
            if missing:
                conflicts.append(f"curated {kind} names item key(s) {', '.join(missing)} that no source has (any more)")
                continue
            out.append((index[a], index[b]))
        return out

    must = resolve("same", constraints.must_link)
    cannot_curated = {ordered(i, j) for i, j in resolve("not-the-same", constraints.cannot_link)}
    curated_broader = resolve("broader", constraints.broader)
    parents: list[tuple[int, int]] = []
    by_identity = {id(it): i for i, it in enumerate(items)}
    for i, it in enumerate(items):
        if it.parent is not None:
            p = by_identity.get(id(it.parent), index.get(it.parent.key))
            if p is not None and p != i:
                parents.append((i, p))
    cannot = set(cannot_curated)
    if config.parent_cannot_link:
        # A group with a single nested item may just name that item ("Synthetic Data
        # Generation for Model Training:" over "AI Model Training Data"): that pair is left to
        # the scores; any other item is never merged with the group it is nested in.
        children: dict[int, int] = {}
        for _, p in parents:
            children[p] = children.get(p, 0) + 1
        cannot.update(ordered(i, p) for i, p in parents if not (config.single_child_group and children[p] == 1))
    names: list[str | None] | None = None
    if config.named_apart and constraints.preferred_labels:
        names = [None] * n
        for key, label in constraints.preferred_labels.items():
            if key in index:
                names[index[key]] = label

    # -- blocking and scoring -------------------------------------------------------------------------
    t = time.perf_counter()
    candidates = candidate_keys(scorer.items, config, stats)
    timing["block"] = time.perf_counter() - t
    t = time.perf_counter()
    # Pairs are keyed i * n + j (i < j): cheaper than tuples at 100k items.
    score_values = scorer.score_values
    scored, stats["scoring_processes"] = score_candidates(score_values, candidates, n, config.parallel_min)

    def pair_score(i: int, j: int) -> float:
        key = i * n + j if i < j else j * n + i
        hit = scored.get(key)
        if hit is None:
            hit = scored[key] = score_values(i, j) if i < j else score_values(j, i)
        return hit[0]

    def pair_values(i: int, j: int) -> tuple[float, tuple[float, ...]]:
        pair_score(i, j)
        return scored[i * n + j if i < j else j * n + i]

    merge = config.merge
    edges = [(s, key // n, key % n) for key, (s, _) in scored.items() if s >= merge]
    kind_of: list[tuple[int, int]] = []  # pairs at or above merge left apart as kind-of
    part_of: list[tuple[int, int]] = []  # (item, group "A & B") where the item names one part: narrower
    if config.kind_of_not_merged:
        # "Hair color try-on" is a kind of "Virtual try-on": a broader link, not a merge,
        # unless the pair scores as a plain duplicate (at or above kind_of_accept).
        prep = scorer.items
        n_children: dict[int, int] = {}
        for _, p in parents:
            n_children[p] = n_children.get(p, 0) + 1

        # A group a curator has merged with something ("Pre-visualization (Previs) &
        # Animatics:" = "Previsualization (Previs)") means what the curator says, not what its
        # label's parts suggest: the rule below does not apply to it.
        curated_items = {i for pair in must for i in pair}

        def names_one_part(g: int, o: int) -> bool:
            # "Concept Art & Ideation:" heading several items is broader than "Concept art
            # generation", which names one of its parts only (and is not the same as
            # "Storyboarding & Animatics", which shares one part only).
            parts = prep[g].label.conjuncts
            if not parts or g in curated_items or (n_children.get(g, 0) < 2 and items[g].kind != "group"):
                return False
            own = {t for t in prep[o].weights if not lexicon.is_weak(t)}
            held = [part for part in parts if own & part]
            return len(held) == 1

        kept = []
        for e in edges:
            _, i, j = e
            if e[0] >= config.kind_of_accept:
                kept.append(e)
                continue
            group = i if names_one_part(i, j) else j if names_one_part(j, i) else None
            if config.group_part_not_merged and group is not None:
                cannot.add(ordered(i, j))  # nor joined through other members
                kind_of.append((i, j))
                part_of.append((j, i) if group == i else (i, j))  # (the part, the group)
                continue
            if (
                prep[i].head == prep[j].head  # a kind of the other has the same head word
                and (
                    containment(prep[i], prep[j], lexicon, config, same_head=True)
                    or containment(prep[j], prep[i], lexicon, config, same_head=True)
                )
            ):
                kind_of.append((i, j))
            else:
                kept.append(e)
        edges = kept
    weak_pairs: list[tuple[int, int, str]] = []  # pairs at or above merge left apart on thin evidence
    if config.group_strict:
        prep = scorer.items

        def heads_agree(a: int, b: int) -> bool:
            pa, pb = prep[a], prep[b]
            return pa.head == pb.head or bool(set(pa.head_classes) & set(pb.head_classes))

        def informative_shared(a: int, b: int) -> int:
            wa, wb = prep[a].weights, prep[b].weights
            return sum(1 for t in wa if t in wb and not lexicon.is_weak(t))

        kept = []
        for e in edges:
            _, i, j = e
            if e[0] < config.group_merge and (items[i].kind == "group" or items[j].kind == "group"):
                if not (heads_agree(i, j) and informative_shared(i, j) >= 2):
                    weak_pairs.append((i, j, f"a group heading merges below {config.group_merge} only when the heads agree and 2+ informative words are shared"))
                    continue
            kept.append(e)
        edges = kept
    timing["score"] = time.perf_counter() - t

    # -- clustering -------------------------------------------------------------------------------------
    t = time.perf_counter()
    sources = [it.source for it in items]
    # An item's section: its source list, headings and the group it is nested in (siblings in
    # one group are side by side; a group and its own item are not).
    sections = [(it.source, p.section, it.parent.key if it.parent is not None else None) for it, p in zip(items, scorer.items)]
    clustering = cluster(
        n, edges, pair_score, sources, config, must, cannot, describe=lambda i: _where(items[i]), sections=sections, curated_cannot=cannot_curated, names=names
    )
    conflicts.extend(clustering.conflicts)
    cluster_of = clustering.cluster_of
    for i, j in kind_of:
        if cluster_of[i] != cluster_of[j]:
            clustering.refused.setdefault((i, j), "one is a kind of the other: a broader link, not a merge")
    for i, j, why in weak_pairs:
        if cluster_of[i] != cluster_of[j]:
            clustering.refused.setdefault(ordered(i, j), why)
    timing["cluster"] = time.perf_counter() - t

    # -- hierarchy ----------------------------------------------------------------------------------------
    t = time.perf_counter()
    for i, j in (*must, *cannot_curated, *curated_broader):
        pair_score(i, j)  # curated pairs are always scored, so they can be shown and explained
    edges_b, broader_conflicts = broader_links(
        cluster_of,
        scorer.items,
        [p for p in map(lambda key: divmod(key, n), scored) if p not in cannot_curated],
        parents,
        curated_broader,
        lexicon,
        config,
        describe=lambda i: _where(items[i]),
        parts=[(i, g, s) for i, g in part_of if (s := pair_score(i, g)) >= config.accept],
        kinds=[(i, j) for i, j in lexicon_kinds(scorer.items, lexicon, config) if ordered(i, j) not in cannot_curated],
    )
    conflicts.extend(broader_conflicts)
    timing["hierarchy"] = time.perf_counter() - t

    # -- canonical clusters -------------------------------------------------------------------------------
    t = time.perf_counter()
    members_of = [[items[i] for i in sorted(m, key=lambda i: (items[i].source, items[i].line, i))] for m in clustering.clusters]
    labels: list[str] = []
    for c, members in enumerate(members_of):
        chosen = [constraints.preferred_labels[it.key] for it in members if it.key in constraints.preferred_labels]
        if len(set(chosen)) > 1:
            conflicts.append(f"curated preferred labels {sorted(set(chosen))} name one cluster; using {chosen[0]!r}")
        # Members in the order they were read (manifest order, then line): on a tie the wording
        # read first wins, so a list added later does not rename (and re-IRI) a use case.
        read_order = [items[i] for i in sorted(clustering.clusters[c])]
        labels.append(chosen[0] if chosen else choose_label(read_order, normaliser))
    ids = assign_ids(list(zip(labels, members_of)))
    clusters: list[Cluster] = []
    for cid, label, members in zip(ids, labels, members_of):
        seen = {label.casefold()}
        alts = []
        for it in members:
            if it.label.casefold() not in seen:
                seen.add(it.label.casefold())
                alts.append(it.label)
        definition, def_item = choose_definition(members, label)
        clusters.append(Cluster(cid, members, label, alts, definition, def_item))
    timing["canonical"] = time.perf_counter() - t

    # -- broader links, pair decisions, item links ------------------------------------------------------
    t = time.perf_counter()
    broader = [Broader(ids[e.narrow], ids[e.broad], e.score, e.method) for e in edges_b]
    up: dict[int, set[int]] = {}
    for e in edges_b:
        up.setdefault(e.narrow, set()).add(e.broad)
    ancestors: dict[int, frozenset[int]] = {}

    def ancestors_of(c: int) -> frozenset[int]:
        if c not in ancestors:
            ancestors[c] = frozenset()  # guards against cycles (there are none)
            acc: set[int] = set()
            for b in up.get(c, ()):
                acc.add(b)
                acc |= ancestors_of(b)
            ancestors[c] = frozenset(acc)
        return ancestors[c]

    curated_same = clustering.curated
    # Each item's best-scoring partner inside its cluster, among the pairs already scored.
    best_partner: dict[int, int] = {}
    best_score: dict[int, float] = {}
    for key, (s, _) in scored.items():
        i = key // n
        j = key - i * n
        if cluster_of[i] != cluster_of[j]:
            continue
        for x, y in ((i, j), (j, i)):
            old = best_score.get(x)
            if old is None or s > old or (s == old and y < best_partner[x]):
                best_score[x] = s
                best_partner[x] = y
    curated_partners: dict[int, list[int]] = {}
    for i, j in sorted(curated_same):
        curated_partners.setdefault(i, []).append(j)
        curated_partners.setdefault(j, []).append(i)
    links: list[Link] = []
    for i, it in enumerate(items):
        c = cluster_of[i]
        cid = ids[c]
        if len(clustering.clusters[c]) == 1:
            links.append(Link(it, cid, "exactMatch", 1.0, METHOD_SINGLETON, UNSPECIFIED, {}, None))
            continue
        curated_partner = [j for j in curated_partners.get(i, ()) if cluster_of[j] == c]
        if curated_partner:
            j = min(curated_partner)
            s, values = pair_values(i, j)
            links.append(Link(it, cid, "exactMatch", s, METHOD_CURATION, MANUAL, _parts(values), items[j]))
            continue
        best = best_partner.get(i)
        if best is None:  # no scored pair inside the cluster (joined through a must-link chain)
            best = max((j for j in clustering.clusters[c] if j != i), key=lambda j: (pair_score(i, j), -j))
        s, values = pair_values(i, best)
        a_p, b_p = scorer.items[i], scorer.items[best]
        composite = a_p.has_description or b_p.has_description or (a_p.context and b_p.context)
        links.append(
            Link(
                it,
                cid,
                "exactMatch" if s >= config.accept else "closeMatch",
                s,
                METHOD_LEXICAL,
                COMPOSITE if composite else LEXICAL,
                _parts(values),
                items[best],
            )
        )

    timing["links"] = time.perf_counter() - t
    t = time.perf_counter()
    pairs: list[PairDecision] = []
    n_accepted = n_review = n_rejected = 0
    refused = {i * n + j: reason for (i, j), reason in clustering.refused.items()}
    accept, review_t, merge = config.accept, config.review, config.merge
    sizes = [len(m) for m in clustering.clusters]
    curated_keys = {i * n + j for i, j in curated_same} | {i * n + j for i, j in cannot_curated}
    queued: list[tuple[float, int, int, PairDecision]] = []
    append, queue = pairs.append, queued.append
    for key in sorted(scored):
        s, values = scored[key]
        i = key // n
        j = key - i * n
        ci, cj = cluster_of[i], cluster_of[j]
        a, b = i, j
        if ci == cj:
            decision = "same"
        elif ci in up and cj in ancestors_of(ci):
            decision = "broader"
        elif cj in up and ci in ancestors_of(cj):
            decision, a, b = "broader", j, i
        else:
            decision = "different"
        method = METHOD_LEXICAL
        if key in curated_keys:
            status, method = "accepted", METHOD_CURATION
        elif s >= accept:
            status = "accepted" if decision == "same" else "review"
        elif s >= review_t or decision == "same":
            status = "review"
        else:
            status = "rejected"
        decided = PairDecision(items[a], items[b], s, values, decision, status, method, refused.get(key, ""))
        append(decided)
        if status == "review":
            n_review += 1
            queue((abs(s - merge), -(sizes[ci] + sizes[cj]), key, decided))
        elif status == "accepted":
            n_accepted += 1
        else:
            n_rejected += 1
    # Most informative first: closest to the merge threshold, then the largest clusters affected.
    queued.sort()  # keys are unique, so the PairDecision itself is never compared
    review = [q[3] for q in queued]

    timing["pairs"] = time.perf_counter() - t
    stats.update(
        clusters=len(clusters),
        singletons=sum(1 for m in clustering.clusters if len(m) == 1),
        largest_cluster=max(sizes, default=0),
        scored_pairs=len(scored),
        accepted=n_accepted,
        review=n_review,
        rejected=n_rejected,
        broader_links=len(broader),
        conflicts=len(conflicts),
        seconds={k: round(v, 4) for k, v in timing.items()},
        total_seconds=round(time.perf_counter() - t0, 4),
    )
    order = sorted(range(len(clusters)), key=lambda k: clusters[k].id)
    return MatchResult([clusters[k] for k in order], links, pairs, broader, review, stats, conflicts)
