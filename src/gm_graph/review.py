"""``gm-graph review``: the queue of pairs the matcher decided at a best guess, for a curator.

The queue is read from the built graph: item-item decisions with ``gm:reviewStatus
"review"`` (query ``review-queue.rq``), most informative first — closest to the acceptance
threshold recorded with each decision (``gm:threshold``), then the largest clusters
affected. Each answer becomes one row of the curation file
(``data/curation/mappings.sssom.tsv``, see :mod:`gm_graph.curation`), which the next
``gm-graph build`` applies on top of the matcher:

=========  ==========================================  ===============================
answer     rows written                                meaning
=========  ==========================================  ===============================
same       skos:exactMatch                             left and right are one use case
different  skos:exactMatch + Not                       never merge them
broader    skos:narrowMatch, and skos:exactMatch + Not  left is broader than right
narrower   skos:broadMatch, and skos:exactMatch + Not   left is narrower than right
skip       (nothing)
=========  ==========================================  ===============================

A kind of a use case is not the use case itself, so "broader" and "narrower" also say
"not the same": without it, a hierarchy decision about two items the matcher merged could
not be applied (both would sit in one use case). Subject is always the left item and
object the right one, each with the hash of its text, so a decision that no longer fits
its items is caught at build time.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click
import pyoxigraph as ox

from gm_graph import queries as Q
from gm_graph.curation import append_decisions, read_decisions
from gm_graph.errors import GmError, rel
from gm_graph.paths import Paths
from gm_graph.project import ensure_built
from gm_graph.query import parse_binding

ANSWERS = {
    "s": "same",
    "d": "different",
    "b": "broader",
    "n": "narrower",
    "k": "skip",
    "q": "quit",
}
ANSWERS.update({word: word for word in list(ANSWERS.values())})

# answer -> (predicate_id, predicate_modifier) of each curation row; subject = left item.
ROWS = {
    "same": [("skos:exactMatch", "")],
    "different": [("skos:exactMatch", "Not")],
    # object (right) is narrower than subject (left); and so not the same
    "broader": [("skos:narrowMatch", ""), ("skos:exactMatch", "Not")],
    # object (right) is broader than subject (left); and so not the same
    "narrower": [("skos:broadMatch", ""), ("skos:exactMatch", "Not")],
}
BATCH_ANSWERS = ("same", "different", "broader", "narrower", "skip")
JUSTIFICATION = "semapv:ManualMappingCuration"
PROMPT = "answer: [s]ame  [d]ifferent  [b]roader (left is broader)  [n]arrower  s[k]ip  [q]uit"
FORMATS = ("text", "tsv")
LIST_COLUMNS = [
    "subject_id",
    "object_id",
    "answer",
    "comment",
    "score",
    "threshold",
    "guess",
    "subject_label",
    "subject_where",
    "subject_usecase",
    "object_label",
    "object_where",
    "object_usecase",
    "parts",
]


@dataclass(frozen=True)
class Side:
    """One item of a pair as the graph records it."""

    curie: str
    label: str
    verbatim: str
    file: str
    line: int
    text_hash: str
    usecase: str  # CURIE of the canonical use case it sits in now
    usecase_label: str
    size: int  # items in that use case

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Pair:
    a: Side  # left (the mapping's subject)
    b: Side  # right (the mapping's object)
    predicate: str
    negated: bool
    score: float
    threshold: float | None
    method: str
    parts: dict[str, float]

    @property
    def guess(self) -> str:
        """The matcher's current guess, in the words of the answers."""
        if self.predicate == "skos:broadMatch":
            return "narrower"  # left's use case is narrower than right's
        return "different" if self.negated else "same"

    @property
    def affected(self) -> int:
        """Items in the clusters an answer would touch."""
        return self.a.size if self.a.usecase == self.b.usecase else self.a.size + self.b.size

    @property
    def distance(self) -> float:
        return abs(self.score - self.threshold) if self.threshold is not None else 1.0


