"""Ingesters: one per layout family, chosen by detecting the layout of the text.

``REGISTRY`` maps each layout name to its ingester; :func:`read_source` splits a file into
source lists, detects each list's layout and parses it.
"""

from __future__ import annotations

import json
from pathlib import Path

from gm_graph.errors import GmError, rel
from gm_graph.ingest import docx, html, markup, pdftext
from gm_graph.ingest.base import LIST_MARKER as _LIST_MARKER, Ingester, Segment
from gm_graph.manifest import Source
from gm_graph.model import ParseResult

REGISTRY: dict[str, Ingester] = {}

# Below this confidence no layout is claimed and the file is refused as unknown.
MIN_CONFIDENCE = 0.5


def register(cls: type[Ingester]) -> type[Ingester]:
    REGISTRY[cls.name] = cls()
    return cls




def split_lists(source: Source, text_lines: list[str], file_shown: str) -> list[Segment]:
    """Cut a file into segments at lines such as ``List 2:``; a file without them is one segment.

    Lines before the first marker (a request such as "combine these lists") are not part
    of any list and are returned as the preamble segment with an empty source id.
    """
    marks = [(i, int(m.group(1))) for i, t in enumerate(text_lines) if (m := _LIST_MARKER.match(t))]
    if not marks:
        return [Segment(source.id, source.title, file_shown, 1, text_lines)]
    segments = [Segment("", "preamble", file_shown, 1, text_lines[: marks[0][0]])]
    for k, (i, number) in enumerate(marks):
        end = marks[k + 1][0] if k + 1 < len(marks) else len(text_lines)
        title = source.lists[k] if k < len(source.lists) else f"{source.title}, list {number}"
        segments.append(Segment(f"{source.id}-list-{number}", title, file_shown, i + 1, text_lines[i:end]))
    return segments


HTML_SUFFIXES = (".html", ".htm")
DOCX_SUFFIX = ".docx"
# Documents gm-graph does not read, by file name ending and by their first bytes.
OTHER_DOCUMENTS = {
    ".doc": "a Word 97-2003 document (.doc)",
    ".pdf": "a PDF",
    ".odt": "an OpenDocument text (.odt)",
    ".pages": "a Pages document",
}
_MAGIC = (
    (b"%PDF-", "a PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 document (.doc) or a password-protected Office file"),
)
_NOT_READ_FIX = "save it as .docx, or copy its text into a .md file"
# Text copied out of a PDF (select all, copy, paste) is read: see gm_graph.ingest.pdftext.
_PDF_FIX = "copy its text (select all, copy) into a .txt file: gm-graph joins the wrapped lines and drops page headers and footers"


