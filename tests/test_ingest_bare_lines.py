"""The bare-lines layout: one use case per line with no marker. Expected values read off the
inline documents, not copied from the program."""

from __future__ import annotations

import pytest

from gm_graph.errors import GmError
from gm_graph.ingest import detect
from gm_graph.ingest.bare_lines import CONFIDENCE, BareLines
from gm_graph.ingest.base import Segment

ING = BareLines()


def doc(*lines: str) -> Segment:
    return Segment("test-doc", "test", "notes.txt", 1, list(lines))


def test_blocks_headed_by_their_first_line():
    seg = doc(
        "Healthcare", "Medical imaging synthesis", "Patient education videos", "",
        "Retail", "Virtual try-on (clothes and makeup)", "Product photography", "",
        "Film", "De-aging actors", "Crowd multiplication",
    )
    assert detect(seg)[0].name == "bare-lines"
    assert ING.detect(seg) == CONFIDENCE
    r = ING.parse(seg)
    assert [(i.line, i.label, i.description, [h.text for h in i.headings]) for i in r.items] == [
        (2, "Medical imaging synthesis", "", ["Healthcare"]),
        (3, "Patient education videos", "", ["Healthcare"]),
        (6, "Virtual try-on", "clothes and makeup", ["Retail"]),
        (7, "Product photography", "", ["Retail"]),
        (10, "De-aging actors", "", ["Film"]),
        (11, "Crowd multiplication", "", ["Film"]),
    ]
    assert r.skipped == []


def test_one_block_under_a_title_is_a_list_of_items():
    seg = doc("Generative media use cases", "", "Medical imaging synthesis", "Virtual try-on", "De-aging actors", "This line is a sentence.")
    assert detect(seg)[0].name == "bare-lines"
    r = ING.parse(seg)
    assert [(i.line, i.label) for i in r.items] == [(3, "Medical imaging synthesis"), (4, "Virtual try-on"), (5, "De-aging actors")]
    assert [(s.line, s.reason) for s in r.skipped] == [(1, "title"), (6, "article text")]


def test_prose_is_still_refused_with_a_one_line_error():
    seg = doc("This is an article about things.", "It has sentences.", "And more sentences here.")
    assert ING.detect(seg) == 0.0
    with pytest.raises(GmError) as err:
        detect(seg)
    assert err.value.where == "notes.txt:1" and "layout" in err.value.problem


def test_a_bulleted_list_is_left_to_the_list_layouts():
    seg = doc("- Virtual try-on", "- De-aging", "- Texture generation")
    assert ING.detect(seg) == 0.0
    assert detect(seg)[0].name == "plain-list"
