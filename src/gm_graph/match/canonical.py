"""Stage 6 of the matcher: a canonical use case's preferred label, definition and id.

The preferred label is the clearest short name among the members (issue 3, item 7), not the
first one read. Every member label, and its core without parenthetical qualifiers
("Previsualization" from "Previsualization (Previs)"), is a candidate, rated by:

* **support**: how many source lists word the use case this way (same fingerprint), and, a
  little, how many members use these very words (case, punctuation and plurals folded), so
  "Historical reconstruction(s)", said twice, beats the one "Historical reenactments" that the
  lexicon folds to the same fingerprint;
* **brevity**: up to four words is best, every further word costs;
* **no parentheses, no trailing "for ..."/"from ..." adjunct, no colon**;
* **a name, not a sentence**: not opening with an "-ing" verb over four or more words, not
  ending in a period, not over eight words;
* **title-like**: starts with a capital letter; not only weak words.

Ties go to the shorter label, then to the one read first (``members`` come in reading order:
manifest order, then line), so a source list added later does not rename a use case, and so
its IRI, on a tie; the choice is reproducible. The
definition is the best member description (a sentence of useful length beats a list of nouns),
with the item it came from; a long sentence label serves when no member has a description.
"""

from __future__ import annotations

import re
import unicodedata

from gm_graph.match.normalise import Normaliser, clean, split_qualifiers, words
from gm_graph.model import Item, digest

_SLUG_MAX = 60


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "360° Product Video" -> "360-product-video"."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    if len(t) > _SLUG_MAX:
        t = t[:_SLUG_MAX].rsplit("-", 1)[0]
    return t or "use-case"


def _is_sentence(text: str) -> bool:
    ws = text.split()
    return (
        text.rstrip().endswith(".")
        or len(ws) > 8
        or (len(ws) >= 4 and ws[0].casefold().endswith("ing"))
    )


def label_quality(text: str, support: int, normaliser: Normaliser, wording: int = 1) -> float:
    """Higher is a clearer preferred label (see the module docstring); ``support`` counts the
    source lists with this fingerprint, ``wording`` the members with these very words."""
    n = normaliser.label(text)
    ws = text.split()
    score = 0.3 * (support - 1) + 0.1 * (wording - 1)
    score -= 0.15 * max(0, len(ws) - 4)
    if "(" in text:
        score -= 0.5
    if n.adjunct:
        score -= 0.2
    if ":" in text or ";" in text:
        score -= 0.3
    if _is_sentence(text):
        score -= 1.0
    if text[:1] and not text[:1].isupper() and not text[:1].isdigit():
        score -= 0.1
    if n.tokens and all(normaliser.lexicon.is_weak(t) for t in n.tokens):
        score -= 0.2
    return score


def choose_label(members: list[Item], normaliser: Normaliser) -> str:
    """The clearest short name among ``members`` (see the module docstring)."""
    sources_by_key: dict[str, set[str]] = {}
    said_by: dict[tuple[str, ...], set[int]] = {}  # folded words -> members saying them
    candidates: dict[str, str] = {}  # text -> fingerprint
    first_read: dict[str, int] = {}  # text -> position of the first member giving it
    for k, it in enumerate(members):
        text = clean(it.label).rstrip(".")
        core, _ = split_qualifiers(text)
        for cand in {text, core}:
            if cand:
                key = normaliser.label(cand).key
                candidates[cand] = key
                first_read.setdefault(cand, k)
                sources_by_key.setdefault(key, set()).add(it.source)
                said_by.setdefault(tuple(words(cand)), set()).add(k)

    def quality(c: str) -> float:
        return label_quality(c, len(sources_by_key[candidates[c]]), normaliser, len(said_by[tuple(words(c))]))

    rated = sorted(candidates, key=lambda c: (-quality(c), len(c), first_read[c], c))
    return rated[0]


def _definition_quality(text: str) -> float:
    ws = text.split()
    listy = len(ws) <= 6 and ("," in text or len(ws) <= 3)
    return min(len(ws), 25) - max(0, len(ws) - 40) - (20 if listy else 0)


def choose_definition(members: list[Item], pref_label: str) -> tuple[str, Item | None]:
    """The best description among ``members`` and the item it came from."""
    best: tuple[float, int, str, Item | None] = (float("-inf"), 0, "", None)
    pref_core = split_qualifiers(pref_label)[0].casefold()
    for order, it in enumerate(members):
        if it.description.strip():
            text = clean(it.description)
            q = _definition_quality(text) + (3 if split_qualifiers(clean(it.label))[0].casefold() == pref_core else 0)
        elif len(it.label.split()) >= 7:
            text = clean(it.label)
            q = _definition_quality(text) - 5
        else:
            continue
        if (q, -order) > (best[0], -best[1]):
            best = (q, order, text, it)
    return best[2], best[3]


def assign_ids(labels_and_members: list[tuple[str, list[Item]]]) -> list[str]:
    """A slug id per cluster; when slugs collide, all but the largest cluster get a digest suffix."""
    slugs = [slug(lab) for lab, _ in labels_and_members]
    groups: dict[str, list[int]] = {}
    for i, s in enumerate(slugs):
        groups.setdefault(s, []).append(i)
    ids = list(slugs)
    for s, idx in groups.items():
        if len(idx) < 2:
            continue
        member_keys = {i: sorted(m.key for m in labels_and_members[i][1]) for i in idx}
        keeper = min(idx, key=lambda i: (-len(member_keys[i]), member_keys[i]))
        for i in idx:
            if i != keeper:
                ids[i] = f"{s}-{digest(*member_keys[i], length=6)}"
    return ids
