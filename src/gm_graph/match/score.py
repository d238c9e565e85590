"""Stage 3 of the matcher: a similarity score for a pair of items, with its parts.

Each item is prepared once (:class:`Prepared`): its normalised label, the words of its
description, and its context (section headings and the group it is nested under). Words are
weighed by their inverse document frequency over the items being matched, so a word most
items share ("generation") counts little; weak words (``data/stopwords.tsv``), context words
("marketing", "documentary"), adjunct words ("... for scenes") and qualifier words weigh less
again (factors in :mod:`.config`). Near-synonyms (``related`` rows of ``data/lexicon.tsv``:
"rendering" ~ "visualization", "ad" ~ "campaign") count ``related_factor`` of a match.

The score is a weighted mean of these parts, each in 0..1 (weights in :mod:`.config`):

``label``        IDF-weighted Jaccard overlap of the two labels' words (for an "A & B" name,
                 also of each part, times ``conjunct_factor``; the best counts)
``containment``  IDF-weighted share of the smaller label that the other label holds, raised to
                 ``containment_power`` (so a partial overlap counts much less than a full one)
``head``         whether each label's head word (its last informative word before any
                 preposition: "Virtual *tours*") is said by the other item's label or
                 description: 1 for both, 0.5 for one; a near-synonym counts ``related_factor``;
                 times ``weak_head_factor`` when the labels end in two different weak words
                 that are not near-synonyms ("Concept *visualization*" / "Rapid concept
                 *generation*": one object, two activities)
``fuzzy``        rapidfuzz token sort ratio of the normalised labels (spelling variants)
``cross``        how much of each label the *other* item says anywhere — its label, its
                 description, or (at ``heading_factor``) its headings: the geometric mean of
                 both directions, and never below ``label``. "Neighborhood flythroughs:
                 Generate cinematic aerial perspectives" says all of "Aerial view generation"
``qualifier``    1 when a parenthetical qualifier of one is said by the other, 0 when it is
                 not (only when either has one; otherwise the value of ``label``)

:meth:`Scorer.score` returns the score and the parts, so every decision can be explained.
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


PART_NAMES = ("label", "containment", "head", "fuzzy", "cross", "qualifier")


@dataclass(slots=True)
class Prepared:
    """One item as the scorer and blocker see it."""

    index: int
    item: Item
    label: Normalised
    weights: dict[str, float]  # label token -> weight (IDF x weak/context/adjunct/qualifier factors)
    total: float  # sum of weights
    strong: tuple[str, ...]  # distinct informative (not weak) label tokens, rarest first
    text: dict[str, float]  # label + description token -> weight
    has_description: bool
    context: frozenset[str]  # informative tokens of the headings and the parent group's label
    fuzzy: str  # normalised label tokens, sorted and joined (rapidfuzz token sort ratio)
    source: str
    head: str  # the head word: last informative token before any preposition
    related: dict[str, str]  # near-synonym class -> the (heaviest) label token of that class
    text_related: frozenset[str]  # near-synonym classes of the label + description tokens
    heading_tokens: frozenset[str]  # tokens of the headings only (where the item applies)
    section: tuple[str, ...]  # the heading texts, outermost first
    desc_keys: tuple[str, ...]  # informative description tokens not in the label, rarest first
    cover: tuple[tuple[str, float, tuple[str, ...]], ...]  # (label token, weight, its near-synonym classes)
    head_classes: tuple[str, ...]  # near-synonym classes of the head word
    last: str  # the last word before any preposition, weak or not ("visualization")


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


def _last_word(lab: Normalised) -> str:
    """The last word of a label before any preposition, weak or not."""
    tokens = [t for t in lab.tokens if t not in lab.adjunct]
    return tokens[-1] if tokens else ""


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
        total = sum(weights[k] for k in PART_NAMES) or 1.0
        self._w = tuple(weights[k] / total for k in PART_NAMES)  # normalised: the score is a weighted mean
        self._rf, self._hf = config.related_factor, config.heading_factor

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
        for t in desc:
            if t not in text:
                text[t] = self.word_weight(t)
        related: dict[str, str] = {}
        for t in sorted(weights, key=lambda t: -weights[t]):
            for c in lex.classes(t):
                related.setdefault(c, t)
        headings: set[str] = set()
        for h in item.headings:
            headings.update(self.normaliser.text(h.text))
        context = set(headings)
        if item.parent is not None:
            context.update(self.normaliser.label(item.parent.label).tokens)
        head = head_word(lab, lex)
        return Prepared(
            index=index,
            item=item,
            label=lab,
            weights=weights,
            total=sum(weights.values()),
            strong=tuple(sorted({t for t in weights if not lex.is_weak(t)}, key=lambda t: (self.df[t], t))),
            text=text,
            has_description=bool(desc),
            context=frozenset(t for t in context if not lex.is_weak(t)),
            fuzzy=" ".join(sorted(lab.tokens)),
            source=item.source,
            head=head,
            related=related,
            text_related=frozenset(c for t in text for c in lex.classes(t)),
            heading_tokens=frozenset(headings),
            section=tuple(h.text for h in item.headings),
            desc_keys=tuple(sorted({t for t in desc if t not in weights and not lex.is_weak(t)}, key=lambda t: (self.df[t], t))),
            cover=tuple((t, w, lex.classes(t)) for t, w in weights.items()),
            head_classes=lex.classes(head),
            last=_last_word(lab),
        )

    # -- scoring -----------------------------------------------------------------------------
    def score(self, i: int, j: int) -> tuple[float, dict[str, float]]:
        """Score items ``i`` and ``j``; returns ``(score, parts)``."""
        score, values = self.score_values(i, j)
        return score, dict(zip(PART_NAMES, values))

    def _soft_shared(self, a: Prepared, b: Prepared) -> float:
        """Weight of near-synonym matches between the two labels' words that are not shared
        outright: each class both labels hold counts ``related_factor`` of the smaller weight."""
        wa, wb = a.weights, b.weights
        extra = 0.0
        used: set[str] = set()
        for c, ta in a.related.items():
            tb = b.related.get(c)
            if tb is None or ta in wb or tb in wa or ta in used or tb in used:
                continue
            used.add(ta)
            used.add(tb)
            x, y = wa[ta], wb[tb]
            extra += x if x < y else y
        return extra * self._rf

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
        br = b.text_related
        if br and a.head_classes:
            for c in a.head_classes:
                if c in br:
                    return self._rf
        return 0.0

    def _coverage(self, a: Prepared, b: Prepared) -> float:
        """Share of ``a``'s label weight that ``b``'s label or description says (a near-synonym
        counting ``related_factor``, a word of ``b``'s headings ``heading_factor``)."""
        if a.total <= 0:
            return 0.0
        bt, br, bh = b.text, b.text_related, b.heading_tokens
        rf, hf = self._rf, self._hf
        got = 0.0
        for t, w, classes in a.cover:
            if t in bt:
                got += w
                continue
            if classes and br:
                for c in classes:
                    if c in br:
                        got += w * rf
                        break
                else:
                    if t in bh:
                        got += w * hf
            elif t in bh:
                got += w * hf
        return got / a.total

    def score_values(self, i: int, j: int) -> tuple[float, tuple[float, ...]]:
        """Like :meth:`score`, with the parts as a tuple in :data:`PART_NAMES` order (faster)."""
        a, b = self.items[i], self.items[j]
        cfg = self.config
        wa, wb = a.weights, b.weights
        if len(wa) > len(wb):
            wa, wb = wb, wa
        shared = 0.0
        for t, x in wa.items():
            y = wb.get(t)
            if y is not None:
                shared += x if x < y else y
        union = a.total + b.total - shared
        if a.related and b.related:
            soft = self._soft_shared(a, b)
            shared += soft
            union -= soft
        label = shared / union if union > 0 else 0.0
        if a.label.conjuncts or b.label.conjuncts:
            conj = cfg.conjunct_factor * self._best_conjunct(a, b)
            if conj > label:
                label = conj
        smaller = a.total if a.total < b.total else b.total
        if smaller > 0:
            share = shared / smaller
            containment = 1.0 if share >= 1.0 else share**cfg.containment_power
        else:
            containment = 0.0
        head = 1.0 if a.head == b.head else (self._head_in(a, b) + self._head_in(b, a)) / 2
        if (
            cfg.weak_head_factor < 1.0
            and a.last != b.last
            and self.lexicon.is_weak(a.last)
            and self.lexicon.is_weak(b.last)
            and not set(self.lexicon.classes(a.last)) & set(self.lexicon.classes(b.last))
        ):
            head *= cfg.weak_head_factor
        fuzzy = fuzz.ratio(a.fuzzy, b.fuzzy) / 100.0  # token sort ratio: the tokens are pre-sorted
        cross = math.sqrt(self._coverage(a, b) * self._coverage(b, a))
        if cross < label:
            cross = label
        qualifier = label
        qa, qb = a.label.qualifier_tokens, b.label.qualifier_tokens
        if qa or qb:
            found = (not qa or qa <= b.weights.keys() or qa <= b.text.keys()) and (
                not qb or qb <= a.weights.keys() or qb <= a.text.keys()
            )
            qualifier = 1.0 if found else 0.0
        wl, wc, wh, wf, wx, wq = self._w
        score = wl * label + wc * containment + wh * head + wf * fuzzy + wx * cross + wq * qualifier
        return round(score, 4), (label, containment, head, fuzzy, cross, qualifier)
