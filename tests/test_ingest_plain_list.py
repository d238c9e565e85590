"""The plain-list layout: the catch-all for list documents in no more specific layout.

Expected values were read off the fixture files in tests/data/layouts/ (`cat -n FILE`) and
the small documents written inline below, not copied from the program.
"""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from gm_graph.errors import GmError
from gm_graph.ingest import REGISTRY, detect
from gm_graph.ingest.base import Segment
from gm_graph.ingest.plain_list import MAX_CONFIDENCE, OTHER_SECTIONS, PlainList, other_section, split_item

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"
ING = PlainList()

# The layout each real source list was read in before the general layouts were added.
SEED_LAYOUTS = {
    "assistant-lists-list-1": "emoji-sections",
    "assistant-lists-list-2": "markdown-bold",
    "assistant-lists-list-3": "label-paragraphs",
    "assistant-lists-list-4": "roman-outline",
    "image-generation-article": "article-bullets",
    "beyond-text-and-images-article": "front-matter",
}


def fixture(name: str) -> Segment:
    lines = (LAYOUTS / name).read_text(encoding="utf-8").splitlines()
    return Segment("test-" + name.split(".")[0], name, f"tests/data/layouts/{name}", 1, lines)


def doc(*lines: str) -> Segment:
    return Segment("test-doc", "test", "test.md", 1, list(lines))


def rows(result):
    """(line, label, description, heading texts, parent line, kind) of every item."""
    return [
        (i.line, i.label, i.description, [h.text for h in i.headings], i.parent.line if i.parent else None, i.kind)
        for i in result.items
    ]


def skips(result):
    return [(s.line, s.reason) for s in result.skipped]


def accounted(result, extra=()):
    """Every line read: items (and their repeats), headings, skipped lines, and lines folded into items."""
    lines = [h.line for h in result.headings] + [s.line for s in result.skipped] + list(extra)
    for item in result.items:
        lines += [item.line, *item.also_lines]
    return sorted(lines)


def non_blank(segment: Segment):
    return [n for n, t in segment.numbered() if t.strip()]


# --- fixture: Markdown "##" headings over "- Label: description" bullets --------------------


def test_markdown_headings_fixture():
    seg = fixture("markdown-headings.md")
    ingester, score = detect(seg)
    assert ingester.name == "plain-list" and score == MAX_CONFIDENCE
    r = ING.parse(seg)
    assert r.layout == "plain-list"
    assert [(h.line, h.level, h.text, h.verbatim) for h in r.headings] == [
        (5, 1, "Marketing", "## Marketing"),
        (12, 1, "Customer Support", "## Customer Support"),
        (17, 1, "Internal Communications", "## Internal Communications"),
    ]
    assert rows(r) == [
        (7, "Social media posts", "on-brand images for every channel", ["Marketing"], None, "item"),
        (8, "Ad variants", "dozens of banner sizes from one brief", ["Marketing"], None, "item"),
        (9, "Product launch videos", "short clips from a script (TikTok, Reels)", ["Marketing"], None, "item"),
        (10, "Email headers", "", ["Marketing"], None, "item"),
        (14, "Tutorial videos", "screen recordings with a synthetic voice", ["Customer Support"], None, "item"),
        # "â€”" in the file is an em dash garbled through Windows-1252: repaired.
        (15, "Voice bots", "natural-sounding phone answers \u2014 day and night", ["Customer Support"], None, "item"),
        (19, "Training material", "illustrated onboarding guides", ["Internal Communications"], None, "item"),
        (20, "Town hall recaps", "narrated summaries of meetings", ["Internal Communications"], None, "item"),
    ]
    # The lone "#" heading over "##" sections is the title; the sentence under it, preamble.
    assert skips(r) == [(1, "title"), (3, "preamble")]
    assert r.items[5].verbatim == "- Voice bots: natural-sounding phone answers \u00e2\u20ac\u201d day and night"
    assert accounted(r) == non_blank(seg)


# --- fixture: numbered plain text with "Industry:" heading lines and "Label - description" ---


def test_numbered_plain_text_fixture():
    seg = fixture("numbered-plain.txt")
    ingester, score = detect(seg)
    assert ingester.name == "plain-list" and score == MAX_CONFIDENCE
    r = ING.parse(seg)
    assert [(h.line, h.level, h.text) for h in r.headings] == [
        (4, 1, "Healthcare"),
        (9, 1, "Retail"),
        (14, 1, "Media and Entertainment"),
    ]
    assert rows(r) == [
        (5, "Medical imaging", "synthetic MRI and CT scans to train diagnostic models", ["Healthcare"], None, "item"),
        (6, "Patient education", "animated explainers of procedures", ["Healthcare"], None, "item"),
        (7, "Drug discovery", "renders of candidate molecules", ["Healthcare"], None, "item"),  # an en dash
        (10, "Virtual try-on", "shoppers see clothes and make-up on themselves", ["Retail"], None, "item"),
        (11, "Product photography", "studio-quality shots without a studio", ["Retail"], None, "item"),
        (12, "Store layout previews", "", ["Retail"], None, "item"),  # "3)" numbering
        (15, "Dubbing", "lip-synced voices in other languages", ["Media and Entertainment"], None, "item"),
        (16, "Storyboards", "frames drawn from the script (film, TV)", ["Media and Entertainment"], None, "item"),
    ]
    assert skips(r) == [(1, "title"), (2, "preamble"), (18, "closing remark")]
    assert accounted(r) == non_blank(seg)


