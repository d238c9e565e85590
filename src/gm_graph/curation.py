"""Curator decisions kept in ``data/curation/mappings.sssom.tsv`` and applied on every build.

The file is SSSOM TSV: a YAML header in ``#`` lines, then one decision per row.

=================  ==========================  =======================================
predicate_id       predicate_modifier          meaning
=================  ==========================  =======================================
skos:exactMatch                                subject and object are the same use case
skos:exactMatch    Not                         they are not the same (never merged)
skos:broadMatch                                object is broader than subject
skos:narrowMatch                               object is narrower than subject
skos:prefLabel                                 object_label is the preferred label of the
                                               canonical use case the subject is in
=================  ==========================  =======================================

Items are named by their IRI (``gmx:...``, stable across rebuilds) plus ``subject_text_hash``
/ ``object_text_hash``, the hash of the item's text when the decision was made. When an
item is gone or its text changed, the decision is not applied silently: the build warns,
and ``--strict`` turns that into an error.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from gm_graph.errors import GmError, rel
from gm_graph.model import Item

COLUMNS = [
    "subject_id",
    "subject_label",
    "predicate_id",
    "predicate_modifier",
    "object_id",
    "object_label",
    "mapping_justification",
    "author_id",
    "mapping_date",
    "subject_text_hash",
    "object_text_hash",
    "comment",
]

PREDICATES = {"skos:exactMatch", "skos:broadMatch", "skos:narrowMatch", "skos:prefLabel"}

HEADER = {
    "curie_map": {
        "gmx": "https://w3id.org/gm-graph/id/item/",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "semapv": "https://w3id.org/semapv/vocab/",
        "orcid": "https://orcid.org/",
        "gm": "https://w3id.org/gm-graph/ontology#",
    },
    "mapping_set_id": "https://w3id.org/gm-graph/curation/mappings.sssom.tsv",
    "mapping_set_description": "Curator decisions on gm-graph merges; applied on top of the matcher at every build.",
    "license": "https://creativecommons.org/publicdomain/zero/1.0/",
    "extension_definitions": [
        {"slot_name": "subject_text_hash", "property": "gm:textHash", "type_hint": "xsd:string"},
        {"slot_name": "object_text_hash", "property": "gm:textHash", "type_hint": "xsd:string"},
    ],
}


@dataclass
class Decision:
    line: int
    subject: str
    predicate: str
    obj: str
    negated: bool
    label: str = ""
    subject_hash: str = ""
    object_hash: str = ""
    author: str = ""
    comment: str = ""


@dataclass
class Curation:
    """Decisions resolved to items, ready for the matcher."""

    same: list[tuple[Item, Item, Decision]] = field(default_factory=list)
    different: list[tuple[Item, Item, Decision]] = field(default_factory=list)
    broader: list[tuple[Item, Item, Decision]] = field(default_factory=list)  # (narrow, broad)
    labels: list[tuple[Item, str, Decision]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.same) + len(self.different) + len(self.broader) + len(self.labels)


def item_curie(item: Item) -> str:
    from gm_graph.graph import item_iri

    return "gmx:" + item_iri(item).value.rsplit("/", 1)[-1]


def read_decisions(path: Path) -> list[Decision]:
    """Parse the SSSOM TSV; a malformed row is an error naming its line."""
    shown = rel(path)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    body_start = 0
    while body_start < len(lines) and lines[body_start].startswith("#"):
        body_start += 1
    header_text = "\n".join(line[1:] for line in lines[:body_start])
    try:
        yaml.safe_load(header_text or "{}")
    except yaml.YAMLError as exc:
        raise GmError(shown, f"the YAML header is malformed: {str(exc).splitlines()[0]}", "fix the '#' header lines") from None
    reader = csv.DictReader(io.StringIO("\n".join(lines[body_start:])), delimiter="\t")
    missing = [c for c in ("subject_id", "predicate_id", "object_id") if c not in (reader.fieldnames or [])]
    if missing:
        raise GmError(f"{shown}:{body_start + 1}", f"the column header lacks {', '.join(missing)}", "the first non-# line must name the SSSOM columns")
    out = []
    for n, row in enumerate(reader, start=body_start + 2):
        pred = (row.get("predicate_id") or "").strip()
        if not pred and not any((v or "").strip() for v in row.values()):
            continue
        if pred not in PREDICATES:
            raise GmError(f"{shown}:{n}", f"unknown predicate_id {pred!r}", f"use one of {', '.join(sorted(PREDICATES))}")
        modifier = (row.get("predicate_modifier") or "").strip()
        if modifier not in ("", "Not"):
            raise GmError(f"{shown}:{n}", f"unknown predicate_modifier {modifier!r}", "leave it empty or write Not")
        d = Decision(
            line=n,
            subject=(row.get("subject_id") or "").strip(),
            predicate=pred,
            obj=(row.get("object_id") or "").strip(),
            negated=modifier == "Not",
            label=(row.get("object_label") or "").strip(),
            subject_hash=(row.get("subject_text_hash") or "").strip(),
            object_hash=(row.get("object_text_hash") or "").strip(),
            author=(row.get("author_id") or "").strip(),
            comment=(row.get("comment") or "").strip(),
        )
        if not d.subject or (pred != "skos:prefLabel" and not d.obj) or (pred == "skos:prefLabel" and not d.label):
            raise GmError(f"{shown}:{n}", "the row lacks its subject, object or label", "fill subject_id and object_id (object_label for skos:prefLabel)")
        out.append(d)
    return out


def resolve(decisions: list[Decision], items: list[Item], shown: str) -> tuple[Curation, list[str]]:
    """Match decisions to today's items; collect a warning for every decision that no longer fits."""
    by_curie = {item_curie(i): i for i in items}
    cur = Curation()
    warnings: list[str] = []
    for d in decisions:
        subj = by_curie.get(d.subject)
        obj = by_curie.get(d.obj) if d.predicate != "skos:prefLabel" else None
        where = f"{shown}:{d.line}"
        if subj is None or (d.predicate != "skos:prefLabel" and obj is None):
            gone = d.subject if subj is None else d.obj
            warnings.append(f"{where}: {gone} is no longer in the sources; decision not applied")
            continue
        stale = [(x, h) for x, h in ((subj, d.subject_hash), (obj, d.object_hash)) if x is not None and h and h != x.text_hash]
        if stale:
            item = stale[0][0]
            warnings.append(f"{where}: the text of {item_curie(item)} ({item.source}:{item.line}) changed since this decision; decision not applied")
            continue
        if d.predicate == "skos:prefLabel":
            cur.labels.append((subj, d.label, d))
        elif d.predicate == "skos:exactMatch":
            (cur.different if d.negated else cur.same).append((subj, obj, d))
        elif d.negated:
            warnings.append(f"{where}: a negated {d.predicate} is recorded but has no effect on merging")
        elif d.predicate == "skos:broadMatch":
            cur.broader.append((subj, obj, d))
        else:
            cur.broader.append((obj, subj, d))
    return cur, warnings


