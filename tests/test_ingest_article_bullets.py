"""Layout "article-bullets" on data/sources/image-generation-article.txt and small cases.

Counted by hand from the file: the article is on the page twice, lines 1-146 (garbled)
and 148-326 (clean). Each copy has 8 numbered sections ("1. Marketing and Advertising"
.. "8. Education and Training") with 3 "•" bullets each, so 24 items, and the second
copy's 24 bullets fold into them (24 duplicates; 16 heading lines).
"""

from __future__ import annotations

from collections import Counter

import pytest

from gm_graph.ingest import REGISTRY, read_text, split_lists
from gm_graph.ingest.base import Segment

SOURCE = "image-generation-article"
INGESTER = REGISTRY["article-bullets"]


@pytest.fixture(scope="module")
def result(parsed):
    return parsed[SOURCE]


@pytest.fixture(scope="module")
def by_label(result):
    return {item.label: item for item in result.items}


def segment(*lines: str, source: str = "test") -> Segment:
    return Segment(source, "test", "test.txt", 1, list(lines))


def test_layout_detected(result):
    assert result.layout == "article-bullets"


def test_item_count(result):
    # 8 sections x 3 bullets (lines 32-34, 42-44, 52-54, 62-64, 72-74, 82-84, 92-94, 102-104)
    assert len(result.items) == 24
    assert all(item.kind == "item" and item.parent is None for item in result.items)


def test_second_copy_folds_into_first(result):
    assert result.duplicates == 24
    # every item has exactly one repeat, 138 lines further down (line 32 -> 170, ...)
    for item in result.items:
        assert item.also_lines == (item.line + 138,), item.label
    assert {item.line for item in result.items} == {
        32, 33, 34, 42, 43, 44, 52, 53, 54, 62, 63, 64, 72, 73, 74, 82, 83, 84, 92, 93, 94, 102, 103, 104,
    }


def test_also_lines_point_at_the_same_bullet(result, repo_root):
    text = read_text(repo_root / "data/sources/image-generation-article.txt")
    for label, line, again in [
        ("Personalized Campaigns", 32, 170),
        ("Cost Efficiency", 34, 172),
        ("Rapid Prototyping", 44, 182),
        ("Client Collaboration", 64, 202),
        ("Drug Discovery", 74, 212),
        ("Accessibility", 104, 242),
    ]:
        item = next(i for i in result.items if i.label == label)
        assert (item.line, item.also_lines) == (line, (again,))
        assert text[again - 1].startswith(f"  • {label}: ")


@pytest.mark.parametrize(
    ("line", "section", "label", "description"),
    [
        (32, "Marketing and Advertising", "Personalized Campaigns",
         "AI can generate visuals tailored to individual user preferences, such as personalized product mockups or lifestyle images."),
        (34, "Marketing and Advertising", "Cost Efficiency",
         "Instead of hiring models and photographers, AI tools like Midjourney or DALL·E 3 can generate lifelike promotional images in seconds."),
        (42, "Fashion and Apparel Design", "Virtual Models",
         "AI can generate models of diverse body types wearing specific outfits for e-commerce listings."),
        (43, "Fashion and Apparel Design", "AI-Driven Trends",
         "Fashion brands use AI to predict and visualize trends by analyzing large datasets from social media and past sales."),
        (44, "Fashion and Apparel Design", "Rapid Prototyping",
         "Designers can input descriptions such as “bohemian summer dress with floral patterns” to generate multiple style options instantly."),
        (53, "Entertainment and Media Production", "Storyboarding",
         "Directors generate scene ideas rapidly using AI-driven visuals to communicate their vision with production teams."),
        (54, "Entertainment and Media Production", "Gaming Assets",
         "Game developers employ AI to generate textures, 3D models, and background environments, saving both time and costs."),
        (62, "Architecture and Interior Design", "3D Visualization",
         "Tools like Stable Diffusion or DreamStudio can transform blueprints into detailed 3D visuals."),
        (64, "Architecture and Interior Design", "Client Collaboration",
         "Clients can describe their preferences (“a modern minimalistic kitchen with wooden finishes”), and the AI generates visual options in seconds."),
        (72, "Healthcare and Medical Research", "Data Augmentation",
         "Synthetic MRI or CT images help train diagnostic models without using sensitive data."),
        (82, "E-commerce and Product Visualization", "Virtual Photography",
         "Generate lifestyle images without the need for studio shoots."),
        (84, "E-commerce and Product Visualization", "Customization",
         "Customers can visualize products in personalized colors, patterns, or textures before purchase."),
        (93, "Art and Creative Expression", "Interactive Art Installations",
         "AI-generated visuals respond to user movements or emotions in real time."),
        (94, "Art and Creative Expression", "NFT and Digital Art",
         "AI-generated images form the backbone of the NFT market, creating unique, tradable digital art pieces."),
        (103, "Education and Training", "Scenario Simulations",
         "Train professionals using realistic virtual environments (e.g., medical or emergency training)."),
        (104, "Education and Training", "Accessibility",
         "Generate visual content for learners with disabilities, such as descriptive imagery for text content."),
    ],
)
def test_items_spot_checked(result, line, section, label, description):
    item = next(i for i in result.items if i.line == line)
    assert item.label == label
    assert item.description == description
    assert [h.text for h in item.headings] == [section]
    assert item.section.level == 1
    assert item.source == SOURCE


