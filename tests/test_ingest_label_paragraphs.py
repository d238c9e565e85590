"""The "label-paragraphs" layout: List 3 of data/sources/assistant-lists.txt (lines 629-718).

Expected values were counted by reading the file (`cat -n ... | sed -n 629,718p`), not
copied from the program's output.
"""

from __future__ import annotations

from collections import Counter

import pytest

from gm_graph.ingest import REGISTRY
from gm_graph.ingest.base import Segment
from gm_graph.ingest.label_paragraphs import LabelParagraphs

SOURCE = "assistant-lists-list-3"
LAYOUT = "label-paragraphs"

MEDIA = "Media & Entertainment Production"
MARKETING = "Marketing, Advertising, & E-commerce"
DESIGN = "Design, Prototyping, & Art"
SCIENCE = "Science, Healthcare, & Industry"
HEADINGS = [(635, MEDIA), (668, MARKETING), (695, DESIGN), (704, SCIENCE)]

# Hand count (line numbers in the file):
#   groups ("Label:" lines, and line 671 "... including:")   640 650 658 671 679 687       6
#   nested sentences: under 640: 642 644 646 648 (4); 650: 652 654 656 (3);
#                     658: 660 662 664 (3); 671: 673 675 677 (3); 679: 681 683 (2);
#                     687: 689 691 (2)                                                   17
#   top-level "Label: description": 638 666 685 693 698 700 702 707 709 711             10
#   total                                                                               33
HAND_COUNT = 33
GROUPS = [640, 650, 658, 671, 679, 687]
NESTED = {
    640: [642, 644, 646, 648],
    650: [652, 654, 656],
    658: [660, 662, 664],
    671: [673, 675, 677],
    679: [681, 683],
    687: [689, 691],
}
TOP_LEVEL = [638, 666, 685, 693, 698, 700, 702, 707, 709, 711]
PER_SECTION = {635: 15, 668: 12, 695: 3, 704: 3}

# (line, kind, label, description, section heading, parent line) — read off the file by hand.
SPOT_CHECKS = [
    (
        638,
        "item",
        "Scriptwriting and Storyboarding",
        "Generating initial script drafts, dialogue, and plot suggestions; transforming text into detailed visual storyboards.",
        MEDIA,
        None,
    ),
    (640, "group", "Visual Effects (VFX) and CGI", "", MEDIA, None),
    (
        642,
        "item",
        "Creating realistic and fantastical elements (creatures, landscapes, environments) that are impractical or impossible with traditional CGI",
        "",
        MEDIA,
        640,
    ),
    (648, "item", "Generating B-roll footage and scene backgrounds from simple prompts", "", MEDIA, 640),
    (650, "group", "Animation and Character Creation", "", MEDIA, None),
    (656, "item", "Automating fabric, hair, and fur simulations", "", MEDIA, 650),
    (658, "group", "Audio and Music", "", MEDIA, None),
    (664, "item", "Voice cloning and audio dubbing for content localization", "", MEDIA, 658),
    (
        666,
        "item",
        "Content Localization",
        "Automatically generating subtitles, transcripts, and voiceovers in multiple languages.",
        MEDIA,
        None,
    ),
    (671, "group", "Content Creation at Scale", "Generating vast amounts of content, including:", MARKETING, None),
    (673, "item", "Product descriptions and catalog copy", "", MARKETING, 671),
    (
        675,
        "item",
        "Social media posts, ad headlines, and email variants tailored to different platforms and audiences",
        "",
        MARKETING,
        671,
    ),
    (679, "group", "Visual and Image Generation", "", MARKETING, None),
    (
        681,
        "item",
        "Creating high-quality campaign visuals (images and graphics) for advertisements, banners, and websites"
        " (e.g., using DALL-E or Midjourney)",
        "",
        MARKETING,
        679,
    ),
    (683, "item", "Virtual Try-On experiences for clothing, accessories, and makeup", "", MARKETING, 679),
    (
        685,
        "item",
        "Virtual Photography",
        'Creating realistic product shot animations and visualizations by integrating product "digital twins"'
        " (3D models) into AI-generated environments, eliminating the need for physical photoshoots.",
        MARKETING,
        None,
    ),
    (687, "group", "Hyper-Personalization", "", MARKETING, None),
    (691, "item", "Creating personalized video messages for customer onboarding or purchase follow-ups", "", MARKETING, 687),
    (
        693,
        "item",
        "Brand and Logo Design",
        "Assisting in the design and rapid iteration of logos, brand assets, and mood boards.",
        MARKETING,
        None,
    ),
    (
        702,
        "item",
        "Asset Repurposing",
        "Translating existing video footage into new styles, aspect ratios, or formats for use across different platforms.",
        DESIGN,
        None,
    ),
    (
        707,
        "item",
        "Synthetic Data Generation",
        "Creating realistic, non-existent synthetic datasets (e.g., medical images, financial data) for training"
        " other AI models, especially when real-world data is scarce or sensitive.",
        SCIENCE,
        None,
    ),
    (
        711,
        "item",
        "Medical Imaging Enhancement",
        "Augmenting, synthesizing, or reconstructing medical images (X-rays, MRIs) for diagnosis and training purposes.",
        SCIENCE,
        None,
    ),
]

