"""Layout "slide-outline": a slide deck's outline view pasted as text."""

from __future__ import annotations

from gm_graph.ingest import REGISTRY, detect
from gm_graph.ingest.base import Segment

LAYOUT = "slide-outline"

DECK = [
    "Slide 1: Generative Media for Our Studio",  # 1
    "\tWhere we could use it",  # 2
    "Slide 2: Agenda",  # 3
    "\tWhy now",  # 4
    "\tPilots",  # 5
    "Slide 3: Film & TV",  # 6
    "\tPreviz \u2014 rough animated shots before the shoot",  # 7
    "\t\tThe director tests lenses without a crew",  # 8
    "\tCrowd scenes \u2013 extras multiplied in post",  # 9
    "",  # 10
    "Slide 4: Retail",  # 11
    "\t360\u00b0 product spins",  # 12
    "\tVirtual try-on: glasses and make-up on a selfie",  # 13
    "\t\tStart with eyewear",  # 14
    "Slide 5: Next steps",  # 15
    "\tPick two pilots",  # 16
]


def seg(lines) -> Segment:
    return Segment("deck", "deck", "deck.txt", 1, list(lines))


def test_detects_a_slide_outline():
    ingester, score = detect(seg(DECK))
    assert ingester.name == LAYOUT and score == 0.9


def test_items_are_the_lines_one_level_in_under_slide_titles():
    res = REGISTRY[LAYOUT].parse(seg(DECK))
    got = [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in res.items]
    assert got == [
        (7, "Previz", "rough animated shots before the shoot", ["Film & TV"]),
        (9, "Crowd scenes", "extras multiplied in post", ["Film & TV"]),
        (12, "360\u00b0 product spins", "", ["Retail"]),
        (13, "Virtual try-on", "glasses and make-up on a selfie", ["Retail"]),
    ]
    assert {s.line: s.reason for s in res.skipped} == {
        1: "title", 2: "title",  # the title slide
        3: "article text", 4: "article text", 5: "article text",  # the agenda
        8: "speaker note", 14: "speaker note",
        15: "closing remark", 16: "closing remark",  # next steps
    }


def test_a_few_slide_lines_in_a_document_do_not_make_it_a_deck():
    lines = ["Slide 1: Intro", "Slide 2: Uses", "Some text at the margin.", "More text.", "- Previz: shots", "Slide 3: End"]
    assert REGISTRY[LAYOUT].detect(seg(lines)) == 0.0
