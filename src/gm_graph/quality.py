"""``gm-graph report``: a quality report on the canonical list, in the manner of ROBOT ``report``
and qSKOS.

Each rule is a query in :mod:`gm_graph.queries` or a small function over the built graph,
listed once in :data:`RULES` with its severity. A rule yields ``(subject, detail)`` rows;
the report gathers them as ``(severity, rule, subject, detail)``, prints them as a table,
TSV or JSON, and ends with a count per rule. ``--fail-on`` turns rows of a severity (or
worse) into exit status 1 for CI.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations

import pyoxigraph as ox
from rapidfuzz import fuzz, process, utils

from gm_graph import queries as Q
from gm_graph.paths import Paths
from gm_graph.project import ensure_built

ERROR, WARN, INFO = "ERROR", "WARN", "INFO"
SEVERITIES = (ERROR, WARN, INFO)  # worst first
FAIL_ON = {"error": ERROR, "warn": WARN, "none": None}
FORMATS = ("table", "tsv", "json")

# Preferred labels of two use cases at least this similar (rapidfuzz token_sort_ratio) are
# flagged as near-duplicates left unmerged.
NEAR_DUPLICATE = 90.0


@dataclass
class Context:
    """What the rules read: the built graph and the build's report (build/report.json)."""

    store: ox.Store
    build_report: dict
    _labels: list[dict] | None = field(default=None, repr=False)

    @property
    def labels(self) -> list[dict]:
        if self._labels is None:
            self._labels = Q.select(self.store, "usecase-labels.rq")
        return self._labels

    def pref_labels(self) -> list[tuple[str, str]]:
        """(use case CURIE, preferred label), sorted by CURIE."""
        return sorted((Q.curie(r["usecase"]), Q.value(r["label"])) for r in self.labels if Q.value(r["kind"]) == "prefLabel")


def fold(label: str) -> str:
    """Case and punctuation folded: 'Virtual Try-On' and 'virtual try on' fold alike."""
    text = unicodedata.normalize("NFKC", label).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


# ------------------------------------------------------------------ rules


def single_item(ctx: Context) -> Iterable[tuple[str, str]]:
    for r in Q.select(ctx.store, "quality-single-item.rq"):
        yield Q.curie(r["usecase"]), f"{Q.value(r['label'])!r} rests on one item ({Q.value(r['path'])}:{Q.value(r['line'])})"


