"""``gm-graph explain``: why a canonical use case holds the items it holds.

Everything is read from the built graph (``build/graph.trig``) with the queries in
:mod:`gm_graph.queries`: the use case's labels, definition (and the item it came from),
hierarchy, industries and modalities; every member item with the decision that put it
there; and the closest candidates that were *not* merged, with why.

A use case is found by IRI or prefixed name (``gmu:...``; an item's ``gmx:...`` finds the
use case the item is in), by exact preferred or alternative label (any case), or else by
the closest label (rapidfuzz), which the output says was a fuzzy hit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyoxigraph as ox
from rapidfuzz import fuzz, process, utils

from gm_graph import queries as Q
from gm_graph.paths import Paths
from gm_graph.errors import GmError
from gm_graph.namespace import GM, RDF
from gm_graph.project import ensure_built
from gm_graph.query import parse_binding

# The closest label is a fuzzy hit when it scores at least FUZZY_MIN (rapidfuzz WRatio, 0..100)
# and beats the closest label of any other use case by FUZZY_MARGIN: "video" is close to many
# labels and names none of them.
FUZZY_MIN = 88.0
FUZZY_MARGIN = 3.0
CURATION_METHOD = "curation"
FORMATS = ("text", "json")


@dataclass(frozen=True)
class Found:
    usecase: ox.NamedNode
    how: str  # "iri", "item", "prefLabel", "altLabel" or "fuzzy"
    score: float | None = None  # the fuzzy score (0..100), for "fuzzy"
    matched: str = ""  # the label (or item) the text matched


def _is_a(store: ox.Store, node: ox.NamedNode, cls: ox.NamedNode) -> bool:
    return any(True for _ in store.quads_for_pattern(node, RDF.type, cls))


def closest_labels(store: ox.Store, text: str, limit: int = 3) -> list[tuple[str, float, ox.NamedNode]]:
    """The ``limit`` labels closest to ``text``, one per use case: (label, score, use case)."""
    rows = Q.select(store, "usecase-labels.rq")
    choices = [Q.value(r["label"]) for r in rows]
    out: list[tuple[str, float, ox.NamedNode]] = []
    seen: set[ox.NamedNode] = set()
    ranked = process.extract(text, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=None)
    ranked.sort(key=lambda hit: (-hit[1], rows[hit[2]]["kind"].value != "prefLabel", hit[0]))
    for label, score, index in ranked:
        uc = rows[index]["usecase"]
        if uc in seen:
            continue
        seen.add(uc)
        out.append((label, round(score, 1), uc))
        if len(out) == limit:
            break
    return out


def find(store: ox.Store, text: str) -> Found:
    """The canonical use case ``text`` names (IRI, prefixed name, item, label, or closest label)."""
    text = text.strip()
    if not text:
        raise GmError(None, "no text given", "pass a use case label or IRI, e.g. gm-graph explain 'Virtual try-on'")
    _, term = parse_binding(f"x={text}")
    if isinstance(term, ox.NamedNode):
        if _is_a(store, term, GM.UseCase):
            return Found(term, "iri", matched=Q.curie(term))
        if _is_a(store, term, GM.SourceItem):
            rows = Q.select(store, "item-usecase.rq", item=term)
            if rows:
                return Found(rows[0]["usecase"], "item", matched=Q.curie(term))
        raise GmError(None, f"{Q.curie(term)} is neither a canonical use case nor a source item in the graph", "give a gmu: or gmx: name from `gm-graph canonical`, or a label")
    hits = Q.select(store, "explain-find.rq", text=ox.Literal(text))
    by_kind = {}
    for row in hits:
        by_kind.setdefault(row["kind"].value, []).append(row["usecase"])
    for kind in ("prefLabel", "altLabel"):
        found = sorted(set(by_kind.get(kind, [])), key=lambda n: n.value)
        if len(found) == 1:
            return Found(found[0], kind, matched=text)
        if len(found) > 1:
            names = ", ".join(Q.curie(f) for f in found)
            raise GmError(None, f"{text!r} is the {kind} of several use cases ({names})", "give the IRI instead")
    closest = closest_labels(store, text)
    runner_up = closest[1][1] if len(closest) > 1 else 0.0
    if closest and closest[0][1] >= FUZZY_MIN and closest[0][1] - runner_up >= FUZZY_MARGIN:
        label, score, uc = closest[0]
        return Found(uc, "fuzzy", score, label)
    suggestions = "; ".join(f"{label!r} ({Q.curie(uc)})" for label, _, uc in closest)
    raise GmError(None, f"no canonical use case is called {text!r}", f"closest labels: {suggestions}" if suggestions else "run gm-graph build first")


# ------------------------------------------------------------------ the explanation


def _item(node, label, path, line) -> dict:
    return {"item": Q.curie(node), "label": Q.value(label), "file": Q.value(path), "line": Q.value(line)}


def _member(row: dict) -> dict:
    out = _item(row["item"], row["label"], row["path"], row["line"])
    out["verbatim"] = Q.value(row["verbatim"])
    decision = None
    if row["predicate"] is not None:
        method = Q.value(row["method"])
        decision = {
            "predicate": Q.curie(row["predicate"]),
            "score": Q.value(row["score"]),
            "method": method,
            "justification": Q.curie(row["justification"]),
            "status": Q.value(row["status"]),
            "threshold": Q.value(row["threshold"]),
            "parts": Q.parts(row["parts"]),
            "matched_to": None if row["partner"] is None else {"item": Q.curie(row["partner"]), "label": Q.value(row["partnerLabel"]), "line": Q.value(row["partnerLine"])},
        }
        decision["why"] = _why_member(decision)
    out["decision"] = decision
    return out


def _why_member(d: dict) -> str:
    partner = d["matched_to"]
    with_partner = f" with {partner['label']!r} (line {partner['line']})" if partner else ""
    if d["method"] == "singleton":
        return "the only item: no other item matched it"
    if d["method"] == CURATION_METHOD:
        return f"a curator's 'same'{with_partner}"
    threshold = d["threshold"]
    if threshold is None or d["score"] is None:
        return f"merged{with_partner} by {d['method']}"
    if d["score"] >= threshold:
        return f"matched{with_partner} at or above the acceptance threshold {threshold:g}"
    return f"merged{with_partner} at the matcher's best guess, below the acceptance threshold {threshold:g} (a near match, {d['predicate']})"


def _guess(predicate: str, negated: bool, member_is_subject: bool) -> str:
    # ``a skos:broadMatch b``: b's use case is broader than a's.
    if predicate == "skos:broadMatch":
        return "the other use case is broader (skos:broader)" if member_is_subject else "the other use case is narrower (skos:narrower)"
    return "different" if negated else "same"


def _not_merged(row: dict) -> dict:
    predicate = Q.curie(row["predicate"])
    negated = Q.value(row["modifier"]) == "Not"
    method = Q.value(row["method"])
    status = Q.value(row["status"])
    out = {
        "member": {"item": Q.curie(row["member"]), "label": Q.value(row["memberLabel"]), "line": Q.value(row["memberLine"])},
        "other": _item(row["other"], row["otherLabel"], row["otherPath"], row["otherLine"]),
        "other_usecase": {"curie": Q.curie(row["otherUseCase"]), "label": Q.value(row["otherUseCaseLabel"])},
        "predicate": predicate,
        "negated": negated,
        "score": Q.value(row["score"]),
        "method": method,
        "justification": Q.curie(row["justification"]),
        "status": status,
        "threshold": Q.value(row["threshold"]),
        "parts": Q.parts(row["parts"]),
    }
    if method == CURATION_METHOD and negated:
        why = "a curator's 'not the same'"
    elif method == CURATION_METHOD:
        why = f"a curator's decision ({predicate})"
    elif status == "review":
        why = f"queued for review: the matcher's guess is {_guess(predicate, negated, Q.value(row['memberSide']) == 'subject')}"
    elif status == "rejected":
        why = "below the review threshold"
    else:
        why = f"left apart ({status})"
    out["why"] = why
    return out


def explain_usecase(store: ox.Store, usecase: ox.NamedNode, candidates: int = 5) -> dict:
    """Everything the graph records about one canonical use case, as plain data."""
    head = Q.select(store, "explain-usecase.rq", usecase=usecase)
    if not head:
        raise GmError(None, f"{Q.curie(usecase)} is not a canonical use case in the graph", "run gm-graph build, then try again")
    h = head[0]
    related: dict[str, list[dict]] = {"altLabel": [], "broader": [], "narrower": [], "industry": [], "modality": []}
    for row in Q.select(store, "explain-related.rq", usecase=usecase):
        kind = Q.value(row["kind"])
        if kind == "altLabel":
            related[kind].append(Q.value(row["label"]))
        else:
            entry = {"curie": Q.curie(row["other"]), "label": Q.value(row["label"])}
            if kind in ("broader", "narrower"):
                entry["method"] = Q.value(row["method"])
            related[kind].append(entry)
    members = [_member(r) for r in Q.select(store, "explain-members.rq", usecase=usecase)]
    near = [_not_merged(r) for r in Q.select(store, "explain-not-merged.rq", usecase=usecase)]
    near.sort(key=lambda n: (-(n["score"] or 0.0), n["member"]["item"], n["other"]["item"]))
    definition = None
    if h["definition"] is not None:
        definition = {"text": Q.value(h["definition"]), "source": None}
        if h["defItem"] is not None:
            definition["source"] = {"item": Q.curie(h["defItem"]), "file": Q.value(h["defPath"]), "line": Q.value(h["defLine"])}
    return {
        "iri": usecase.value,
        "curie": Q.curie(usecase),
        "label": Q.value(h["label"]),
        "definition": definition,
        "alt_labels": related["altLabel"],
        "broader": related["broader"],
        "narrower": related["narrower"],
        "industries": related["industry"],
        "modalities": related["modality"],
        "members": members,
        "not_merged": near[: max(candidates, 0)],
        "not_merged_total": len(near),
    }


def explain_text(store: ox.Store, text: str, candidates: int = 5) -> dict:
    """Find the use case ``text`` names and explain it, saying how it was found."""
    found = find(store, text)
    data = {"query": text, "found_by": found.how, "fuzzy_score": found.score, "matched": found.matched}
    data.update(explain_usecase(store, found.usecase, candidates))
    return data


def explain(paths: Paths, text: str, fmt: str = "text", candidates: int = 5, log=None) -> str:
    """Find the use case ``text`` names in the built graph and explain it in ``fmt``."""
    store = Q.load_graph(ensure_built(paths, log))
    return RENDERERS[fmt](explain_text(store, text, candidates))


# ------------------------------------------------------------------ rendering


def _fmt_parts(parts: dict[str, float]) -> str:
    return " ".join(f"{k}={v:.3f}" for k, v in parts.items())


def _names(entries: list[dict]) -> str:
    return "; ".join(e["label"] for e in entries) or "-"


def render_text(d: dict) -> str:
    out: list[str] = []
    if d["found_by"] == "fuzzy":
        out.append(f"note: no use case is called {d['query']!r}; showing the closest label {d['matched']!r} (fuzzy score {d['fuzzy_score']:g})")
    elif d["found_by"] == "item":
        out.append(f"note: {d['matched']} is a source item; showing the canonical use case it was merged into")
    elif d["found_by"] == "altLabel":
        out.append(f"note: {d['query']!r} is an alternative label of this use case")
    out.append(f"{d['label']}  ({d['curie']})")
    if d["definition"]:
        out.append(f"  definition:  {d['definition']['text']}")
        src = d["definition"]["source"]
        if src:
            out.append(f"               from {src['file']}:{src['line']} ({src['item']})")
    else:
        out.append("  definition:  -")
    out.append(f"  alt labels:  {'; '.join(d['alt_labels']) or '-'}")
    for kind in ("broader", "narrower"):
        entries = d[kind]
        if not entries:
            out.append(f"  {kind + ':':<12} -")
        for n, e in enumerate(entries):
            how = f"  [{e['method']}]" if e.get("method") else ""
            out.append(f"  {(kind + ':') if n == 0 else '':<12} {e['label']} ({e['curie']}){how}")
    out.append(f"  industries:  {_names(d['industries'])}")
    out.append(f"  modalities:  {_names(d['modalities'])}")
    out.append("")
    out.append(f"{len(d['members'])} item{'s' if len(d['members']) != 1 else ''} merged here:")
    for m in d["members"]:
        out.append(f"  {m['file']}:{m['line']}  {m['label']!r}  ({m['item']})")
        out.append(f"      | {m['verbatim'].strip()}")
        dec = m["decision"]
        if dec is None:
            out.append("      decision: none recorded")
            continue
        thr = f", threshold {dec['threshold']:g}" if dec["threshold"] is not None else ""
        out.append(f"      {dec['predicate']} score {dec['score']:.3f} by {dec['method']} ({dec['justification']}), status {dec['status']}{thr}")
        if dec["parts"]:
            out.append(f"      parts: {_fmt_parts(dec['parts'])}")
        out.append(f"      why: {dec['why']}")
    out.append("")
    shown, total = len(d["not_merged"]), d["not_merged_total"]
    if not total:
        out.append("Closest candidates not merged: none recorded")
    else:
        more = f", {shown} shown" if shown < total else ""
        out.append(f"Closest candidates not merged ({total}{more}):")
    for n in d["not_merged"]:
        o = n["other"]
        out.append(f"  {n['score']:.3f}  {o['label']!r} {o['file']}:{o['line']}  in {n['other_usecase']['label']!r} ({n['other_usecase']['curie']})")
        out.append(f"         vs member {n['member']['label']!r} (line {n['member']['line']}); {n['predicate']}{' Not' if n['negated'] else ''}, status {n['status']}, by {n['method']}")
        if n["parts"]:
            out.append(f"         parts: {_fmt_parts(n['parts'])}")
        out.append(f"         why: {n['why']}")
    return "\n".join(out) + "\n"


def render_json(d: dict) -> str:
    return json.dumps(d, indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"text": render_text, "json": render_json}
