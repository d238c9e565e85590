"""The roman-outline layout: List 4 of the assistant lists, and small outlines of its family.

Every expected value below was read off data/sources/assistant-lists.txt (lines 720-812,
`cat -n data/sources/assistant-lists.txt | sed -n 720,812p`), not copied from the program.
"""

from __future__ import annotations

from collections import Counter

import pytest

from gm_graph.ingest import REGISTRY
from gm_graph.ingest.base import Segment
from gm_graph.ingest.roman_outline import RomanOutline, roman_value

LIST = "assistant-lists-list-4"
ING = RomanOutline()

SECTIONS = {
    1: "Visual Content Generation (2D Images & Art)",
    2: "3D Model & Asset Generation",
    3: "Video & Animation Production",
    4: "Interactive & Personalized Media",
    5: "Marketing & Advertising Creative (General)",
    6: "Specialized & Niche Applications",
}


@pytest.fixture(scope="module")
def result(parsed):
    return parsed[LIST]


def doc(*lines: str) -> Segment:
    return Segment("test-doc", "test", "test.txt", 1, list(lines))


def by_line(result, line):
    (item,) = [i for i in result.items if i.line == line]
    return item


# --- List 4 as a whole ---------------------------------------------------------------


def test_registered_and_chosen_for_list_4(result):
    assert REGISTRY["roman-outline"].summary
    assert result.layout == "roman-outline"


def test_item_counts(result):
    # Hand count, per Roman section: sub-headers (groups) / "Label: description" lines.
    #   I   (724): 4 groups (726, 730, 735, 740), 3+4+4+2 = 13 items
    #   II  (743): 3 groups (745, 750, 755),      4+4+2   = 10 items
    #   III (758): 5 groups (760, 764, 768, 771, 774), 3+3+2+2+2 = 12 items
    #   IV  (777): 4 groups (779, 783, 786, 790), 3+2+3+2 = 10 items
    #   V   (793): 2 groups (795, 798),           2+2     =  4 items
    #   VI  (801): 4 groups (803, 805, 807, 809), 1+1+1+2 =  5 items
    # 22 groups + 54 items = 76.
    kinds = Counter(i.kind for i in result.items)
    assert kinds == {"group": 22, "item": 54}
    assert len(result.items) == 76
    assert result.duplicates == 0
    per_section = Counter((i.headings[0].text, i.kind) for i in result.items)
    assert [per_section[(SECTIONS[k], "group")] for k in range(1, 7)] == [4, 3, 5, 4, 2, 4]
    assert [per_section[(SECTIONS[k], "item")] for k in range(1, 7)] == [13, 10, 12, 10, 4, 5]


def test_headings(result):
    assert [(h.line, h.level, h.text) for h in result.headings] == [
        (724, 1, SECTIONS[1]),
        (743, 1, SECTIONS[2]),
        (758, 1, SECTIONS[3]),
        (777, 1, SECTIONS[4]),
        (793, 1, SECTIONS[5]),
        (801, 1, SECTIONS[6]),
    ]
    assert result.headings[0].verbatim == "I. Visual Content Generation (2D Images & Art)"


def test_skipped_lines_by_reason(result):
    assert [(s.line, s.reason) for s in result.skipped] == [
        (720, "list marker"),
        (722, "preamble"),
        (812, "closing remark"),
    ]


def test_every_non_blank_line_is_accounted_for(result, file_lines):
    # 85 non-blank lines in 720-812: 76 items + 6 headings + 3 skipped.
    seen = [i.line for i in result.items] + [h.line for h in result.headings] + [s.line for s in result.skipped]
    expected = [n for n in range(720, 813) if file_lines[n - 1].strip()]
    assert sorted(seen) == expected
    assert len(expected) == 85


def test_verbatim_and_structure(result, file_lines):
    for item in result.items:
        assert item.verbatim == file_lines[item.line - 1]
        assert len(item.headings) == 1
        if item.kind == "group":
            assert item.parent is None and item.description == ""
            assert item.verbatim.endswith(":")
        else:
            # every item of List 4 sits under a sub-header, the nearest one above it
            assert item.parent is not None and item.parent.kind == "group"
            assert item.parent.line < item.line
            assert item.parent.headings == item.headings
            between = [g.line for g in result.items if g.kind == "group" and item.parent.line < g.line < item.line]
            assert between == []


def test_no_mojibake(result):
    # `sed -n 720,812p data/sources/assistant-lists.txt | grep -P '[^\x00-\x7f]'` finds
    # nothing: List 4 is plain ASCII, so no non-ASCII character may appear in what we read.
    allowed: set[str] = set()
    texts = [t for i in result.items for t in (i.label, i.description)] + [h.text for h in result.headings]
    assert {ch for t in texts for ch in t if ord(ch) > 127 and ch not in allowed} == set()
    assert not any(t != t.strip() for t in texts)


