"""The markdown-bold layout: List 2 of the assistant lists, and small documents of its family.

Every expected value below was read off data/sources/assistant-lists.txt (lines 270-627,
`cat -n data/sources/assistant-lists.txt | sed -n 270,627p`), not copied from the program.
"""

from __future__ import annotations

from collections import Counter

import pytest

from gm_graph.ingest import REGISTRY
from gm_graph.ingest.base import Segment
from gm_graph.ingest.markdown_bold import MarkdownBold, split_parenthetical

LIST = "assistant-lists-list-2"
ING = MarkdownBold()


@pytest.fixture(scope="module")
def result(parsed):
    return parsed[LIST]


def doc(*lines: str) -> Segment:
    return Segment("test-doc", "test", "test.md", 1, list(lines))


def by_line(result, line):
    (item,) = [i for i in result.items if i.line == line]
    return item


# --- List 2 as a whole ---------------------------------------------------------------


def test_registered_and_chosen_for_list_2(result):
    assert REGISTRY["markdown-bold"].summary
    assert result.layout == "markdown-bold"


def test_item_count(result):
    # Hand count of the "- **...**" bullets per "###" group, lines 277-614:
    # E-Commerce 10+7, Advertising 9+5, Entertainment 14+6+6+8, Real Estate 10+7,
    # Fashion 8+6, Publishing 9+5, Education 7+6, Healthcare 7+3, Social Media 8+4,
    # Corporate 6+5, Travel 7+4, Automotive 6+4, Food 7, Legal 5, Non-Profit 6,
    # Web Development 8, Manufacturing 6, Agriculture 5, Emerging 6+3+5+4  = 232.
    # "Menu photography" (501, 530) and "Interior design mockups" (377, 524) each appear
    # in two sections; they are two items each because their headings differ.
    assert len(result.items) == 232
    assert result.duplicates == 0
    assert all(i.kind == "item" and i.parent is None for i in result.items)
    assert [i.line for i in result.items if i.label == "Menu photography"] == [501, 530]
    assert [i.line for i in result.items if i.label == "Interior design mockups"] == [377, 524]


def test_heading_counts(result):
    # 19 "##" industries (Key Considerations excluded) and 36 "###" groups.
    levels = Counter(h.level for h in result.headings)
    assert levels == {1: 19, 2: 36}
    level1 = [h.text for h in result.headings if h.level == 1]
    assert level1[0] == "E-Commerce & Retail"
    assert level1[-1] == "Emerging & Experimental Uses"
    assert "Web Development & UI/UX" in level1
    # "Personalization" is a group under two industries (lines 310 and 590).
    assert [h.line for h in result.headings if h.text == "Personalization"] == [310, 590]


def test_skipped_lines_by_reason(result):
    reasons = Counter(s.reason for s in result.skipped)
    assert reasons == {"list marker": 1, "title": 1, "separator": 1, "key considerations": 8}
    by_reason = {}
    for s in result.skipped:
        by_reason.setdefault(s.reason, []).append(s.line)
    assert by_reason["list marker"] == [270]
    assert by_reason["title"] == [272]
    assert by_reason["separator"] == [616]
    # the heading at 618 and its seven bullets 620-626
    assert by_reason["key considerations"] == [618, *range(620, 627)]
    assert not any(i.label in ("Speed", "Cost reduction", "Sustainability") for i in result.items)


def test_every_non_blank_line_is_accounted_for(result, file_lines):
    # 298 non-blank lines in 270-627: 232 items + 55 headings + 11 skipped.
    seen = [i.line for i in result.items] + [h.line for h in result.headings] + [s.line for s in result.skipped]
    expected = [n for n in range(270, 628) if file_lines[n - 1].strip()]
    assert sorted(seen) == expected
    assert len(expected) == 298


def test_verbatim_is_the_file_line(result, file_lines):
    for item in result.items:
        assert item.verbatim == file_lines[item.line - 1]
    for heading in result.headings:
        assert heading.verbatim == file_lines[heading.line - 1]


