"""The four lists in tests/data/unseen/ (stand-ins for real lists in formats the ingesters were
not written for) parse into exactly their use cases, each at the line that names it.

The expected lines were read off the files with `cat -n` and `grep -n` by hand: the CSV data
rows; the 31 numbered bold items of the blog and its two bold sub-bullets (not the plain
sub-bullets, the "How to get started" tips or the FAQ); the 39 "-"/"*" bullets of the chat
answer (not its "A couple of caveats:" paragraph); the 24 <h3> headings of the report (its
title says 24), not the "Methodology" and "About the authors" sections.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import parse_list

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"



def parse(name: str):
    return parse_list(UNSEEN / name)


EXPECTED_LINES = {
    "analyst-matrix.csv": list(range(2, 39)),
    "vendor-blog.md": [9, 10, 13, 14, 18, 19, 20, 21, 25, 26, 27, 28, 29, 30, 31, 32, 36, 37, 38, 39,
                       43, 44, 45, 46, 50, 51, 52, 56, 57, 58, 62, 63, 64],
    "chat-answer.txt": [4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 18, 21, 22, 23, 24, 27, 28, 29, 30, 31,
                        34, 35, 36, 37, 38, 41, 42, 43, 46, 47, 48, 51, 52, 53, 54, 55],
    "report-outline.html": [30, 32, 34, 38, 40, 42, 44, 46, 50, 52, 54, 58, 60, 62, 66, 68, 70, 74, 76,
                            78, 82, 84, 86, 88],
}


@pytest.mark.parametrize("name", sorted(EXPECTED_LINES))
def test_every_use_case_and_nothing_else(name):
    result = parse(name)
    assert [i.line for i in result.items] == EXPECTED_LINES[name]


def test_chat_answer_count_matches_its_bullets():
    # 38 bullets: 7 + 6 + 4 + 5 + 5 + 3 + 3 + 5 under the eight numbered industries
    assert len(EXPECTED_LINES["chat-answer.txt"]) == 38


def test_report_items_are_the_h3_headings_under_their_sector():
    result = parse("report-outline.html")
    first, last = result.items[0], result.items[-1]
    assert (first.label, first.headings[-1].text) == ("Packaging concept design", "Consumer Goods & Retail")
    assert last.label == "AI-generated voiceovers for ads"
    assert last.description.startswith("Radio, online video and in-app ads are voiced")
    skipped = {s.line: s.reason for s in result.skipped}
    assert skipped[91] == "article text" and skipped[94] == "article text"  # Methodology, About the authors


def test_blog_details_and_groups():
    result = parse("vendor-blog.md")
    by_line = {i.line: i for i in result.items}
    video = by_line[10]
    assert video.label == "Personalized video at scale" and video.kind == "item"
    assert video.description.endswith("Works with the CRM fields you already have; Typical turnaround: overnight for 50k renders")
    dub = by_line[26]
    assert dub.kind == "group" and by_line[27].parent is dub and by_line[28].parent is dub
    assert by_line[27].label == "Voice-preserving translation"
    skipped = {s.line: s.reason for s in result.skipped}
    assert [skipped[n] for n in (66, 68, 69, 70)] == ["guide step"] * 4
    assert skipped[76] == "faq"


def test_chat_answer_caveat_paragraph_is_a_remark():
    result = parse("chat-answer.txt")
    skipped = {s.line: s.reason for s in result.skipped}
    assert skipped[57] == "closing remark" and skipped[59] == "closing remark"
    by_line = {i.line: i for i in result.items}
    assert (by_line[53].label, by_line[53].description) == (
        'Memorial avatars of deceased loved ones ("grief tech")',
        "controversial, but it exists",
    )


def test_matrix_rows_keep_their_columns():
    result = parse("analyst-matrix.csv")
    row = result.items[0]
    assert row.label == "Ad creative variants"
    assert row.description == (
        "Generates dozens of banner, display and social ad variations from a single brief, resized for each"
        " placement; Tools: Adobe Firefly, Pencil, AdCreative.ai"
    )  # the "Example vendors" column is a tools column
    assert [h.text for h in row.headings] == ["Advertising", "Image"]  # Sector, then Modality