GROUPS = [
    # line, label, section number
    (726, "Concept Art & Ideation", 1),
    (740, "E-commerce Product Imagery", 1),
    (750, "Game Asset Production (Advanced)", 2),
    (768, "Pre-visualization (Previs) & Animatics (Advanced)", 3),
    (779, "Virtual Try-On (VTO)", 4),
    (783, "360-Degree Interactive Product Views", 4),
    (795, "Dynamic Creative Optimization (DCO)", 5),
    (809, "Manufacturing & Industrial Design", 6),
]


@pytest.mark.parametrize(("line", "label", "section"), GROUPS)
def test_group_spot_checks(result, line, label, section):
    g = by_line(result, line)
    assert (g.kind, g.label, g.description, g.parent) == ("group", label, "", None)
    assert [h.text for h in g.headings] == [SECTIONS[section]]


ITEMS = [
    # line, label, start of description, parent line, section number
    (727, "Rapid Concept Generation", "Quickly producing multiple variations of character designs", 726, 1),
    (729, "Storyboarding & Animatics", "Generating sequences of images to visualize narrative flow", 726, 1),
    (731, "Marketing Banner & Ad Creative", "Producing diverse images, illustrations, and visual elements", 730, 1),
    (736, "Photorealistic & Stylized Textures", "Creating a wide array of 2D image textures (e.g., wood", 735, 1),
    (739, "AI-driven Texture Synthesis", "Enhancing existing textures or generating new ones", 735, 1),
    (742, "Product Infographics", "Creating informative visuals that highlight product features", 740, 1),
    (746, "Game-Ready 3D Assets", "Generating optimized 3D models (characters, props, environmental elements)", 745, 2),
    (753, "Level of Detail (LOD) Generation", "Automatically creating multiple simplified versions", 750, 2),
    (757, "Personalized Avatars", "Generating customizable 3D avatars", 755, 2),
    (763, "Dynamic Visuals for Film/TV", "Producing background plates, VFX elements", 760, 3),
    (769, "3D Previs Sequences", "Generating fully rendered 3D sequences", 768, 3),
    (775, "Actor Re-aging/Age Progression", "Generating visuals to make actors appear younger or older", 774, 3),
    (780, "Apparel & Fashion", "Allowing customers to virtually try on clothing items", 779, 4),
    (784, "E-commerce Product Exploration", "Generating interactive 360-degree rotational views", 783, 4),
    (787, "Dynamic Product Recommendations", "Generating customized product images or short video clips", 786, 4),
    (791, "AR Filters & Lenses", "Generating unique AR filters for social media platforms (Snapchat, Instagram)", 790, 4),
    (797, "Localised Creative", "Producing geographically or demographically tailored advertising content.", 795, 5),
    (804, "AI Model Training Data", "Creating vast, diverse, and perfectly labeled synthetic datasets", 803, 6),
    (808, "UI/UX Element Generation", "Rapidly generating different versions of user interface components", 807, 6),
    (811, "Automated Documentation", "Generating 2D manufacturing drawings and assembly instructions from 3D models.", 809, 6),
]


@pytest.mark.parametrize(("line", "label", "description", "parent", "section"), ITEMS)
def test_item_spot_checks(result, line, label, description, parent, section):
    item = by_line(result, line)
    assert item.kind == "item" and item.source == LIST
    assert item.label == label
    assert item.description.startswith(description)
    assert item.parent is by_line(result, parent)
    assert [h.text for h in item.headings] == [SECTIONS[section]]
    assert item.headings[0].line == [724, 743, 758, 777, 793, 801][section - 1]


def test_full_description_kept_as_written(result):
    assert by_line(result, 770).description == (
        "Visualizing technical aspects like lighting setups, lens choices, and rigging requirements in a 3D environment."
    )


# --- detection ----------------------------------------------------------------------


def test_detect_claims_only_list_4(segments):
    assert len(segments) == 6
    for sid, seg in segments.items():
        score = ING.detect(seg)
        if sid == LIST:
            assert score >= 0.5, sid
        else:
            assert score < 0.5, sid


def test_detect_needs_two_numerals_in_sequence():
    groups = ["Group:", "One: first thing", "Two: second thing"]
    assert ING.detect(doc("I. Only one section", *groups)) == 0.0
    assert ING.detect(doc("I. First", *groups, "III. Skips two", *groups)) == 0.0
    assert ING.detect(doc("I. First", *groups, "II. Second", *groups)) >= 0.5
    # List-3-like text: "Label:" groups and "Label: text" lines but no Roman numerals
    assert ING.detect(doc("Visual Effects:", "One: first thing", "Audio:", "Two: second")) == 0.0


