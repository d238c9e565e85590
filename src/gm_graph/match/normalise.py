"""Stage 1 of the matcher: turn a label or description into comparable words.

A label goes through these steps, each a small function that can be tested alone:

1. :func:`gm_graph.text.repair` and :func:`gm_graph.text.strip_symbols` (mojibake, emoji);
2. :func:`split_qualifiers` cuts parenthetical qualifiers off the core
   ("Previsualization (Previs)" -> core "Previsualization", qualifier "Previs"), which are
   kept as separate evidence;
3. :func:`words` folds case and punctuation ("Try-On" -> ``try on``; "360°" -> ``360 degree``)
   and plurals (:func:`singular`);
4. the lexicon (:mod:`gm_graph.match.lexicon`, data in ``data/lexicon.tsv``) replaces every
   variant wording by its concept token (``previz`` -> ``previsualization``, ``vfx`` ->
   ``visual-effects``), longest variant first;
5. function words are dropped, prepositions open an *adjunct* (the words after "for" in
   "Pre-visualization for scenes" elaborate rather than restrict), and the remaining words
   are reduced to a stem (:func:`stem`) so "visualization", "visualize" and "visuals" meet.

A short name that joins two names ("Texture & asset generation") also keeps its parts, each
with the shared head word ("texture generation", "asset generation"), as alternatives.

The result of a label is a :class:`Normalised` record; the scorer and blocker work on it only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gm_graph.text import repair, strip_symbols

if TYPE_CHECKING:
    from gm_graph.match.lexicon import Lexicon

_PAREN = re.compile(r"\(([^()]*)\)")
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_CONJUNCTION = re.compile(r"\s*(?:&|,|\band\b|\bor\b)\s*", re.IGNORECASE)
MAX_CONJUNCT_TOKENS = 6
COMPOUND_PREPS = frozenset({"based"})  # "X-based Y": X modifies Y (unless "based on X")  # longer labels are sentences; their "and" does not join two names


def clean(text: str) -> str:
    """Repaired, emoji-free text with single spaces."""
    return strip_symbols(repair(text))


def split_qualifiers(text: str) -> tuple[str, list[str]]:
    """Cut parenthetical qualifiers off ``text``: ``("Previsualization", ["Previs"])``."""
    qualifiers = [q.strip() for q in _PAREN.findall(text) if q.strip()]
    core = " ".join(_PAREN.sub(" ", text).replace("(", " ").replace(")", " ").split())
    return core, qualifiers


def words(text: str, keep: frozenset[str] = frozenset()) -> list[str]:
    """Case- and punctuation-folded words of ``text``, plurals folded to singular.

    Words in ``keep`` (the lexicon's one-word entries, such as "news") are not folded.
    """
    t = unicodedata.normalize("NFKC", text).casefold()
    t = t.replace("°", " degree ").replace("&", " and ").replace("+", " plus ")
    t = _POSSESSIVE.sub("", t)
    return [w if w in keep else singular(w) for w in _WORD.findall(t)]


def singular(word: str) -> str:
    """Fold a regular English plural: "tours" -> "tour", "stories" -> "story", "boxes" -> "box"."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Derivational suffixes, longest first; a suffix is removed only when 4+ letters remain.
_SUFFIXES = (
    ("izational", ""), ("ational", ""), ("ization", ""), ("isation", ""), ("izable", ""),
    ("mental", ""), ("ically", "ic"), ("ation", ""), ("ative", ""), ("ating", ""), ("ated", ""),
    ("ator", ""), ("izing", ""), ("ising", ""), ("ized", ""), ("ised", ""), ("ingly", ""),
    ("ment", ""), ("ize", ""), ("ise", ""), ("ing", ""), ("edly", ""), ("ed", ""), ("ive", ""),
    ("ate", ""), ("ly", ""),
)
_DOUBLE = frozenset("bdgmnprt")


def stem(word: str) -> str:
    """A light stem so that forms of one word meet; both sides of a comparison get the same.

    "visualization", "visualize", "visualizing", "visuals" -> "visual";
    "generation", "generate", "generative" -> "gener"; "product" and "production" stay apart.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    w = word
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)] + repl
            if len(w) >= 4 and w[-1] == w[-2] and (w[-1] in _DOUBLE or (w[-1] == "l" and len(w) > 5)):
                w = w[:-1]
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


@dataclass(frozen=True, slots=True)
class Normalised:
    """What the matcher compares about one label."""

    text: str  # repaired label as given
    core: str  # the label without its parenthetical qualifiers
    tokens: tuple[str, ...]  # concept tokens and stems of the core, in order, function words dropped
    adjunct: frozenset[str]  # tokens that stand only after a preposition ("scene" in "... for scenes")
    qualifiers: tuple[str, ...]  # parenthetical qualifiers as written ("Previs", "VTO")
    qualifier_tokens: frozenset[str]  # tokens of the qualifiers that the core does not already say
    initials: str  # first letters of the core's words ("vto" for "Virtual Try-On"), for acronyms
    conjuncts: tuple[frozenset[str], ...] = ()  # token sets of the parts of "A & B" names, head shared

    @property
    def key(self) -> str:
        """Fingerprint of the core: its distinct tokens, sorted (OpenRefine-style)."""
        return " ".join(sorted(set(self.tokens)))


class Normaliser:
    """Normalises texts with one lexicon; results are cached per text."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._label_cache: dict[str, Normalised] = {}
        self._text_cache: dict[str, tuple[str, ...]] = {}
        self._stem_cache: dict[str, str] = {}

    # -- word level ----------------------------------------------------------------------
    def _stem(self, word: str) -> str:
        s = self._stem_cache.get(word)
        if s is None:
            s = stem(word)
            self._stem_cache[word] = s
        return s

    def _tokens(self, text: str) -> tuple[list[str], set[str], list[str]]:
        """Tokens of ``text`` with the positions after a preposition marked as adjunct."""
        raw = words(text, self.lexicon.keep)
        out: list[str] = []
        after_prep: list[bool] = []
        in_adjunct = False
        spans = list(self.lexicon.phrases(raw))
        for k, (concept, span) in enumerate(spans):
            if concept is None:
                w = span[0]
                kind = self.lexicon.word_kind(w)
                if kind == "stop":
                    continue
                if kind == "prep" and w in COMPOUND_PREPS and out and (k + 1 == len(spans) or spans[k + 1][1][0] not in ("on", "upon")):
                    # "Template-based content": "based" without "on" makes the word before it a
                    # modifier (an adjunct) of what follows, which stays the head.
                    after_prep[-1] = True
                    continue
                if kind == "prep":
                    # Only a preposition after a telling word opens an adjunct: in
                    # "Creating assets for games" the head "creating" says too little.
                    in_adjunct = in_adjunct or any(not self.lexicon.is_weak(t) for t in out)
                    continue
                tok = self._stem(w)
            else:
                tok = concept
            out.append(tok)
            after_prep.append(in_adjunct)
        # A token that also stands before the preposition is not only an adjunct.
        head = {t for t, adj in zip(out, after_prep) if not adj}
        adjunct = {t for t, adj in zip(out, after_prep) if adj} - head
        return out, adjunct, raw

    def text(self, text: str) -> tuple[str, ...]:
        """Tokens of a free text (a description or heading): no qualifier or adjunct handling."""
        cached = self._text_cache.get(text)
        if cached is None:
            cached = tuple(self._tokens(clean(text))[0])
            self._text_cache[text] = cached
        return cached

    def label(self, label: str) -> Normalised:
        """Normalise one item label."""
        cached = self._label_cache.get(label)
        if cached is not None:
            return cached
        text = clean(label)
        core, qualifiers = split_qualifiers(text)
        tokens, adjunct, raw = self._tokens(core)
        initials = "".join(w[0] for w in raw if self.lexicon.word_kind(w) != "stop")
        core_set = set(tokens)
        qual_tokens: set[str] = set()
        for q in qualifiers:
            qt = self._tokens(q)[0]
            q_word = "".join(words(q, self.lexicon.keep))
            if not qt or set(qt) <= core_set or (len(q_word) >= 2 and q_word == "".join(w[0] for w in raw)) or q_word == initials:
                continue  # restates the core: "(Previs)", "(VTO)", "(LOD)"
            qual_tokens.update(t for t in qt if t not in core_set)
        if not tokens and qual_tokens:  # a label that is all qualifier
            tokens, qual_tokens = sorted(qual_tokens), set()
        conjuncts: tuple[frozenset[str], ...] = ()
        if len(tokens) <= MAX_CONJUNCT_TOKENS:
            parts = [self._tokens(part)[0] for part in _CONJUNCTION.split(core)]
            parts = [p for p in parts if p]
            if len(parts) >= 2:
                shared_head = parts[-1][-1] if len(parts[-1]) >= 2 else None
                conjuncts = tuple(
                    frozenset(p + [shared_head] if len(p) == 1 and shared_head else p) for p in parts
                )
        result = Normalised(
            text=text,
            core=core,
            tokens=tuple(tokens),
            adjunct=frozenset(adjunct),
            qualifiers=tuple(qualifiers),
            qualifier_tokens=frozenset(qual_tokens),
            initials=initials,
            conjuncts=conjuncts,
        )
        self._label_cache[label] = result
        return result
