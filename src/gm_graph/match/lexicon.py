"""The curator-edited word knowledge of the matcher, read from data files.

* ``data/lexicon.tsv`` — one row per concept or word class. A ``same`` row (the default)
  gives a concept's preferred wording and its variants (abbreviations, spellings,
  hyphenations): every variant found in a label is replaced by the concept's token, longest
  variant first. A ``related`` row lists near-synonyms ("rendering", "visualization",
  "mockup"): they stay distinct words, but a match of one against another counts as part of
  a match (``related_factor`` in :mod:`.config`). A ``narrower`` row names a broad concept
  and wordings of specific kinds of it ("visual effects": "green screen", "matte painting"):
  an item whose label has all the words of such a wording goes under an item whose label
  names just the broad concept (stage 5, :mod:`.hierarchy`).
* ``data/stopwords.tsv`` — word classes: ``stop`` words are dropped, ``prep`` words are
  dropped and open an adjunct, ``weak`` words are kept but weigh little, ``context`` words
  (an industry, genre or purpose: "marketing", "documentary") weigh less and never make a
  label narrower than another; ``facet`` words (a format, dimension or finish: "3D",
  "photorealistic") weigh in full but, like context words, never make a label narrower.

Both files say in their header comment how to edit them. Problems are reported as
:class:`~gm_graph.errors.GmError` naming the file and line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gm_graph.errors import GmError, rel
from gm_graph.match.normalise import singular, stem, words

KINDS = ("stop", "prep", "weak", "context", "facet")
ROW_KINDS = ("same", "related", "narrower")
LEXICON_COLUMNS = ("preferred", "variants", "kind", "note")


def concept_token(preferred: str) -> str:
    """The token a concept is written as after normalisation: "visual effects" -> "visual-effects"."""
    return "-".join(w.casefold() for w in words(preferred, frozenset(w.casefold() for w in preferred.split())))


def _rows(path: Path, header: str, columns: tuple[str, ...] = ()) -> Iterator[tuple[int, list[str]]]:
    """Non-blank, non-comment rows of a TSV file as lists of stripped cells.

    The header row (the row starting with ``header``) is skipped. When ``columns`` is given,
    a header row names some of those columns (the first always) in any order, and every row
    is returned with its cells in ``columns`` order (a column the file lacks is ""); a file
    without a header row is read in ``columns`` order. A row with more cells than columns is
    reported.
    """
    shown = rel(path)
    if not path.is_file():
        raise GmError(shown, "file not found", "restore it from the repository; the matcher needs it")
    order: list[int | None] | None = None
    width = len(columns)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        names = [c.casefold() for c in cells if c]
        if "\t".join(cells).casefold().startswith(header) or (columns and columns[0] in names and set(names) <= set(columns)):
            if columns:
                order = [names.index(c) if c in names else None for c in columns]
                width = len(names)
            continue
        if columns:
            while len(cells) > width and not cells[-1]:
                cells.pop()
            if len(cells) > width:
                raise GmError(
                    f"{shown}:{n}", f"row has {len(cells)} columns, expected at most {width}", "separate variants with '|', not tabs"
                )
            if order is not None:
                cells = [cells[k] if k is not None and k < len(cells) else "" for k in order]
            cells = cells + [""] * (len(columns) - len(cells))
        yield n, cells


@dataclass
class Lexicon:
    """Variant wordings -> concept tokens, near-synonym classes, and the word classes."""

    concepts: dict[tuple[str, ...], str] = field(default_factory=dict)  # variant words -> concept token
    preferred: dict[str, str] = field(default_factory=dict)  # concept token -> preferred wording
    keep: frozenset[str] = frozenset()  # one-word variants that are not plural-folded ("news")
    kinds: dict[str, str] = field(default_factory=dict)  # word -> "stop" | "prep"
    weak: frozenset[str] = frozenset()  # tokens (stems or concepts) of weak words
    context: frozenset[str] = frozenset()  # tokens of context words ("documentary", "promotional")
    facet: frozenset[str] = frozenset()  # tokens of facet words ("3D", "photorealistic")
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)  # token -> its near-synonym class ids
    # broad concept token -> the token sets of its narrower wordings (``narrower`` rows)
    narrower: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    _first: frozenset[str] = frozenset()
    _max_len: int = 1

    # -- reading --------------------------------------------------------------------------
    @classmethod
    def load(cls, lexicon_path: Path, stopwords_path: Path) -> Lexicon:
        lex = cls()
        narrower_rows = lex._read_lexicon(Path(lexicon_path))
        lex._read_stopwords(Path(stopwords_path))
        lex._read_narrower(rel(Path(lexicon_path)), narrower_rows)
        return lex

    def _read_lexicon(self, path: Path) -> list[tuple[int, list[str]]]:
        """Read the ``same`` and ``related`` rows; return the ``narrower`` rows, which are read
        once the word classes are known."""
        shown = rel(path)
        seen: dict[tuple[str, ...], int] = {}
        rows = []
        for n, cells in _rows(path, "preferred\tvariants", LEXICON_COLUMNS):
            preferred, variants, kind = cells[0], cells[1], cells[2].casefold() or "same"
            if not preferred:
                raise GmError(f"{shown}:{n}", "row has no preferred wording", "put the concept's preferred wording in the first column")
            if kind not in ROW_KINDS:
                raise GmError(f"{shown}:{n}", f"kind {cells[2]!r} is not one of {', '.join(ROW_KINDS)}", "fix the kind column (empty means same)")
            rows.append((n, kind, [preferred, *(v.strip() for v in variants.split("|") if v.strip())]))
        # One-word wordings of concepts are matched before plural folding, so collect them first.
        keep = set()
        for _, kind, wordings in rows:
            if kind != "same":
                continue
            for v in wordings:
                folded = v.casefold()
                if len(words(folded, frozenset({folded}))) == 1:
                    keep.add(words(folded, frozenset({folded}))[0])
        self.keep = frozenset(keep)
        for n, kind, wordings in rows:
            if kind != "same":
                continue
            token = concept_token(wordings[0])
            self.preferred[token] = wordings[0]
            for v in wordings:
                key = tuple(words(v, self.keep))
                if not key:
                    raise GmError(f"{shown}:{n}", f"variant {v!r} has no words", "remove it or fix the spelling")
                if key in seen and self.concepts[key] != token:
                    raise GmError(
                        f"{shown}:{n}",
                        f"variant {v!r} already belongs to {self.concepts[key]!r} (line {seen[key]})",
                        "a variant may belong to one concept only; merge the rows or drop one",
                    )
                seen.setdefault(key, n)
                self.concepts[key] = token
        self._first = frozenset(k[0] for k in self.concepts)
        self._max_len = max((len(k) for k in self.concepts), default=1)
        # Near-synonym classes: each wording must come out as one token (a word or a concept).
        related: dict[str, list[str]] = {}
        for n, kind, wordings in rows:
            if kind != "related":
                continue
            if len(wordings) < 2:
                raise GmError(f"{shown}:{n}", "a related row needs at least two wordings", "list the near-synonyms in the variants column")
            class_id = "~" + concept_token(wordings[0])
            for v in wordings:
                token = self.token_of(v)
                if token is None:
                    raise GmError(
                        f"{shown}:{n}",
                        f"related wording {v!r} is not one word or lexicon concept",
                        "add the phrase as a concept row first, or list single words",
                    )
                if class_id not in related.setdefault(token, []):
                    related[token].append(class_id)
        self.related = {t: tuple(c) for t, c in related.items()}
        return [(n, wordings) for n, kind, wordings in rows if kind == "narrower"]

    def token_of(self, wording: str) -> str | None:
        """The one token a wording normalises to (a concept token or a word's stem), or None
        when it is several tokens."""
        tokens = [c if c is not None else stem(span[0]) for c, span in self.phrases(words(wording, self.keep))]
        return tokens[0] if len(tokens) == 1 else None

    def _read_narrower(self, shown: str, rows: list[tuple[int, list[str]]]) -> None:
        """Read the ``narrower`` rows (after the word classes, so that stop words are dropped)."""
        # Kinds of a broad concept: the broad wording is one token, each narrower one a set of tokens.
        narrower: dict[str, list[frozenset[str]]] = {}
        for n, wordings in rows:
            if len(wordings) < 2:
                raise GmError(f"{shown}:{n}", "a narrower row needs a broad wording and at least one narrower one", "list the kinds in the variants column")
            broad = self.token_of(wordings[0])
            if broad is None:
                raise GmError(
                    f"{shown}:{n}",
                    f"broad wording {wordings[0]!r} is not one word or lexicon concept",
                    "add the phrase as a concept row first, or name a single word",
                )
            for v in wordings[1:]:
                tokens = self.tokens_of(v)
                if not tokens:
                    raise GmError(f"{shown}:{n}", f"narrower wording {v!r} has no words", "remove it or fix the spelling")
                if broad in tokens:
                    raise GmError(f"{shown}:{n}", f"narrower wording {v!r} names the broad concept itself", "label containment already puts it under; drop it")
                if tokens not in narrower.setdefault(broad, []):
                    narrower[broad].append(tokens)
        self.narrower = {t: tuple(k) for t, k in narrower.items()}

    def tokens_of(self, wording: str) -> frozenset[str]:
        """The tokens a wording normalises to (concept tokens and word stems)."""
        raw = [w for w in words(wording, self.keep) if not self.word_kind(w)]
        return frozenset(c if c is not None else stem(span[0]) for c, span in self.phrases(raw))

    def _read_stopwords(self, path: Path) -> None:
        shown = rel(path)
        weak: set[str] = set()
        context: set[str] = set()
        facet: set[str] = set()
        classes = {"weak": weak, "context": context, "facet": facet}
        for n, cells in _rows(path, "word\tkind"):
            if len(cells) < 2 or cells[1] not in KINDS:
                raise GmError(f"{shown}:{n}", f"expected WORD<TAB>KIND with KIND one of {', '.join(KINDS)}", "fix the row")
            word, kind = cells[0], cells[1]
            raw = words(word, self.keep)
            if kind in classes:
                tokens = [c if c is not None else stem(span[0]) for c, span in self.phrases(raw)]
                if len(tokens) != 1:
                    raise GmError(f"{shown}:{n}", f"{kind} word {word!r} is not one word or lexicon concept", "list each word on its own row")
                classes[kind].add(tokens[0])
            else:
                if len(raw) != 1:
                    raise GmError(f"{shown}:{n}", f"{kind} word {word!r} must be a single word", "list each word on its own row")
                self.kinds[raw[0]] = kind
                self.kinds.setdefault(singular(word.casefold()), kind)
        self.weak = frozenset(weak)
        self.context = frozenset(context)
        self.facet = frozenset(facet)

    # -- use --------------------------------------------------------------------------------
    def word_kind(self, word: str) -> str:
        """"stop", "prep" or "" for an ordinary word (a folded word as :func:`words` gives it)."""
        return self.kinds.get(word, "")

    def is_weak(self, token: str) -> bool:
        return token in self.weak

    def is_context(self, token: str) -> bool:
        """A context word names where or for whom a use case is applied (a genre, industry or
        purpose: "documentary", "promotional"), not what it makes."""
        return token in self.context

    def is_facet(self, token: str) -> bool:
        """A facet word names a format, dimension or finish of the output ("3D",
        "photorealistic"): full evidence of what is made, but not a narrower kind of it."""
        return token in self.facet

    def classes(self, token: str) -> tuple[str, ...]:
        """The near-synonym classes (``related`` rows) a token belongs to."""
        return self.related.get(token, ())

    def phrases(self, raw: list[str]) -> Iterator[tuple[str | None, list[str]]]:
        """Walk folded words, yielding ``(concept token, words)`` for each lexicon match,
        longest first, and ``(None, [word])`` for every other word."""
        i, n = 0, len(raw)
        concepts, first, max_len = self.concepts, self._first, self._max_len
        while i < n:
            if raw[i] in first:
                for length in range(min(max_len, n - i), 0, -1):
                    span = tuple(raw[i : i + length])
                    concept = concepts.get(span)
                    if concept is not None:
                        yield concept, list(span)
                        i += length
                        break
                else:
                    yield None, [raw[i]]
                    i += 1
            else:
                yield None, [raw[i]]
                i += 1