GUESS_WORDS = {
    "same": "same (merged at its best guess)",
    "different": "different (kept apart)",
    "narrower": "left is narrower than right (kept apart, use cases linked by skos:broader)",
}


def _side(row: dict, p: str) -> Side:
    return Side(
        curie=Q.curie(row[p]),
        label=Q.value(row[p + "Label"]),
        verbatim=Q.value(row[p + "Verbatim"]),
        file=Q.value(row[p + "Path"]),
        line=Q.value(row[p + "Line"]),
        text_hash=Q.value(row[p + "Hash"]) or "",
        usecase=Q.curie(row[p + "UseCase"]),
        usecase_label=Q.value(row[p + "UseCaseLabel"]),
        size=Q.value(row[p + "Size"]),
    )


def queue(store: ox.Store) -> list[Pair]:
    """The queued pairs, most informative first."""
    pairs = [
        Pair(
            a=_side(row, "a"),
            b=_side(row, "b"),
            predicate=Q.curie(row["predicate"]),
            negated=Q.value(row["modifier"]) == "Not",
            score=Q.value(row["score"]),
            threshold=Q.value(row["threshold"]),
            method=Q.value(row["method"]),
            parts=Q.parts(row["parts"]),
        )
        for row in Q.select(store, "review-queue.rq")
    ]
    pairs.sort(key=lambda p: (p.distance, -p.affected, p.a.curie, p.b.curie))
    return pairs


def decided_pairs(path: Path) -> set[frozenset[str]]:
    """Item pairs the curation file already decides (either way round)."""
    if not path.is_file():
        return set()
    return {frozenset((d.subject, d.obj)) for d in read_decisions(path) if d.predicate != "skos:prefLabel"}


def decision_rows(a: Side, b: Side, answer: str, author: str, comment: str) -> list[dict]:
    """The curation-file rows for ``answer`` about the pair (left ``a``, right ``b``)."""
    return [
        {
            "subject_id": a.curie,
            "subject_label": a.label,
            "predicate_id": predicate,
            "predicate_modifier": modifier,
            "object_id": b.curie,
            "object_label": b.label,
            "mapping_justification": JUSTIFICATION,
            "author_id": author,
            "mapping_date": datetime.date.today().isoformat(),
            "subject_text_hash": a.text_hash,
            "object_text_hash": b.text_hash,
            "comment": comment,
        }
        for predicate, modifier in ROWS[answer]
    ]


# ------------------------------------------------------------------ showing pairs


def _fmt_parts(parts: dict[str, float]) -> str:
    return " ".join(f"{k}={v:.3f}" for k, v in parts.items())


def show(pair: Pair, n: int, total: int) -> str:
    thr = ""
    if pair.threshold is not None:
        side = "below" if pair.score < pair.threshold else "above"
        thr = f" (acceptance threshold {pair.threshold:g}, {abs(pair.score - pair.threshold):.3f} {side})"
    lines = [f"[{n}/{total}] score {pair.score:.3f}{thr}, {pair.affected} items affected"]
    for name, s in (("left ", pair.a), ("right", pair.b)):
        lines.append(f"  {name}  {s.label!r}  {s.where}  ({s.curie})")
        lines.append(f"         | {s.verbatim.strip()}")
        lines.append(f"         now in {s.usecase_label!r} ({s.usecase}, {s.size} item{'s' if s.size != 1 else ''})")
    if pair.parts:
        lines.append(f"  parts: {_fmt_parts(pair.parts)}")
    lines.append(f"  matcher's guess: {GUESS_WORDS[pair.guess]}")
    return "\n".join(lines)


def list_tsv(pairs: list[Pair]) -> str:
    """The queue as TSV with an empty ``answer`` column: fill it in and pass it to ``--batch``."""
    out = io.StringIO()
    w = csv.DictWriter(out, LIST_COLUMNS, delimiter="\t", lineterminator="\n")
    w.writeheader()
    for p in pairs:
        w.writerow(
            {
                "subject_id": p.a.curie,
                "object_id": p.b.curie,
                "answer": "",
                "comment": "",
                "score": f"{p.score:.4f}",
                "threshold": "" if p.threshold is None else f"{p.threshold:g}",
                "guess": p.guess,
                "subject_label": p.a.label,
                "subject_where": p.a.where,
                "subject_usecase": p.a.usecase,
                "object_label": p.b.label,
                "object_where": p.b.where,
                "object_usecase": p.b.usecase,
                "parts": _fmt_parts(p.parts),
            }
        )
    return out.getvalue()