# --- fixture: numbered sections over nested bullets -----------------------------------------


def test_nested_bullets_fixture():
    seg = fixture("nested-bullets.md")
    ingester, score = detect(seg)
    assert ingester.name == "plain-list" and score == MAX_CONFIDENCE
    r = ING.parse(seg)
    # "1. Film and Television" heads bullets, so it is a section heading, not an item.
    assert [(h.line, h.level, h.text, h.verbatim) for h in r.headings] == [
        (3, 1, "Film and Television", "1. Film and Television"),
        (8, 1, "Games", "2. Games"),
        (13, 1, "Publishing", "3. Publishing"),
    ]
    film, games, pub = ["Film and Television"], ["Games"], ["Publishing"]
    assert rows(r) == [
        (4, "Visual effects", "", film, None, "group"),
        (5, "Crowd multiplication", "", film, 4, "item"),
        (6, "Sky replacement", "", film, 4, "item"),
        (7, "Dubbing", "lip-synced voices in other languages", film, None, "item"),
        (9, "Asset generation", "", games, None, "group"),
        (10, "Textures", "", games, 9, "item"),
        (11, "Sprites", "2D characters", games, 9, "item"),
        (12, "NPC dialogue", "voiced lines generated on the fly", games, None, "item"),
        # "Description:" and "Tools:" under "Cover art" describe it; they are no use cases.
        (14, "Cover art", "covers drafted from the book's blurb; Tools: Midjourney, Adobe Firefly", pub, None, "item"),
        (17, "Audiobooks", "", pub, None, "item"),
    ]
    assert skips(r) == [(1, "title")]
    assert accounted(r, extra=(15, 16)) == non_blank(seg)


# --- fixture: prose intro, plain headings, a table, code, Conclusion and FAQ -----------------


def test_prose_and_conclusion_fixture():
    seg = fixture("prose-conclusion.md")
    ingester, score = detect(seg)
    assert ingester.name == "plain-list" and score == MAX_CONFIDENCE
    r = ING.parse(seg)
    assert [(h.line, h.level, h.text) for h in r.headings] == [(7, 1, "Pre-production"), (13, 1, "Post-production")]
    assert rows(r) == [
        (9, "Previsualization", "rough animated shots of each scene", ["Pre-production"], None, "item"),
        (10, "Location scouting", "generated stand-ins for places not yet visited", ["Pre-production"], None, "item"),
        (11, "Pitch trailers", "", ["Pre-production"], None, "item"),
        (14, "Background replacement", "green-screen free", ["Post-production"], None, "item"),
        (15, "Face de-aging", "younger versions of actors for flashbacks", ["Post-production"], None, "item"),
    ]
    assert skips(r) == [
        (1, "title"),
        (3, "preamble"),
        (5, "preamble"),  # "Here is what we found ...:" introduces, it heads nothing
        (8, "section intro"),
        (17, "article text"),  # the table
        (18, "separator"),
        (19, "article text"),
        (21, "code sample"),
        (22, "code sample"),
        (23, "code sample"),
        (25, "closing remark"),  # "## Conclusion" and all under it, bullets too
        (27, "closing remark"),
        (29, "closing remark"),
        (30, "closing remark"),
        (32, "faq"),
        (34, "faq"),
        (35, "faq"),
    ]
    assert not any(i.label in ("Start with previs", "Measure time saved", "Runway") for i in r.items)
    assert accounted(r) == non_blank(seg)


# --- the real sources -------------------------------------------------------------------------


def test_real_sources_keep_their_layouts(segments):
    """All registered ingesters, plain-list and table among them, still pick the same layouts."""
    assert {"plain-list", "table"} <= set(REGISTRY)
    assert set(segments) == set(SEED_LAYOUTS)
    for sid, seg in segments.items():
        scores = {name: ing.detect(seg) for name, ing in REGISTRY.items()}
        assert max(scores, key=scores.get) == SEED_LAYOUTS[sid], (sid, scores)
        assert detect(seg)[0].name == SEED_LAYOUTS[sid]
        assert scores[SEED_LAYOUTS[sid]] > MAX_CONFIDENCE
        assert scores["plain-list"] <= MAX_CONFIDENCE


def test_real_sources_read_as_before(parsed):
    assert {sid: res.layout for sid, res in parsed.items()} == SEED_LAYOUTS


