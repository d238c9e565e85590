"""Matcher stage 2: blocking finds the pairs worth scoring, and only those."""

from __future__ import annotations

from dataclasses import replace

from match_helpers import item, items

from gm_graph.match import MatchConfig, load_lexicon
from gm_graph.match.block import candidate_pairs, keys
from gm_graph.match.normalise import Normaliser
from gm_graph.match.score import Scorer

LABELS = (
    "Previsualization (Previs)",
    "Pre-visualization (previz) for scenes",
    "Virtual try-on",
    "Virtual tours",
    "Album cover art",
    "Book cover design",
    "Drug discovery",
    "Weather graphics",
)


def prepare(labels, config=None):
    config = config or MatchConfig()
    lex = load_lexicon(config)
    return Scorer(items(*labels), Normaliser(lex), lex, config).items, config


def test_previs_and_previz_are_candidates_but_not_everything_is_compared():
    prepared, config = prepare(LABELS)
    stats: dict = {}
    pairs = candidate_pairs(prepared, config, stats)
    assert (0, 1) in pairs  # previs / previz: one concept after normalisation
    assert (2, 3) not in pairs  # "virtual" is part of the lexicon concept "virtual try-on"
    assert (4, 5) in pairs  # "cover"
    assert (6, 7) not in pairs  # nothing in common
    assert stats["candidate_pairs"] == len(pairs) < stats["all_pairs"] == 28


def test_keys_are_informative_words_word_pairs_and_fingerprint():
    prepared, config = prepare(["AI-generated B-roll footage"])
    k = keys(prepared[0], config)
    assert "t:b-roll" in k and "f:" + prepared[0].label.key in k
    assert not any(key.startswith("t:") and "artificial" in key for key in k)  # weak words are no keys


def test_a_large_block_is_compared_by_sorted_neighbourhood():
    labels = [f"Product {w} mockups" for w in ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa")]
    prepared, config = prepare(labels, replace(MatchConfig(), block_max=4, block_window=2))
    pairs = candidate_pairs(prepared, config)
    # every item meets at most its 2 neighbours in the "product" block (plus its own word-pair keys)
    assert len(pairs) <= 2 * len(labels)
    assert len(pairs) < len(labels) * (len(labels) - 1) // 2


def test_description_words_are_keys_too():
    # List 1 line 131: "Interior design staging: Fill empty rooms with virtual furniture/styles."
    its = [item("Interior design staging", "s1", 1, "Fill empty rooms with virtual furniture."), item("Furniture previews", "s2", 2)]
    config = MatchConfig()
    lex = load_lexicon(config)
    prepared = Scorer(its, Normaliser(lex), lex, config).items
    assert (0, 1) in candidate_pairs(prepared, config)
    assert (0, 1) not in candidate_pairs(prepared, replace(config, desc_keys=0))


def test_near_synonyms_meet_in_a_block():
    prepared, config = prepare(["Personalized ad generation", "Seasonal campaign imagery"])
    assert "r:~ad" in keys(prepared[0], config) and "r:~ad" in keys(prepared[1], config)
    assert (0, 1) in candidate_pairs(prepared, config)