# ------------------------------------------------------------------ answering


def _ask(ask: Callable[[str], str], echo: Callable[[str], None]) -> str:
    while True:
        try:
            raw = ask(PROMPT)
        except (EOFError, click.exceptions.Abort):
            echo("")
            return "quit"
        answer = ANSWERS.get(raw.strip().lower())
        if answer:
            return answer
        echo(f"{raw.strip()!r} is not an answer: type s, d, b, n, k or q")


def _item_side(store: ox.Store, curie: str, where: str) -> Side:
    _, term = parse_binding(f"x={curie}")
    rows = Q.select(store, "source-item.rq", item=term) if isinstance(term, ox.NamedNode) else []
    if not rows:
        raise GmError(where, f"{curie!r} is not a source item of the built graph", "copy item names from `gm-graph review --list --format tsv` (or rebuild)")
    r = rows[0]
    uc = r["usecase"]
    return Side(
        curie=Q.curie(r["item"]),
        label=Q.value(r["label"]),
        verbatim=Q.value(r["verbatim"]),
        file=Q.value(r["path"]),
        line=Q.value(r["line"]),
        text_hash=Q.value(r["hash"]) or "",
        usecase=Q.curie(uc) if uc is not None else "",
        usecase_label=Q.value(r["usecaseLabel"]) or "",
        size=0,
    )


def read_batch(store: ox.Store, path: Path) -> list[tuple[Side, Side, str, str]]:
    """(left, right, answer, comment) for every row of a batch TSV (columns subject_id,
    object_id, answer, and optionally comment: the curator's reason, kept in the curation file)."""
    shown = rel(path)
    if not path.is_file():
        raise GmError(shown, "batch file not found", "pass a TSV file with columns subject_id, object_id, answer")
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(n, line) for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")]
    if not body:
        return []
    header_line = body[0][0]
    reader = csv.DictReader(io.StringIO("\n".join(line for _, line in body)), delimiter="\t")
    missing = [c for c in ("subject_id", "object_id", "answer") if c not in (reader.fieldnames or [])]
    if missing:
        raise GmError(f"{shown}:{header_line}", f"the column header lacks {', '.join(missing)}", "the first line must name the columns subject_id, object_id, answer (tab-separated)")
    out = []
    for (n, _), row in zip(body[1:], reader):
        where = f"{shown}:{n}"
        raw = (row.get("answer") or "").strip().lower()
        answer = ANSWERS.get(raw, raw) if raw else "skip"
        if answer not in BATCH_ANSWERS:
            raise GmError(where, f"unknown answer {raw!r}", f"use one of {', '.join(BATCH_ANSWERS)}")
        left = _item_side(store, (row.get("subject_id") or "").strip(), where)
        right = _item_side(store, (row.get("object_id") or "").strip(), where)
        comment = " ".join((row.get("comment") or "").split())
        out.append((left, right, answer, comment))
    return out


def _author(author: str | None) -> str:
    found = (author or os.environ.get("USER") or "").strip()
    if not found:
        raise GmError("--author", "no author to record with the decisions", "pass --author (an ORCID CURIE such as orcid:0000-0002-1825-0097, or your name)")
    return found