# Checked by hand: the only non-ASCII text in lines 629-718 is the four garbled heading
# emoji, so clean labels, descriptions and heading texts are plain ASCII.
ALLOWED_NON_ASCII: set[str] = set()


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
    assert isinstance(ing, LabelParagraphs)
    assert ing.name == LAYOUT
    assert ing.summary and "\n" not in ing.summary


def test_detects_its_own_segment(segments):
    assert REGISTRY[LAYOUT].detect(segments[SOURCE]) >= 0.5


@pytest.mark.parametrize(
    "other",
    [
        "assistant-lists-list-1",
        "assistant-lists-list-2",
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
    assert len(GROUPS) + sum(map(len, NESTED.values())) + len(TOP_LEVEL) == HAND_COUNT
    assert result.duplicates == 0


def test_items_per_section(result):
    assert Counter(item.section.line for item in result.items) == PER_SECTION


def test_groups_and_their_children(result):
    items = by_line(result)
    assert sorted(i.line for i in result.items if i.kind == "group") == GROUPS
    for group_line, child_lines in NESTED.items():
        children = sorted(i.line for i in result.items if i.parent is items[group_line])
        assert children == child_lines
        for line in child_lines:
            assert items[line].kind == "item"
            assert items[line].description == ""
            assert items[line].headings == items[group_line].headings


def test_top_level_items(result):
    assert sorted(i.line for i in result.items if i.parent is None and i.kind == "item") == TOP_LEVEL


def test_label_description_line_closes_the_group(result):
    # Line 685 "Virtual Photography: ..." follows the nested sentences of group 679.
    items = by_line(result)
    assert items[683].parent is items[679]
    assert items[685].parent is None
    assert items[685].kind == "item"


@pytest.mark.parametrize(("line", "kind", "label", "description", "section", "parent"), SPOT_CHECKS)
def test_spot_check_item(result, file_lines, line, kind, label, description, section, parent):
    items = by_line(result)
    item = items[line]
    assert item.kind == kind
    assert item.label == label
    assert item.description == description
    assert [h.text for h in item.headings] == [section]
    assert item.verbatim == file_lines[line - 1]
    assert item.source == SOURCE
    if parent is None:
        assert item.parent is None
    else:
        assert item.parent is items[parent]


def test_labels_lose_their_final_period_only(result):
    for item in result.items:
        assert item.label and not item.label.endswith((".", ":"))


# --- headings ---------------------------------------------------------------------------


def test_headings(result, file_lines):
    assert [(h.line, h.text) for h in result.headings] == HEADINGS
    for h in result.headings:
        assert h.level == 1
        assert h.verbatim == file_lines[h.line - 1]


def test_no_mojibake_in_clean_text(result):
    texts = [h.text for h in result.headings]
    texts += [t for item in result.items for t in (item.label, item.description)]
    used = {ch for t in texts for ch in t if ord(ch) > 127}
    assert used <= ALLOWED_NON_ASCII, used
    # The headings really are garbled in the file: "üé¨" is the Mac Roman reading of 🎬.
    assert "\u00fc\u00e9\u00a8" in result.headings[0].verbatim


# --- skipped lines ----------------------------------------------------------------------


def test_skip_counts_by_reason(result):
    assert Counter(s.reason for s in result.skipped) == {
        "list marker": 1,
        "preamble": 2,
        "section intro": 4,
        "video link": 2,
        "closing remark": 1,
    }


def test_specific_skips(result):
    assert {s.line: s.reason for s in result.skipped} == {
        629: "list marker",
        631: "preamble",
        633: "preamble",
        636: "section intro",
        669: "section intro",
        696: "section intro",
        705: "section intro",
        713: "video link",
        715: "video link",
        717: "closing remark",
    }


def test_every_non_blank_line_accounted_for_once(result, file_lines):
    seen = [i.line for i in result.items] + [h.line for h in result.headings] + [s.line for s in result.skipped]
    assert len(seen) == len(set(seen))
    non_blank = {n for n in range(629, 719) if file_lines[n - 1].strip()}
    assert set(seen) == non_blank
    assert len(non_blank) == 33 + 4 + 10


# --- edge cases in small inline lists ---------------------------------------------------

MIXED = """\
List 7:

Here is a list, grouped by application:

\U0001f3b5 Music & Audio
Generative audio models now write, mix and voice content.

Jingle Writing: Short tunes for brands.

Sound Design:

Creating foley effects for scenes.

Generating ambient beds for podcasts.

Voice Cloning: Synthetic narration in many voices.

Remixing back catalogues for new releases.

Podcast Tools:

\u00fc\u00e9\u00a8 Film
Film studios use these models every day.

Storyboards: Frames from scripts, including:

Shot lists.

Watch this video for a tour: https://www.youtube.com/watch?v=abc

Anything else you would like to know?
"""


def test_inline_mixed_list():
    ing = REGISTRY[LAYOUT]
    seg = inline(MIXED)
    assert ing.detect(seg) >= 0.5
    res = ing.parse(seg)
    # Line 22's emoji is garbled without the U+F8FF the real file has, so repair leaves
    # "üé¨"; it is still recognised as an emoji prefix.
    assert [(h.line, h.text) for h in res.headings] == [(5, "Music & Audio"), (22, "Film")]
    got = [(i.line, i.kind, i.label, i.description, i.section.text, i.parent.line if i.parent else None) for i in res.items]
    assert got == [
        (8, "item", "Jingle Writing", "Short tunes for brands.", "Music & Audio", None),
        (10, "group", "Sound Design", "", "Music & Audio", None),
        (12, "item", "Creating foley effects for scenes", "", "Music & Audio", 10),
        (14, "item", "Generating ambient beds for podcasts", "", "Music & Audio", 10),
        (16, "item", "Voice Cloning", "Synthetic narration in many voices.", "Music & Audio", None),
        # A sentence after a closed group is a top-level item.
        (18, "item", "Remixing back catalogues for new releases", "", "Music & Audio", None),
        # A "Label:" line with nothing nested under it is a plain item.
        (20, "item", "Podcast Tools", "", "Music & Audio", None),
        (25, "group", "Storyboards", "Frames from scripts, including:", "Film", None),
        (27, "item", "Shot lists", "", "Film", 25),
    ]
    assert {s.line: s.reason for s in res.skipped} == {
        1: "list marker",
        3: "preamble",
        6: "section intro",
        23: "section intro",
        29: "video link",
        31: "closing remark",
    }


def test_unnumbered_emoji_headings_alone_are_enough_to_detect():
    seg = inline("\U0001f3b5 Music\nJingles: Short brand tunes.\n\U0001f4f7 Photo\nHeadshots: Studio portraits.\n")
    assert REGISTRY[LAYOUT].detect(seg) >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Just a note without any structure.\nAnother line: with a colon.\n",
        # emoji-sections: numbered emoji headings with Goal / Use Cases lines
        "\U0001f3b5 1. Music\nGoal: Cheaper tunes.\nUse Cases\nJingles: Brand tunes.\n"
        "\U0001f4f7 2. Photo\nGoal: Fewer shoots.\nUse Cases\nHeadshots: Portraits.\n",
        # roman-outline style: "Label:" groups of "Label: description" lines, no emoji
        "I. Visual Content\nConcept Art:\nRapid Concepts: Many variations.\nMood Boards: Direction.\n",
    ],
)
def test_detect_rejects_other_shapes(text):
    assert REGISTRY[LAYOUT].detect(inline(text)) < 0.5