def test_list_2_reads_the_same_through_the_catch_all(segments, parsed):
    # List 2 is plain Markdown: "##"/"###" headings over "- **Label** ..." bullets, so the
    # catch-all, which reads bold bullets by the markdown-bold rules, gives the same items.
    mine = ING.parse(segments["assistant-lists-list-2"])
    theirs = parsed["assistant-lists-list-2"]
    key = lambda r: [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in r.items]  # noqa: E731
    assert key(mine) == key(theirs)
    assert len(mine.items) == 232
    assert Counter(s.reason for s in mine.skipped) == Counter(s.reason for s in theirs.skipped)


# --- detection ----------------------------------------------------------------------------


def test_detect_is_moderate_and_needs_items():
    bullets = doc("- Ad variants: banners", "- Product shots: studio-free", "- Dubbing: voices")
    assert ING.detect(bullets) == MAX_CONFIDENCE
    # Two items only: scaled by 2/3.
    assert ING.detect(doc("- Ad variants: banners", "- Dubbing: voices")) == round(MAX_CONFIDENCE * 2 / 3, 3)
    assert ING.detect(doc("Just prose.", "More prose: with a colon.")) == 0.0
    assert ING.detect(doc()) == 0.0
    # Half or more of the lines prose: one item line in four prose lines is not a list.
    prose = doc("Intro one.", "Intro two.", "Intro three.", "Intro four.", "- A: x", "- B: y", "- C: z")
    assert ING.detect(prose) == round(MAX_CONFIDENCE * (3 / 7) / 0.5, 3)


def test_detect_reads_the_head_of_a_long_document():
    from gm_graph.ingest.plain_list import DETECT_LINES

    long = doc(*[f"- Use case {k}: text" for k in range(DETECT_LINES)], *["Prose line."] * DETECT_LINES)
    assert ING.detect(long) == MAX_CONFIDENCE  # the prose after the first DETECT_LINES lines is not read
    assert len(ING.parse(long).items) == DETECT_LINES


def test_prose_is_still_refused_as_unknown_layout():
    with pytest.raises(GmError, match="layout"):
        detect(doc("just some prose", "with no list in it at all"))


# --- headings ----------------------------------------------------------------------------


def test_heading_styles_and_levels_follow_first_use():
    r = ING.parse(
        doc(
            "Retail and Fashion",  # 1: Title Case over items
            "- Try-on: clothes",
            "**Catalogue work**",  # 3: a bold line
            "- Product shots",
            "Film:",  # 5: "Heading:" alone, first used after "Title Case"
            "- Previz",
            "Film",  # 7: setext underline
            "====",
        )
    )
    assert [(h.line, h.text) for h in r.headings] == [
        (1, "Retail and Fashion"),
        (3, "Catalogue work"),
        (5, "Film"),
        (7, "Film"),
    ]
    # Levels by first use of each style: plain 1, bold 2, colon 3; a Markdown heading (here
    # setext "=") takes the next rank.
    assert [h.level for h in r.headings] == [1, 2, 3, 4]
    assert [h.text for h in r.items[1].headings] == ["Retail and Fashion", "Catalogue work"]
    assert skips(r) == [(8, "separator")]


def test_markdown_depths_rank_in_order_and_title():
    r = ING.parse(doc("# Use cases", "### Film", "- Previz", "## Games", "- Sprites", "### Mobile", "- Icons"))
    assert skips(r) == [(1, "title")]  # names use cases, before any item
    assert [(h.text, h.level) for h in r.headings] == [("Film", 2), ("Games", 1), ("Mobile", 2)]
    assert [[h.text for h in i.headings] for i in r.items] == [["Film"], ["Games"], ["Games", "Mobile"]]


def test_numbered_line_is_a_heading_only_over_bullets():
    r = ING.parse(doc("1. Healthcare", "- Imaging", "2. Retail stores", "3. Film", "   Intro sentence here.", "   a) Previz"))
    assert [(h.line, h.text) for h in r.headings] == [(1, "Healthcare"), (4, "Film")]
    # "2. Retail stores" is followed by another numbered line: an item.
    assert [(i.line, i.label, [h.text for h in i.headings]) for i in r.items] == [
        (2, "Imaging", ["Healthcare"]),
        (3, "Retail stores", ["Healthcare"]),
        (6, "Previz", ["Film"]),
    ]
    assert skips(r) == [(5, "section intro")]


def test_heading_cleanup_emoji_numbering_bold():
    r = ING.parse(doc("## 3. \U0001f3ac **Film & TV**:", "- Previz", "\U0001f3e5 Healthcare", "- Imaging"))
    assert [h.text for h in r.headings] == ["Film & TV", "Healthcare"]
    assert r.headings[0].verbatim == "## 3. \U0001f3ac **Film & TV**:"


