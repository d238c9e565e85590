"""The curator-edited word knowledge of the matcher, read from data files.

* ``data/lexicon.tsv`` — one concept per row: its preferred wording and its variants
  (abbreviations, spellings, hyphenations). Every variant found in a label is replaced by
  the concept's token, longest variant first.
* ``data/stopwords.tsv`` — word classes: ``stop`` words are dropped, ``prep`` words are
  dropped and open an adjunct, ``weak`` words are kept but weigh little.

Both files say in their header comment how to edit them. Problems are reported as
:class:`~gm_graph.errors.GmError` naming the file and line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gm_graph.errors import GmError, rel
from gm_graph.match.normalise import singular, stem, words

KINDS = ("stop", "prep", "weak")


def concept_token(preferred: str) -> str:
    """The token a concept is written as after normalisation: "visual effects" -> "visual-effects"."""
    return "-".join(w.casefold() for w in words(preferred, frozenset(w.casefold() for w in preferred.split())))


def _rows(path: Path, header: str) -> Iterator[tuple[int, list[str]]]:
    shown = rel(path)
    if not path.is_file():
        raise GmError(shown, "file not found", "restore it from the repository; the matcher needs it")
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if "\t".join(cells).casefold().startswith(header):
            continue
        yield n, cells


@dataclass
class Lexicon:
    """Variant wordings -> concept tokens, plus the word classes."""

    concepts: dict[tuple[str, ...], str] = field(default_factory=dict)  # variant words -> concept token
    preferred: dict[str, str] = field(default_factory=dict)  # concept token -> preferred wording
    keep: frozenset[str] = frozenset()  # one-word variants that are not plural-folded ("news")
    kinds: dict[str, str] = field(default_factory=dict)  # word -> "stop" | "prep"
    weak: frozenset[str] = frozenset()  # tokens (stems or concepts) of weak words
    _first: frozenset[str] = frozenset()
    _max_len: int = 1

    # -- reading --------------------------------------------------------------------------
    @classmethod
    def load(cls, lexicon_path: Path, stopwords_path: Path) -> Lexicon:
        lex = cls()
        lex._read_lexicon(Path(lexicon_path))
        lex._read_stopwords(Path(stopwords_path))
        return lex

    def _read_lexicon(self, path: Path) -> None:
        shown = rel(path)
        seen: dict[tuple[str, ...], int] = {}
        rows = list(_rows(path, "preferred\tvariants"))
        # One-word wordings are matched before plural folding, so collect them first.
        keep = set()
        for _, cells in rows:
            for v in [cells[0], *(cells[1].split("|") if len(cells) > 1 else [])]:
                folded = v.strip().casefold()
                if folded and len(words(folded, frozenset({folded}))) == 1:
                    keep.add(words(folded, frozenset({folded}))[0])
        self.keep = frozenset(keep)
        for n, cells in rows:
            preferred = cells[0]
            if not preferred:
                raise GmError(f"{shown}:{n}", "row has no preferred wording", "put the concept's preferred wording in the first column")
            if len(cells) > 3:
                raise GmError(f"{shown}:{n}", f"row has {len(cells)} columns, expected at most 3", "separate variants with '|', not tabs")
            token = concept_token(preferred)
            self.preferred[token] = preferred
            variants = [preferred, *(v for v in (cells[1].split("|") if len(cells) > 1 else []) if v.strip())]
            for v in variants:
                key = tuple(words(v.strip(), self.keep))
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

    def _read_stopwords(self, path: Path) -> None:
        shown = rel(path)
        weak: set[str] = set()
        for n, cells in _rows(path, "word\tkind"):
            if len(cells) < 2 or cells[1] not in KINDS:
                raise GmError(f"{shown}:{n}", f"expected WORD<TAB>KIND with KIND one of {', '.join(KINDS)}", "fix the row")
            word, kind = cells[0], cells[1]
            raw = words(word, self.keep)
            if kind == "weak":
                tokens = [c if c is not None else stem(span[0]) for c, span in self.phrases(raw)]
                if len(tokens) != 1:
                    raise GmError(f"{shown}:{n}", f"weak word {word!r} is not one word or lexicon concept", "list each word on its own row")
                weak.add(tokens[0])
            else:
                if len(raw) != 1:
                    raise GmError(f"{shown}:{n}", f"{kind} word {word!r} must be a single word", "list each word on its own row")
                self.kinds[raw[0]] = kind
                self.kinds.setdefault(singular(word.casefold()), kind)
        self.weak = frozenset(weak)

    # -- use --------------------------------------------------------------------------------
    def word_kind(self, word: str) -> str:
        """"stop", "prep" or "" for an ordinary word (a folded word as :func:`words` gives it)."""
        return self.kinds.get(word, "")

    def is_weak(self, token: str) -> bool:
        return token in self.weak

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