def test_a_paragraph_under_a_label_line_is_its_description_not_a_nested_item():
    # Web articles put the explanation of a "• Label:" bullet on the lines below it: a run of
    # sentences is the item's description; short phrases under a label stay nested items.
    text = (
        "\U0001f3e6 Banking\n"
        "Banks hold a great deal of data.\n"
        "  \u2022 Personalised Portfolio Letters:\n"
        "\n"
        "    An assistant drafts a letter to each client. It explains the month's moves in plain words.\n"
        "\n"
        "  \u2022 Earnings Call Summaries:\n"
        "\n"
        "    Transcripts of quarterly calls are condensed into one page for analysts who cover dozens of companies and have no"
        " time to listen to every call in full, with the numbers checked\n"
        "  \u2022 Branch Signage:\n"
        "    Posters for opening hours\n"
        "    Window displays for new accounts\n"
    )
    res = REGISTRY[LAYOUT].parse(inline(text))
    got = [(i.line, i.kind, i.label, i.description, i.parent.line if i.parent else None) for i in res.items]
    assert got == [
        (3, "item", "Personalised Portfolio Letters",
         "An assistant drafts a letter to each client. It explains the month's moves in plain words.", None),
        (7, "item", "Earnings Call Summaries",
         "Transcripts of quarterly calls are condensed into one page for analysts who cover dozens of companies and have no"
         " time to listen to every call in full, with the numbers checked", None),
        (10, "group", "Branch Signage", "", None),
        (11, "item", "Posters for opening hours", "", 10),
        (12, "item", "Window displays for new accounts", "", 10),
    ]
