"""The heading-paragraphs layout: web articles whose use cases are headings with prose under them.

Expected values were read off tests/data/layouts/heading-paragraphs.md (`cat -n`) and the
small documents written inline, not copied from the program.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from click.testing import CliRunner

from gm_graph.ingest import detect
from gm_graph.ingest.base import Segment
from gm_graph.ingest.heading_paragraphs import MAX_CONFIDENCE, HeadingParagraphs

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"
ING = HeadingParagraphs()


def fixture(name: str) -> Segment:
    lines = (LAYOUTS / name).read_text(encoding="utf-8").splitlines()
    return Segment("test-hp", name, f"tests/data/layouts/{name}", 1, lines)


def doc(*lines: str) -> Segment:
    return Segment("test-doc", "test", "test.md", 1, list(lines))


def test_detect_claims_the_article_over_the_catch_all():
    ingester, confidence = detect(fixture("heading-paragraphs.md"))
    assert ingester.name == "heading-paragraphs"
    assert confidence == MAX_CONFIDENCE


def test_items_labels_descriptions_and_sections():
    result = ING.parse(fixture("heading-paragraphs.md"))
    assert [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in result.items] == [
        (10, "Product Description Images", "Retailers generate on-brand product shots at scale.", ["Marketing"]),
        (
            13,
            "Personalized Video Messages",
            "Sales teams send videos with the prospect's name spoken by an avatar. Each video takes seconds to render.",
            ["Marketing"],
        ),
        # "- Example: ..." is an attribute bullet of the item: added to its description.
        (19, "Localized Ad Creative", "Adapt one campaign's visuals to every market.; Example: one banner in twelve languages", ["Marketing"]),
        (26, "De-aging", "make actors look younger. Post-production studios smooth wrinkles frame by frame.", ["Film & TV"]),
        (29, "Background Plates", "Generate driving plates for car scenes.", ["Film & TV"]),
    ]
    assert [(h.line, h.text, h.level) for h in result.headings] == [(6, "Marketing", 1), (24, "Film & TV", 1)]


def test_every_other_line_is_skipped_with_its_reason():
    result = ING.parse(fixture("heading-paragraphs.md"))
    assert [(s.line, s.reason) for s in result.skipped] == [
        (1, "title"),
        (3, "preamble"),
        (4, "preamble"),
        (8, "section intro"),
        (17, "item detail"),
        (32, "item detail"),
        (33, "item detail"),
        (34, "item detail"),
        (36, "closing remark"),
        (38, "closing remark"),
        (40, "closing remark"),
        (41, "closing remark"),
    ]


def test_flat_article_without_sections():
    result = ING.parse(doc("# Top Use Cases", "", "## 1. Virtual Try-On", "See clothes on you.", "## 2. Music Generation", "Background tracks.", "## 3. Avatars", ""))
    assert [(i.line, i.label, i.description, i.headings) for i in result.items] == [
        (3, "Virtual Try-On", "See clothes on you.", ()),
        (5, "Music Generation", "Background tracks.", ()),
        (7, "Avatars", "", ()),
    ]


def test_bold_lines_alone_are_headings_as_chat_answers_write_them():
    seg = doc(
        "Here are some use cases:",
        "",
        "**1. Virtual Try-On**",
        "Shoppers see clothes on themselves.",
        "",
        "**2. Music Generation**",
        "Royalty-free background tracks.",
        "**Example:**",
        "Brand X.",
        "",
        "**3. Avatar Videos**",
        "Presenters from text.",
    )
    ingester, _ = detect(seg)
    assert ingester.name == "heading-paragraphs"
    result = ING.parse(seg)
    # "**Example:**" is an attribute of the item above it, not a use case.
    assert [(i.line, i.label, i.description) for i in result.items] == [
        (3, "Virtual Try-On", "Shoppers see clothes on themselves."),
        (6, "Music Generation", "Royalty-free background tracks. Example: Brand X."),
        (11, "Avatar Videos", "Presenters from text."),
    ]
    assert [(s.line, s.reason) for s in result.skipped] == [(1, "preamble")]


def test_headings_over_attribute_bullets_are_items_not_the_bullets():
    # The usual chat-answer shape: a heading per use case, "What it is" / "Tools" bullets under it.
    seg = doc(
        "## Use cases",
        "### Virtual Try-On",
        "- **What it is:** see clothes on yourself",
        "- **Tools:** Veo, Sora",
        "### Music Generation",
        "- **What it is:** background tracks",
        "- **Tools:** Suno",
        "### Avatar Videos",
        "- **What it is:** presenters from text",
        "- **Tools:** Synthesia",
    )
    assert detect(seg)[0].name == "heading-paragraphs"
    result = ING.parse(seg)
    assert [(i.line, i.label, i.description) for i in result.items] == [
        (2, "Virtual Try-On", "see clothes on yourself; Tools: Veo, Sora"),
        (5, "Music Generation", "background tracks; Tools: Suno"),
        (8, "Avatar Videos", "presenters from text; Tools: Synthesia"),
    ]
    assert [(s.line, s.reason) for s in result.skipped] == [(1, "title")]


def test_setext_headings():
    seg = doc("Use cases", "=========", "", "Virtual Try-On", "--------------", "Shoppers see clothes.", "", "Music Generation", "----------------", "Tracks.", "", "Avatar Videos", "-------------", "Presenters.")
    result = ING.parse(seg)
    assert [(i.line, i.label, i.description) for i in result.items] == [
        (4, "Virtual Try-On", "Shoppers see clothes."),
        (8, "Music Generation", "Tracks."),
        (12, "Avatar Videos", "Presenters."),
    ]
    assert [(s.line, s.reason) for s in result.skipped] == [(1, "title"), (2, "separator"), (5, "separator"), (9, "separator"), (13, "separator")]


def test_one_sentence_bullet_under_every_item_heading_is_its_description():
    seg = doc("# Use cases", "## Retail", "### Virtual try-on", "- See clothes on you before buying", "### Product photography", "- Packshots without a studio", "## Film", "### De-aging", "- Make actors younger")
    assert detect(seg)[0].name == "heading-paragraphs"
    assert [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in ING.parse(seg).items] == [
        (3, "Virtual try-on", "See clothes on you before buying", ["Retail"]),
        (5, "Product photography", "Packshots without a studio", ["Retail"]),
        (8, "De-aging", "Make actors younger", ["Film"]),
    ]
    # ... but one short bullet under each heading is a one-item section, read by the list layouts.
    sections = doc("## Retail", "- Virtual try-on", "## Film", "- De-aging", "## Games", "- Texture generation")
    assert ING.detect(sections) == 0.0
    assert [i.label for i in detect(sections)[0].parse(sections).items] == ["Virtual try-on", "De-aging", "Texture generation"]


def test_not_claimed_when_headings_hold_bullet_lists():
    # Headings over bullet lists are sections of a list: plain-list or markdown-bold reads them.
    seg = doc("## Retail", "- Virtual try-on", "- Product photos", "## Film", "- De-aging", "- Previs", "## Games", "- Textures", "- Levels")
    assert ING.detect(seg) == 0.0
    assert detect(seg)[0].name != "heading-paragraphs"


def test_not_claimed_with_fewer_than_three_items():
    assert ING.detect(doc("# Title", "## Virtual try-on", "Text.", "## Avatars", "Text.")) == 0.0


def test_add_source_then_build_reads_the_article(repo_root, tmp_path):
    from gm_graph.cli import main

    for name in ("data", "ontology", "queries"):
        shutil.copytree(repo_root / name, tmp_path / name)
    article = tmp_path / "media-teams.md"
    shutil.copy(LAYOUTS / "heading-paragraphs.md", article)
    runner = CliRunner()
    added = runner.invoke(main, ["add-source", str(article), "--root", str(tmp_path)])
    assert added.exit_code == 0, added.output
    built = runner.invoke(main, ["build", "--root", str(tmp_path)])
    assert built.exit_code == 0, built.output
    out = runner.invoke(main, ["query", str(tmp_path / "queries" / "source-items.rq"), "--format", "csv", "--root", str(tmp_path)])
    assert out.exit_code == 0, out.output
    mine = [r for r in csv.DictReader(io.StringIO(out.stdout)) if r["file"].endswith("media-teams.md")]
    assert [(int(r["line"]), r["label"]) for r in mine] == [
        (10, "Product Description Images"),
        (13, "Personalized Video Messages"),
        (19, "Localized Ad Creative"),
        (26, "De-aging"),
        (29, "Background Plates"),
    ]


# Shapes seen in real web articles saved as text (written here in our own words): headings
# that open with an emoji or a circled number instead of "#", a question heading over an
# explanation, and a "💡 Why it matters:" remark under an item.
EMOJI_ARTICLE = (
    "Generative tools are everywhere now, and here is where they are used.",  # 1
    "\U0001f50d What Is a Diffusion Model?",  # 2
    "A model that turns noise into pictures, step by step.",  # 3
    "\u270d\ufe0f 1. Product Copy",  # 4
    "Shops draft listings and captions for every item in minutes.",  # 5
    "\U0001f4a1 Why it matters: Catalogues go live sooner.",  # 6
    "\U0001f3a8 2. Packaging Design",  # 7
    "Designers try dozens of box and label looks before printing one.",  # 8
    "\U0001f3b6 3. Podcast Intros",  # 9
    "Shows get a short theme tune written to a brief.",  # 10
)


def test_emoji_numbered_headings_with_paragraphs_are_items():
    seg = doc(*EMOJI_ARTICLE)
    ingester, _ = detect(seg)
    assert ingester.name == "heading-paragraphs"
    r = ING.parse(seg)
    assert [(i.line, i.label) for i in r.items] == [(4, "Product Copy"), (7, "Packaging Design"), (9, "Podcast Intros")]
    # the remark line is an attribute ("Why it matters"), joined like a "- **Tools:**" bullet
    assert r.items[0].description == "Shops draft listings and captions for every item in minutes.; Why it matters: Catalogues go live sooner."
    assert [(s.line, s.reason) for s in r.skipped] == [(1, "preamble"), (2, "article text"), (3, "article text")]


def test_circled_number_headings_split_at_a_dash():
    seg = doc(
        "\u2460 Text to Speech \u2014 The Oldest Field",
        "Reads any script aloud in a chosen voice.",
        "\u2461 Music Beds \u2014 Background Tracks",
        "Loops that sit under a video without drawing attention.",
        "\u2462 Sound Design",
        "Effects for a scene from a written cue.",
    )
    r = ING.parse(seg)
    assert [(i.label, i.description) for i in r.items] == [
        ("Text to Speech", "The Oldest Field. Reads any script aloud in a chosen voice."),
        ("Music Beds", "Background Tracks. Loops that sit under a video without drawing attention."),
        ("Sound Design", "Effects for a scene from a written cue."),
    ]


def test_plain_title_lines_between_blank_lines_head_paragraphs_in_unmarked_text():
    # Web page text saved as .txt: no "#", no bold; titles stand alone between blank lines.
    seg = doc(
        "Where Generative Media Is Used",  # 1
        "",
        "A short tour of the places we see it most.",  # 3
        "",
        "What Is a Generative Model?",  # 5
        "",
        "Software that makes new pictures, sound or video from a prompt.",  # 7
        "",
        "Uses for Content Teams",  # 9
        "",
        "Product Shots",  # 11
        "",
        "Catalogue images made from one reference photo.",  # 13
        "",
        "Tools: Photoroom, Pebblely",  # 15
        "",
        "Explainer Videos",  # 17
        "",
        "Short animated how-tos from a script.",  # 19
        "",
        "Podcast Voices",  # 21
        "",
        "Synthetic hosts read a written episode.",  # 23
    )
    ingester, _ = detect(seg)
    assert ingester.name == "heading-paragraphs"
    r = ING.parse(seg)
    assert [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in r.items] == [
        (11, "Product Shots", "Catalogue images made from one reference photo.; Tools: Photoroom, Pebblely", ["Uses for Content Teams"]),
        (17, "Explainer Videos", "Short animated how-tos from a script.", ["Uses for Content Teams"]),
        (21, "Podcast Voices", "Synthetic hosts read a written episode.", ["Uses for Content Teams"]),
    ]
    assert [(s.line, s.reason) for s in r.skipped] == [(1, "title"), (3, "preamble"), (5, "article text"), (7, "article text")]


def test_plain_title_lines_are_not_headings_when_the_document_marks_its_headings():
    seg = doc("## Uses", "", "Product Shots", "", "Catalogue images.", "### Explainer Videos", "Short how-tos.")
    r = ING.parse(seg)
    assert [i.label for i in r.items] == ["Explainer Videos"]