def test_verbatim_kept_garbled(by_label):
    # the item keeps line 34 as read; the repaired text is in label/description only
    assert by_label["Cost Efficiency"].verbatim == (
        "  • Cost Efficiency: Instead of hiring models and photographers, AI tools like Midjourney "
        "or DALLΒ·E 3 can generate lifelike promotional images in seconds."
    )


def test_headings(result):
    names = [
        "Marketing and Advertising",
        "Fashion and Apparel Design",
        "Entertainment and Media Production",
        "Architecture and Interior Design",
        "Healthcare and Medical Research",
        "E-commerce and Product Visualization",
        "Art and Creative Expression",
        "Education and Training",
    ]
    # both copies' heading lines are recorded: 28, 38, ..., 98 and 166, 176, ..., 236
    assert [(h.line, h.text, h.level) for h in result.headings] == [
        (28 + 10 * k, name, 1) for k, name in enumerate(names)
    ] + [(166 + 10 * k, name, 1) for k, name in enumerate(names)]
    assert result.headings[0].verbatim == "1. Marketing and Advertising"
    assert len({h.key for h in result.headings}) == 8


def test_items_per_section(result):
    counts = Counter(item.section.text for item in result.items)
    assert set(counts.values()) == {3} and len(counts) == 8


def test_skipped_counts(result):
    # by hand:
    # title 3: lines 1, 3, 148
    # article text 34: 5 7 9 11 13 15 | 8 section intros 30 40 ... 100 | 66 | 142 logo, 146
    #   Beginner 5 Hours (page chrome) | 150-160 (6) | 8 intros 168 ... 238 | 204 | 324 line, 326 copyright
    # closing remark 9: the two "Future Outlook" sections, 134-140 + 144 ("Generative AI", a
    #   stray line inside it) and 260-266
    # code sample 18: 18 19 21-24 | 114 115 117 119-125 | 162 | 251
    # section label 2: 26, 164 ("Key Practical Use Cases of AI Image Generation")
    # example 12: 36 46 56 76 86 96 and 174 184 194 214 224 234
    # guide step 12: 106-112 (heading + 5 steps), 244-250
    # best practice 10: 127-132 (heading + 4 bullets), 253-258
    # faq 25: heading 268 + 24 answers 270-320
    assert Counter(s.reason for s in result.skipped) == {
        "title": 3,
        "article text": 34,
        "closing remark": 9,
        "code sample": 18,
        "section label": 2,
        "example": 12,
        "guide step": 12,
        "best practice": 10,
        "faq": 25,
    }


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (1, "title"), (148, "title"),
        (7, "article text"), (30, "article text"), (66, "article text"), (134, "closing remark"), (144, "closing remark"), (260, "closing remark"),
        (142, "article text"), (146, "article text"), (324, "article text"), (326, "article text"),
        (18, "code sample"), (125, "code sample"), (162, "code sample"), (251, "code sample"),
        (26, "section label"),
        (36, "example"), (46, "example"), (76, "example"), (96, "example"),
        (106, "guide step"), (108, "guide step"), (246, "guide step"),
        (127, "best practice"), (129, "best practice"), (255, "best practice"),
        (268, "faq"), (320, "faq"),
    ],
)
def test_skipped_lines(result, line, reason):
    assert [s.reason for s in result.skipped if s.line == line] == [reason]


def test_non_use_case_bullets_are_not_items(result):
    labels = {item.label for item in result.items}
    for not_an_item in ["Choose a Platform", "Define the Prompt", "Post-Process", "Use Clear Prompts",
                        "Stay Transparent", "Example", "Future Outlook"]:
        assert not_an_item not in labels


def test_every_line_accounted_for(result, repo_root):
    text = read_text(repo_root / "data/sources/image-generation-article.txt")
    non_blank = [n for n, t in enumerate(text, 1) if t.strip()]
    seen = [s.line for s in result.skipped] + [h.line for h in result.headings]
    for item in result.items:
        seen += [item.line, *item.also_lines]
    assert sorted(seen) == non_blank  # every non-blank line exactly once
    assert len(non_blank) == 125 + 16 + 48


# --- detect ----------------------------------------------------------------------------


def test_detect_on_all_real_segments(sources, repo_root):
    scores = {}
    for src in sources:
        for seg in split_lists(src, read_text(src.path), src.file):
            if seg.source:
                scores[seg.source] = INGESTER.detect(seg)
    assert len(scores) == 6
    assert scores.pop(SOURCE) >= 0.5
    assert all(score < 0.5 for score in scores.values()), scores