def test_chatty_and_label_lines_are_not_headings():
    r = ING.parse(
        doc(
            "Sure! Here are some of the main use cases:",
            "Use Cases:",
            "- Ad variants: banners",
            "Goal: cut production time.",
            "Examples:",
            "- Dubbing",
            "Do you want more?",
        )
    )
    assert r.headings == []
    assert [i.label for i in r.items] == ["Ad variants", "Dubbing"]
    assert skips(r) == [
        (1, "preamble"),
        (2, "section label"),
        (4, "goal line"),
        (5, "section label"),
        (7, "closing remark"),
    ]


# --- items ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Virtual try-on: clothes on any body", ("Virtual try-on", "clothes on any body")),
        ("Virtual try-on \u2013 clothes on any body", ("Virtual try-on", "clothes on any body")),
        ("Virtual try-on \u2014 clothes on any body", ("Virtual try-on", "clothes on any body")),
        ("Virtual try-on - clothes: any body", ("Virtual try-on", "clothes: any body")),  # the first separator
        ("Text-to-image ads: banners", ("Text-to-image ads", "banners")),  # hyphens inside words stay
        ("**Virtual try-on**: clothes", ("Virtual try-on", "clothes")),
        ("**Virtual try-on** \u2013 clothes", ("Virtual try-on", "clothes")),
        ("**Virtual try-on** for shoppers (clothing)", ("Virtual try-on for shoppers", "clothing")),
        ("Virtual try-on (clothing, makeup)", ("Virtual try-on", "clothing, makeup")),
        ("Pre-visualization (previz) for scenes", ("Pre-visualization (previz) for scenes", "")),
        ("Catalogues.", ("Catalogues", "")),
        ("Visual effects:", ("Visual effects", "")),
        (
            "Generating many variants of a product shot is now cheap - and fast enough for daily use",
            ("Generating many variants of a product shot is now cheap - and fast enough for daily use", ""),
        ),
    ],
)
def test_split_item(content, expected):
    assert split_item(content) == expected


def test_bullet_and_number_kinds():
    r = ING.parse(
        doc(
            "## Retail",
            "- Dash",
            "* Star",
            "+ Plus",
            "\u2022 Bullet",
            "1. Number dot",
            "2) Number paren",
            # A short numbered line right over a line of another kind would head it as a
            # section; with a description it is an item.
            "(3) Number in parens: x",
            "a) Letter: y",
            "\u2705 Emoji marked: with text",
        )
    )
    assert [i.label for i in r.items] == [
        "Dash", "Star", "Plus", "Bullet", "Number dot", "Number paren", "Number in parens", "Letter", "Emoji marked",
    ]
    assert [i.description for i in r.items[-3:]] == ["x", "y", "with text"]
    assert all(i.parent is None and [h.text for h in i.headings] == ["Retail"] for i in r.items)
    assert r.skipped == []


def test_colon_bullet_heads_the_bullets_at_its_indent():
    r = ING.parse(doc("- Visual effects:", "- Crowds", "- Skies", "- Dubbing:", "- Lip sync", "", "Closing words."))
    assert [(i.line, i.label, i.parent.line if i.parent else None, i.kind) for i in r.items] == [
        (1, "Visual effects", None, "group"),
        (2, "Crowds", 1, "item"),
        (3, "Skies", 1, "item"),
        (4, "Dubbing", None, "group"),
        (5, "Lip sync", 4, "item"),
    ]
    assert skips(r) == [(7, "closing remark")]


def test_indented_line_continues_the_item():
    r = ING.parse(doc("1. **Virtual try-on**", "   Shoppers see clothes on themselves.", "2. Dubbing: voices", "   in other languages"))
    assert [(i.label, i.description) for i in r.items] == [
        ("Virtual try-on", "Shoppers see clothes on themselves."),
        ("Dubbing", "voices in other languages"),
    ]
    assert r.skipped == [] and r.headings == []


def test_unbulleted_label_lines_in_a_run_are_items():
    r = ING.parse(
        doc(
            "Healthcare",
            "Medical imaging: synthetic scans",
            "Patient education: explainers",
            "",
            "Note: these are early days.",
            "",
            "Retail",
            "- Try-on",
        )
    )
    assert [(h.line, h.text) for h in r.headings] == [(1, "Healthcare"), (7, "Retail")]
    assert [(i.line, i.label, i.description) for i in r.items] == [
        (2, "Medical imaging", "synthetic scans"),
        (3, "Patient education", "explainers"),
        (8, "Try-on", ""),
    ]
    # A lone "Note: ..." is a remark, not a use case.
    assert skips(r) == [(5, "article text")]


def test_repeats_fold_and_urls_are_not_items():
    r = ING.parse(doc("## Film", "- Previz", "- https://example.com/previz", "## Film", "- Previz"))
    assert [(i.line, i.also_lines) for i in r.items] == [(2, (5,))]
    assert r.duplicates == 1
    assert skips(r) == [(3, "article text")]


