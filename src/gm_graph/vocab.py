"""Controlled vocabularies: industries, media modalities and tools, read from Turtle files.

The knowledge lives in data a curator edits, not here:

* ``ontology/vocab/industries.ttl`` – canonical industries (SKOS, NAICS 2022 notations)
* ``ontology/vocab/modalities.ttl`` – media modalities; their ``skos:hiddenLabel`` are cue words
* ``ontology/vocab/tools.ttl`` – generative tools, aliases, misspellings, versions
* ``data/curation/headings.tsv`` – every source heading, classified by hand

This module loads them once (:func:`load`) and answers four questions about text:
which tools it names (:func:`find_tools`), which modality cues it holds
(:func:`modality_cues`), which industries a known heading was mapped to
(:func:`industries_for_heading`) and which industries an unseen heading resembles
(:func:`align_industry`).

Matching rules (the same for tools and cues): labels match as whole words (not inside a
longer word), case-insensitively, and where matches overlap the longest wins, so
"DALL·E 3" is the version and not "DALL·E" followed by "3". Cue words also match their
plurals ("clip" finds "clips"). A cue of up to four characters written in capitals only
("AR", "VR", "3D", "NPC") matches with its exact case, so that "ar" inside ordinary text
cannot trigger it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz

from pyoxigraph import NamedNode, RdfFormat, parse

from gm_graph.paths import PACKAGE_ROOT, Paths
from gm_graph.namespace import GM, GMI, GMM, GMT, RDF, SKOS  # noqa: F401  (GMI, GMM, GMT re-exported)

# Concepts and tools are pyoxigraph terms, like everything else the build writes. The files
# are read with pyoxigraph into a small index: importing and running rdflib's Turtle parser
# for them cost every build about 0.15 s. ``Vocabulary.graph`` still gives an rdflib graph.
URIRef = NamedNode

# An unseen heading part must score at least this (0..1, rapidfuzz similarity of the
# normalised texts) against an industry label to be aligned to that industry.
ALIGN_THRESHOLD = 0.88

# Cue words of at most this many characters, written in capitals only, match case-sensitively.
_ACRONYM_MAX = 4

def default_root() -> Path:
    """The repository root: the package is installed editable from ``<root>/src/gm_graph``."""
    return PACKAGE_ROOT


@dataclass(frozen=True)
class VocabPaths:
    industries: Path
    modalities: Path
    tools: Path
    headings: Path


def vocab_paths(root: Path | None = None) -> VocabPaths:
    """Where the vocabulary files live under the repository ``root``."""
    root = Path(root) if root is not None else default_root()
    vocab = Paths(root).ontology / "vocab"
    return VocabPaths(
        industries=vocab / "industries.ttl",
        modalities=vocab / "modalities.ttl",
        tools=vocab / "tools.ttl",
        headings=root / "data" / "curation" / "headings.tsv",
    )


@dataclass(frozen=True)
class ToolMention:
    """A tool named in a text."""

    tool: URIRef  # the gm:Tool (a version when the text names one)
    text: str  # the words as they stand in the text
    start: int  # offset of ``text`` in the searched string
    label: str  # the vocabulary label that matched
    via: str  # "prefLabel", "altLabel" or "hiddenLabel"
    note: str = ""  # for a hidden label (misspelling/variant): the curator's note on it

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class CueMatch(NamedTuple):
    """A modality cue found in a text: the modality and the cue word (as in the vocabulary)."""

    modality: URIRef
    cue: str


@dataclass(frozen=True)
class HeadingRecord:
    """One row of ``data/curation/headings.tsv``."""

    source_list: str
    line: int
    heading: str
    kinds: tuple[str, ...]
    industries: tuple[URIRef, ...]
    modalities: tuple[URIRef, ...]
    note: str


@dataclass(frozen=True)
class _Label:
    text: str
    target: URIRef
    via: str
    plural: bool  # also match the plural form
    probe: str  # a substring every match contains (see _probe): a cheap pre-check

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        # Compiled on first use: most of the ~700 labels never pass their probe in a build,
        # and compiling them all up front cost a quarter of a second per command.
        return _label_regex(self.text, self.plural)


def _probe(label: str) -> str:
    """The label's lower-cased first word without a final y (plural "ies" forms keep the rest)."""
    first = label.split()[0].lower()
    return first[:-1] if len(first) > 1 and first.endswith("y") else first


_LABEL_PROPS = (("prefLabel", SKOS.prefLabel), ("altLabel", SKOS.altLabel), ("hiddenLabel", SKOS.hiddenLabel))