@pytest.mark.parametrize(("numeral", "value"), [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XL", 40), ("IIII", 0), ("VX", 0), ("", 0)])
def test_roman_value(numeral, value):
    assert roman_value(numeral) == value


# --- the family: small outlines -----------------------------------------------------


def test_lettered_subheaders_bullets_and_out_of_sequence_letters():
    r = ING.parse(
        doc(
            "Intro line that explains the list.",
            "I. Images",
            "A. Concept Art:",
            "- Rapid Concepts: many variations",
            "B. Textures",
            "1. Material Maps: normal and roughness",
            "II. Video",
            "C. Previs:",
            "Shot Planning: plan shots",
        )
    )
    assert [(h.line, h.text) for h in r.headings] == [(2, "Images"), (7, "Video")]
    got = [(i.line, i.kind, i.label, i.description, i.parent.line if i.parent else None) for i in r.items]
    assert got == [
        (3, "group", "Concept Art", "", None),
        (4, "item", "Rapid Concepts", "many variations", 3),
        (5, "group", "Textures", "", None),
        (6, "item", "Material Maps", "normal and roughness", 5),
        (8, "group", "Previs", "", None),  # "C." is a letter here, not the numeral 100
        (9, "item", "Shot Planning", "plan shots", 8),
    ]
    assert [(s.line, s.reason) for s in r.skipped] == [(1, "preamble")]


def test_subheader_without_children_is_an_item_and_short_nested_lines():
    r = ING.parse(
        doc(
            "I. Media",
            "This section covers media.",
            "Virtual Try-On:",
            "Hair colour (salon previews)",
            "Eyewear",
            "Lonely Header:",
            "II. Other",
            "Top Level: not under any group",
            "Would you like me to expand on any of these?",
        )
    )
    got = [(i.line, i.kind, i.label, i.description, i.parent.line if i.parent else None) for i in r.items]
    assert got == [
        (3, "group", "Virtual Try-On", "", None),
        (4, "item", "Hair colour", "salon previews", 3),
        (5, "item", "Eyewear", "", 3),
        (6, "item", "Lonely Header", "", None),
        (8, "item", "Top Level", "not under any group", None),
    ]
    assert [(s.line, s.reason) for s in r.skipped] == [(2, "section intro"), (9, "closing remark")]


def test_mojibake_repaired_and_verbatim_kept():
    raw = "Try-On \u201a\u00c4\u00ee Apparel: users \u201a\u00c4\u00fawear\u201a\u00c4\u00f9 clothes"
    r = ING.parse(doc("I. Retail", "Try-On:", raw))
    item = r.items[1]
    assert (item.label, item.description) == ("Try-On \u2014 Apparel", "users \u201cwear\u201d clothes")
    assert item.verbatim == raw


def test_repeats_under_same_heading_are_folded():
    r = ING.parse(doc("I. Retail", "Try-On:", "Apparel: clothes", "Try-On:", "Apparel: clothes again", "II. Again", "Try-On:"))
    assert [(i.line, i.kind, i.label) for i in r.items] == [(2, "group", "Try-On"), (3, "item", "Apparel"), (7, "item", "Try-On")]
    assert r.items[0].also_lines == (4,) and r.items[1].also_lines == (5,)
    assert r.duplicates == 2


def test_numeral_out_of_sequence_is_not_a_heading():
    r = ING.parse(doc("I. Retail", "Try-On:", "Apparel: clothes", "II. Media", "I. Images:", "Stills: photos"))
    assert [h.text for h in r.headings] == ["Retail", "Media"]
    assert [(i.line, i.kind, i.label, [h.text for h in i.headings]) for i in r.items][-2:] == [
        (5, "group", "Images", ["Media"]),
        (6, "item", "Stills", ["Media"]),
    ]


def test_a_titled_line_before_the_first_heading_is_not_an_item():
    # A page title shaped "Topic: Subtitle" reads like "Label: description" but opens the page.
    seg = doc(
        "Generative Media: Where It Is Used",
        "I. Images",
        "A. Marketing",
        "- Banner ads: Sized variants for every placement.",
        "II. Audio",
        "- Jingles: Short melodies for a brand.",
    )
    r = ING.parse(seg)
    assert [(i.line, i.label) for i in r.items] == [(3, "Marketing"), (4, "Banner ads"), (6, "Jingles")]
    assert [(s.line, s.reason) for s in r.skipped] == [(1, "preamble")]