# --- sections that are not use cases -------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "reason"),
    [
        ("## Conclusion", "closing remark"),
        ("## Key Takeaways", "closing remark"),
        ("## FAQ", "faq"),
        ("## Frequently Asked Questions", "faq"),
        ("## References", "article text"),
        ("## Sources", "article text"),
        ("## Best Practices for Prompts", "best practice"),
        ("## Challenges and Limitations", "key considerations"),
        ("Conclusion:", "closing remark"),
        ("**Key takeaways**", "closing remark"),
        ("Further Reading", "article text"),
        ("## The Perils of Generative Video", "key considerations"),
        ("## Recommendations", "best practice"),
        ("## Opportunities and Challenges", "key considerations"),
        ("## The Future of AI Imagery", "closing remark"),
        ("## Sponsored", "advertisement"),
    ],
)
def test_non_use_case_sections_skipped_whole(heading, reason):
    r = ING.parse(doc("## Retail", "- Try-on", heading, "Some words.", "- Be clear: say what you want", "## Games", "- Sprites"))
    assert [i.label for i in r.items] == ["Try-on", "Sprites"]
    assert skips(r) == [(3, reason), (4, reason), (5, reason)]
    assert [h.text for h in r.headings] == ["Retail", "Games"]


def test_whole_heading_words_only_close_whole_headings():
    assert other_section("Sources") == "article text"
    assert other_section("Sources: where we looked") == "article text"
    assert other_section("Sources of training data") is None
    assert other_section("Summary") == "closing remark"
    assert other_section("Summary generation for reports") is None
    assert other_section("Best Practices for Prompting") == "best practice"
    assert other_section("Healthcare") is None
    words = [w for w, _ in OTHER_SECTIONS]
    assert {"conclusion", "faq", "key takeaways", "references$", "sources$"} <= set(words)


def test_a_sentence_starting_like_a_section_name_is_prose():
    r = ING.parse(doc("## Film", "- Previz", "Challenges remain for smaller teams", "- Sprites", "Conclusion", "All good."))
    assert [(i.line, i.label) for i in r.items] == [(2, "Previz"), (4, "Sprites")]
    assert skips(r) == [(3, "article text"), (5, "closing remark"), (6, "closing remark")]


def test_subheadings_stay_inside_a_skipped_markdown_section():
    r = ING.parse(doc("## Film", "- Previz", "## FAQ", "### Is it costly?", "**Pricing**", "- Cheap", "## Games", "- Sprites"))
    assert [i.label for i in r.items] == ["Previz", "Sprites"]
    assert skips(r) == [(3, "faq"), (4, "faq"), (5, "faq"), (6, "faq")]


# --- end to end ------------------------------------------------------------------------------


def test_new_source_in_this_layout_is_built_and_queryable(repo_root, tmp_path):
    for name in ("data", "ontology", "queries"):
        shutil.copytree(repo_root / name, tmp_path / name)
    source = LAYOUTS / "numbered-plain.txt"
    shutil.copy(source, tmp_path / "data" / "sources" / "numbered-plain.txt")
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    with open(tmp_path / "data" / "sources.toml", "a", encoding="utf-8") as fh:
        fh.write(
            "\n[[source]]\n"
            'id = "numbered-plain"\n'
            'file = "sources/numbered-plain.txt"\n'
            'title = "Generative AI use cases by industry"\n'
            'format = "text/plain"\n'
            'author_kind = "analyst"\n'
            f'sha256 = "{sha}"\n'
        )
    runner = CliRunner()
    built = runner.invoke(main_cli(), ["build", "--root", str(tmp_path)])
    assert built.exit_code == 0, built.output
    assert "numbered-plain" in built.output
    out = runner.invoke(
        main_cli(), ["query", str(tmp_path / "queries" / "source-items.rq"), "--format", "csv", "--root", str(tmp_path)]
    )
    assert out.exit_code == 0, out.output
    mine = [r for r in csv.DictReader(io.StringIO(out.stdout)) if r["file"] == "data/sources/numbered-plain.txt"]
    assert [(int(r["line"]), r["label"]) for r in mine] == [
        (5, "Medical imaging"),
        (6, "Patient education"),
        (7, "Drug discovery"),
        (10, "Virtual try-on"),
        (11, "Product photography"),
        (12, "Store layout previews"),
        (15, "Dubbing"),
        (16, "Storyboards"),
    ]
    assert all(r["usecase"].startswith("https://w3id.org/gm-graph/id/usecase/") for r in mine)
    assert all(r["sourceList"].endswith("/numbered-plain") for r in mine)


def main_cli():
    from gm_graph.cli import main

    return main