def _label_regex(label: str, plural: bool) -> re.Pattern[str]:
    """A whole-word pattern for ``label``; inner spaces match any whitespace."""
    body = r"\s+".join(re.escape(word) for word in label.split())
    if plural:
        if re.search(r"[^aeiou]y$", label, re.IGNORECASE):
            body = body[:-1] + r"(?:y|ies)"
        elif label[-1:].isalpha():
            body += r"(?:s|es)?"
    exact_case = plural and len(label) <= _ACRONYM_MAX and label == label.upper() and not label.isdigit()
    flags = 0 if exact_case else re.IGNORECASE
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def _longest_first(found: list[tuple[int, int, _Label]]) -> list[tuple[int, int, _Label]]:
    """Keep the longest of overlapping matches (earliest first on ties), in text order."""
    kept: list[tuple[int, int, _Label]] = []
    for start, end, lab in sorted(found, key=lambda m: (-(m[1] - m[0]), m[0])):
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, lab))
    return sorted(kept, key=lambda m: m[0])


def _normalise(text: str) -> str:
    text = text.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


_PART_SPLIT = re.compile(r"\s*(?:,|&|;|\band\b|\+)\s*", re.IGNORECASE)


class Vocabulary:
    """The three vocabularies and the heading curation of one repository, loaded once."""

    def __init__(self, root: Path | None = None) -> None:
        self.paths = vocab_paths(root)
        # subject -> predicate -> objects, in file order
        self._index: dict[NamedNode, dict[NamedNode, list]] = {}
        for path in (self.paths.industries, self.paths.modalities, self.paths.tools):
            for triple in parse(path=str(path), format=RdfFormat.TURTLE):
                self._index.setdefault(triple.subject, {}).setdefault(triple.predicate, []).append(triple.object)
        self.industries: frozenset[URIRef] = self._typed(GM.Industry)
        self.modalities: frozenset[URIRef] = self._typed(GM.MediaModality)
        self.tools: frozenset[URIRef] = self._typed(GM.Tool)
        g = self
        self._tool_labels = self._labels(self.tools, _LABEL_PROPS, plural=False)
        self._cue_labels = self._labels(self.modalities, (("hiddenLabel", SKOS.hiddenLabel),), plural=True)
        self._industry_cue_labels = self._labels(self.industries, (("hiddenLabel", SKOS.hiddenLabel),), plural=True)
        self._false_friends = {
            s: [_label_regex(p.value, plural=True) for p in g.objects(s, GM.falseFriend)]
            for s in self.tools | self.modalities
        }
        self._notes = self._hidden_label_notes()
        self._industry_labels = [
            (ind, _normalise(lab.value))
            for ind in self.industries
            for _, prop in _LABEL_PROPS[:2]
            for lab in g.objects(ind, prop)
        ]
        self._headings = self._read_headings()

    # -- loading -----------------------------------------------------------------------

    def objects(self, subject: NamedNode, predicate: NamedNode) -> list:
        """The objects of ``subject predicate ?o`` in the vocabulary files (terms, in file order)."""
        return self._index.get(subject, {}).get(predicate, [])

    def _typed(self, cls: NamedNode) -> frozenset[NamedNode]:
        return frozenset(s for s, props in self._index.items() if isinstance(s, NamedNode) and cls in props.get(RDF.type, ()))

    @cached_property
    def graph(self):
        """The three vocabulary files as one rdflib ``Graph`` (imports rdflib; for tests and tools)."""
        from rdflib import Graph

        graph = Graph()
        for path in (self.paths.industries, self.paths.modalities, self.paths.tools):
            graph.parse(path, format="turtle")
        return graph

    def _labels(self, subjects, props, plural: bool) -> list[_Label]:
        out = []
        for s in sorted(subjects):
            for via, prop in props:
                for lab in self.objects(s, prop):
                    out.append(_Label(lab.value, s, via, plural, _probe(lab.value)))
        return out

    def _hidden_label_notes(self) -> dict[tuple[URIRef, str], str]:
        """Each hidden label's editorial note: the note that begins with the label in quotes."""
        notes = {}
        for tool in self.tools:
            for lab in self.objects(tool, SKOS.hiddenLabel):
                head = f'"{lab.value}"'
                for note in self.objects(tool, SKOS.editorialNote):
                    if note.value.startswith(head):
                        notes[(tool, lab.value)] = note.value
        return notes

    def _read_headings(self) -> dict[tuple[str, str], HeadingRecord]:
        """Rows by (source list, heading casefolded); a heading stated twice keeps its first row."""
        out: dict[tuple[str, str], HeadingRecord] = {}
        self._heading_rows: list[HeadingRecord] = []
        if not self.paths.headings.is_file():
            return out  # a new project: every heading is aligned lexically
        with self.paths.headings.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                rec = HeadingRecord(
                    source_list=row["source_list"],
                    line=int(row["line"]),
                    heading=row["heading"],
                    kinds=tuple(k for k in row["kinds"].split(",") if k),
                    industries=tuple(GMI[n] for n in row["industries"].split(",") if n),
                    modalities=tuple(GMM[n] for n in row["modalities"].split(",") if n),
                    note=row["note"] or "",
                )
                self._heading_rows.append(rec)
                out.setdefault((rec.source_list, rec.heading.casefold()), rec)
        return out

    # -- look-ups ----------------------------------------------------------------------

    def label(self, iri: URIRef) -> str:
        """The English preferred label of a concept or tool."""
        values = self.objects(iri, SKOS.prefLabel)
        return values[0].value if values else iri.value

    def broader(self, iri: URIRef) -> frozenset[URIRef]:
        """Every concept above ``iri`` (transitively), not including ``iri`` itself."""
        seen: set[URIRef] = set()
        todo = [iri]
        while todo:
            for up in self.objects(todo.pop(), SKOS.broader):
                if isinstance(up, URIRef) and up not in seen:
                    seen.add(up)
                    todo.append(up)
        seen.discard(iri)
        return frozenset(seen)

    def _find(self, labels: list[_Label], text: str) -> list[tuple[int, int, _Label]]:
        """Matches of ``labels`` in ``text``: false friends dropped, longest of overlaps kept."""
        found = []
        low = text.lower()
        for lab in labels:
            if lab.probe not in low:
                continue
            for m in lab.pattern.finditer(text):
                inside_false_friend = any(
                    fm.start() <= m.start() and m.end() <= fm.end()
                    for ff in self._false_friends.get(lab.target, ())
                    for fm in ff.finditer(text)
                )
                if not inside_false_friend:
                    found.append((m.start(), m.end(), lab))
        return _longest_first(found)

    def find_tools(self, text: str) -> list[ToolMention]:
        """Every tool named in ``text``, in text order."""
        mentions = []
        for start, end, lab in self._find(self._tool_labels, text):
            note = self._notes.get((lab.target, lab.text), "") if lab.via == "hiddenLabel" else ""
            mentions.append(ToolMention(lab.target, text[start:end], start, lab.text, lab.via, note))
        return mentions

    def modality_cues(self, text: str) -> list[CueMatch]:
        """The modality cues in ``text``, in text order, each (modality, cue) once."""
        return self._cues(self._cue_labels, text)

    def industry_cues(self, text: str) -> list[CueMatch]:
        """The industry cue words (industries' hidden labels) in ``text``; ``.modality`` holds the industry."""
        return self._cues(self._industry_cue_labels, text)

    def _cues(self, labels: list[_Label], text: str) -> list[CueMatch]:
        out: list[CueMatch] = []
        for _, _, lab in self._find(labels, text):
            cue = CueMatch(lab.target, lab.text)
            if cue not in out:
                out.append(cue)
        return out

    def heading_record(self, source_list: str, heading_text: str, line: int | None = None) -> HeadingRecord | None:
        """The curated row of a heading (the row at ``line`` when given), or ``None``."""
        if line is not None:
            for rec in self._heading_rows:
                if rec.source_list == source_list and rec.line == line:
                    return rec
            return None
        return self._headings.get((source_list, heading_text.strip().casefold()))

    def heading_records(self) -> list[HeadingRecord]:
        """Every row of the curation file, in file order (repeated headings included)."""
        return list(self._heading_rows)

    def industries_for_heading(self, source_list: str, heading_text: str) -> tuple[URIRef, ...] | None:
        """The industries curated for a heading; ``()`` when it names none, ``None`` when unknown."""
        rec = self.heading_record(source_list, heading_text)
        return rec.industries if rec is not None else None

    def align_industry(self, text: str) -> list[tuple[URIRef, float]]:
        """Industries whose labels resemble ``text`` or one of its parts, best first.

        The heading is split at commas, "&" and "and"; a trailing parenthetical is dropped.
        Each part (and the whole) is compared with every industry label; an industry is
        kept when its best score reaches :data:`ALIGN_THRESHOLD`.
        """
        text = re.sub(r"\([^)]*\)\s*$", "", text).strip()
        parts = {_normalise(text)} | {_normalise(p) for p in _PART_SPLIT.split(text)}
        parts.discard("")
        best: dict[URIRef, float] = {}
        for part in parts:
            for ind, lab in self._industry_labels:
                score = max(fuzz.ratio(part, lab), fuzz.token_sort_ratio(part, lab)) / 100
                if score >= ALIGN_THRESHOLD and score > best.get(ind, 0.0):
                    best[ind] = score
        return sorted(best.items(), key=lambda kv: (-kv[1], kv[0].value))


@lru_cache(maxsize=4)
def _load(root: Path) -> Vocabulary:
    return Vocabulary(root)


def load(root: Path | None = None) -> Vocabulary:
    """The vocabularies of the repository at ``root`` (default: this checkout), loaded once."""
    return _load(Path(root).resolve() if root is not None else default_root())


def find_tools(text: str, root: Path | None = None) -> list[ToolMention]:
    return load(root).find_tools(text)


def modality_cues(text: str, root: Path | None = None) -> list[CueMatch]:
    return load(root).modality_cues(text)


def industries_for_heading(source_list: str, heading_text: str, root: Path | None = None) -> tuple[URIRef, ...] | None:
    return load(root).industries_for_heading(source_list, heading_text)


def align_industry(text: str, root: Path | None = None) -> list[tuple[URIRef, float]]:
    return load(root).align_industry(text)
