"""Matcher stage 5: broader links between clusters, never cycles."""

from __future__ import annotations

from match_helpers import item, items

from gm_graph.match import Constraints, match_items


def ids(result):
    return {link.item.label: link.cluster_id for link in result.links}


def test_hair_color_try_on_is_under_virtual_try_on():
    result = match_items(items("Virtual try-on", "Hair color try-on", "Virtual tours"))
    by_label = ids(result)
    assert len(result.clusters) == 3
    links = {(b.narrow, b.broad) for b in result.broader}
    assert links == {(by_label["Hair color try-on"], by_label["Virtual try-on"])}
    pair = next(p for p in result.pairs if p.decision == "broader")
    assert (pair.a.label, pair.b.label) == ("Hair color try-on", "Virtual try-on")  # a narrow, b broad


def test_an_adjunct_does_not_make_a_narrower_use_case():
    result = match_items(items("Storyboarding", "Storyboards for video ads", "Cutscene storyboarding"))
    by_label = ids(result)
    assert by_label["Storyboarding"] == by_label["Storyboards for video ads"]


def test_different_head_is_not_narrower():
    result = match_items(items("Data visualization", "Data augmentation"))
    assert result.broader == []


def test_nested_item_is_narrower_than_its_group():
    group = item("Virtual Try-On (VTO)", "s4", 779)
    child = item("Beauty & Cosmetics", "s4", 781, "virtually test makeup products", parent=group)
    result = match_items([group, child])
    by_label = ids(result)
    assert [(b.narrow, b.broad, b.method.split()[-1]) for b in result.broader] == [
        (by_label["Beauty & Cosmetics"], by_label["Virtual Try-On (VTO)"], "hierarchy")
    ]


def test_curated_broader_that_would_close_a_cycle_is_refused():
    its = items("Virtual try-on", "Hair color try-on")
    result = match_items(its, constraints=Constraints(broader=[(its[0].key, its[1].key)]))
    # curation wins: try-on under hair colour; the matcher's reverse link would close a cycle and is dropped
    by_label = ids(result)
    assert {(b.narrow, b.broad) for b in result.broader} == {(by_label["Virtual try-on"], by_label["Hair color try-on"])}
    reverse = match_items(
        its, constraints=Constraints(broader=[(its[0].key, its[1].key), (its[1].key, its[0].key)])
    )
    assert len(reverse.broader) == 1 and any("cycle" in c for c in reverse.conflicts)


def test_no_cycles_on_many_overlapping_labels():
    labels = ["Product videos", "Product promo videos", "Short product promo videos", "Promo videos", "Videos"]
    result = match_items(items(*labels))
    up: dict[str, set[str]] = {}
    for b in result.broader:
        up.setdefault(b.narrow, set()).add(b.broad)

    def reaches(a, goal, seen=()):
        return any(n == goal or (n not in seen and reaches(n, goal, (*seen, n))) for n in up.get(a, ()))

    assert not any(reaches(c.id, c.id) for c in result.clusters)


def test_a_context_word_does_not_make_a_narrower_use_case():
    # README of the alignment set: "Documentary B-roll generation" = "AI-generated B-roll";
    # "documentary" is a context word in data/stopwords.tsv
    result = match_items(items("AI-generated B-roll", "Documentary B-roll generation", "Drug discovery"))
    by_label = ids(result)
    assert by_label["AI-generated B-roll"] == by_label["Documentary B-roll generation"]
    assert result.broader == []


def test_a_facet_word_does_not_make_a_narrower_use_case():
    # "3D" is a facet word in data/stopwords.tsv (the dimension of the output): the README of
    # the alignment set judges "3D Previs Sequences" the same as "Previsualization (Previs)".
    # "Hair color" is not a facet, so "Hair color try-on" stays a kind of "Virtual try-on".
    result = match_items(items("Previsualization (Previs)", "3D Previs Sequences", "Virtual try-on", "Hair color try-on"))
    by_label = ids(result)
    assert by_label["Previsualization (Previs)"] == by_label["3D Previs Sequences"]
    assert {(b.narrow, b.broad) for b in result.broader} == {(by_label["Hair color try-on"], by_label["Virtual try-on"])}


def test_a_name_joining_two_use_cases_is_not_a_kind_of_one_of_them():
    from gm_graph.match import MatchConfig, load_lexicon
    from gm_graph.match.hierarchy import containment
    from gm_graph.match.normalise import Normaliser
    from gm_graph.match.score import Scorer

    config = MatchConfig()
    lex = load_lexicon(config)
    s = Scorer(items("Texture & asset generation", "Asset generation", "Hair color try-on", "Virtual try-on"), Normaliser(lex), lex, config)
    joined, part, narrow, broad = s.items
    assert containment(joined, part, lex, config) == 0.0  # List 1 159 vs List 2 336: the same
    assert containment(narrow, broad, lex, config) > 0.0  # a kind of it


def test_lexicon_narrower_rows_put_crafts_under_the_concept():
    # data/lexicon.tsv: green screen, matte painting and set extension are kinds of visual effects;
    # labels with no word in common, so only the lexicon can link them (Fresh list, seeds List 1)
    result = match_items(items("Visual effects (VFX)", "Green screen replacement", "Matte painting", "Set extension", "Virtual sets"))
    by_label = ids(result)
    assert len(result.clusters) == 5
    vfx = by_label["Visual effects (VFX)"]
    links = {(b.narrow, b.broad): b.method for b in result.broader}
    assert set(links) == {(by_label[k], vfx) for k in ("Green screen replacement", "Matte painting", "Set extension")}
    assert all(m.endswith("lexicon hierarchy") for m in links.values())


def test_lexicon_narrower_rows_need_an_item_naming_just_the_concept():
    # "VFX shot planning" says more than the concept, so it is no umbrella for green screen work
    assert match_items(items("VFX shot planning", "Green screen replacement")).broader == []
    # "synthetic images" are not listed under synthetic data (ads use the phrase too)
    result = match_items(items("Synthetic data generation", "Synthetic images for ads", "Synthetic patient records"))
    by_label = ids(result)
    assert {(b.narrow, b.broad) for b in result.broader} == {(by_label["Synthetic patient records"], by_label["Synthetic data generation"])}
