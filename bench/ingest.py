"""Measure the ingesters: which use cases gm-graph reads from documents that have an answer key.

    .venv/bin/python bench/ingest.py                        # every tests/data/unseen*/ folder with keys
    .venv/bin/python bench/ingest.py tests/data/unseen4 -v  # one folder, with every miss listed

A folder holds documents and, for each, ``<document>.items.tsv`` (columns ``line``, ``label``,
``parent``): the use cases a careful reader lists, each at the line of the file where its name
stands, written by someone who saw no code (tests/data/unseen3/README.md). Each document is
read as a build reads a source (layout detected, file rendered as HTML / Word / org / rst /
PDF text where it is one) and its items compared with the key by line:

* an item at a line the key names is a hit; its label is compared case-insensitively and a
  different label is counted apart ("label differs"); an item one or two lines above a key
  line, with that line's label, is a hit too (an HTML table row stands on its ``<tr>`` line,
  a reader names the line of its first cell);
* an item at a line the key does not name is a false item (headings, metadata, notes read as
  use cases); a key line with no item is a missed one;
* a document gm-graph refuses counts all its key lines as missed.

Precision and recall are printed per document and over all of them. Nothing here runs in the
test suite; tests/test_ingest_unseen3.py pins the unseen3 documents item by item.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from gm_graph.errors import GmError  # noqa: E402
from gm_graph.ingest import read_source  # noqa: E402
from gm_graph.manifest import MEDIA_TYPES, Source  # noqa: E402


def key(path: Path) -> dict[int, str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {int(r["line"]): r["label"].strip() for r in csv.DictReader(fh, delimiter="\t")}


def measure(document: Path, verbose: bool) -> tuple[int, int, int, int]:
    """``(hits, false items, missed, labels that differ)`` for one document."""
    expected = key(document.with_name(document.name + ".items.tsv"))
    source = Source(document.stem, document.resolve(), document.name, document.stem, MEDIA_TYPES.get(document.suffix, "text/plain"), "test", "0" * 64)
    try:
        results, _ = read_source(source, document.parent)
    except GmError as exc:
        print(f"  {document.name:<28} refused: {exc.message}")
        return 0, 0, len(expected), 0
    got = {it.line: it.label for r in results for it in r.items}
    # An item read a line or two above its key line with the key's label is a hit: an HTML
    # table row is on the line of its <tr>, the key names the line of its first cell.
    for n, label in list(got.items()):
        near = next((m for m in (n + 1, n + 2) if m in expected and m not in got and expected[m].casefold() == label.casefold()), None)
        if n not in expected and near is not None:
            got[near] = got.pop(n)
    layouts = ", ".join(sorted({r.layout for r in results}))
    hits = [n for n in expected if n in got]
    false = sorted(n for n in got if n not in expected)
    missed = sorted(n for n in expected if n not in got)
    differ = sorted(n for n in hits if got[n].casefold() != expected[n].casefold())
    print(f"  {document.name:<28} {layouts:<18} key {len(expected):>3}  read {len(got):>3}  hits {len(hits):>3}  false {len(false):>3}  missed {len(missed):>3}  label differs {len(differ):>2}")
    if verbose:
        for n in false:
            print(f"      false   {n:>4}  {got[n]!r}")
        for n in missed:
            print(f"      missed  {n:>4}  {expected[n]!r}")
        for n in differ:
            print(f"      label   {n:>4}  {got[n]!r}  (key: {expected[n]!r})")
    return len(hits), len(false), len(missed), len(differ)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders of documents with .items.tsv keys (default: every tests/data/unseen*/ that has keys)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every false, missed and relabelled item")
    args = parser.parse_args(argv)
    folders = args.folders or sorted(p for p in (ROOT / "tests" / "data").glob("unseen*") if any(p.glob("*.items.tsv")))
    total = [0, 0, 0, 0]
    for folder in folders:
        documents = sorted(p.with_name(p.name.removesuffix(".items.tsv")) for p in folder.glob("*.items.tsv"))
        if not documents:
            print(f"{folder}: no .items.tsv answer keys", file=sys.stderr)
            return 2
        folder = folder.resolve()
        print(folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder)
        sums = [0, 0, 0, 0]
        for document in documents:
            for k, v in enumerate(measure(document, args.verbose)):
                sums[k] += v
        hits, false, missed, differ = sums
        print(f"  all: P {hits / max(1, hits + false):.3f}  R {hits / max(1, hits + missed):.3f}   (hits {hits}, false {false}, missed {missed}, label differs {differ})\n")
        total = [a + b for a, b in zip(total, sums)]
    if len(folders) > 1:
        hits, false, missed, differ = total
        print(f"every folder: P {hits / max(1, hits + false):.3f}  R {hits / max(1, hits + missed):.3f}   (hits {hits}, false {false}, missed {missed}, label differs {differ})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
