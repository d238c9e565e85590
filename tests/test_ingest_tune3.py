"""The three lists in tests/data/tune3/ (a consultancy web article, a plain-text assistant answer,
a slide deck's outline view) parse into exactly their use cases, at the lines that name them.

The expected lines were read off the files by hand (`grep -n '^### '`, `grep -nP '^\\t[^\\t]'`,
`cat -n`), following the item rules of tests/data/tune3/README.md: the article's 43 `### N.`
headings, not its "Key risks" bullets; the answer's 33 `- Label:` bullets and 11 `•` sub-bullets
(nested under the bullet above them), not the four advice bullets under "A few things to keep in
mind:"; the deck's 42 one-tab bullets of slides 3-14, not the title, agenda or next-steps slides.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_list

TUNE3 = Path(__file__).resolve().parent / "data" / "tune3"


def parse(name: str):
    return parse_list(TUNE3 / name)


def test_consultancy_article_headings_are_the_items():
    r = parse("consultancy-article.md")
    assert r.layout == "heading-paragraphs"
    assert [it.line for it in r.items] == [
        9, 15, 19, 25, 29, 35, 39, 45, 49, 53, 57, 61, 67, 71, 75, 79, 85, 89, 95, 99, 103, 107,
        111, 117, 121, 125, 129, 135, 139, 143, 147, 153, 157, 161, 167, 171, 175, 181, 185, 191,
        199, 203, 207,
    ]
    first, last = r.items[0], r.items[-1]
    assert first.label == "Creative variant testing"  # '### 1. ' cut off
    assert [h.text for h in first.headings] == ["Advertising & Marketing"]
    assert first.description.startswith("Instead of briefing a single hero visual")
    assert last.label == "Personalised follow-up videos"
    assert [h.text for h in last.headings] == ["Customer Service"]
    labels = {it.label for it in r.items}
    assert not any("Intellectual property" in label or "Brand safety" in label for label in labels)


ANSWER = [
    # (line, label, the item it is nested under)
    (4, "Script-to-storyboard", None),
    (5, "LED-wall environments", None),
    (6, "Post-production cleanup", None),
    (7, "Wire and rig removal", "Post-production cleanup"),
    (8, "Sky replacement", "Post-production cleanup"),
    (9, "Cutaways and establishing shots", None),
    (10, "Localised dubbing", None),
    (11, "Voice-matched translation", "Localised dubbing"),
    (12, "Lip re-animation", "Localised dubbing"),
    (13, "Auto-subtitling", None),
    (16, "Audience-tailored ad creative", None),
    (17, "Local weather and landmark creative", "Audience-tailored ad creative"),
    (18, "Segment-specific video spots", "Audience-tailored ad creative"),
    (19, "Animated brand characters", None),
    (20, "Jingles and sonic logos", None),
    (23, "Virtual try-on", None),
    (24, "Clothing fit preview", "Virtual try-on"),
    (25, "Makeup shade matching", "Virtual try-on"),
    (26, "Sneaker try-on", "Virtual try-on"),
    (27, "Phone-to-packshot", None),
    (30, "Character concept art", None),
    (31, "NPC voices", None),
    (32, "Adaptive game music", None),
    (35, "Cover art for releases", None),
    (36, "Streaming visualizers", None),
    (37, "Text-to-song", None),
    (40, "Animated lesson explainers", None),
    (41, "AI tutor avatars", None),
    (44, "Synthetic patient records", None),
    (45, "Patient leaflet illustrations", None),
    (46, "VR exposure therapy scenes", None),
    (49, "Virtual staging", None),
    (50, "Floor-plan walkthrough videos", None),
    (53, "Live support avatars", None),
    (54, "Natural-sounding voice bots", None),
    (57, "Training videos from documents", None),
    (58, "Safety induction videos", "Training videos from documents"),
    (59, "New-hire onboarding videos", "Training videos from documents"),
    (60, "Sales & service role-play", None),
    (63, "Article header images", None),
    (64, "Synthetic newsreaders", None),
    (65, "Newsroom B-roll", None),
    (68, "Synthetic faces for model training", None),
    (69, "Generative part design", None),
]


def test_assistant_answer_bullets_and_sub_bullets_are_the_items():
    r = parse("assistant-answer.txt")
    assert [(it.line, it.label, it.parent.label if it.parent else None) for it in r.items] == ANSWER
    wires = r.items[3]
    assert wires.description.startswith("erase safety wires, stands and tracking markers")  # after ' – '
    assert [h.text for h in r.items[0].headings] == ["Film & TV"]
    # the closing advice bullets (lines 72-75) have no 'Label:' part and are not use cases
    assert max(it.line for it in r.items) == 69


def test_slide_outline_one_tab_bullets_of_the_content_slides_are_the_items():
    r = parse("slides-outline.txt")
    assert r.layout == "slide-outline"
    assert [it.line for it in r.items] == [
        10, 12, 14, 17, 19, 20, 22, 23, 26, 28, 29, 30, 33, 34, 36, 37, 38, 41, 42, 44, 46, 48,
        49, 50, 52, 53, 55, 56, 58, 59, 60, 61, 64, 65, 66, 68, 69, 71, 73, 74, 76, 77,
    ]
    previz, spins = r.items[0], r.items[11]
    assert (previz.label, previz.description.split("\n")[0]) == ("Previz", "rough animated shots before the shoot")
    assert [h.text for h in previz.headings] == ["Film, TV & Streaming"]
    assert spins.label == "360° product spins"  # no ' — ' part
    assert r.items[-1].label == "Generative design"