def test_a_sentence_directly_under_a_numbered_label_is_its_description():
    r = ING.parse(doc("1. Virtual try-on", "See clothes on you.", "", "2. De-aging", "Make actors younger.", "", "3. Texture generation", "Tileable textures."))
    assert [(i.line, i.label, i.description) for i in r.items] == [
        (1, "Virtual try-on", "See clothes on you."),
        (4, "De-aging", "Make actors younger."),
        (7, "Texture generation", "Tileable textures."),
    ]
    assert skips(r) == []
    # ... but not under an item that already has one, nor after a blank line
    r = ING.parse(doc("1. Previz: rough shots", "More text here.", "2. Sprites", "", "Prose after a gap.", "3. Avatars"))
    assert [(i.line, i.description) for i in r.items] == [(1, "rough shots"), (3, ""), (6, "")]


def test_lines_of_sections_without_use_cases_do_not_count_against_the_layout():
    # A short article: an "Introduction:" section of prose, one section of labelled bullets,
    # then "Opportunities" / "Challenges" lists that are not use cases.
    seg = doc(
        "Introduction:",  # 1
        "Generative models now write, draw and compose.",  # 2
        "They are moving from pilots into daily work.",  # 3
        "Many teams are still working out where they help.",  # 4
        "Some uses are already routine.",  # 5
        "1. Uses Across Industries",  # 6
        "- Retail: Product shots and banner variants",  # 7
        "- Games: Concept art and textures",  # 8
        "- Music: Demo tracks and stems",  # 9
        "2. Opportunities and Challenges",  # 10
        "Opportunities:",  # 11
        "- Faster drafts",  # 12
        "Challenges:",  # 13
        "- Licensing questions",  # 14
    )
    ingester, confidence = detect(seg)
    assert ingester.name == "plain-list" and confidence >= 0.5
    r = ING.parse(seg)
    assert [(i.line, i.label) for i in r.items] == [(7, "Retail"), (8, "Games"), (9, "Music")]
    assert {s.line: s.reason for s in r.skipped if s.line >= 10} == {n: "key considerations" for n in range(10, 15)}


def test_use_case_and_example_bullets_under_a_numbered_line_describe_it():
    # SEO listicles: "1. Title" then "- Use Case: ..." / "- Example: ..." at the same indent.
    # The numbered line is the item; the field bullets are its description, not items.
    res = ING.parse(doc(
        "Here are three practical applications:",
        "1. Podcast Editing",
        "- Use Case: Removing filler words and levelling voices.",
        "- Example: Descript cleans a recording in one click.",
        "2. Album Artwork",
        "- Use Case: Cover images in a band's style.",
        "- Tools: Midjourney",
        "3. Game Dialogue",
        "- Use case: Lines for non-player characters.",
    ))
    assert rows(res) == [
        (2, "Podcast Editing",
         "Removing filler words and levelling voices.; Example: Descript cleans a recording in one click.", [], None, "item"),
        (5, "Album Artwork", "Cover images in a band's style.; Tools: Midjourney", [], None, "item"),
        (8, "Game Dialogue", "Lines for non-player characters.", [], None, "item"),
    ]


def test_a_numbered_line_over_a_paragraph_and_benefit_bullets_is_the_use_case():
    # An article's "1. Title", a paragraph, then bullets saying what it brings (sweep of
    # session 9): the numbered line is the use case, the paragraph and bullets describe it.
    # Bullets that name things ("Ad copy") still make the numbered line a heading.
    res = ING.parse(doc(
        "1. Synthetic Scan Generation",
        "",
        "Models make realistic scans for training.",
        "",
        "  • Augments rare-disease datasets",
        "  • Preserves patient privacy",
        "",
        "2. Marketing",
        "",
        "Teams use it for campaigns.",
        "",
        "  • Ad copy drafts",
        "  • Social images",
    ))
    assert rows(res) == [
        (1, "Synthetic Scan Generation",
         "Models make realistic scans for training.; Augments rare-disease datasets; Preserves patient privacy", [], None, "item"),
        (12, "Ad copy drafts", "", ["Marketing"], None, "item"),
        (13, "Social images", "", ["Marketing"], None, "item"),
    ]


def test_a_roman_numeral_over_a_lettered_list_is_a_heading():
    # A chat-written essay (sweep of session 9): "I." over prose, then "A." / "B." over bullets.
    res = ING.parse(doc(
        "I. Content Creation and Media",
        "Generative models now make much of what media teams publish.",
        "A. Text Generation",
        "Language models such as GPT-4 write text in many styles and voices. Use cases include:",
        "- Article Writing: Drafts of posts and news.",
        "- Summarization: Short versions of long reports.",
        "B. Image Generation",
        "- Product Design: Mockups and prototypes.",
        "II. Sound",
        "Audio is next.",
        "A. Voice Generation",
        "- Dubbing: Speech in other languages.",
    ))
    assert rows(res) == [
        (5, "Article Writing", "Drafts of posts and news.", ["Content Creation and Media", "Text Generation"], None, "item"),
        (6, "Summarization", "Short versions of long reports.", ["Content Creation and Media", "Text Generation"], None, "item"),
        (8, "Product Design", "Mockups and prototypes.", ["Content Creation and Media", "Image Generation"], None, "item"),
        (12, "Dubbing", "Speech in other languages.", ["Sound", "Voice Generation"], None, "item"),
    ]


