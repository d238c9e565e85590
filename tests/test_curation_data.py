"""The shipped curation file (data/curation/mappings.sssom.tsv) applies cleanly to the real
sources and agrees with the hand-judged alignment sets.

Both are human judgements of the same items, made apart: the curation file answers the
review queue, the alignment files measure the matcher. Where both judge one pair they must
say the same thing, or one of them is wrong; and every curated decision must still fit its
items (an edited source would make it stale, and the build would silently drop it).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from gm_graph.curation import load_curation, read_decisions, resolve
from gm_graph.match import match_items

ROOT = Path(__file__).resolve().parents[1]
CURATION = ROOT / "data" / "curation" / "mappings.sssom.tsv"
ALIGNMENT = ROOT / "tests" / "data" / "alignment"


@pytest.fixture(scope="module")
def real_items(parsed):
    return [it for result in parsed.values() for it in result.items]


@pytest.fixture(scope="module")
def curated(real_items):
    cur, warnings = resolve(read_decisions(CURATION), real_items, "mappings.sssom.tsv")
    return cur, warnings


def test_every_curated_decision_fits_todays_sources(curated):
    cur, warnings = curated
    assert warnings == []
    assert len(cur.same) >= 60 and len(cur.different) >= 380 and len(cur.broader) >= 100


def test_the_build_applies_every_curated_decision_without_conflict(real_items):
    constraints, _ = load_curation(CURATION, real_items)
    result = match_items(real_items, constraints=constraints)
    assert result.conflicts == []
    cluster = {link.item.key: link.cluster_id for link in result.links}
    for a, b in constraints.must_link:
        assert cluster[a] == cluster[b]
    for a, b in constraints.cannot_link:
        assert cluster[a] != cluster[b]


def _judged(real_items) -> dict[frozenset, tuple[str, tuple, str]]:
    """Judged pairs by item keys: relation as seen from the left item, and where it is judged."""
    by_line = {}
    for it in real_items:
        for line in (it.line, *it.also_lines):
            by_line.setdefault((it.source, line), it)
    out = {}
    for path in sorted(ALIGNMENT.glob("pairs*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
                left = by_line[(row["left_source"], int(row["left_line"]))]
                right = by_line[(row["right_source"], int(row["right_line"]))]
                out[frozenset((left.key, right.key))] = (row["relation"], (left.key, right.key), f"{path.name} line {n}")
    return out


def test_curated_decisions_agree_with_the_judged_pairs(curated, real_items):
    cur, _ = curated
    judged = _judged(real_items)
    curated_rel: dict[frozenset, tuple[str, tuple]] = {}
    for a, b, _ in cur.same:
        curated_rel[frozenset((a.key, b.key))] = ("same", (a.key, b.key))
    for a, b, _ in cur.different:
        curated_rel.setdefault(frozenset((a.key, b.key)), ("different", (a.key, b.key)))
    for narrow, broad, _ in cur.broader:  # a hierarchy decision also writes "not the same"
        curated_rel[frozenset((narrow.key, broad.key))] = ("narrower", (narrow.key, broad.key))
    flip = {"broader": "narrower", "narrower": "broader"}
    both = 0
    for pair, (relation, (left, _), where) in judged.items():
        if pair not in curated_rel:
            continue
        both += 1
        mine, (subject, _) = curated_rel[pair]
        if subject != left:
            mine = flip.get(mine, mine)
        assert mine == relation, f"{where}: judged {relation}, curated {mine}"
    assert both >= 150  # the two sets overlap enough for this to mean something


def test_curation_and_judged_pairs_together_do_not_contradict_each_other(curated, real_items):
    """'same' over both sets joins items into groups; no other decision may fall inside one
    group, and the broader decisions between groups have no cycle. (A broader decision also
    writes "not the same" for its pair, so different + broader on one pair is expected.)"""
    cur, _ = curated
    judged = _judged(real_items)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sames = [(a.key, b.key, f"curation line {d.line}") for a, b, d in cur.same]
    sames += [(l, r, where) for relation, (l, r), where in judged.values() if relation == "same"]
    for a, b, _ in sames:
        parent[find(a)] = find(b)
    others = [(a.key, b.key, "different", f"curation line {d.line}") for a, b, d in cur.different]
    others += [(n.key, b.key, "narrower", f"curation line {d.line}") for n, b, d in cur.broader]
    others += [(l, r, relation, where) for relation, (l, r), where in judged.values() if relation != "same"]
    up: dict[str, set[str]] = {}
    for a, b, relation, where in others:
        assert find(a) != find(b), f"{where}: {relation}, but 'same' decisions join the two items"
        if relation == "narrower":
            up.setdefault(find(a), set()).add(find(b))
        elif relation == "broader":
            up.setdefault(find(b), set()).add(find(a))
    for start in up:
        seen, stack = set(), [start]
        while stack:
            for nxt in up.get(stack.pop(), ()):
                assert nxt != start, "the broader decisions close a cycle"
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