def label_clash(ctx: Context) -> Iterable[tuple[str, str]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for uc, label in ctx.pref_labels():
        groups.setdefault(fold(label), []).append((uc, label))
    for folded in sorted(groups):
        for (a, la), (b, lb) in combinations(groups[folded], 2):
            yield a, f"preferred label {la!r} is the preferred label of {b} ({lb!r}) too, after case/punctuation folding"


def pref_is_alt(ctx: Context) -> Iterable[tuple[str, str]]:
    alts: dict[str, list[tuple[str, str]]] = {}
    for r in ctx.labels:
        if Q.value(r["kind"]) == "altLabel":
            alts.setdefault(fold(Q.value(r["label"])), []).append((Q.curie(r["usecase"]), Q.value(r["label"])))
    for uc, label in ctx.pref_labels():
        for other, alt in sorted(alts.get(fold(label), [])):
            if other != uc:
                yield uc, f"preferred label {label!r} is an alternative label of {other} ({alt!r})"


def orphan(ctx: Context) -> Iterable[tuple[str, str]]:
    for r in Q.select(ctx.store, "quality-no-industry.rq"):
        yield Q.curie(r["usecase"]), f"{Q.value(r['label'])!r} has no industry"


def disconnected(ctx: Context) -> Iterable[tuple[str, str]]:
    for r in Q.select(ctx.store, "quality-disconnected.rq"):
        yield Q.curie(r["usecase"]), f"{Q.value(r['label'])!r} has one item and no broader or narrower use case"


def near_duplicates(ctx: Context) -> Iterable[tuple[str, str]]:
    prefs = ctx.pref_labels()
    related = {frozenset((Q.curie(r["a"]), Q.curie(r["b"]))) for r in Q.select(ctx.store, "usecase-links.rq")}
    names = [utils.default_process(label) for _, label in prefs]
    for i, name in enumerate(names):
        later = names[i + 1 :]
        hits = process.extract(name, later, scorer=fuzz.token_sort_ratio, processor=None, score_cutoff=NEAR_DUPLICATE, limit=None)
        for _, score, k in sorted(hits, key=lambda h: h[2]):
            (a, la), (b, lb) = prefs[i], prefs[i + 1 + k]
            if fold(la) == fold(lb) or frozenset((a, b)) in related:
                continue  # a label clash (reported as such), or related on purpose
            yield a, f"{la!r} and {b} ({lb!r}) are near-duplicates left unmerged (token_sort_ratio {score:.0f})"


_WHERE = re.compile(r"^(?P<where>\S+:\d+): (?P<problem>.+)$", re.S)


def stale_curation(ctx: Context) -> Iterable[tuple[str, str]]:
    # "data/curation/mappings.sssom.tsv:14: ..." names the decision's line; the matcher's
    # conflicts ("curated broader ... not applied: ...") name their items in the text.
    for warning in ctx.build_report.get("warnings", []):
        m = _WHERE.match(warning)
        yield (m["where"], m["problem"]) if m else ("curation", warning)


@dataclass(frozen=True)
class Rule:
    severity: str
    description: str
    check: Callable[[Context], Iterable[tuple[str, str]]]


RULES: dict[str, Rule] = {
    "label-clash": Rule(ERROR, "two use cases with the same preferred label (after case/punctuation folding)", label_clash),
    "pref-label-is-alt-label": Rule(WARN, "a preferred label that is another use case's alternative label", pref_is_alt),
    "near-duplicate-labels": Rule(WARN, f"preferred labels with token_sort_ratio >= {NEAR_DUPLICATE:g}, left unmerged", near_duplicates),
    "stale-curation": Rule(WARN, "curation decisions that no longer apply (the build's warnings)", stale_curation),
    "single-item-use-case": Rule(INFO, "use cases supported by one source item only", single_item),
    "orphan-use-case": Rule(INFO, "use cases with no industry", orphan),
    "disconnected-use-case": Rule(INFO, "use cases with one item and no broader/narrower use case", disconnected),
}


@dataclass(frozen=True)
class Row:
    severity: str
    rule: str
    subject: str
    detail: str


def check(ctx: Context) -> list[Row]:
    """Run every rule; rows worst first, then by rule and subject."""
    rows = [Row(rule.severity, name, subject, detail) for name, rule in RULES.items() for subject, detail in rule.check(ctx)]
    rows.sort(key=lambda r: (SEVERITIES.index(r.severity), r.rule, r.subject, r.detail))
    return rows


def counts(rows: list[Row]) -> dict[str, int]:
    out = {name: 0 for name in RULES}
    for r in rows:
        out[r.rule] += 1
    return out


def fails(rows: list[Row], fail_on: str) -> bool:
    """Whether a row is at least as severe as ``fail_on`` ("error", "warn" or "none")."""
    worst = FAIL_ON[fail_on]
    if worst is None:
        return False
    limit = SEVERITIES.index(worst)
    return any(SEVERITIES.index(r.severity) <= limit for r in rows)


# ------------------------------------------------------------------ rendering


def summary(rows: list[Row]) -> str:
    n = counts(rows)
    width = max(len(name) for name in RULES)
    lines = ["summary:"]
    for name, rule in sorted(RULES.items(), key=lambda kv: (SEVERITIES.index(kv[1].severity), kv[0])):
        lines.append(f"  {rule.severity:<5}  {name:<{width}}  {n[name]:>4}")
    by_sev = {s: sum(1 for r in rows if r.severity == s) for s in SEVERITIES}
    lines.append(f"  {len(rows)} rows: {by_sev[ERROR]} errors, {by_sev[WARN]} warnings, {by_sev[INFO]} infos")
    return "\n".join(lines) + "\n"


def render_table(rows: list[Row]) -> str:
    head = ("severity", "rule", "subject", "detail")
    cells = [(r.severity, r.rule, r.subject, r.detail) for r in rows]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(head[:3])]

    def line(c) -> str:
        return "  ".join(x.ljust(w) for x, w in zip(c[:3], widths)) + "  " + c[3]

    out = [line(head), "  ".join("-" * w for w in widths) + "  " + "-" * 6]
    out += [line(c) for c in cells]
    return "\n".join(out) + "\n\n" + summary(rows)


def render_tsv(rows: list[Row]) -> str:
    out = io.StringIO()
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(["severity", "rule", "subject", "detail"])
    for r in rows:
        w.writerow([r.severity, r.rule, r.subject, r.detail])
    return out.getvalue()


def render_json(rows: list[Row]) -> str:
    n = counts(rows)
    data = {
        "rows": [r.__dict__ for r in rows],
        "summary": {name: {"severity": rule.severity, "count": n[name], "description": rule.description} for name, rule in RULES.items()},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"table": render_table, "tsv": render_tsv, "json": render_json}


def report(paths: Paths, fmt: str = "table", fail_on: str = "none", log=None) -> tuple[str, str, int]:
    """Check the built graph: (output text, summary for stderr or "", exit status)."""
    store = Q.load_graph(ensure_built(paths, log))
    build_report = json.loads(paths.report.read_text(encoding="utf-8")) if paths.report.is_file() else {}
    rows = check(Context(store, build_report))
    side = summary(rows) if fmt == "tsv" else ""
    return RENDERERS[fmt](rows), side, 1 if fails(rows, fail_on) else 0
