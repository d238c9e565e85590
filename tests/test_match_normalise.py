"""Matcher stage 1: normalisation and the curator-edited lexicon (data/lexicon.tsv, data/stopwords.tsv)."""

from __future__ import annotations

import pytest

from gm_graph.errors import GmError
from gm_graph.match import MatchConfig, load_lexicon
from gm_graph.match.lexicon import Lexicon, concept_token
from gm_graph.match.normalise import Normaliser, singular, split_qualifiers, stem, words


@pytest.fixture(scope="module")
def norm() -> Normaliser:
    return Normaliser(load_lexicon(MatchConfig()))


def test_qualifier_is_split_off_as_separate_evidence():
    assert split_qualifiers("Previsualization (Previs)") == ("Previsualization", ["Previs"])
    assert split_qualifiers("Pre-visualization (previz) for scenes") == ("Pre-visualization for scenes", ["previz"])


def test_case_punctuation_and_plural_folding():
    assert words("Virtual Try-On") == ["virtual", "try", "on"]
    assert words("360° product videos") == ["360", "degree", "product", "video"]
    assert words("Stories & Accessories") == ["story", "and", "accessory"]
    assert singular("glasses") == "glass" and singular("tours") == "tour" and singular("news") == "new"
    assert words("News", frozenset({"news"})) == ["news"]


@pytest.mark.parametrize(
    "forms",
    [
        ("visualization", "visualizations", "visualize", "visualisation", "visuals"),
        ("generation", "generate", "generative", "generating", "generated"),
        ("storyboarding", "storyboard", "storyboards"),
        ("personalized", "personalization", "personalised"),
    ],
)
def test_stem_joins_forms_of_one_word(forms):
    assert len({stem(singular(w)) for w in forms}) == 1


def test_stem_keeps_product_and_production_apart():
    assert stem("product") != stem("production")


@pytest.mark.parametrize(
    "a, b",
    [
        ("Previsualization (Previs)", "Pre-visualization (previz)"),
        ("Previz", "pre-visualisation"),
        ("VFX", "Visual effects"),
        ("3-D models", "3D model"),
        ("AR filters", "augmented reality filter"),
        ("UI mockups", "user interface mockup"),
        ("B-roll", "b roll"),
        ("360° product video", "360-degree product video"),
        ("Virtual try-on", "virtual try on"),
        ("Hair colour try-on", "hair color try on"),
        ("CGI", "computer-generated imagery"),
        # British spellings and domain synonyms added for the tune3 lists (session 8)
        ("De-ageing actors", "de-aging actors"),
        ("Licence-free catalogue music", "license-free catalog music"),
        ("Virtual catwalks", "Virtual fashion shows"),
        ("Natural-sounding voice bots", "natural-sounding voice agents"),
        ("Animated brand characters", "animated brand mascot"),
        ("Synthetic spokespeople", "virtual presenters"),
        ("Sales & service role-play", "sales and service roleplays"),
    ],
)
def test_lexicon_variants_meet(norm, a, b):
    assert norm.label(a).tokens == norm.label(b).tokens


def test_concepts_are_single_tokens(norm):
    assert norm.label("Previsualization (Previs)").tokens == ("previsualization",)
    assert norm.label("Visual Effects (VFX) and CGI").tokens == ("visual-effects", "computer-generated-imagery")
    assert norm.label("A/B testing ad variants").tokens[0] == "a-b-testing"


def test_redundant_qualifiers_are_dropped_informative_ones_kept(norm):
    assert not norm.label("Virtual Try-On (VTO)").qualifier_tokens  # lexicon variant of the core
    assert not norm.label("Level of Detail (LOD) Generation").qualifier_tokens  # acronym of the core
    assert norm.label("Renovation visualization (kitchens)").qualifier_tokens == {"kitchen"}


