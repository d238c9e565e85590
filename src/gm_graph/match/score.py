"""Stage 3 of the matcher: a similarity score for a pair of items, with its parts.

Each item is prepared once (:class:`Prepared`): its normalised label, the words of its
description, and its context (section headings and the group it is nested under). Words are
weighed by their inverse document frequency over the items being matched, so a word most
items share ("generation") counts little; weak words (``data/stopwords.tsv``), adjunct words
("... for scenes") and qualifier words weigh less again (factors in :mod:`.config`).

The score is a weighted mean of these parts, each in 0..1 (weights in :mod:`.config`):

``label``        IDF-weighted Jaccard overlap of the two labels' words (for an "A & B" name,
                 also of each part, times ``conjunct_factor``; the best counts)
``containment``  IDF-weighted share of the smaller label that the other label holds, raised to
                 ``containment_power`` (so a partial overlap counts much less than a full one)
``head``         1 when one label's head word (its last informative word before any
                 preposition: "Virtual *tours*") is in the other label, else 0
``fuzzy``        rapidfuzz ``token_sort_ratio`` of the normalised labels
``description``  IDF-weighted share of the shorter label + description said by the other
                 (when either has a description)
``qualifier``    1 when a parenthetical qualifier of one is said by the other, 0 when a
                 qualifier is not found there (only when either has one)
``context``      overlap of the section headings and parent group (weak evidence)

A part that does not apply (no description, no qualifier, no headings on either side) takes
the value of ``label``, so it neither helps nor hurts. :meth:`Scorer.score` returns the score
and the parts, so every decision can be explained.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from gm_graph.match.config import MatchConfig
from gm_graph.match.lexicon import Lexicon
from gm_graph.match.normalise import Normalised, Normaliser
from gm_graph.model import Item


PART_NAMES = ("label", "containment", "head", "fuzzy", "cross", "description", "qualifier", "context")


@dataclass(slots=True)
class Prepared:
    """One item as the scorer and blocker see it."""

    index: int
    item: Item
    label: Normalised
    weights: dict[str, float]  # label token -> weight (IDF x weak/adjunct/qualifier/context factors)
    total: float  # sum of weights
    strong: tuple[str, ...]  # distinct informative (not weak) label tokens, rarest first
    text: dict[str, float]  # label + description token -> weight
    text_total: float
    has_description: bool
    context: frozenset[str]  # informative tokens of the headings and the parent group's label
    fuzzy: str  # normalised label for rapidfuzz
    source: str
    head: str  # the head word: last informative token before any preposition
    related: dict[str, str]  # near-synonym class -> the label token of that class (heaviest)
    text_related: frozenset[str]  # near-synonym classes of the label + description tokens
    desc: dict[str, float]  # description token -> weight (empty without a description)
    desc_norm: float  # Euclidean norm of ``desc``
    section: tuple[str, ...]  # the heading texts, outermost first (same section = same list part)
    heading_tokens: frozenset[str]  # tokens of the headings only (where the item applies)
    desc_keys: tuple[str, ...]  # informative description tokens not in the label, rarest first


def weighted_jaccard(a: dict[str, float], b: dict[str, float], total_a: float, total_b: float) -> tuple[float, float]:
    """``(shared, union)`` weight of two weighted word sets: the sum of the smaller weight of
    each common word, and the sum of the larger weight of every word on either side."""
    if len(a) > len(b):
        a, b = b, a
    shared = 0.0
    for t, wa in a.items():
        wb = b.get(t)
        if wb is not None:
            shared += wa if wa < wb else wb
    return shared, total_a + total_b - shared


def head_word(lab: Normalised, lexicon: Lexicon) -> str:
    """The head of a label: its last informative word before any preposition.

    English compounds put the kind last: "Hair color *try-on*", "Virtual *tours*".
    """
    tokens = [t for t in lab.tokens if t not in lab.adjunct]
    strong = [t for t in tokens if not lexicon.is_weak(t)]
    return (strong or tokens or [""])[-1]


class Scorer:
    """Prepares the items of one matching run and scores pairs of them."""

    def __init__(self, items: list[Item], normaliser: Normaliser, lexicon: Lexicon, config: MatchConfig) -> None:
        self.config = config
        self.lexicon = lexicon
        self.normaliser = normaliser
        labels = [normaliser.label(it.label) for it in items]
        descs = [normaliser.text(it.description) if it.description else () for it in items]
        df: Counter[str] = Counter()
        for lab, desc in zip(labels, descs):
            df.update(set(lab.tokens) | lab.qualifier_tokens | set(desc))
        n = max(len(items), 1)
        self.df = df
        self.n = n
        self._idf = {t: math.log(1.0 + n / c) for t, c in df.items()}
        self.items = [self._prepare(i, it, lab, desc) for i, (it, lab, desc) in enumerate(zip(items, labels, descs))]
        weights = config.score_weights
        self._w = tuple(weights[k] for k in PART_NAMES)
        self._w_total = sum(self._w) or 1.0

    # -- preparation -------------------------------------------------------------------------
    def idf(self, token: str) -> float:
        return self._idf.get(token) or math.log(1.0 + self.n)

    def word_weight(self, token: str) -> float:
        w = self.idf(token)
        if self.lexicon.is_weak(token):
            return w * self.config.weak_factor
        if self.lexicon.is_context(token):
            return w * self.config.context_factor
        return w

    def _prepare(self, index: int, item: Item, lab: Normalised, desc: tuple[str, ...]) -> Prepared:
        cfg = self.config
        lex = self.lexicon
        weights: dict[str, float] = {}
        for t in lab.tokens:
            w = self.word_weight(t)
            if t in lab.adjunct:
                w *= cfg.adjunct_factor
            weights[t] = w
        for t in lab.qualifier_tokens:
            weights.setdefault(t, self.word_weight(t) * cfg.qualifier_factor)
        text = dict(weights)
        desc_w: dict[str, float] = {}
        for t in desc:
            w = self.word_weight(t)
            text.setdefault(t, w)
            desc_w[t] = desc_w.get(t, 0.0) + w
        related: dict[str, str] = {}
        for t in sorted(weights, key=lambda t: -weights[t]):
            for c in lex.classes(t):
                related.setdefault(c, t)
        text_related = frozenset(c for t in text for c in lex.classes(t))
        strong = sorted({t for t in weights if not lex.is_weak(t)}, key=lambda t: (self.df[t], t))
        context: set[str] = set()
        for h in item.headings:
            context.update(self.normaliser.text(h.text))
        heading_tokens = frozenset(context)
        if item.parent is not None:
            context.update(self.normaliser.label(item.parent.label).tokens)
        context = {t for t in context if not lex.is_weak(t)}
        return Prepared(
            index=index,
            item=item,
            label=lab,
            weights=weights,
            total=sum(weights.values()),
            strong=tuple(strong),
            text=text,
            text_total=sum(text.values()),
            has_description=bool(desc),
            context=frozenset(context),
            fuzzy=" ".join(lab.tokens),
            source=item.source,
            head=head_word(lab, lex),
            related=related,
            text_related=text_related,
            desc=desc_w,
            desc_norm=math.sqrt(sum(w * w for w in desc_w.values())),
            section=tuple(h.text for h in item.headings),
            heading_tokens=heading_tokens,
            desc_keys=tuple(sorted({t for t in desc_w if t not in weights and not lex.is_weak(t)}, key=lambda t: (self.df[t], t))),
        )

    # -- scoring -----------------------------------------------------------------------------
    def score(self, i: int, j: int) -> tuple[float, dict[str, float]]:
        """Score items ``i`` and ``j``; returns ``(score, parts)``."""
        score, values = self.score_values(i, j)
        return score, dict(zip(PART_NAMES, values))

    def _soft_shared(self, a: Prepared, b: Prepared) -> float:
        """Weight of near-synonym matches between the two labels' words that are not shared
        outright: each class both labels hold counts ``related_factor`` of the smaller weight."""
        if not a.related or not b.related:
            return 0.0
        wa, wb = a.weights, b.weights
        extra = 0.0
        used_a: set[str] = set()
        used_b: set[str] = set()
        for c, ta in a.related.items():
            tb = b.related.get(c)
            if tb is None or ta in wb or tb in wa or ta in used_a or tb in used_b:
                continue
            used_a.add(ta)
            used_b.add(tb)
            x, y = wa[ta], wb[tb]
            extra += x if x < y else y
        return extra * self.config.related_factor

    @staticmethod
    def _best_conjunct(a: Prepared, b: Prepared) -> float:
        """Best weighted Jaccard between a part of one "A & B" name and the other (or its parts)."""
        wa, wb = a.weights, b.weights
        alts_a = a.label.conjuncts or (frozenset(wa),)
        alts_b = b.label.conjuncts or (frozenset(wb),)
        best = 0.0
        for ca in alts_a:
            for cb in alts_b:
                shared = sum(min(wa.get(t, 0.0), wb.get(t, 0.0)) for t in ca & cb)
                union = sum(wa.get(t, 0.0) for t in ca) + sum(wb.get(t, 0.0) for t in cb) - shared
                if union > 0 and shared / union > best:
                    best = shared / union
        return best

    def _head_in(self, a: Prepared, b: Prepared) -> float:
        """1 when ``a``'s head word is said by ``b``'s label or description, ``related_factor``
        when a near-synonym of it is, else 0."""
        if a.head in b.text:
            return 1.0
        if b.text_related and any(c in b.text_related for c in self.lexicon.classes(a.head)):
            return self.config.related_factor
        return 0.0

    def _coverage(self, a: Prepared, b: Prepared) -> float:
        """Share of ``a``'s label weight that ``b``'s label or description says (a near-synonym
        counting ``related_factor``, a word of ``b``'s headings ``heading_factor``)."""
        if a.total <= 0:
            return 0.0
        bt, br, bh = b.text, b.text_related, b.heading_tokens
        rf, hf = self.config.related_factor, self.config.heading_factor
        lex = self.lexicon
        got = 0.0
        for t, w in a.weights.items():
            if t in bt:
                got += w
            elif br and any(c in br for c in lex.classes(t)):
                got += w * rf
            elif t in bh:
                got += w * hf
        return got / a.total

    def score_values(self, i: int, j: int) -> tuple[float, tuple[float, ...]]:
        """Like :meth:`score`, with the parts as a tuple in :data:`PART_NAMES` order (faster)."""
        a, b = self.items[i], self.items[j]
        cfg = self.config
        shared, union = weighted_jaccard(a.weights, b.weights, a.total, b.total)
        soft = self._soft_shared(a, b)
        if soft:
            shared += soft
            union -= soft
        label = shared / union if union > 0 else 0.0
        if a.label.conjuncts or b.label.conjuncts:
            label = max(label, cfg.conjunct_factor * self._best_conjunct(a, b))
        smaller = a.total if a.total < b.total else b.total
        containment = min(1.0, shared / smaller) ** cfg.containment_power if smaller > 0 else 0.0
        head = 1.0 if a.head == b.head else (self._head_in(a, b) + self._head_in(b, a)) / 2
        fuzzy = fuzz.token_sort_ratio(a.fuzzy, b.fuzzy) / 100.0
        ab, ba = self._coverage(a, b), self._coverage(b, a)
        cross = max(math.sqrt(ab * ba), label)
        if a.has_description and b.has_description and a.desc_norm and b.desc_norm:
            da, db = (a.desc, b.desc) if len(a.desc) < len(b.desc) else (b.desc, a.desc)
            dot = sum(w * db[t] for t, w in da.items() if t in db)
            description = dot / (a.desc_norm * b.desc_norm)
        else:
            description = label
        qualifier = label
        qa, qb = a.label.qualifier_tokens, b.label.qualifier_tokens
        if qa or qb:
            found = (not qa or qa <= b.weights.keys() or qa <= b.text.keys()) and (
                not qb or qb <= a.weights.keys() or qb <= a.text.keys()
            )
            qualifier = 1.0 if found else 0.0
        if a.context and b.context:
            context = len(a.context & b.context) / len(a.context | b.context)
        else:
            context = label
        values = (label, containment, head, fuzzy, cross, description, qualifier, context)
        score = sum(w * v for w, v in zip(self._w, values)) / self._w_total
        return round(score, 4), values
