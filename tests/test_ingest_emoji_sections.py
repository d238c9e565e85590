"""The "emoji-sections" layout: List 1 of data/sources/assistant-lists.txt (lines 7-268).

Expected values were counted by reading the file (`cat -n ... | sed -n 7,268p`), not
copied from the program's output.
"""

from __future__ import annotations

from collections import Counter

import pytest

from gm_graph.ingest import REGISTRY
from gm_graph.ingest.base import Segment
from gm_graph.ingest.emoji_sections import EmojiSections

SOURCE = "assistant-lists-list-1"
LAYOUT = "emoji-sections"

# Hand count, items per section (line numbers of the items in the file):
#  1 Advertising & Marketing           19 21 23 25 27 29 31          7
#  2 E-Commerce & Retail               39 41 43 45 47 49 51          7  (14)
#  3 Film, TV & Entertainment ...      59 61 63 65 67 69 71 73       8  (22)
#  4 Social Media & Influencer ...     81 83 85 87 89                5  (27)
#  5 Education & Training              97 99 101 103 105             5  (32)
#  6 Corporate Communications ...      113 115 117 119               4  (36)
#  7 Real Estate, Architecture ...     127 129 131 133 135           5  (41)
#  8 Travel, Hospitality & Tourism     143 145 147 149               4  (45)
#  9 Gaming & Virtual Worlds           157 159 161 163 165           5  (50)
# 10 Art, Design & Creative ...        173 175 177 179 181           5  (55)
# 11 News, Media & Journalism          189 191 193 195 197           5  (60)
# 12 Science, Medicine & Research      205 207 209 211               4  (64)
# 13 Automotive & Industrial           219 221 223 225               4  (68)
# 14 Enterprise AI Infrastructure ...  233 235 237 239               4  (72)
# 15 Metaverse, AR & XR                247 249 251 253               4  (76)
# 16 Miscellaneous & Emerging ...      257 259 261 263 265 267       6  (82)
HAND_COUNT = 82
SECTIONS = [
    (13, "Advertising & Marketing", 7),
    (33, "E-Commerce & Retail", 7),
    (53, "Film, TV & Entertainment Production", 8),
    (75, "Social Media & Influencer Content", 5),
    (91, "Education & Training", 5),
    (107, "Corporate Communications & Enterprise", 4),
    (121, "Real Estate, Architecture & Interior Design", 5),
    (137, "Travel, Hospitality & Tourism", 4),
    (151, "Gaming & Virtual Worlds", 5),
    (167, "Art, Design & Creative Exploration", 5),
    (183, "News, Media & Journalism", 5),
    (199, "Science, Medicine & Research", 4),
    (213, "Automotive & Industrial", 4),
    (227, "Enterprise AI Infrastructure / Platforms", 4),
    (241, "Metaverse, AR & XR", 4),
    (255, "Miscellaneous & Emerging Applications", 6),
]
GOAL_LINES = [15, 35, 55, 77, 93, 109, 123, 139, 153, 169, 185, 201, 215, 229, 243]
USE_CASES_LINES = [17, 37, 57, 79, 95, 111, 125, 141, 155, 171, 187, 203, 217, 231, 245]