def test_no_mojibake(result):
    # `sed -n 270,627p data/sources/assistant-lists.txt | grep -P '[^\x00-\x7f]'` finds
    # nothing: List 2 is plain ASCII, so no non-ASCII character may appear in what we read.
    allowed: set[str] = set()
    texts = [t for i in result.items for t in (i.label, i.description)]
    texts += [h.text for h in result.headings]
    stray = {ch for t in texts for ch in t if ord(ch) > 127 and ch not in allowed}
    assert stray == set()
    assert not any("**" in t or t != t.strip() for t in texts)


SPOT = [
    # line, label, description, level-1 heading, level-2 heading
    (277, "Virtual try-on", "clothing, accessories, makeup, eyewear", "E-Commerce & Retail", "Product Visualization"),
    (278, "360-degree product views from single images", "", "E-Commerce & Retail", "Product Visualization"),
    (282, "Seasonal variant creation", "summer/winter versions of products", "E-Commerce & Retail", "Product Visualization"),
    (285, "Packaging design mockups", "", "E-Commerce & Retail", "Product Visualization"),
    (289, "A/B testing imagery", "rapid variant generation", "E-Commerce & Retail", "Marketing Assets"),
    (300, "Storyboard generation for video ads", "", "Advertising & Marketing", "Campaign Creation"),
    (311, "Dynamic creative optimization", "DCO", "Advertising & Marketing", "Personalization"),
    (314, "Time-sensitive content", "day/night variations", "Advertising & Marketing", "Personalization"),
    (320, "Pre-visualization (previz) for scenes", "", "Entertainment & Media", "Film & Television"),
    (330, "De-aging and age progression", "supplemental", "Entertainment & Media", "Film & Television"),
    (336, "Asset generation", "props, environments", "Entertainment & Media", "Animation & VFX"),
    (352, "Game asset creation", "textures, sprites, environments", "Entertainment & Media", "Gaming"),
    (358, "NPC generation", "", "Entertainment & Media", "Gaming"),
    (366, "Renovation visualization", "before/after", "Real Estate & Architecture", "Property Marketing"),
    (371, "Property damage repair", "in images", "Real Estate & Architecture", "Property Marketing"),
    (377, "Interior design mockups", "", "Real Estate & Architecture", "Architecture & Design"),
    (400, "Makeup tutorials", "augmented", "Fashion & Beauty", "Marketing"),
    (402, "Before/after beauty transformations", "", "Fashion & Beauty", "Marketing"),
    (414, "Portrait generation", "when photos unavailable", "Publishing & Journalism", "Editorial Content"),
    (422, "Documentary B-roll generation", "", "Publishing & Journalism", "News & Media"),
    (452, "Treatment outcome previews", "cosmetic", "Healthcare & Medical", "Medical Imaging"),
    (462, "Thumbnail generation", "YouTube, podcasts", "Social Media & Content Creation", "Creator Tools"),
    (501, "Menu photography", "", "Travel & Hospitality", "Tourism Marketing"),
    (516, "Lifestyle shots", "vehicles in various settings", "Automotive", "Marketing & Sales"),
    (524, "Interior design mockups", "", "Automotive", "Design & Development"),
    (530, "Menu photography", "", "Food & Beverage", "Menu & Marketing"),
    (561, "UI component design", "", "Web Development & UI/UX", "Design Process"),
    (594, "Personalized children's books", "", "Emerging & Experimental Uses", "Personalization"),
    (599, "Text-to-image for visually impaired context", "", "Emerging & Experimental Uses", "Accessibility"),
    (614, "Hypothesis visualization", "", "Emerging & Experimental Uses", "Research & Development"),
]


@pytest.mark.parametrize(("line", "label", "description", "industry", "group"), SPOT)
def test_spot_checks(result, line, label, description, industry, group):
    item = by_line(result, line)
    assert (item.label, item.description) == (label, description)
    assert [h.text for h in item.headings] == [industry, group]
    assert [h.level for h in item.headings] == [1, 2]
    assert item.source == LIST
    assert item.kind == "item" and item.parent is None


