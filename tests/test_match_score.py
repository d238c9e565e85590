"""Matcher stage 3: scores weigh informative words above generic ones, and explain themselves."""

from __future__ import annotations

from match_helpers import item, items

from gm_graph.match import MatchConfig, load_lexicon
from gm_graph.match.normalise import Normaliser
from gm_graph.match.score import PART_NAMES, Scorer


def scorer(its):
    config = MatchConfig()
    lex = load_lexicon(config)
    return Scorer(its, Normaliser(lex), lex, config)


def test_sharing_generation_is_weak_evidence():
    s = scorer(items("Concept art generation", "Music video generation", "Concept art", "Texture generation"))
    shared_generic, _ = s.score(0, 1)  # only "generation" in common
    shared_specific, _ = s.score(0, 2)  # "concept art" in common
    assert shared_generic < 0.35 < MatchConfig().merge < shared_specific
    assert s.word_weight(s.items[0].label.tokens[-1]) < s.word_weight(s.items[0].label.tokens[0]) / 2


def test_idf_is_computed_over_the_items_being_matched():
    s = scorer(items("Storyboard tools", "Storyboard drafts", "Storyboard panels", "Album tools"))
    assert s.idf("storyboard") < s.idf("album")


def test_score_returns_its_parts():
    s = scorer(items("Previsualization (Previs)", "Pre-visualization (previz) for scenes"))
    score, parts = s.score(0, 1)
    assert tuple(parts) == PART_NAMES
    assert parts["containment"] == 1.0 and parts["head"] == 1.0
    assert 0.0 < parts["label"] < 1.0  # "scenes" is extra, though only an adjunct
    assert score >= MatchConfig().merge


def test_virtual_tours_and_virtual_try_on_score_low():
    s = scorer(items("Virtual tours", "Virtual try-on"))
    assert s.score(0, 1)[0] < MatchConfig().review


def test_a_description_that_says_the_other_label_is_cross_evidence():
    # List 1 line 133 and List 2 line 372: the description says "aerial perspectives"
    a = item("Neighborhood flythroughs", "s1", 1, "Generate cinematic aerial perspectives.", "Real Estate")
    b = item("Aerial view generation", "s2", 2)
    c = item("Neighborhood flythroughs", "s3", 3)
    s = scorer([a, b, c])
    _, with_description = s.score(0, 1)
    _, without = s.score(2, 1)
    assert with_description["cross"] > without["cross"]
    assert with_description["cross"] > with_description["label"]


def test_a_heading_word_counts_part_of_a_match():
    # "3D Visualization" under an architecture heading says part of "Architectural rendering"
    a = item("Architectural rendering", "s1", 1)
    b = item("3D Visualization", "s2", 2, "", "Architecture and Interior Design")
    c = item("3D Visualization", "s3", 3, "", "Gaming")
    s = scorer([a, b, c])
    assert s._coverage(s.items[0], s.items[1]) > s._coverage(s.items[0], s.items[2])


def test_near_synonyms_count_part_of_a_match():
    # data/lexicon.tsv: "ad" and "campaign" are a related row, "ad" and "album" are not
    s = scorer(items("Personalized ads", "Personalized campaigns", "Personalized albums"))
    related, _ = s.score(0, 1)
    unrelated, _ = s.score(0, 2)
    assert related > unrelated
    exact, _ = scorer(items("Personalized ads", "Personalized ads")).score(0, 1)
    assert exact > related


def test_two_different_generic_activities_weaken_the_head_agreement():
    # Both heads are "concept", but one label ends in "visualization" and the other in
    # "generation": weak words of two different near-synonym rows of data/lexicon.tsv.
    s = scorer(items("Concept Visualization", "Rapid Concept Generation", "Concept art generation", "Concept art creation"))
    assert s.score(0, 1)[1]["head"] == MatchConfig().weak_head_factor == 0.5
    # "creation" and "generation" are one related row: the head agreement stays whole.
    assert s.score(2, 3)[1]["head"] == 1.0
