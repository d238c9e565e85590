"""Layout "front-matter" on data/sources/beyond-text-and-images-article.txt and small cases.

Counted by hand from the file (26 lines, 17 non-blank): lines 1-5 are the YAML front
matter, 7 the "# " title, 11/20/24 the three "###" sections, 15-18 the only four bullets
(all under "Exploring New Creative and Industrial Frontiers"), and 9, 13, 22, 26 prose.
"""

from __future__ import annotations

from collections import Counter

import pytest

from gm_graph.ingest import REGISTRY, read_text, split_lists
from gm_graph.ingest.base import Segment
from gm_graph.ingest.front_matter import bullet_label, front_matter_end

SOURCE = "beyond-text-and-images-article"
INGESTER = REGISTRY["front-matter"]
SECTION = "Exploring New Creative and Industrial Frontiers"


@pytest.fixture(scope="module")
def result(parsed):
    return parsed[SOURCE]


def segment(*lines: str) -> Segment:
    return Segment("test", "test", "test.md", 1, list(lines))


def test_layout_detected(result):
    assert result.layout == "front-matter"


def test_item_count(result):
    assert len(result.items) == 4  # the four "- **Label:**" bullets, lines 15-18
    assert result.duplicates == 0


@pytest.mark.parametrize(
    ("line", "label", "description"),
    [
        (15, "AI-Generated Video",
         "Models are being developed that can create short video clips from text descriptions, animate static "
         "images, or modify existing footage. This has enormous potential for film production, marketing, and "
         "content creation."),
        (16, "Music and Audio Synthesis",
         "Generative AI can compose original music in various styles, create realistic sound effects, or even "
         "clone a person's voice from a short audio sample."),
        (17, "3D Model Generation",
         'From a simple text prompt like "a modern armchair," AI can now generate detailed 3D models. This could '
         "dramatically accelerate workflows in game development, architecture, and industrial design."),
        (18, "Synthetic Data Generation",
         "One of the most practical applications is the creation of artificial datasets. This is invaluable in "
         "fields like healthcare and finance, where real-world data is scarce or protected by strict privacy "
         "regulations. Generative models can create realistic, anonymized data for training other AI systems."),
    ],
)
def test_items(result, line, label, description):
    item = next(i for i in result.items if i.line == line)
    assert item.label == label
    assert item.description == description
    assert [(h.text, h.level, h.line) for h in item.headings] == [(SECTION, 1, 11)]
    assert item.verbatim == f"- **{label}:** {description}"
    assert item.parent is None and item.kind == "item" and item.also_lines == ()


def test_headings(result):
    assert [(h.line, h.text, h.level) for h in result.headings] == [
        (11, SECTION, 1),
        (20, "The Underlying Technology", 1),
        (24, "A New Era of Creation", 1),
    ]
    assert result.headings[0].verbatim == "### Exploring New Creative and Industrial Frontiers"


def test_sections_without_bullets_have_no_items(result):
    assert {item.section.text for item in result.items} == {SECTION}


def test_skipped(result):
    # front matter 5 (lines 1-5), title 1 (line 7), article text 4 (lines 9, 13, 22, 26)
    assert Counter(s.reason for s in result.skipped) == {"front matter": 5, "title": 1, "article text": 4}
    assert [(s.line, s.reason) for s in result.skipped] == [
        (1, "front matter"), (2, "front matter"), (3, "front matter"), (4, "front matter"), (5, "front matter"),
        (7, "title"),
        (9, "article text"), (13, "article text"), (22, "article text"), (26, "article text"),
    ]
    assert result.skipped[1].verbatim == "title: 'The Rise of Generative AI Beyond Text and Images'"


def test_every_line_accounted_for(result, repo_root):
    text = read_text(repo_root / "data/sources/beyond-text-and-images-article.txt")
    non_blank = [n for n, t in enumerate(text, 1) if t.strip()]
    seen = [s.line for s in result.skipped] + [h.line for h in result.headings] + [i.line for i in result.items]
    assert sorted(seen) == non_blank and len(non_blank) == 17


# --- detect ----------------------------------------------------------------------------


def test_detect_on_all_real_segments(sources):
    scores = {}
    for src in sources:
        for seg in split_lists(src, read_text(src.path), src.file):
            if seg.source:
                scores[seg.source] = INGESTER.detect(seg)
    assert len(scores) == 6
    assert scores.pop(SOURCE) >= 0.5
    assert all(score < 0.5 for score in scores.values()), scores