def test_heading_lines_and_verbatim(result):
    first = by_line(result, 277).headings
    assert (first[0].line, first[0].verbatim) == (274, "## E-Commerce & Retail")
    assert (first[1].line, first[1].verbatim) == (276, "### Product Visualization")
    last = by_line(result, 611).headings
    assert (last[0].line, last[1].line) == (588, 610)


# --- detection ----------------------------------------------------------------------


def test_detect_claims_only_list_2(segments):
    assert set(segments) == {
        "assistant-lists-list-1",
        "assistant-lists-list-2",
        "assistant-lists-list-3",
        "assistant-lists-list-4",
        "image-generation-article",
        "beyond-text-and-images-article",
    }
    for sid, seg in segments.items():
        score = ING.detect(seg)
        if sid == LIST:
            assert score >= 0.5, sid
        else:
            assert score < 0.5, sid


def test_detect_refuses_yaml_front_matter():
    # Same shape as the beyond-text article: front matter, "###" headings, "- **Label:**" bullets.
    seg = doc(
        "---",
        "title: 'A post'",
        "description: 'about things'",
        "---",
        "# A post",
        "### Section",
        "- **One:** first",
        "- **Two:** second",
    )
    assert ING.detect(seg) < 0.5
    body = doc(*seg.lines[4:])
    assert ING.detect(body) >= 0.5


def test_detect_needs_markdown():
    assert ING.detect(doc("Just prose.", "More prose: with a colon.")) == 0.0
    assert ING.detect(doc()) == 0.0


# --- the family: small documents ----------------------------------------------------


def test_colon_forms_and_bullet_kinds():
    r = ING.parse(
        doc(
            "## Retail",
            "- **Virtual try-on**: clothes on any body",
            "- **Product shots:** studio-free (no photographer)",
            "* **Ad variants** for testing (A/B)",
            "+ **Banners** \u2013 sized for every slot",
            "1. **Catalogues.**",
            "- Plain bullet item (with qualifier)",
        )
    )
    got = [(i.line, i.label, i.description) for i in r.items]
    assert got == [
        (2, "Virtual try-on", "clothes on any body"),
        (3, "Product shots", "studio-free (no photographer)"),
        (4, "Ad variants for testing", "A/B"),
        (5, "Banners", "sized for every slot"),
        (6, "Catalogues", ""),
        (7, "Plain bullet item", "with qualifier"),
    ]
    assert all([h.text for h in i.headings] == ["Retail"] for i in r.items)
    assert r.skipped == []


def test_levels_ranked_from_depths_used_and_title():
    r = ING.parse(doc("## Film", "#### Previz", "- **Shot planning**", "## Games", "- **Sprites**"))
    assert [(h.text, h.level) for h in r.headings] == [("Film", 1), ("Previz", 2), ("Games", 1)]
    # "## Games" closes "#### Previz"
    assert [h.text for h in r.items[1].headings] == ["Games"]
    r = ING.parse(doc("# Use cases", "## Film", "- **Shot planning**"))
    assert [(s.line, s.reason) for s in r.skipped] == [(1, "title")]
    assert [(h.text, h.level) for h in r.headings] == [("Film", 1)]


def test_heading_cleanup():
    r = ING.parse(doc("## 1. \U0001f3ac **Film & TV**:", "- **Previz**"))
    assert r.headings[0].text == "Film & TV"
    assert r.headings[0].verbatim == "## 1. \U0001f3ac **Film & TV**:"