# (line, label, description, section heading) — read off the file by hand.
SPOT_CHECKS = [
    (19, "Ad concept generation", "Rapid storyboard & ad concept visualization.", "Advertising & Marketing"),
    (25, "Personalized ads", "AI-tailored visuals per viewer (location, preference).", "Advertising & Marketing"),
    (31, "Explainer animations", "Auto-generated animated explainers for products/services.", "Advertising & Marketing"),
    (39, "Virtual try-on", "Users \u201cwear\u201d clothing, makeup, or accessories via AI.", "E-Commerce & Retail"),
    (43, "360\u00b0 product video", "AI renders rotating or dynamic product visualizations.", "E-Commerce & Retail"),
    (59, "Previsualization (Previs)", "Generate rough shots from scripts for directors.", "Film, TV & Entertainment Production"),
    (65, "Visual effects (VFX)", "Inpainting/outpainting, sky replacements, de-aging, etc.", "Film, TV & Entertainment Production"),
    (73, "Shot-to-shot continuity repair", "AI fixes lighting or composition mismatches.", "Film, TV & Entertainment Production"),
    (83, "Template-based short-form content", "Auto-generate TikToks, Reels, or YouTube Shorts.", "Social Media & Influencer Content"),
    (103, "Explainer animations", "Auto-generated visuals from text-based lessons.", "Education & Training"),
    (113, "CEO/brand avatar videos", "Synthetic spokesperson for announcements.", "Corporate Communications & Enterprise"),
    (129, "Renovation visualization", "Generate \u201cbefore/after\u201d remodel renders.", "Real Estate, Architecture & Interior Design"),
    (149, "Dynamic itinerary visuals", "Auto-generate preview videos for bookings.", "Travel, Hospitality & Tourism"),
    (163, "NPC visual variety", "AI creates unique characters automatically.", "Gaming & Virtual Worlds"),
    (181, "Generative architecture or furniture concepts", "", "Art, Design & Creative Exploration"),
    (197, "Visual context for radio/podcast content", "", "News, Media & Journalism"),
    (211, "AI-generated patient education visuals", "", "Science, Medicine & Research"),
    (223, "Maintenance & safety training videos", "Synthetic instruction media.", "Automotive & Industrial"),
    (233, "Automated creative pipelines", "Text \u2192 storyboard \u2192 video \u2192 render.", "Enterprise AI Infrastructure / Platforms"),
    (247, "Generative 3D assets", "Create environments, avatars, and objects.", "Metaverse, AR & XR"),
    (257, "Memory reconstruction", "therapeutic visuals", "Miscellaneous & Emerging Applications"),
    (259, "Pet avatars / memorial videos", "", "Miscellaneous & Emerging Applications"),
    (261, "AI-generated music videos", "sync with generative audio", "Miscellaneous & Emerging Applications"),
    (265, "Legal/forensic visual reconstruction", "", "Miscellaneous & Emerging Applications"),
    (267, "Generative \u201cwhat-if\u201d scenario simulations", "", "Miscellaneous & Emerging Applications"),
]

# Every non-ASCII character the clean List 1 text uses in items and headings, checked by
# hand: curly double quotes (lines 39, 129, 267), degree sign (43, 127), arrow (233).
ALLOWED_NON_ASCII = {"\u201c", "\u201d", "\u00b0", "\u2192"}


@pytest.fixture(scope="module")
def result(parsed):
    return parsed[SOURCE]


def inline(text: str, source: str = "inline-list") -> Segment:
    return Segment(source, "inline test list", "inline.txt", 1, text.splitlines())


def by_line(result):
    return {item.line: item for item in result.items}


# --- registration and detection ---------------------------------------------------------


def test_registered_with_name_and_one_line_summary():
    ing = REGISTRY[LAYOUT]
    assert isinstance(ing, EmojiSections)
    assert ing.name == LAYOUT
    assert ing.summary and "\n" not in ing.summary


def test_all_six_real_segments_exist(segments):
    assert sorted(segments) == sorted(
        [
            "assistant-lists-list-1",
            "assistant-lists-list-2",
            "assistant-lists-list-3",
            "assistant-lists-list-4",
            "image-generation-article",
            "beyond-text-and-images-article",
        ]
    )


def test_detects_its_own_segment(segments):
    assert REGISTRY[LAYOUT].detect(segments[SOURCE]) >= 0.5


@pytest.mark.parametrize(
    "other",
    [
        "assistant-lists-list-2",
        "assistant-lists-list-3",
        "assistant-lists-list-4",
        "image-generation-article",
        "beyond-text-and-images-article",
    ],
)
def test_rejects_every_other_real_segment(segments, other):
    assert REGISTRY[LAYOUT].detect(segments[other]) < 0.5