def test_detect_needs_bullets():
    assert INGESTER.detect(segment("1. Marketing", "", "2. Fashion", "", "Some text.")) < 0.5
    assert INGESTER.detect(segment("- **Virtual try-on** (clothing)", "## Retail")) < 0.5
    assert INGESTER.detect(segment("1. Retail", "  • A: x", "  • B: y", "  • C: z", "2. Film")) >= 0.5


# --- small cases -----------------------------------------------------------------------


def test_repeated_article_folds_and_keeps_sections_apart():
    seg = segment(
        "My Article",
        "1. Retail",
        "  • Virtual Try-On: Users wear clothes.",
        "  • Shared Label: in retail.",
        "2. Film",
        "  • Shared Label: in film.",  # same label, other section: a second item
        "My Article",  # the page repeats itself
        "1. Retail",
        "  • Virtual Try-On: Users wear clothes.",
    )
    r = INGESTER.parse(seg)
    assert [(i.line, i.label, i.section.text, i.also_lines) for i in r.items] == [
        (3, "Virtual Try-On", "Retail", (9,)),
        (4, "Shared Label", "Retail", ()),
        (6, "Shared Label", "Film", ()),
    ]
    assert r.duplicates == 1
    assert [s.line for s in r.skipped if s.reason == "title"] == [1, 7]


def test_garbled_and_clean_copies_fold():
    seg = segment(
        "Title",
        "1. Marketing and Advertising",
        "  β€Ά Cost Efficiency: tools like DALLΒ·E 3 β€” fast.",  # garbled bullet and text
        "Title",
        "1. Marketing and Advertising",
        "  • Cost Efficiency: tools like DALL·E 3 — fast.",
    )
    r = INGESTER.parse(seg)
    assert len(r.items) == 1 and r.duplicates == 1
    item = r.items[0]
    assert (item.label, item.description, item.also_lines) == ("Cost Efficiency", "tools like DALL·E 3 — fast.", (6,))


def test_sections_recognised_by_heading_words_not_position():
    seg = segment(
        "Title",
        "Best Practices",
        "  • Use Clear Prompts: Be precise.",
        "1. Retail",
        "Retail moves fast.",
        "  • Product Shots: Studio-free photos.",
        "For example, a shop did it.",
        "Closing thoughts follow here.",
        "Frequently Asked Questions",
        "  • Is it free: No.",
        "Step-by-Step Guide: Doing it",
        "  1. Choose a Platform: Pick one.",
        "2. Film",
        "  • Storyboards: Faster boards.",
    )
    r = INGESTER.parse(seg)
    assert [(i.label, i.section.text) for i in r.items] == [("Product Shots", "Retail"), ("Storyboards", "Film")]
    assert [(s.line, s.reason) for s in r.skipped] == [
        (1, "title"),
        (2, "best practice"),
        (3, "best practice"),
        (5, "article text"),
        (7, "example"),
        (8, "article text"),
        (9, "faq"),
        (10, "faq"),
        (11, "guide step"),
        (12, "guide step"),
    ]


def test_bullet_without_label_and_code_inside_a_section():
    seg = segment(
        "Title",
        "3. Healthcare",
        "  • Synthetic scans for training.",
        "import openai",
        "x = openai.run(",
        ")",
    )
    r = INGESTER.parse(seg)
    assert [(i.label, i.description) for i in r.items] == [("Synthetic scans for training", "")]
    assert [s.reason for s in r.skipped] == ["title", "code sample", "code sample", "code sample"]


def test_bullets_before_any_section_are_not_items():
    r = INGESTER.parse(segment("Title", "  • Stray: bullet before sections.", "1. Retail", "  • Real: item."))
    assert [i.label for i in r.items] == ["Real"]
    assert [(s.line, s.reason) for s in r.skipped] == [(1, "title"), (2, "article text")]


def test_the_sections_every_layout_skips_are_skipped_here_too():
    # The shared table (gm_graph.ingest.base.OTHER_SECTIONS): a references list or a
    # limitations section of such an article holds no use cases, bullets or not.
    seg = segment(
        "Title",
        "1. Retail",
        "  • Product Shots: Studio-free photos.",
        "Limitations",
        "  • Hallucinated details: Logos come out wrong.",
        "References",
        "  • Smith 2024: A survey of image models.",
        "2. Film",
        "  • Storyboards: Faster boards.",
    )
    r = INGESTER.parse(seg)
    assert [i.label for i in r.items] == ["Product Shots", "Storyboards"]
    assert [(s.line, s.reason) for s in r.skipped] == [
        (1, "title"),
        (4, "key considerations"),
        (5, "key considerations"),
        (6, "article text"),
        (7, "article text"),
    ]