@pytest.mark.parametrize(
    ("heading", "reason"),
    [
        ("## Best Practices", "best practice"),
        ("## FAQ", "faq"),
        ("## Frequently Asked Questions", "faq"),
        ("## Key Considerations", "key considerations"),
        ("## Conclusion", "closing remark"),
    ],
)
def test_non_use_case_sections_skipped_whole(heading, reason):
    r = ING.parse(
        doc("## Retail", "- **Try-on**", heading, "Some intro.", "- **Be clear**: say what you want", "### Deeper", "- **More**", "## Games", "- **Sprites**")
    )
    assert [i.label for i in r.items] == ["Try-on", "Sprites"]
    assert [(s.line, s.reason) for s in r.skipped] == [(n, reason) for n in range(3, 8)]
    assert [h.text for h in r.headings] == ["Retail", "Games"]


@pytest.mark.parametrize(
    ("heading", "reason"),
    [("## How to get started", "guide step"), ("## Methodology", "article text"), ("## About the authors", "article text")],
)
def test_back_matter_of_a_vendor_blog_is_skipped(heading, reason):
    # tests/data/unseen/vendor-blog.md lines 66-70: numbered bold tips under "How to get started".
    r = ING.parse(doc("## Games", "1. **Sprites** – pixel art", heading, "1. **Pick one workflow, not ten.** Choose one.", "## Music", "- **Stems**"))
    assert [i.label for i in r.items] == ["Sprites", "Stems"]
    assert [(s.line, s.reason) for s in r.skipped] == [(3, reason), (4, reason)]


def test_plain_bullets_under_a_described_bold_item_are_its_details():
    # tests/data/unseen/vendor-blog.md lines 10-12
    r = ING.parse(
        doc(
            "## Marketing",
            "2. **Personalized video at scale** – Render thousands of versions.",
            "   - Works with the CRM fields you already have",
            "   - Typical turnaround: overnight for 50k renders",
            "3. **UGC-style avatar ads** – Selfie-style clips.",
        )
    )
    video, ugc = r.items
    assert (video.label, video.kind) == ("Personalized video at scale", "item")
    assert video.description == (
        "Render thousands of versions.; Works with the CRM fields you already have; Typical turnaround: overnight for 50k renders"
    )
    assert ugc.label == "UGC-style avatar ads" and ugc.parent is None


def test_bold_bullets_under_a_described_bold_item_are_its_kinds():
    # tests/data/unseen/vendor-blog.md lines 26-28
    r = ING.parse(
        doc(
            "## Film",
            "10. **Multilingual dubbing with lip sync** – Release in a dozen languages. Two pieces work together:",
            "    - **Voice-preserving translation**: the dubbed track keeps the timbre.",
            "    - **Visual lip-sync**: mouths are re-rendered.",
        )
    )
    dub, voice, lips = r.items
    assert dub.kind == "group" and voice.parent is dub and lips.parent is dub
    assert voice.label == "Voice-preserving translation"


def test_nested_bullets_make_a_group():
    r = ING.parse(doc("## Film", "- **VFX**", "  - **Crowds** multiplied", "  - **Skies**", "- **Dubbing**"))
    vfx, crowds, skies, dubbing = r.items
    assert vfx.kind == "group" and vfx.parent is None
    assert crowds.parent is vfx and skies.parent is vfx
    assert crowds.label == "Crowds multiplied"
    assert dubbing.parent is None and dubbing.kind == "item"


def test_prose_preamble_intro_closing_code_and_front_matter():
    r = ING.parse(
        doc(
            "---",
            "title: 'x'",
            "---",
            "Here is a list.",
            "## Film",
            "Film uses many tools.",
            "```",
            "- **not an item**",
            "```",
            "- **Previz**",
            "***",
            "Want more?",
        )
    )
    assert [i.label for i in r.items] == ["Previz"]
    assert [(s.line, s.reason) for s in r.skipped] == [
        (1, "front matter"),
        (2, "front matter"),
        (3, "front matter"),
        (4, "preamble"),
        (6, "section intro"),
        (7, "code sample"),
        (8, "code sample"),
        (9, "code sample"),
        (11, "separator"),
        (12, "closing remark"),
    ]