def test_detect_needs_a_closed_front_matter_block():
    assert INGESTER.detect(segment("---", "title: 'X'", "---", "## Retail", "- **Try-on** (clothes)")) >= 0.5
    assert INGESTER.detect(segment("", "---", "title: X", "---", "Just prose.")) >= 0.5
    assert INGESTER.detect(segment("---", "title: X", "no closing line", "- **A:** b")) == 0.0
    assert INGESTER.detect(segment("---", "", "---", "- **A:** b")) == 0.0  # no key: value inside
    assert INGESTER.detect(segment("# Title", "---", "key: value", "---", "- **A:** b")) == 0.0  # not at the top
    assert INGESTER.detect(segment("List 2:", "", "# Title", "## Retail", "- **A** b", "---")) == 0.0


def test_front_matter_end():
    assert front_matter_end(["---", "a: 1", "b: 2", "---", "text"]) == 3
    assert front_matter_end(["", "---", "a: 1", "---"]) == 3
    assert front_matter_end(["text", "---", "a: 1", "---"]) is None


# --- small cases -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "description"),
    [
        ("**AI-Generated Video:** Models are being developed.", "AI-Generated Video", "Models are being developed."),
        ("**Speed**: Rapid iteration and testing", "Speed", "Rapid iteration and testing"),
        ("**Virtual try-on** (clothing, accessories, makeup, eyewear)", "Virtual try-on", "clothing, accessories, makeup, eyewear"),
        ("**360-degree product views** from single images", "360-degree product views from single images", ""),
        ("**Pre-visualization** (previz) for scenes", "Pre-visualization (previz) for scenes", ""),
        ("**Packaging design mockups**", "Packaging design mockups", ""),
        ("Plain label: plain description", "Plain label", "plain description"),
        ("A sentence without a label.", "A sentence without a label", ""),
    ],
)
def test_bullet_label(text, label, description):
    assert bullet_label(text) == (label, description)


def test_markdown_levels_nesting_and_other_sections():
    seg = segment(
        "---",
        "title: 'Test'",
        "---",
        "# Test",
        "## Retail",
        "Intro prose.",
        "### Product Visualization",
        "- **Virtual try-on** (clothing)",
        "  - **Hair color try-on**",
        "- **Product shots:** studio-free",
        "## Best Practices",
        "- **Use clear prompts:** be precise",
        "### Sub-heading of the practices",
        "- **Also not an item**",
        "## Film",
        "```python",
        "- not a bullet, code",
        "```",
        "- **Storyboards**",
        "---",
        "## FAQ",
        "- **Is it free?** No.",
    )
    r = INGESTER.parse(seg)
    rows = [(i.line, i.label, i.description, tuple(h.text for h in i.headings), i.parent.label if i.parent else None)
            for i in r.items]
    assert rows == [
        (8, "Virtual try-on", "clothing", ("Retail", "Product Visualization"), None),
        (9, "Hair color try-on", "", ("Retail", "Product Visualization"), "Virtual try-on"),
        (10, "Product shots", "studio-free", ("Retail", "Product Visualization"), None),
        (19, "Storyboards", "", ("Film",), None),
    ]
    assert [(h.text, h.level) for h in r.headings] == [("Retail", 1), ("Product Visualization", 2), ("Film", 1)]
    assert [(s.line, s.reason) for s in r.skipped] == [
        (1, "front matter"), (2, "front matter"), (3, "front matter"),
        (4, "title"),
        (6, "article text"),
        (11, "best practice"), (12, "best practice"), (13, "best practice"), (14, "best practice"),
        (16, "code sample"), (17, "code sample"), (18, "code sample"),
        (20, "separator"),
        (21, "faq"), (22, "faq"),
    ]


def test_repeated_bullet_folds_and_text_is_repaired():
    seg = segment(
        "---",
        "title: X",
        "---",
        "### Video",
        "- **AI-Generated Video:** clips β€” fast",
        "- **AI-Generated Video:** clips — fast",
    )
    r = INGESTER.parse(seg)
    assert len(r.items) == 1 and r.duplicates == 1
    assert (r.items[0].description, r.items[0].also_lines) == ("clips — fast", (6,))