def test_field_bullets_under_a_labelled_bullet_describe_it():
    # A nested list flattened by a copy (a public synthetic-data page, sweep of session 9):
    # "- Label:" bullets each followed, at the same indent, by "- Use Case:", "- Why ...:"
    # and "- Techniques:" bullets. Those describe the bullet above; they are not use cases.
    res = ING.parse(doc(
        "Model training",
        "- Fraud simulation: (high value)",
        "- Use Case: Card fraud and machine failures.",
        "- Why Synthetic Data Helps: Real fraud cases are rare.",
        "- Techniques: GANs, rule-based simulation.",
        "- Class balancing: (medium value)",
        "- Use Case: Spam filters.",
        "- Tagline generator",
    ))
    assert rows(res) == [
        (2, "Fraud simulation",
         "(high value); Card fraud and machine failures.; Why Synthetic Data Helps: Real fraud cases are rare.; "
         "Techniques: GANs, rule-based simulation.", ["Model training"], None, "item"),
        (6, "Class balancing", "(medium value); Spam filters.", ["Model training"], None, "item"),
        (8, "Tagline generator", "", ["Model training"], None, "item"),
    ]


@pytest.mark.parametrize("heading", ["Limits and Responsible Use", "Responsible use", "Ethics", "What to avoid", "Limits"])
def test_limits_and_responsible_use_sections_hold_no_use_cases(heading):
    assert other_section(heading) == "key considerations"


def test_lists_of_models_tools_and_algorithms_are_not_use_cases():
    res = ING.parse(doc(
        "1. Image Generation Models",
        "Popular Models:",
        "- Imagen (Google)",
        "- Flux",
        "Common Uses:",
        "- Product mock-ups",
        "- Storyboard frames",
        "Examples of Generative Models",
        "- Variational autoencoders",
        "- Diffusion models",
        "Key Characteristics:",
        "- Learning from data: trained on large datasets.",
    ))
    assert [(i.line, i.label) for i in res.items] == [(6, "Product mock-ups"), (7, "Storyboard frames")]
    reasons = {s.line: s.reason for s in res.skipped}
    assert [reasons[n] for n in (2, 3, 4, 8, 9, 10)] == ["tool list"] * 6
    assert reasons[11] == reasons[12] == "article text"


def test_page_metadata_lines_are_not_use_cases():
    res = ING.parse(doc(
        "Ten Ways Studios Use Generative Video",
        "Meta Description: How studios use generative video, with examples.",
        "Reading time: 6 minutes",
        "",
        "- Previs: rough shots from a script.",
        "- Dubbing: voices in other languages.",
        "- Crowd scenes: extras multiplied in post.",
    ))
    assert [i.label for i in res.items] == ["Previs", "Dubbing", "Crowd scenes"]


# --- shapes found on the unseen3 documents, tested on lists written here ---------------------


def test_a_short_first_sentence_is_the_label():
    result = PlainList().parse(
        doc(
            "## Image",
            "1. Virtual try-on. Apparel brands render items onto a shopper's photo.",
            "2. Dr. Who style posters for fan events and conventions.",
            "3. Product shots. Cheap.",
            "4. U.S. retailers generate packshots for marketplaces.",
        )
    )
    assert [(r[0], r[1], r[2]) for r in rows(result)] == [
        (2, "Virtual try-on", "Apparel brands render items onto a shopper's photo."),
        # "Dr." is an abbreviation; a description of fewer than four words is no description.
        (3, "Dr. Who style posters for fan events and conventions", ""),
        (4, "Product shots. Cheap", ""),
        (5, "U.S. retailers generate packshots for marketplaces", ""),
    ]


def test_a_section_number_over_a_numbered_list_is_a_heading():
    result = PlainList().parse(
        doc(
            "The Generative Media Outlook",
            "2.1 Image",
            "",
            "The uses we found most often, with the share of teams that named them, were these ones:",
            "",
            "1. Virtual staging",
            "2. Product shots",
            "",
            "2.2 Video",
            "Several workflows are already in production at studios:",
            "3. Previsualization",
            "",
            "3 Risks and caveats",
            "- Rights and consent",
        )
    )
    # "3 Risks and caveats" names a section that holds no use cases: skipped with its bullet.
    assert [(h.line, h.text) for h in result.headings] == [(2, "Image"), (9, "Video")]
    assert [(r[0], r[1], r[3]) for r in rows(result)] == [
        (6, "Virtual staging", ["Image"]),
        (7, "Product shots", ["Image"]),
        (11, "Previsualization", ["Video"]),
    ]
    assert skips(result) == [(1, "title"), (4, "section intro"), (10, "section intro"), (13, "key considerations"), (14, "key considerations")]


