"""The three lists in tests/data/unseen2/ (a second set of stand-ins for real lists, in formats
no ingester had read: a database export as JSON, a report outline copied out of a word
processor, a Markdown newsletter) parse into exactly their use cases, at the lines that name them.

The expected lines were read off the files by hand (`cat -n`, `grep -n '"Use Case Name"'`):
the 38 JSON records; the outline's 27 numbered `N.M` items and its 12 lettered sub-points
(nested under the item above them), not the numbered advice under "9. Recommendations"; the
newsletter's 13 table rows and 17 "Quick hits" bullets, not its sponsor block, its "Links we
liked" bullets or its sign-off.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_list

UNSEEN2 = Path(__file__).resolve().parent / "data" / "unseen2"


def parse(name: str):
    return parse_list(UNSEEN2 / name)


def test_json_export_records_are_items_at_their_name_lines():
    r = parse("airtable-export.json")
    assert r.layout == "table"
    assert [it.line for it in r.items] == [
        4, 16, 28, 39, 51, 62, 73, 85, 97, 109, 120, 132, 144, 155, 167, 178, 191, 202, 212,
        224, 235, 247, 259, 271, 282, 293, 305, 316, 327, 338, 349, 361, 373, 385, 396, 408, 419, 430,
    ]
    first = r.items[0]
    assert first.label == "AI product photoshoots"
    assert [h.text for h in first.headings] == ["E-commerce"]  # the "Sector" key
    assert first.description.endswith("Tools: Photoroom, Pebblely, Flair.ai")  # a list value
    assert r.items[-1].label == "Clips from long-form video"


OUTLINE = [
    # (line, label, the item it is nested under)
    (11, "Storyboard generation", None),
    (12, "Previsualisation", None),
    (13, "Technical previs", "Previsualisation"),
    (14, "Stunt visualisation", "Previsualisation"),
    (15, "Virtual production backgrounds", None),
    (16, "Set extension", None),
    (17, "Crowd replication", None),
    (18, "AI dubbing", None),
    (19, "Voice-preserving translation", "AI dubbing"),
    (20, "Visual lip-sync", "AI dubbing"),
    (24, "Pitch visualisation", None),
    (25, "Personalised video at scale", None),
    (26, "One-to-one sales outreach", "Personalised video at scale"),
    (27, "Segment-targeted video ads", "Personalised video at scale"),
    (28, "Shoot-free product photography", None),
    (29, "Creative variant testing", None),
    (33, "Concept art", None),
    (34, "Environment concepts", "Concept art"),
    (35, "Character concepts", "Concept art"),
    (36, "3D asset generation", None),
    (37, "Texture and material generation", None),
    (38, "Procedural level generation", None),
    (42, "Music for media", None),
    (43, "Background scores", "Music for media"),
    (44, "Voice cloning", None),
    (45, "Sound effects and foley", None),
    (46, "Text-to-podcast", None),
    (50, "Illustrated learning materials", None),
    (51, "AI presenters for e-learning", None),
    (52, "Simulation-based training", None),
    (53, "Emergency response drills", "Simulation-based training"),
    (54, "Synthetic medical images", None),
    (58, "Photoreal visualisation", None),
    (59, "Virtual staging", None),
    (63, "Virtual try-on", None),
    (64, "Make-up and hair colour", "Virtual try-on"),
    (65, "Footwear", "Virtual try-on"),
    (69, "Editorial illustration", None),
    (70, "Book covers", None),
]


def test_word_outline_items_sub_points_and_sections():
    r = parse("word-outline.txt")
    assert r.layout == "decimal-outline"
    assert [(it.line, it.label, it.parent.label if it.parent else None) for it in r.items] == OUTLINE
    assert [(h.line, h.text) for h in r.headings] == [
        (9, "Film and Television"), (22, "Advertising and Marketing"), (31, "Games and Interactive Media"),
        (40, "Music and Audio"), (48, "Education and Health"), (56, "Architecture and Property"),
        (61, "Fashion and Retail"), (67, "News and Publishing"),
    ]
    by_line = {it.line: it for it in r.items}
    assert by_line[12].kind == "group" and by_line[11].kind == "item"
    assert by_line[12].description.startswith("Rough animated versions of sequences")
    assert by_line[13].description.startswith("working out lens choices")
    assert [h.text for h in by_line[70].headings] == ["News and Publishing"]


def test_word_outline_skips_title_introduction_and_recommendations():
    r = parse("word-outline.txt")
    assert [(s.line, s.reason) for s in r.skipped] == [
        (1, "title"), (3, "preamble"), (5, "article text"), (7, "article text"),
        (72, "best practice"), (74, "best practice"), (75, "best practice"), (76, "best practice"),
        (77, "best practice"), (78, "best practice"),
    ]


def test_newsletter_table_rows_and_quick_hit_bullets():
    r = parse("newsletter.md")
    assert r.layout == "table"
    assert [it.line for it in r.items] == list(range(13, 26)) + list(range(29, 46))
    by_line = {it.line: it for it in r.items}
    assert by_line[15].label == "LED-volume backdrops"
    assert [h.text for h in by_line[15].headings] == ["Spotted in production", "Film & TV"]
    assert by_line[29].label == "NPC voice generation"
    assert by_line[29].description.startswith("Studios prototype whole dialogue trees")
    assert [h.text for h in by_line[29].headings] == ["Quick hits"]
    assert by_line[45].label == "Floor-plan walkthroughs"


def test_newsletter_sponsor_links_and_sign_off_are_not_items():
    r = parse("newsletter.md")
    reasons = {s.line: s.reason for s in r.skipped}
    assert [reasons[n] for n in (47, 49)] == ["advertisement", "advertisement"]
    assert [reasons[n] for n in (53, 54, 55, 56)] == ["link"] * 4
    assert reasons[58] == reasons[60] == "article text"
    assert reasons[1] == "title" and reasons[11] == "section label"
