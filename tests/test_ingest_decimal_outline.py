"""The decimal-outline layout on small hand-written outlines (the real one is in
tests/test_ingest_unseen2.py)."""

from __future__ import annotations

from gm_graph.ingest import REGISTRY, detect
from gm_graph.ingest.base import Segment

INGESTER = REGISTRY["decimal-outline"]


def segment(*lines: str) -> Segment:
    return Segment("test", "test", "test.txt", 1, list(lines))


OUTLINE = (
    "Use cases of generative video",  # 1
    "1. Marketing",  # 2
    "1.1 Product videos – Short clips from one photo.",  # 3
    "1.2 Video ads - Commercials from a script.",  # 4
    "1.2.1 Localised ads: One spot per market.",  # 5
    "1.3 We expect many more of these in the coming year, as models improve quickly.",  # 6
    "3. Not a heading: out of sequence",  # 7
    "2. Training",  # 8
    "2.1 Safety drills",  # 9
    "   a) Fire drills: Evacuations in a virtual building.",  # 10
    "Thanks for reading this outline of ours.",  # 11
)


def test_detected_for_a_decimal_outline():
    ingester, confidence = detect(segment(*OUTLINE))
    assert ingester is INGESTER and confidence >= 0.75


def test_items_nesting_and_sections():
    r = INGESTER.parse(segment(*OUTLINE))
    got = [(it.line, it.label, it.description, it.parent.label if it.parent else None, it.section.text) for it in r.items]
    assert got == [
        (3, "Product videos", "Short clips from one photo.", None, "Marketing"),
        (4, "Video ads", "Commercials from a script.", None, "Marketing"),
        (5, "Localised ads", "One spot per market.", "Video ads", "Marketing"),
        (9, "Safety drills", "", None, "Training"),
        (10, "Fire drills", "Evacuations in a virtual building.", "Safety drills", "Training"),
    ]
    assert [it.kind for it in r.items] == ["item", "group", "item", "group", "item"]


def test_sentences_and_out_of_sequence_numbers_are_not_items_or_headings():
    r = INGESTER.parse(segment(*OUTLINE))
    assert [(h.line, h.text) for h in r.headings] == [(2, "Marketing"), (8, "Training")]
    assert [(s.line, s.reason) for s in r.skipped] == [
        (1, "title"),
        (6, "section intro"),  # a numbered sentence, not a use case
        (7, "section intro"),  # "3." where "2." was due
        (11, "closing remark"),
    ]


def test_a_numbered_list_without_sub_numbers_is_left_to_other_layouts():
    plain = segment("1. Marketing", "- Product videos: clips", "2. Film", "- Storyboards: boards", "- Previs: shots")
    assert INGESTER.detect(plain) == 0.0