def test_copyright_lines_and_mail_headers_are_skipped():
    result = PlainList().parse(
        doc(
            "From: The Weekly Frame <hello@frame.example>",
            "Subject: 3 ways teams use generative video",
            "Date: Tue, 1 Oct 2024 08:00:00 +0000",
            "",
            "View this email in your browser",
            "",
            "1) Previsualization — rough shots before the shoot",
            "2) Virtual staging — furnished listing photos",
            "3) Voice cloning — narration in many languages",
            "",
            "© 2024 The Weekly Frame. All rights reserved.",
        )
    )
    assert [r[1] for r in rows(result)] == ["Previsualization", "Virtual staging", "Voice cloning"]
    assert skips(result) == [(1, "message header"), (2, "message header"), (3, "message header"), (5, "message header"), (11, "copyright notice")]


def test_a_first_block_of_labelled_lines_is_not_a_header_block_without_mail_headers():
    result = PlainList().parse(
        doc(
            "Virtual staging: furnished listing photos",
            "Voice cloning: narration in many languages",
            "Product shots: studio photos from one reference",
        )
    )
    assert [r[1] for r in rows(result)] == ["Virtual staging", "Voice cloning", "Product shots"]


def test_nested_sentences_are_notes_and_nested_names_are_kinds():
    result = PlainList().parse(
        doc(
            "## Retail",
            "- Virtual try-on",
            "    - Shopper uploads a full-length photo and sees the jacket on their body",
            "    - Hard rule: the garment's colour must not change",
            "- Visual effects",
            "    - Crowd multiplication",
            "    - Set extension: more set around the actors",
            "Created: July 2, 2024",
        )
    )
    assert rows(result) == [
        (
            2,
            "Virtual try-on",
            "Shopper uploads a full-length photo and sees the jacket on their body; Hard rule: the garment's colour must not change",
            ["Retail"],
            None,
            "item",
        ),
        (5, "Visual effects", "", ["Retail"], None, "group"),
        (6, "Crowd multiplication", "", ["Retail"], 5, "item"),
        (7, "Set extension", "more set around the actors", ["Retail"], 5, "item"),
    ]
    assert (8, "closing remark") in skips(result)


@pytest.mark.parametrize("heading", ["Key findings", "Executive summary", "Open questions", "Parking lot"])
def test_more_sections_that_hold_no_use_cases(heading):
    assert other_section(heading) is not None


def test_word_processor_glyphs_are_bullets_and_their_kind_is_their_level():
    # Copied out of a Google Docs / Word list: "●" and "○" with a tab, no indentation.
    segment = doc(
        "Use cases – working draft",
        "",
        "Marketing",
        "\u25cf\tAd copy variants: dozens of headlines per campaign",
        "\u25cf\tProduct imagery: packshots placed in generated scenes",
        "\u25cb\tSeasonal backgrounds",
        "\u25cb\tLifestyle scenes",
        "Film",
        "\u25cf\tPreviz: rough animated shots from the script",
        "\u25a0\tShot lists",
    )
    assert detect(segment)[0].name == "plain-list"  # "●" is no emoji heading (label-paragraphs)
    result = PlainList().parse(segment)
    assert rows(result) == [
        (4, "Ad copy variants", "dozens of headlines per campaign", ["Marketing"], None, "item"),
        (5, "Product imagery", "packshots placed in generated scenes", ["Marketing"], None, "group"),
        (6, "Seasonal backgrounds", "", ["Marketing"], 5, "item"),
        (7, "Lifestyle scenes", "", ["Marketing"], 5, "item"),
        (9, "Previz", "rough animated shots from the script", ["Film"], None, "group"),
        (10, "Shot lists", "", ["Film"], 9, "item"),
    ]


def test_an_emoji_line_leading_into_the_list_is_the_opening():
    result = PlainList().parse(
        doc(
            "\U0001f680 Generative AI is changing content. Here are 3 use cases I've seen \U0001f447",
            "",
            "\u2705 Virtual try-on \u2014 shoppers see clothes on their own photo",
            "\u2705 Virtual staging \u2014 furnished rooms for listings",
            "\u2705 AI-generated B-roll \u2014 filler footage for explainers",
            "",
            "Which one are you trying first?",
        )
    )
    assert [r[1] for r in rows(result)] == ["Virtual try-on", "Virtual staging", "AI-generated B-roll"]
    assert skips(result) == [(1, "preamble"), (7, "closing remark")]


def test_an_abbreviation_ending_the_first_sentence_keeps_the_label_whole():
    result = PlainList().parse(doc("## Image", "- Photos vs. renders for catalogue pages and marketplace listings", "- Virtual staging", "- Product shots"))
    assert rows(result)[0][1:3] == ("Photos vs. renders for catalogue pages and marketplace listings", "")