def test_repeated_item_under_same_headings_is_folded():
    r = ING.parse(doc("## Film", "- **Previz**", "## Games", "- **Previz**", "## Film", "- **Previz** (again)"))
    assert [(i.line, [h.text for h in i.headings]) for i in r.items] == [(2, ["Film"]), (4, ["Games"])]
    assert r.items[0].also_lines == (6,)
    assert r.duplicates == 1


def test_mojibake_repaired_verbatim_kept():
    raw = "- **Virtual try-on**: users \u201a\u00c4\u00fawear\u201a\u00c4\u00f9 clothes"
    r = ING.parse(doc("## Retail", raw))
    item = r.items[0]
    assert item.description == "users \u201cwear\u201d clothes"
    assert item.verbatim == raw


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Virtual try-on (clothing, makeup)", ("Virtual try-on", "clothing, makeup")),
        ("Pre-visualization (previz) for scenes", ("Pre-visualization (previz) for scenes", "")),
        ("Crowds (big (very big))", ("Crowds", "big (very big)")),
        ("(only a note)", ("(only a note)", "")),
        ("Unbalanced)", ("Unbalanced)", "")),
    ],
)
def test_split_parenthetical(text, expected):
    assert split_parenthetical(text) == expected


def test_attribute_bullets_under_an_item_describe_it_and_are_not_use_cases():
    # The usual chat-answer shape: "- *Example:* ..." nested under a bold item.
    seg = doc(
        "Absolutely! Here's a comprehensive list of generative media use cases:",
        "",
        "### 🎬 1. Film & Entertainment",
        "",
        "1. **Script-to-storyboard** – Turn scripts into visual boards.",
        "   - *Example:* Pre-production for indie films.",
        "   - **Tools:** Midjourney",
        "2. **De-aging actors** – Make actors younger.",
        "   - **Crowd scenes** – extras multiplied",
    )
    r = ING.parse(seg)
    assert [(i.line, i.label, i.description, i.kind) for i in r.items] == [
        (5, "Script-to-storyboard", "Turn scripts into visual boards.; Example: Pre-production for indie films.; Tools: Midjourney", "item"),
        (8, "De-aging actors", "Make actors younger.", "group"),  # a nested use case still makes a group
        (9, "Crowd scenes", "extras multiplied", "item"),
    ]
    assert [(s.line, s.reason) for s in r.skipped] == [(1, "preamble")]


def test_a_numbered_bold_category_over_described_bold_bullets_is_a_section():
    from gm_graph.ingest.base import Segment
    from gm_graph.ingest.markdown_bold import MarkdownBold

    lines = [
        "Great question! Here is a breakdown by industry.",
        "",
        "1. **Advertising & Marketing**",
        "   - **Personalized ads** – ad variations for each audience.",
        "     - Example: a drink brand showing hot vs. cold cities",
        "   - **Synthetic spokespeople** – avatars read announcements.",
        "",
        "2. **Virtual try-on**",
        "   - **Eyewear try-on**",
        "   - **Hair color try-on**",
        "",
        "3. **Key considerations**",
        "   - **Consent** – likeness rights must be cleared first.",
        "   - **Disclosure** – label generated media.",
    ]
    result = MarkdownBold().parse(Segment("test-chat", "test", "chat.md", 1, lines))
    assert [(h.line, h.text) for h in result.headings] == [(3, "Advertising & Marketing")]
    assert [(it.line, it.label, [h.text for h in it.headings], it.parent.line if it.parent else None) for it in result.items] == [
        (4, "Personalized ads", ["Advertising & Marketing"], None),
        (6, "Synthetic spokespeople", ["Advertising & Marketing"], None),
        # Kinds with no descriptions of their own: "Virtual try-on" stays a use case with kinds.
        (8, "Virtual try-on", ["Advertising & Marketing"], None),
        (9, "Eyewear try-on", ["Advertising & Marketing"], 8),
        (10, "Hair color try-on", ["Advertising & Marketing"], 8),
    ]
    assert [(s.line, s.reason) for s in result.skipped if s.line >= 12] == [(12, "key considerations"), (13, "key considerations"), (14, "key considerations")]
