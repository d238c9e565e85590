"""Text copied out of a PDF: page furniture emptied and hard-wrapped lines joined onto the line
where their item starts, one output line per input line (gm_graph.ingest.pdftext).

The texts are written here; the expected lines were worked out by hand from the rules in the
module docstring.
"""

from __future__ import annotations

from gm_graph.ingest import read_text
from gm_graph.ingest.pdftext import looks_like_pdf_text, unwrap

REPORT = "\n".join(
    [
        "Generative media at work",  # 1
        "",
        "Teams now use generative models in day-to-day produc-",  # 3
        "tion work, from marketing to film.",  # 4
        "",
        "1. Virtual staging. Empty rooms in listing photos are",  # 6
        "   furnished with generated furniture.",  # 7
        "\uf0b7 Voice cloning — a narrator's voice carried into",  # 8
        "  other languages with a look-and-",  # 9
        "  feel that matches the original.",  # 10
        "",
        "ACME Research – confidential                  Page 1 of 3",  # 12
        "ACME Research — Generative media at work",  # 13
        "",
        "2. Product shots. Studio-quality photos from one re-",  # 15
        "   ference image, with a well-known look.",  # 16
        "",
        "ACME Research – confidential                  Page 2 of 3",  # 18
        "ACME Research — Generative media at work",  # 19
        "",
        "A well-known look is not the same as a copied one.",  # 21
        "",
    ]
)


def test_pdf_text_is_recognised_by_its_page_numbers_or_hyphenation():
    assert looks_like_pdf_text(REPORT)
    # A list with no page furniture and no wrapped words is left as it is.
    assert not looks_like_pdf_text("# Use cases\n\n- Virtual staging\n- Voice cloning\n- Product shots\n")
    # One "Page 1 of 2" line is not enough.
    assert not looks_like_pdf_text("Page 1 of 2\n- Virtual staging\n")
    # Hyphenated line ends with symbol-font bullets, no page numbers.
    wrapped = "\uf0b7 Virtual stag-\ning of rooms\n\uf0b7 Voice clon-\ning for dubs\n\uf0b7 Product pho-\ntos at scale\n"
    assert looks_like_pdf_text(wrapped)


def test_unwrap_keeps_the_line_count_and_joins_onto_the_first_line():
    lines = unwrap(REPORT)
    assert len(lines) == len(REPORT.splitlines())
    assert lines[0] == "Generative media at work"
    # "produc-" + "tion": a word hyphenated at the line end loses its hyphen.
    assert lines[2] == "Teams now use generative models in day-to-day production work, from marketing to film."
    assert lines[3] == ""
    assert lines[5] == "1. Virtual staging. Empty rooms in listing photos are furnished with generated furniture."
    assert lines[6] == ""
    # The symbol-font bullet becomes "•"; "look-and-" keeps its hyphen (it holds one already).
    assert lines[7] == "• Voice cloning — a narrator's voice carried into other languages with a look-and-feel that matches the original."
    assert lines[8:10] == ["", ""]
    # "re-" + "ference": "re-ference" is not written anywhere else, so the hyphen goes;
    # "well-known" is a word of the document, kept as written.
    assert lines[14] == "2. Product shots. Studio-quality photos from one reference image, with a well-known look."


def test_page_numbers_and_running_headers_are_emptied():
    lines = unwrap(REPORT)
    assert lines[11] == lines[12] == ""
    assert lines[17] == lines[18] == ""
    # A sentence that is not next to a page number stays.
    assert lines[20] == "A well-known look is not the same as a copied one."


def test_read_text_unwraps_pdf_text_and_the_layouts_read_its_items(tmp_path):
    from conftest import parse_list

    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert read_text(path)[5].startswith("1. Virtual staging. Empty rooms")
    result = parse_list(path)
    assert [(it.line, it.label, it.description) for it in result.items] == [
        (6, "Virtual staging", "Empty rooms in listing photos are furnished with generated furniture."),
        (8, "Voice cloning", "a narrator's voice carried into other languages with a look-and-feel that matches the original."),
        (15, "Product shots", "Studio-quality photos from one reference image, with a well-known look."),
    ]


def test_a_pipe_table_with_number_cells_is_no_pdf_text():
    table = "Use case | Priority\n--- | ---\nVirtual try-on | 3\nVirtual staging | 2\nProduct shots | 1\n"
    assert not looks_like_pdf_text(table)