def run(
    paths: Paths,
    *,
    list_only: bool = False,
    batch: Path | None = None,
    limit: int | None = None,
    author: str | None = None,
    fmt: str = "text",
    source: str | None = None,
    ask: Callable[[str], str] | None = None,
    echo: Callable[[str], None] = click.echo,
    log=None,
) -> int:
    """List, answer interactively, or answer from a batch file; return the decisions appended.

    ``source`` keeps only the pairs with an item of that source (a manifest id, or one list of
    a file holding several, such as ``assistant-lists-list-2``): the pairs a newly added list
    brings."""
    store = Q.load_graph(ensure_built(paths, log))
    curation = paths.curation
    shown = rel(curation, paths.root)
    done = decided_pairs(curation)

    if batch is not None:
        who = _author(author)
        rows, answered, already, skipped = [], 0, 0, 0
        for left, right, answer, comment in read_batch(store, Path(batch)):
            if answer == "skip":
                skipped += 1
                continue
            if frozenset((left.curie, right.curie)) in done:
                already += 1
                continue
            done.add(frozenset((left.curie, right.curie)))
            answered += 1
            origin = f"gm-graph review --batch {Path(batch).name}"
            rows.extend(decision_rows(left, right, answer, who, f"{comment} ({origin})" if comment else origin))
        if rows:
            append_decisions(curation, rows)
        echo(f"{_answers(answered, len(rows))} appended to {shown}; {skipped} skipped; {already} already decided there")
        if rows:
            echo("run `gm-graph build` to apply them")
        return answered

    pairs = queue(store)
    if source is not None:
        pairs = [p for p in pairs if _of_source(p.a, source) or _of_source(p.b, source)]
    open_pairs = [p for p in pairs if frozenset((p.a.curie, p.b.curie)) not in done]
    answered_before = len(pairs) - len(open_pairs)
    if limit is not None:
        open_pairs = open_pairs[: max(limit, 0)]
    if list_only:
        if fmt == "tsv":
            echo(list_tsv(open_pairs).rstrip("\n"))
            return 0
        for n, p in enumerate(open_pairs, start=1):
            echo(show(p, n, len(open_pairs)))
            echo("")
        echo(_summary(len(pairs), answered_before, shown))
        return 0

    who = _author(author)
    ask = ask or (lambda text: click.prompt(text, default="", show_default=False))
    echo(_summary(len(pairs), answered_before, shown))
    appended = written = 0
    for n, p in enumerate(open_pairs, start=1):
        echo("")
        echo(show(p, n, len(open_pairs)))
        answer = _ask(ask, echo)
        if answer == "quit":
            break
        if answer == "skip":
            continue
        comment = f"gm-graph review: score {p.score:.4f}, matcher's guess {p.guess}"
        rows = decision_rows(p.a, p.b, answer, who, comment)
        append_decisions(curation, rows)
        appended += 1
        written += len(rows)
        echo(f"  recorded: {answer}")
    echo("")
    if appended:
        echo(f"{_answers(appended, written)} appended to {shown}; run `gm-graph build` to apply them")
    else:
        echo("no decisions recorded")
    return appended


def _of_source(side: Side, source: str) -> bool:
    """Whether an item belongs to ``source``: its IRI is ``gmx:<list id>--...`` and the list id
    is the source's id or one of its lists (``<id>-list-<n>``)."""
    list_id = side.curie.removeprefix("gmx:").split("--", 1)[0]
    return list_id == source or list_id.startswith(f"{source}-list-")


def check_source(paths: Paths, source: str) -> None:
    """Refuse a ``--source`` that names no source of the manifest (nor a list of one)."""
    from gm_graph.manifest import load_manifest

    ids = [s.id for s in load_manifest(paths.manifest)]
    if not any(source == i or (source.startswith(f"{i}-list-") and source[len(i) + 6 :].isdigit()) for i in ids):
        raise GmError("--source", f"no source {source!r} in {rel(paths.manifest, paths.root)}", f"use one of: {', '.join(ids)} (or <id>-list-<n> for one list of a file)")


def _answers(answers: int, rows: int) -> str:
    return f"{answers} answer{'s' if answers != 1 else ''} ({rows} row{'s' if rows != 1 else ''})"


def _summary(total: int, answered: int, shown: str) -> str:
    text = f"{total} pair{'s' if total != 1 else ''} queued for review"
    if answered:
        text += f"; {answered} already answered in {shown} (run `gm-graph build` to apply them)"
    return text
