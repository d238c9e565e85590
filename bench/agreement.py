"""How far two judges who read the same pairs agree: the ceiling a matcher can be held to.

    .venv/bin/python bench/agreement.py

``tests/data/agreement/second-judge.tsv`` holds 170 pairs drawn at random (seed 20261207) from
the never-tuned unseen and unseen2 pair files, judged a second time by a helper session that
read the judging guide (tests/data/alignment/README.md) and the two items in their sources,
and saw neither the first judgement, nor any code, nor any output of gm-graph. This script
joins each row to the first judgement (by the two items' source and line) and prints:

* the confusion of the two judges' relations (same / broader / narrower / different; the
  second judge could also say "ambiguous");
* exact agreement and Cohen's kappa over the pairs both judged;
* the second judge's precision and recall on "same" against the first, the measure the issue
  sets the matcher's target in (P >= 0.95, R >= 0.90), and the matcher's on the same pairs.

Nothing here runs in the test suite; ``tests/test_alignment_set.py`` checks the file's rows.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECOND = ROOT / "tests" / "data" / "agreement" / "second-judge.tsv"
FIRST = (ROOT / "tests" / "data" / "unseen" / "pairs-unseen.tsv", ROOT / "tests" / "data" / "unseen2" / "pairs-unseen2.tsv")
RELATIONS = ("same", "broader", "narrower", "different")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _key(row: dict) -> tuple[str, int, str, int]:
    return row["left_source"], int(row["left_line"]), row["right_source"], int(row["right_line"])


def joined() -> list[tuple[str, str, str]]:
    """``(split, first judge's relation, second judge's relation)`` for every second-judge row."""
    first = {_key(r): r["relation"] for path in FIRST for r in _rows(path)}
    out = []
    for row in _rows(SECOND):
        relation = first.get(_key(row))
        if relation is None:
            raise SystemExit(f"{SECOND.name}: no first judgement for {row['left_source']}:{row['left_line']} / {row['right_source']}:{row['right_line']}")
        out.append((row["split"], relation, row["relation"]))
    return out


def matcher_on_the_same_pairs() -> None:
    """The matcher alone (no curation) on the very pairs, against the first judge, run on the
    seeds plus each set's lists as bench/matching.py runs it."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from matching import Matcher, load_items

    first = {_key(r): r["relation"] for path in FIRST for r in _rows(path)}
    second = _rows(SECOND)
    tp = fp = fn = 0
    for split in sorted({r["split"] for r in second}):
        items = load_items(unseen=split)
        where: dict[tuple[str, int], int] = {}
        for i, it in enumerate(items):
            for line in (it.line, *it.also_lines):
                where.setdefault((it.source, line), i)
        m = Matcher(items)
        for row in (r for r in second if r["split"] == split):
            predicted = m.same(where[(row["left_source"], int(row["left_line"]))], where[(row["right_source"], int(row["right_line"]))])
            actual = first[_key(row)] == "same"
            tp += predicted and actual
            fp += predicted and not actual
            fn += actual and not predicted
    p, r = tp / (tp + fp), tp / (tp + fn)
    print(f"the matcher alone on the same pairs vs the first,  P {p:.3f}  R {r:.3f}  F1 {2 * p * r / (p + r):.3f}   (tp {tp}, fp {fp}, fn {fn})")


def main() -> None:
    pairs = joined()
    confusion = Counter((a, b) for _, a, b in pairs)
    print(f"{len(pairs)} pairs judged twice ({', '.join(f'{s} {n}' for s, n in sorted(Counter(s for s, _, _ in pairs).items()))})\n")
    print("first \\ second  " + "".join(f"{r:>11}" for r in (*RELATIONS, "ambiguous")))
    for a in RELATIONS:
        print(f"{a:<15} " + "".join(f"{confusion[(a, b)]:>11}" for b in (*RELATIONS, "ambiguous")))
    both = [(a, b) for _, a, b in pairs if b != "ambiguous"]
    observed = sum(a == b for a, b in both) / len(both)
    first, second = Counter(a for a, _ in both), Counter(b for _, b in both)
    expected = sum(first[r] * second[r] for r in RELATIONS) / len(both) ** 2
    kappa = (observed - expected) / (1 - expected)
    print(f"\nexact agreement {observed:.3f} over {len(both)} pairs both judged; Cohen's kappa {kappa:.3f}")
    for split in (None, *sorted({s for s, _, _ in pairs})):
        part = [(a, b) for s, a, b in pairs if split is None or s == split]
        tp = sum(a == "same" and b == "same" for a, b in part)
        fp = sum(a != "same" and b == "same" for a, b in part)
        fn = sum(a == "same" and b != "same" for a, b in part)
        p, r = tp / (tp + fp), tp / (tp + fn)
        print(f"second judge on 'same' vs the first, {split or 'all':<8} P {p:.3f}  R {r:.3f}  F1 {2 * p * r / (p + r):.3f}   (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main()
    matcher_on_the_same_pairs()