def test_real_list_is_read_by_this_layout(result):
    assert result.layout == LAYOUT
    assert result.source == SOURCE


# --- items ------------------------------------------------------------------------------


def test_item_count_matches_hand_count(result):
    assert len(result.items) == HAND_COUNT
    assert sum(n for _, _, n in SECTIONS) == HAND_COUNT
    assert result.duplicates == 0


def test_items_per_section(result):
    counts = Counter(item.section.line for item in result.items)
    assert [(line, counts[line]) for line, _, _ in SECTIONS] == [(line, n) for line, _, n in SECTIONS]


@pytest.mark.parametrize(("line", "label", "description", "section"), SPOT_CHECKS)
def test_spot_check_item(result, file_lines, line, label, description, section):
    item = by_line(result)[line]
    assert item.label == label
    assert item.description == description
    assert item.section.text == section
    assert [h.text for h in item.headings] == [section]
    assert item.verbatim == file_lines[line - 1]
    assert item.source == SOURCE
    assert item.kind == "item"
    assert item.parent is None


def test_all_items_flat_and_verbatim(result, file_lines):
    for item in result.items:
        assert item.kind == "item" and item.parent is None
        assert item.verbatim == file_lines[item.line - 1]
        assert item.label and not item.label.endswith((".", ":"))


def test_same_label_in_two_sections_stays_two_items(result):
    explainers = [i for i in result.items if i.label == "Explainer animations"]
    assert [(i.line, i.section.text) for i in explainers] == [
        (31, "Advertising & Marketing"),
        (103, "Education & Training"),
    ]
    assert explainers[0].key != explainers[1].key


# --- headings ---------------------------------------------------------------------------


def test_headings(result, file_lines):
    assert [(h.line, h.text) for h in result.headings] == [(line, text) for line, text, _ in SECTIONS]
    for h in result.headings:
        assert h.level == 1
        assert h.verbatim == file_lines[h.line - 1]


def test_no_mojibake_in_clean_text(result):
    texts = [h.text for h in result.headings]
    texts += [t for item in result.items for t in (item.label, item.description)]
    used = {ch for t in texts for ch in t if ord(ch) > 127}
    assert used <= ALLOWED_NON_ASCII, used - ALLOWED_NON_ASCII
    # The raw file really is garbled there: the check above is not vacuous.
    assert "\u201a\u00c4\u00f9" in by_line(result)[39].verbatim  # "‚Äù", a garbled ”


# --- skipped lines ----------------------------------------------------------------------


def test_skip_counts_by_reason(result):
    assert Counter(s.reason for s in result.skipped) == {
        "list marker": 1,
        "preamble": 2,
        "goal line": 15,
        "section label": 15,
    }


def test_specific_skips(result):
    reasons = {s.line: s.reason for s in result.skipped}
    assert reasons[7] == "list marker"
    assert reasons[9] == "preamble" and reasons[11] == "preamble"
    assert [line for line, r in sorted(reasons.items()) if r == "goal line"] == GOAL_LINES
    assert [line for line, r in sorted(reasons.items()) if r == "section label"] == USE_CASES_LINES


def test_every_goal_and_use_cases_line_is_skipped(result, file_lines):
    reasons = {s.line: s.reason for s in result.skipped}
    for n in range(7, 269):
        text = file_lines[n - 1]
        if text.startswith("Goal:"):
            assert reasons.get(n) == "goal line", n
        if text.strip() == "Use Cases":
            assert reasons.get(n) == "section label", n


def test_every_non_blank_line_accounted_for_once(result, file_lines):
    seen = [i.line for i in result.items] + [h.line for h in result.headings] + [s.line for s in result.skipped]
    assert len(seen) == len(set(seen))
    non_blank = {n for n in range(7, 269) if file_lines[n - 1].strip()}
    assert set(seen) == non_blank
    assert len(non_blank) == 1 + 2 + 16 + 15 + 15 + 82


