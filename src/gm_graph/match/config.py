"""Every threshold and weight of the matcher, in one place.

The defaults below were tuned on the *tune* split of ``tests/data/alignment/pairs.tsv``
only (``bench/matching.py`` reports both splits). Pass a changed :class:`MatchConfig` to
:func:`gm_graph.match.match_items` to try other values; ``dataclasses.replace`` is handy:

>>> from dataclasses import replace
>>> strict = replace(MatchConfig(), accept=0.9)

Scores are in 0..1. A pair of items is

* **accepted** (merged) when its score is at least ``accept``;
* **queued for review** when it lies in ``[review, accept)``: it is merged when it reaches
  ``merge`` (the best guess) and left apart otherwise, and a curator is asked either way;
* **rejected** below ``review``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MATCHER_VERSION = "0.2"
METHOD_LEXICAL = f"gm-graph matcher {MATCHER_VERSION} lexical"
METHOD_HIERARCHY = f"gm-graph matcher {MATCHER_VERSION} source hierarchy"
METHOD_CONTAINMENT = f"gm-graph matcher {MATCHER_VERSION} label containment"
METHOD_LEXICON = f"gm-graph matcher {MATCHER_VERSION} lexicon hierarchy"
METHOD_CURATION = "curation"
METHOD_SINGLETON = "singleton"

# The repository's data/ folder (lexicon and word classes live there as curator-edited data).
DATA_DIR = Path(__file__).resolve().parents[3] / "data"


@dataclass(frozen=True)
class MatchConfig:
    # --- data files -------------------------------------------------------------------
    lexicon_path: Path = field(default_factory=lambda: DATA_DIR / "lexicon.tsv")
    stopwords_path: Path = field(default_factory=lambda: DATA_DIR / "stopwords.tsv")

    # --- speed ------------------------------------------------------------------------------
    # From this many candidate pairs on, a forked second process scores half of them (two
    # cores); the scores are the same either way (gm_graph.match.pipeline.score_candidates).
    parallel_min: int = 200_000

    # --- decision thresholds -----------------------------------------------------------
    accept: float = 0.70  # at or above: merged, no review
    merge: float = 0.50  # best guess inside the review band: merged at or above this
    review: float = 0.35  # below: rejected without review
    same_source: float = 0.55  # two items of one source list merge only at or above this
    same_section: float = 0.85  # ... and two items of one section of a list only at or above this
    member_floor: float = 0.10  # every pair inside a cluster must score at least this (no chaining)
    cluster_mean: float = 0.40  # mean score of all pairs across two clusters to join them
    check_max: int = 5  # a group larger than this is checked through its first members only

    # --- hierarchy (skos:broader) --------------------------------------------------------
    broader: float = 0.90  # share of the broad label's weight the narrow label must hold
    broader_extra: float = 0.30  # extra informative weight the narrow label must add (vs broad)
    broader_max_tokens: int = 6  # labels with more words are sentences, not names: no containment
    kind_of_not_merged: bool = True  # a pair where one is a kind of the other is not merged ...
    kind_of_accept: float = 0.95  # ... unless it scores at least this (a plain duplicate)
    group_part_not_merged: bool = True  # a group "A & B:" over 2+ nested items is never merged with an item naming one part
    group_strict: bool = True  # below group_merge, a group item merges only when heads agree and 2+ informative words are shared
    group_merge: float = 0.60  # ... (a group heads nested items: a wrong merge moves them all)
    parent_cannot_link: bool = True  # an item is never merged with the group it is nested in ...
    single_child_group: bool = True  # ... unless it is the group's only item (then scores decide)
    # Items a curator gave different preferred labels stand for canonical use cases the curator
    # named apart: the matcher never joins them (directly or through new items); a curated
    # "same" still can, and then the build reports the clash.
    named_apart: bool = True

    # --- evidence weights (the score is the weighted mean of the parts: only ratios matter) ---
    w_label: float = 0.5  # IDF-weighted Jaccard overlap of the label words (near-synonyms count part)
    w_containment: float = 2.5  # IDF-weighted share of the smaller label held by the other
    w_head: float = 0.6  # each label's head word is said by the other's label or description
    w_fuzzy: float = 0.3  # rapidfuzz token_sort_ratio of the normalised labels
    w_cross: float = 2.0  # share of each label said by the other's label, description, headings
    w_qualifier: float = 0.4  # a parenthetical qualifier ("(VFX)") found on the other side

    # --- word weights ----------------------------------------------------------------------
    weak_factor: float = 0.25  # a weak word (stopwords.tsv, kind weak) counts this much
    adjunct_factor: float = 0.5  # words after a preposition ("... for scenes") count this much
    qualifier_factor: float = 0.5  # words of a parenthetical qualifier, when not redundant
    containment_power: float = 2.0  # containment part = share ** this: partial overlap counts little
    conjunct_factor: float = 0.9  # a match on one part of an "A & B" name counts this much
    context_factor: float = 0.5  # a context word (stopwords.tsv, kind context) counts this much
    related_factor: float = 0.8  # a near-synonym (lexicon.tsv, kind related) counts this much of a match
    weak_head_factor: float = 0.5  # head part times this when the labels end in different generic activities
    heading_factor: float = 0.5  # ... and a word found only in the other item's headings this much

    # --- blocking ---------------------------------------------------------------------------
    block_max: int = 32  # a block up to this size is compared all-pairs ...
    block_window: int = 4  # ... a larger one by sorted neighbourhood with this window
    max_pair_tokens: int = 6  # informative words per label used to form word-pair keys
    desc_keys: int = 6  # rarest informative description words per item used as keys too

    @property
    def score_weights(self) -> dict[str, float]:
        return {
            "label": self.w_label,
            "containment": self.w_containment,
            "head": self.w_head,
            "fuzzy": self.w_fuzzy,
            "cross": self.w_cross,
            "qualifier": self.w_qualifier,
        }

    @classmethod
    def for_data(cls, data_dir: Path, **changes) -> MatchConfig:
        """The default config reading ``lexicon.tsv`` and ``stopwords.tsv`` from ``data_dir``."""
        return cls(lexicon_path=Path(data_dir) / "lexicon.tsv", stopwords_path=Path(data_dir) / "stopwords.tsv", **changes)