def test_words_after_a_preposition_are_an_adjunct(norm):
    n = norm.label("Pre-visualization (previz) for scenes")
    assert n.tokens == ("previsualization", stem("scene")) and n.adjunct == {stem("scene")}
    # a preposition after only weak words ("Creating ...") does not open an adjunct
    assert not norm.label("Creating visuals for games").adjunct


def test_conjunct_parts_share_the_head(norm):
    n = norm.label("Texture & asset generation")
    assert set(n.conjuncts) == {frozenset({stem("texture"), stem("generation")}), frozenset({"asset", stem("generation")})}


def test_weak_words_come_from_the_data_file():
    lex = load_lexicon(MatchConfig())
    for w in ("generation", "generative", "visualization", "content", "creation", "create", "writing", "drafting", "drafted"):
        assert lex.is_weak(stem(singular(w))), w
    assert lex.is_weak(concept_token("artificial intelligence"))  # "AI" folds into it
    assert not lex.is_weak(stem("storyboard"))
    assert lex.word_kind("for") == "prep" and lex.word_kind("the") == "stop"


def test_lexicon_loads_a_curator_file(tmp_path):
    (tmp_path / "lexicon.tsv").write_text(
        "# comment\npreferred\tvariants\tnote\nmotion capture\tmocap|mo-cap\t\nnews\t\t\n", encoding="utf-8"
    )
    (tmp_path / "stopwords.tsv").write_text("word\tkind\tnote\nfor\tprep\t\nthing\tweak\t\n", encoding="utf-8")
    lex = Lexicon.load(tmp_path / "lexicon.tsv", tmp_path / "stopwords.tsv")
    n = Normaliser(lex)
    assert n.label("Mo-cap cleanup").tokens == n.label("motion capture cleanup").tokens == ("motion-capture", "cleanup")
    assert n.label("News things").tokens == ("news", "thing") and lex.is_weak("thing")


def test_lexicon_refuses_a_variant_in_two_rows(tmp_path):
    (tmp_path / "lexicon.tsv").write_text("previs\tpreviz\t\nplanning\tpreviz\t\n", encoding="utf-8")
    (tmp_path / "stopwords.tsv").write_text("", encoding="utf-8")
    with pytest.raises(GmError, match=r"lexicon.tsv:2: variant 'previz' already belongs to 'previs'"):
        Lexicon.load(tmp_path / "lexicon.tsv", tmp_path / "stopwords.tsv")


def test_stopwords_refuse_an_unknown_kind(tmp_path):
    (tmp_path / "lexicon.tsv").write_text("", encoding="utf-8")
    (tmp_path / "stopwords.tsv").write_text("foo\tsometimes\t\n", encoding="utf-8")
    with pytest.raises(GmError, match="stopwords.tsv:1"):
        Lexicon.load(tmp_path / "lexicon.tsv", tmp_path / "stopwords.tsv")


def test_x_based_makes_x_a_modifier(norm):
    # "Template-based short-form content" (List 1 line 83) is short-form content; "template" modifies it
    n = norm.label("Template-based short-form content")
    assert n.tokens == (stem("template"), "short-form", stem("content")) and n.adjunct == {stem("template")}
    # "based on" still opens an adjunct after a telling word
    assert norm.label("Storyboards based on scripts").adjunct == {stem("script")}


def test_related_rows_are_near_synonym_classes_not_concepts(norm):
    lex = norm.lexicon
    # data/lexicon.tsv: "visualization | rendering | preview | mockup" is a related row
    assert stem("rendering") in norm.label("Architectural rendering").tokens  # the word is kept ...
    assert lex.classes(stem("rendering")) == lex.classes(stem("visualization")) != ()  # ... in one class
    assert lex.classes("ad") and set(lex.classes("ad")) & set(lex.classes(stem("campaign")))
    assert not set(lex.classes("ad")) & set(lex.classes(stem("storyboard")))
    # "role-play ~ scenario" must not make "scenario" and "simulation" near-synonyms
    assert not set(lex.classes(stem("scenario"))) & set(lex.classes(stem("simulation")))