# --- edge cases in small inline lists ---------------------------------------------------

MIXED = """\
List 9:

Sure! Here is a list of use cases.

\u2728 1. Retail

Goal: Sell more.

Use Cases:

- Shelf planning: Simulate store shelves.
Catalog shots: Product photos from sketches.

\u00fc\u00df\u2020 2. Gaming

Level art (2D and 3D).
Trailer cuts.
A very long paragraph of prose that explains the section at length and keeps going for many more words than any use case would ever need.

3. Music
Use Cases
Cover art: Album covers.

Would you like me to turn this into a table?
"""


def test_inline_mixed_list():
    # Line 14's emoji is garbled without the U+F8FF the real file has, so repair leaves a
    # run such as "ü߆"; it is still recognised as an emoji prefix. Line 20 has no emoji but
    # a number and a "Use Cases" line under it.
    ing = REGISTRY[LAYOUT]
    seg = inline(MIXED)
    assert ing.detect(seg) >= 0.5
    res = ing.parse(seg)
    assert [(h.line, h.text) for h in res.headings] == [(5, "Retail"), (14, "Gaming"), (20, "Music")]
    assert [(i.line, i.label, i.description, i.section.text) for i in res.items] == [
        (11, "Shelf planning", "Simulate store shelves.", "Retail"),
        (12, "Catalog shots", "Product photos from sketches.", "Retail"),
        (16, "Level art", "2D and 3D", "Gaming"),
        (17, "Trailer cuts", "", "Gaming"),
        (22, "Cover art", "Album covers.", "Music"),
    ]
    assert {s.line: s.reason for s in res.skipped} == {
        1: "list marker",
        3: "preamble",
        7: "goal line",
        9: "section label",
        18: "article text",
        21: "section label",
        24: "closing remark",
    }


def test_clean_emoji_headings_without_goal_lines_are_detected():
    seg = inline("\U0001f3b5 1. Music\nJingles: Short brand tunes.\n\U0001f4f7 2. Photo\nHeadshots: Studio portraits.\n")
    assert REGISTRY[LAYOUT].detect(seg) >= 0.5
    res = REGISTRY[LAYOUT].parse(seg)
    assert [h.text for h in res.headings] == ["Music", "Photo"]
    assert [(i.label, i.section.text) for i in res.items] == [("Jingles", "Music"), ("Headshots", "Photo")]


def test_garbled_heading_of_the_real_kind_is_repaired():
    # Line 13 of the source, byte for byte: U+F8FF + "üß†" is the Mac Roman reading of 🧠.
    seg = inline("\uf8ff\u00fc\u00df\u2020 1. Advertising & Marketing\nAd concept generation: Storyboards.\n")
    res = REGISTRY[LAYOUT].parse(seg)
    assert [(h.text, h.line, h.level) for h in res.headings] == [("Advertising & Marketing", 1, 1)]
    assert res.items[0].headings == (res.headings[0],)


def test_exact_repeat_in_a_section_is_folded():
    seg = inline("\u26a1 1. Misc\nPet avatars\nPet avatars\n")
    res = REGISTRY[LAYOUT].parse(seg)
    assert len(res.items) == 1 and res.duplicates == 1
    assert res.items[0].also_lines == (3,)


@pytest.mark.parametrize(
    "text",
    [
        "Just a note without any structure.\nAnother line: with a colon.\n",
        "1. Marketing and Advertising\nPersonalized Campaigns: AI visuals.\n2. Fashion\nVirtual Models: AI models.\n",
        "\U0001f3ac Media\nAn intro sentence about the section.\nStoryboards: Drafts.\n",
    ],
)
def test_detect_rejects_other_shapes(text):
    assert REGISTRY[LAYOUT].detect(inline(text)) < 0.5
