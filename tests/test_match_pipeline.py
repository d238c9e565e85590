"""The matcher end to end: its API (issue 3), and its quality on the real sources (tune split)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from match_helpers import item, items

from gm_graph.match import Constraints, MatchConfig, match_items
from gm_graph.match.canonical import assign_ids, slug

PAIRS = Path(__file__).parent / "data" / "alignment" / "pairs.tsv"


def test_every_item_has_exactly_one_link():
    its = items("Previsualization (Previs)", "Pre-visualization (previz) for scenes", "Drug discovery")
    result = match_items(its)
    assert [link.item for link in result.links] == its
    by_label = {link.item.label: link for link in result.links}
    single = by_label["Drug discovery"]
    assert (single.predicate, single.method, single.justification, single.matched_to) == (
        "exactMatch", "singleton", "semapv:UnspecifiedMatching", None,
    )
    merged = by_label["Pre-visualization (previz) for scenes"]
    assert merged.matched_to is its[0] and merged.method == "gm-graph matcher 0.2 lexical"
    assert merged.predicate in ("exactMatch", "closeMatch") and set(merged.parts) >= {"label", "fuzzy", "cross"}
    assert merged.cluster_id == by_label["Previsualization (Previs)"].cluster_id == "previsualization"


def test_preferred_label_is_the_clearest_short_name():
    its = [
        item("Pre-visualization (previz) for scenes", "list-2", 320),
        item("Previsualization (Previs)", "list-1", 59, "Generate rough shots from scripts for directors."),
    ]
    c = match_items(its).clusters[0]
    assert c.pref_label == "Previsualization"  # no parentheses, no "for scenes"
    assert c.alt_labels == ["Previsualization (Previs)", "Pre-visualization (previz) for scenes"]
    assert c.definition == "Generate rough shots from scripts for directors." and c.definition_item is its[1]


def test_wording_shared_by_several_sources_wins():
    its = items("Virtual try-on", "Virtual try-on", "Virtual Try-On experiences for clothing and makeup")
    assert match_items(its).clusters[0].pref_label == "Virtual try-on"


def test_curated_preferred_label_wins():
    its = items("Virtual try-on", "Virtual try-on")
    result = match_items(its, constraints=Constraints(preferred_labels={its[1].key: "Virtual try-on (VTO)"}))
    assert result.clusters[0].pref_label == "Virtual try-on (VTO)" and result.clusters[0].id == "virtual-try-on-vto"


def test_ids_are_slugs_with_a_digest_on_collision():
    assert slug("360° Product Video") == "360-product-video"
    a, b = items("Explainers", "Explainers")
    ids = assign_ids([("Explainers", [a]), ("Explainers", [b])])
    assert ids[0] == "explainers" and ids[1].startswith("explainers-") and len(ids[1]) == len("explainers-") + 6


def test_pairs_review_queue_and_stats():
    its = items("Storyboarding", "Storyboard creation", "Storyboard generation for video ads", "Album cover art", "Book cover design")
    cfg = MatchConfig()
    result = match_items(its, cfg)
    assert result.pairs and all(p.status in ("accepted", "review", "rejected") for p in result.pairs)
    assert all(p.decision in ("same", "different", "broader") for p in result.pairs)
    for p in result.pairs:
        if cfg.review <= p.score < cfg.accept:
            assert p.status == "review"
    gaps = [abs(p.score - cfg.merge) for p in result.review]
    assert gaps == sorted(gaps)
    assert result.stats["items"] == 5 and result.stats["scored_pairs"] == len(result.pairs)
    assert result.stats["candidate_pairs"] < result.stats["all_pairs"]


def test_unknown_curated_key_is_reported_not_applied():
    its = items("Storyboarding", "Drug discovery")
    result = match_items(its, constraints=Constraints(must_link=[(its[0].key, "no-such-key")]))
    assert len(result.clusters) == 2 and "no-such-key" in result.conflicts[0]


# -- the real sources, measured on the tune split of the hand-labelled pairs --------------------------
@pytest.fixture(scope="module")
def real(parsed):
    its = [it for result in parsed.values() for it in result.items]
    result = match_items(its)
    cluster = {id(link.item): link.cluster_id for link in result.links}
    where = {}
    for it in its:
        for line in (it.line, *it.also_lines):
            where[(it.source, line)] = it
    with PAIRS.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["split"] == "tune"]
    judged = []
    for r in rows:
        left = where[(r["left_source"], int(r["left_line"]))]
        right = where[(r["right_source"], int(r["right_line"]))]
        judged.append((r["relation"] == "same", cluster[id(left)] == cluster[id(right)]))
    tp = sum(a and p for a, p in judged)
    precision = tp / sum(p for _, p in judged)
    recall = tp / sum(a for a, _ in judged)
    return result, precision, recall, its


def test_real_sources_every_item_linked_and_hierarchy_acyclic(real):
    result, _, _, its = real
    assert len(result.links) == len(its)
    assert len({c.id for c in result.clusters}) == len(result.clusters)
    by_label = {link.item.label: link.cluster_id for link in result.links}
    # List 2 line 401 "Hair color try-on" sits under the try-on use case (List 1 line 39 "Virtual try-on")
    assert (by_label["Hair color try-on"], by_label["Virtual try-on"]) in {(b.narrow, b.broad) for b in result.broader}
    up: dict[str, set[str]] = {}
    for b in result.broader:
        up.setdefault(b.narrow, set()).add(b.broad)
    for start in up:
        seen, stack = set(), [start]
        while stack:
            for nxt in up.get(stack.pop(), ()):
                assert nxt != start, f"cycle through {start}"
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)


def test_real_sources_tune_split_floor(real):
    """What the matcher reaches today on the tune split (P 0.903, R 0.730; bench/matching.py
    prints both splits), less a small margin."""
    _, precision, recall, _ = real
    assert precision >= 0.88 and recall >= 0.71


@pytest.mark.xfail(reason="issue 3 target not reached yet: lexical evidence misses many judged synonyms", strict=False)
def test_real_sources_tune_split_target(real):
    _, precision, recall, _ = real
    assert precision >= 0.9 and recall >= 0.8


def _by_line(its, source, line):
    return next(it for it in its if it.source == source and it.line == line)


def test_group_heading_needs_strong_evidence_to_merge(real):
    """List 3 line 671 "Content Creation at Scale:" heads nested items (line 673 "Product
    descriptions and catalog copy."); it shares only the word "scale" with List 2 line 286
    "Scale visualization" (furniture in rooms), so the two are not merged and the nested item
    does not end up under the furniture use case."""
    result, _, _, its = real
    group = _by_line(its, "assistant-lists-list-3", 671)
    assert group.kind == "group" and group.label == "Content Creation at Scale"
    scale = _by_line(its, "assistant-lists-list-2", 286)
    assert scale.label == "Scale visualization"
    assert result.cluster_of(group).id != result.cluster_of(scale).id
    child = _by_line(its, "assistant-lists-list-3", 673)
    assert child.parent is group
    scale_id = result.cluster_of(scale).id
    assert all(b.broad != scale_id for b in result.broader if b.narrow == result.cluster_of(child).id)


def test_music_video_is_not_music(real):
    """List 2 line 344 "Music video generation" and List 1 line 261 "AI-generated music videos" make
    videos; List 3 line 658 "Audio and Music:" and the article's "Music and Audio Synthesis"
    (line 16) make music: they share "music" only as a modifier on one side and the head on
    the other, and are not merged."""
    result, _, _, its = real
    videos = [_by_line(its, "assistant-lists-list-2", 344), _by_line(its, "assistant-lists-list-1", 261)]
    music = [_by_line(its, "assistant-lists-list-3", 658), _by_line(its, "beyond-text-and-images-article", 16)]
    assert [v.label for v in videos] == ["Music video generation", "AI-generated music videos"]
    assert [m.label for m in music] == ["Audio and Music", "Music and Audio Synthesis"]
    video_clusters = {result.cluster_of(v).id for v in videos}
    assert not video_clusters & {result.cluster_of(m).id for m in music}


def test_an_item_naming_one_part_of_a_group_heading_is_under_it(real):
    """List 4 line 805 "Scientific & Educational Visualization:" heads one item (806 "Complex
    Visualizations"); List 1 line 207 "Scientific visualizations" and List 2 line 611
    "Scientific visualization" name only its first part, so they are a narrower use case of
    the group (judged broader in pairs-fresh.tsv), not merged into it."""
    result, _, _, its = real
    group = _by_line(its, "assistant-lists-list-4", 805)
    assert group.kind == "group" and group.label == "Scientific & Educational Visualization"
    sci = [_by_line(its, "assistant-lists-list-1", 207), _by_line(its, "assistant-lists-list-2", 611)]
    assert [s.label for s in sci] == ["Scientific visualizations", "Scientific visualization"]
    g = result.cluster_of(group).id
    assert all(result.cluster_of(s).id != g for s in sci)
    assert (result.cluster_of(sci[0]).id, g) in {(b.narrow, b.broad) for b in result.broader}


def test_preferred_label_follows_the_wording_most_members_use():
    """List 1 lines 99 "Historical reenactments" and 195 "Historical reconstructions", List 2 line
    328 "Historical reconstruction": the lexicon folds "reenactment" into "reconstruction", so all
    three have one fingerprint; the wording two members share wins over the shorter one."""
    from gm_graph.match.canonical import choose_label
    from gm_graph.match.normalise import Normaliser
    from gm_graph.match.pipeline import load_lexicon

    its = [
        item("Historical reenactments", "list-1", 99),
        item("Historical reconstructions", "list-1", 195),
        item("Historical reconstruction", "list-2", 328),
    ]
    normaliser = Normaliser(load_lexicon(MatchConfig()))
    assert len({normaliser.label(it.label).key for it in its}) == 1
    assert choose_label(its, normaliser) == "Historical reconstruction"


def test_on_a_tie_the_wording_read_first_names_the_use_case():
    """Two wordings as good as each other: the one read first (manifest order, then line)
    names the use case, so a list added later does not rename it (nor change its IRI)."""
    from gm_graph.match.canonical import choose_label
    from gm_graph.match.normalise import Normaliser
    from gm_graph.match.pipeline import load_lexicon

    normaliser = Normaliser(load_lexicon(MatchConfig()))
    seed, added = item("360° product video", "list-1", 43), item("360° product spins", "a-new-list", 9)
    assert choose_label([seed, added], normaliser) == "360° product video"
    assert choose_label([added, seed], normaliser) == "360° product spins"


def test_scoring_in_two_processes_gives_the_very_same_result(repo_root):
    """From MatchConfig.parallel_min candidate pairs on, a forked process scores half of them;
    every score, part, cluster, link and decision must be what one process gives."""
    import sys
    from dataclasses import replace

    from gm_graph.match import pipeline

    sys.path.insert(0, str(repo_root / "bench"))
    from synthetic import generate_items

    synthetic = generate_items(1500, seed=3)
    one = match_items(synthetic, replace(MatchConfig(), parallel_min=10**12))
    two = match_items(synthetic, replace(MatchConfig(), parallel_min=1))
    assert one.stats["scoring_processes"] == 1
    if pipeline._cores() < 2 or not pipeline._can_fork():
        pytest.skip("needs two cores and fork")
    assert two.stats["scoring_processes"] == 2

    def signature(result):
        return (
            [(c.id, c.pref_label, [(m.source, m.line) for m in c.members]) for c in result.clusters],
            [((p.a.source, p.a.line), (p.b.source, p.b.line), p.score, p.parts, p.decision, p.status) for p in result.pairs],
            [(b.narrow, b.broad) for b in result.broader],
        )

    assert signature(one) == signature(two)
    assert len(one.pairs) > 1000
