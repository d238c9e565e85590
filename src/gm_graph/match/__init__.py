"""The matcher: which source items are the same use case, and which is a kind of which.

One call does it all::

    from gm_graph.match import match_items, Constraints
    result = match_items(items, constraints=Constraints(cannot_link=[(k1, k2)]))
    for cluster in result.clusters:      # canonical use cases
        print(cluster.id, cluster.pref_label, [m.label for m in cluster.members])
    for link in result.links:            # one per item: predicate, score, method, justification
        ...
    result.broader                       # (narrow cluster id, broad cluster id, score, method)
    result.pairs, result.review          # every scored pair; the queue for a curator

It is a pipeline of stages, each a module that can be used and tested alone:

* :mod:`.lexicon` and :mod:`.normalise` — repaired, folded words; synonyms, abbreviations and
  near-synonym classes from ``data/lexicon.tsv``, word classes (stop, preposition, weak,
  context) from ``data/stopwords.tsv`` (curator-edited data);
* :mod:`.block` — candidate pairs by blocking keys from labels, near-synonym classes and
  descriptions (cost grows about linearly);
* :mod:`.score` — a score from IDF-weighted label overlap and containment, head words, rapidfuzz,
  how much of each label the other item's label, description or headings say, and
  qualifiers, returned with its parts;
* :mod:`.cluster` — clusters that do not chain, honouring must/cannot-link;
* :mod:`.hierarchy` — cycle-free broader links between clusters;
* :mod:`.canonical` — preferred label, alternative labels, definition, id;
* :mod:`.config` — every threshold and weight.

Curator decisions (:class:`Constraints`) always win; decisions that cannot be applied (an
unknown item key, a "same" that would undo a "not the same", a broader that would close a
cycle) are listed in :attr:`MatchResult.conflicts`.
"""

from gm_graph.match.config import MATCHER_VERSION, METHOD_CURATION, METHOD_LEXICAL, METHOD_SINGLETON, MatchConfig
from gm_graph.match.pipeline import load_lexicon, match_items
from gm_graph.match.result import (
    COMPOSITE,
    LEXICAL,
    MANUAL,
    UNSPECIFIED,
    Broader,
    Cluster,
    Constraints,
    Link,
    MatchResult,
    PairDecision,
)

__all__ = [
    "COMPOSITE",
    "LEXICAL",
    "MANUAL",
    "MATCHER_VERSION",
    "METHOD_CURATION",
    "METHOD_LEXICAL",
    "METHOD_SINGLETON",
    "UNSPECIFIED",
    "Broader",
    "Cluster",
    "Constraints",
    "Link",
    "MatchConfig",
    "MatchResult",
    "PairDecision",
    "load_lexicon",
    "match_items",
]