def _other_document(path: Path, data: bytes) -> str:
    """What kind of document gm-graph cannot read ``data`` is ("" when it is none of them)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(docx.ZIP_MAGIC) and data[30:38] == b"mimetype" and b"opendocument" in data[38:120]:
        return "an OpenDocument file"
    return OTHER_DOCUMENTS.get(path.suffix.lower(), "")


def read_text(path: Path) -> list[str]:
    """Read a source as UTF-8 lines, refusing empty, binary and mis-encoded files with one line.

    An HTML page (a ``.html`` / ``.htm`` file, or text opening with ``<!doctype html`` or
    ``<html``) is returned as Markdown lines, one per line of the file, each holding the text
    of the block element that starts on that line (:mod:`gm_graph.ingest.html`), so the
    layouts read it and line numbers stay the file's.

    A Word document (a ``.docx`` file, or a zip archive holding ``word/document.xml``) is
    returned as Markdown lines, one per paragraph (:mod:`gm_graph.ingest.docx`): for a
    ``.docx``, line N is paragraph N of the document, empty paragraphs and paragraphs in
    table cells counted. PDF, ``.doc``, ``.odt`` and Pages files are refused with a hint.

    An org-mode or reStructuredText file is rendered to Markdown line for line
    (:mod:`gm_graph.ingest.markup`), and text copied out of a PDF has its page furniture
    dropped and its wrapped lines joined, line for line (:mod:`gm_graph.ingest.pdftext`).
    """
    shown = rel(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GmError(shown, f"cannot read the file: {exc.strerror}", "check the path and its permissions") from None
    if not data.strip():
        raise GmError(shown, "the file is empty", "put the list's text in it or remove its manifest entry")
    other = _other_document(path, data)
    if other:
        raise GmError(shown, f"the file is {other}, which gm-graph does not read", _PDF_FIX if other == "a PDF" else _NOT_READ_FIX)
    if path.suffix.lower() == DOCX_SUFFIX or docx.is_docx(data):
        return _read_docx(data, shown)
    if data.startswith(docx.ZIP_MAGIC):
        raise GmError(shown, "the file is a zip archive, not a Word document or a text file", _NOT_READ_FIX)
    if b"\x00" in data[:8192]:
        raise GmError(shown, "the file looks binary (it holds NUL bytes)", "convert it to UTF-8 text first")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GmError(
            f"{shown}:{line}",
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            "re-save the file as UTF-8, e.g. `iconv -f cp1252 -t utf-8`",
        ) from None
    if path.suffix.lower() in HTML_SUFFIXES or html.looks_like_html(text):
        try:
            return html.markdown_lines(text)
        except Exception as exc:  # html.parser is lenient; never let a page end in a traceback
            raise GmError(shown, f"the HTML could not be read ({type(exc).__name__}: {exc})", "save the page again as HTML, or copy its text into a .md file") from None
    suffix = path.suffix.lower()
    if suffix in markup.ORG_SUFFIXES or (suffix not in markup.RST_SUFFIXES and markup.looks_like_org(text)):
        return markup.org_lines(text)
    if suffix in markup.RST_SUFFIXES:
        return markup.rst_lines(text)
    if pdftext.looks_like_pdf_text(text):
        return pdftext.unwrap(text)
    return text.splitlines()


def _read_docx(data: bytes, shown: str) -> list[str]:
    """The Markdown lines of a Word document, one per paragraph; any problem is one line."""
    try:
        lines = docx.markdown_lines(data)
    except docx.NotWord as exc:
        raise GmError(shown, str(exc), "open it in the word processor and save it again as .docx, or copy its text into a .md file") from None
    except Exception as exc:  # never let a damaged document end in a traceback
        raise GmError(shown, f"the Word document could not be read ({type(exc).__name__}: {exc})", "open it in the word processor and save it again as .docx, or copy its text into a .md file") from None
    if not any(line.strip() for line in lines):
        raise GmError(shown, "the Word document holds no text", "put the list's text in it or remove its manifest entry")
    return lines


def _json_problem(segment: Segment) -> GmError | None:
    """For text that starts like JSON but no layout claimed: what is wrong with it."""
    body = "\n".join(segment.lines)
    if not body.lstrip()[:1] in ("[", "{"):
        return None
    try:
        json.loads(body)
    except ValueError as exc:
        line = segment.start + getattr(exc, "lineno", 1) - 1
        problem = f"the file looks like JSON but does not parse: {getattr(exc, 'msg', str(exc))} (column {getattr(exc, 'colno', '?')})"
        return GmError(f"{segment.file}:{line}", problem, "fix the JSON, e.g. check it with `python -m json.tool FILE`")
    return GmError(
        f"{segment.file}:{segment.start}",
        "the JSON holds no array of objects with a use case / name / title key",
        'give it the shape [{"use_case": "...", "description": "..."}, ...]; see README \'Adding a source\'',
    )


def _yaml_problem(segment: Segment) -> GmError | None:
    """For a ``.yaml`` / ``.yml`` file no layout claimed: where its YAML breaks, or what it lacks."""
    if not segment.file.lower().endswith((".yaml", ".yml")):
        return None
    import yaml

    try:
        yaml.compose("\n".join(segment.lines), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = segment.start + (mark.line if mark else 0)
        return GmError(f"{segment.file}:{line}", f"the YAML does not parse: {exc.problem or exc.context}", "fix the YAML, e.g. check its indentation and quoting")
    except yaml.YAMLError as exc:
        return GmError(segment.file, f"the YAML does not parse: {exc}", "fix the YAML, e.g. check its indentation and quoting")
    return GmError(
        f"{segment.file}:{segment.start}",
        "the YAML holds no list of mappings with a name / title / use case key (at least 3)",
        "give it the shape '- name: ...' / '  description: ...' (nested under categories if you like); see README 'Adding a source'",
    )


def _closest(segment: Segment, scored: list[tuple[float, str]]) -> str:
    """What the most likely layout made of a refused list, so the author sees how near it came."""
    if not scored or scored[0][0] <= 0.0:
        return ""
    score, name = scored[0]
    try:
        found = len(REGISTRY[name].parse(segment).items)
    except Exception:  # a layout that cannot even parse the list tells nothing here
        return ""
    why = "too few items for a list" if found < 3 else "too much of the text around them is not list lines"
    return f": the closest layout, {name}, reads {found} item{'s' if found != 1 else ''} from it ({why}; sure {score:.2f} < {MIN_CONFIDENCE})"


def detect(segment: Segment) -> tuple[Ingester, float]:
    scored = sorted(((ing.detect(segment), name) for name, ing in REGISTRY.items()), reverse=True)
    if not scored or scored[0][0] < MIN_CONFIDENCE:
        json_error = _json_problem(segment) or _yaml_problem(segment)
        if json_error is not None:
            raise json_error
        where = f"{segment.file}:{segment.start}"
        known = ", ".join(sorted(REGISTRY))
        raise GmError(where, f"the layout of this list is not one gm-graph can read{_closest(segment, scored)}", f"reshape it into one of the layouts ({known}), or name the one it nearly is with `gm-graph add-source FILE --layout NAME`; see README 'Adding a source'")
    return REGISTRY[scored[0][1]], scored[0][0]


def read_source(source: Source, root: Path, path: Path | None = None) -> tuple[list[ParseResult], list[tuple[int, str]]]:
    """Parse every list in ``source`` (read from ``path`` if given, else ``source.path``);
    returns the results and the preamble lines outside any list.

    Each list is read with the layout the manifest names for the source, or else the one
    :func:`detect` finds. A named layout that reads no use case from a list is an error.
    """
    path = path or source.path
    lines = read_text(path)
    shown = rel(path, root)
    results: list[ParseResult] = []
    outside: list[tuple[int, str]] = []
    for segment in split_lists(source, lines, shown):
        if not segment.source:
            outside.extend((n, t) for n, t in segment.numbered() if t.strip())
            continue
        ingester = REGISTRY[source.layout] if source.layout else detect(segment)[0]
        result = ingester.parse(segment)
        if source.layout and not result.items:
            raise GmError(
                f"{segment.file}:{segment.start}",
                f"the layout {source.layout} (named for source {source.id}) reads no use case from this list",
                "name another layout, or remove the layout to let gm-graph detect it; see README 'Adding a source'",
            )
        results.append(result)
    return results, outside


def parse_segments(source: Source, path: Path) -> list[ParseResult]:
    """The lists of a file about to be added as ``source``, parsed as a build will read them."""
    return read_source(source, Path.cwd(), path)[0]


# Importing the layout modules registers them.
from gm_graph.ingest import (  # noqa: E402,F401
    article_bullets,
    bare_lines,
    decimal_outline,
    emoji_sections,
    front_matter,
    heading_paragraphs,
    label_paragraphs,
    markdown_bold,
    plain_list,
    roman_outline,
    slide_outline,
    structured,
    table,
)