def load_curation(path: Path, items: list[Item], *, strict: bool = False, root: Path | None = None):
    """Read the curation file (if any) and turn it into matcher constraints plus warnings."""
    if not path.is_file():
        return None, []
    shown = rel(path, root)
    cur, warnings = resolve(read_decisions(path), items, shown)
    if strict and warnings:
        first = warnings[0]
        raise GmError(first.split(": ", 1)[0], first.split(": ", 1)[1], "update or delete the decision (or build without --strict)")
    return constraints_from_curation(cur), warnings


def append_decisions(path: Path, rows: list[dict]) -> None:
    """Append rows to the curation file, creating it with its SSSOM header when new."""
    from gm_graph.fsutil import atomic_write

    if path.is_file():
        existing = path.read_text(encoding="utf-8")
        if not existing.endswith("\n"):
            existing += "\n"
    else:
        header = yaml.safe_dump(HEADER, sort_keys=False, allow_unicode=True)
        existing = "".join(f"#{line}\n" for line in header.splitlines()) + "\t".join(COLUMNS) + "\n"
    body = io.StringIO()
    w = csv.DictWriter(body, COLUMNS, delimiter="\t", lineterminator="\n", extrasaction="ignore")
    for row in rows:
        w.writerow({c: row.get(c, "") for c in COLUMNS})
    atomic_write(path, existing + body.getvalue())


def constraints_from_curation(cur: Curation):
    """The matcher's view of the curation: item-key pairs and preferred labels."""
    from gm_graph.match import Constraints

    return Constraints(
        must_link=[(a.key, b.key) for a, b, _ in cur.same],
        cannot_link=[(a.key, b.key) for a, b, _ in cur.different],
        broader=[(narrow.key, broad.key) for narrow, broad, _ in cur.broader],
        preferred_labels={item.key: label for item, label, _ in cur.labels},
    )