def test_context_words_come_from_the_data_file():
    lex = load_lexicon(MatchConfig())
    assert lex.is_context(stem("documentary")) and lex.is_context(stem("marketing"))
    assert lex.is_context("promo")  # the lexicon concept of "promotional"
    assert not lex.is_context(stem("hair")) and not lex.is_weak(stem("documentary"))


def test_facet_words_come_from_the_data_file():
    lex = load_lexicon(MatchConfig())
    assert lex.is_facet("3d") and lex.is_facet(stem("event"))  # "3D" folds into the lexicon concept
    assert not lex.is_facet(stem("hair")) and not lex.is_weak("3d") and not lex.is_context("3d")


def test_lexicon_header_names_the_columns_and_kind_is_checked(tmp_path):
    (tmp_path / "lexicon.tsv").write_text(
        "kind\tpreferred\tvariants\tnote\n\tmotion capture\tmocap\t\nrelated\tvisualization\trendering|mockup\tnear\n",
        encoding="utf-8",
    )
    (tmp_path / "stopwords.tsv").write_text("word\tkind\tnote\nads\tcontext\t\n", encoding="utf-8")
    lex = Lexicon.load(tmp_path / "lexicon.tsv", tmp_path / "stopwords.tsv")
    n = Normaliser(lex)
    assert n.label("Mocap cleanup").tokens == ("motion-capture", "cleanup")
    assert lex.classes(stem("mockup")) == ("~visualization",) and lex.is_context("ads")
    (tmp_path / "lexicon.tsv").write_text("preferred\tvariants\tkind\nrender\tvisualize\tsynonym\n", encoding="utf-8")
    with pytest.raises(GmError, match=r"lexicon.tsv:2: kind 'synonym' is not one of same, related"):
        Lexicon.load(tmp_path / "lexicon.tsv", tmp_path / "stopwords.tsv")


def test_related_wording_must_be_one_token(tmp_path):
    (tmp_path / "lexicon.tsv").write_text("preferred\tvariants\tkind\navatar\tdigital human\trelated\n", encoding="utf-8")
    (tmp_path / "stopwords.tsv").write_text("", encoding="utf-8")
    with pytest.raises(GmError, match="'digital human' is not one word or lexicon concept"):
        Lexicon.load(tmp_path / "lexicon.tsv", tmp_path / "stopwords.tsv")


def test_narrower_rows_read_as_word_sets_under_one_concept(tmp_path):
    (tmp_path / "lexicon.tsv").write_text(
        "preferred\tvariants\tkind\nvisual effects\tVFX\t\nvisual effects\tgreen screen|wire and rig removal\tnarrower\n", encoding="utf-8"
    )
    (tmp_path / "stopwords.tsv").write_text("and\tstop\t\n", encoding="utf-8")
    lex = Lexicon.load(tmp_path / "lexicon.tsv", tmp_path / "stopwords.tsv")
    # the stop word "and" is dropped; word order does not matter
    assert lex.narrower == {"visual-effects": (frozenset({"green", "screen"}), frozenset({"wire", "rig", stem("removal")}))}


@pytest.mark.parametrize(
    "row, message",
    [
        ("visual effects\t\tnarrower", r"lexicon.tsv:2: a narrower row needs a broad wording and at least one narrower one"),
        ("effects for film\tgreen screen\tnarrower", r"lexicon.tsv:2: broad wording 'effects for film' is not one word or lexicon concept"),
        ("visual effects\tVFX compositing\tnarrower", r"lexicon.tsv:2: narrower wording 'VFX compositing' names the broad concept itself"),
    ],
)
def test_narrower_rows_are_checked(tmp_path, row, message):
    (tmp_path / "lexicon.tsv").write_text(f"visual effects\tVFX\t\n{row}\n", encoding="utf-8")
    (tmp_path / "stopwords.tsv").write_text("", encoding="utf-8")
    with pytest.raises(GmError, match=message):
        Lexicon.load(tmp_path / "lexicon.tsv", tmp_path / "stopwords.tsv")
