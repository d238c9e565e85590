"""Industries, media modalities and tools: the dimensions of the canonical list.

The knowledge is data (``ontology/vocab/*.ttl`` and ``data/curation/headings.tsv``, read
by :mod:`gm_graph.vocab`); this module applies it to a build and records the evidence:

* every heading gets its kinds and the industries/modalities it names (dcterms:subject),
  from the curated heading table, or by lexical alignment for headings it does not list;
* every item inherits the industries of its headings; every canonical use case gets the
  industries of all the items merged into it (``gmi:cross-industry`` when none names one);
* modalities come from cue words in an item's text, its headings and the tools named with
  it; each is recorded as a decision with the cue, the item and its line;
* tool mentions are linked to the items (and for preambles, to the source list) and lines
  where they occur; a misspelling is resolved to its tool with the curator's note.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from gm_graph import graph as g
from gm_graph.model import Item, ParseResult, digest
from gm_graph.namespace import DCTERMS, GM, GMI, GMM, ID, PROV, RDF, RDFS, SKOS

DEFAULT_INDUSTRY = GMI["cross-industry"]
# Most sources are about visual media; a use case with no evidence at all is taken as image.
DEFAULT_MODALITY = GMM["image"]
HEADING_TABLE = "data/curation/headings.tsv"
MENTION = ID + "mention/"


def _node(iri) -> NamedNode:
    return iri if isinstance(iri, NamedNode) else NamedNode(str(iri))


@dataclass
class Evidence:
    """Why a canonical use case got a modality: the cue, and the item and line it came from."""

    modality: NamedNode
    cue: str
    kind: str  # "cue word", "heading", "tool", "source title", "broader use case"
    item: Item | None = None


@dataclass
class Dimensions:
    industries: dict[str, set[NamedNode]] = field(default_factory=lambda: defaultdict(set))  # cluster id ->
    modalities: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))
    votes: dict[str, dict[NamedNode, float]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    fallback: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))  # list-level context
    lacking_industry: int = 0
    lacking_modality: int = 0


def _heading_subjects(vocab, t: g.Triples, res: ParseResult) -> dict[str, tuple[list, set]]:
    """Align every heading; return (industries, modalities) per heading path key."""
    out: dict[str, tuple[list, set]] = {}
    for key, path in g.heading_paths(res).items():
        h = path[-1]
        node = g.heading_iri(res.source, path)
        record = vocab.heading_record(res.source, h.text, h.line)
        if record is not None:
            inds = list(dict.fromkeys(_node(i) for i in record.industries))  # in the order the heading names them
            mods = {_node(m) for m in record.modalities}
            kinds = record.kinds
            method, justification, scores = f"curation ({HEADING_TABLE})", "semapv:ManualMappingCuration", {}
        else:
            aligned = vocab.align_industry(h.text)
            inds = [_node(i) for i, _ in aligned]
            scores = {str(_node(i).value): s for i, s in aligned}
            mods = {_node(c.modality) for c in vocab.modality_cues(h.text)}
            kinds = tuple(k for k, v in (("industry", inds), ("modality", mods)) if v) or ("group",)
            method, justification = "gm-graph heading alignment (lexical)", "semapv:LexicalMatching"
        for kind in kinds:
            t.add(node, GM.headingKind, kind)
        for target in sorted(set(inds) | mods, key=lambda n: n.value):
            t.add(node, DCTERMS.subject, target)
            g.emit_mapping(t, node, DCTERMS.subject, target, score=scores.get(target.value, 1.0), method=method, justification=justification)
        out[key] = (inds, mods)
    return out


def _mention(t: g.Triples, vocab, subject: NamedNode, mention, line: int, item: Item | None) -> None:
    tool = _node(mention.tool)
    t.add(subject, GM.mentionsTool, tool)
    node = NamedNode(MENTION + digest(subject.value, tool.value, str(line), str(mention.start), length=16))
    t.add(node, RDF.type, PROV.Entity)
    t.add(node, RDFS.label, f"mention of {vocab.label(mention.tool)} on line {line}")
    t.add(node, GM.mentionsTool, tool)
    t.add(node, GM.line, g.positive(line))
    t.add(node, GM.verbatim, mention.text)
    t.add(node, PROV.wasDerivedFrom, subject)
    if mention.note:
        t.add(node, SKOS.editorialNote, mention.note)


def emit(t: g.Triples, paths, results: list[ParseResult], match, titles: dict[str, str] | None = None) -> Dimensions:
    """Add the dimensions to ``t``; ``titles`` maps source-list ids to their titles (a cue source)."""
    titles = titles or {}
    from gm_graph.text import repair
    from gm_graph.vocab import GM as VGM
    from gm_graph.vocab import load

    vocab = load(paths.root)
    dims = Dimensions()
    cluster_of = {id(link.item): link.cluster_id for link in match.links}
    tool_modalities = {tool: {_node(m) for m in vocab.objects(tool, VGM.producesModality)} for tool in vocab.tools}
    for res in results:
        heads = _heading_subjects(vocab, t, res)
        list_node = g.list_iri(res.source)
        title_mods = [Evidence(_node(c.modality), c.cue, "source title") for c in vocab.modality_cues(titles.get(res.source, ""))]
        list_tools: list[Evidence] = []
        for s in res.skipped:
            for mention in vocab.find_tools(repair(s.verbatim)):
                _mention(t, vocab, list_node, mention, s.line, None)
                if s.reason == "preamble":
                    list_tools += [Evidence(m, vocab.label(mention.tool), "list preamble tool") for m in tool_modalities.get(mention.tool, ())]
        fallback = title_mods or list_tools
        for item in res.items:
            cluster = cluster_of[id(item)]
            node = g.item_iri(item)
            inds: set[NamedNode] = set()
            evidence: list[Evidence] = []
            for depth in range(1, len(item.headings) + 1):
                h_inds, h_mods = heads[g.heading_path(item.headings[:depth])]
                inds |= set(h_inds)
                for rank, ind in enumerate(h_inds):
                    # Votes for the primary industry: each heading naming it, outer headings
                    # more, and within a heading the industry it names first a little more.
                    dims.votes[cluster][ind] += 1.0 + 1.0 / depth + 0.01 / (rank + 1)
                evidence += [Evidence(m, item.headings[depth - 1].text, "heading", item) for m in h_mods]
            text = f"{item.label}: {item.description}" if item.description else item.label
            if not inds:
                # No heading names an industry (List 4 is organised by media type): the
                # item's own cue words are the evidence, recorded as decisions.
                cues: dict[NamedNode, list[str]] = defaultdict(list)
                for c in vocab.industry_cues(text):
                    cues[_node(c.modality)].append(c.cue)
                for ind, words in sorted(cues.items(), key=lambda kv: kv[0].value):
                    inds.add(ind)
                    dims.votes[cluster][ind] += 0.5 * len(words)
                    m = g.emit_mapping(t, node, DCTERMS.subject, ind, score=1.0, method="gm-graph industry cue words", justification="semapv:LexicalMatching", derived_from=(node,))
                    t.add(m, RDFS.comment, "cue " + ", ".join(f"'{w}'" for w in words) + f" ({item.source}:{item.line})")
            for ind in sorted(inds, key=lambda n: n.value):
                t.add(node, DCTERMS.subject, ind)
            evidence += [Evidence(_node(c.modality), c.cue, "cue word", item) for c in vocab.modality_cues(text)]
            for mention in vocab.find_tools(text):
                _mention(t, vocab, node, mention, item.line, item)
                evidence += [Evidence(m, vocab.label(mention.tool), "tool", item) for m in tool_modalities.get(mention.tool, ())]
            dims.industries[cluster] |= inds
            dims.modalities[cluster] += evidence
            dims.fallback[cluster] += [Evidence(e.modality, e.cue, e.kind, item) for e in fallback]
    _emit_usecases(t, dims, match)
    return dims


def _emit_usecases(t: g.Triples, dims: Dimensions, match) -> None:
    parents = defaultdict(set)
    for narrow, broad, *_ in match.broader:
        parents[narrow].add(broad)
    for cluster in match.clusters:
        uc = g.usecase_iri(cluster.id)
        inds = dims.industries.get(cluster.id) or set()
        if not inds:
            dims.lacking_industry += 1
            inds = {DEFAULT_INDUSTRY}
            g.emit_mapping(t, uc, GM.industry, DEFAULT_INDUSTRY, score=1.0, method="gm-graph default: no source names an industry", justification="semapv:UnspecifiedMatching")
        for ind in sorted(inds, key=lambda n: n.value):
            t.add(uc, GM.industry, ind)
        votes = dims.votes.get(cluster.id) or {}
        primary = max(sorted(inds, key=lambda n: n.value), key=lambda n: votes.get(n, 0.0))
        t.add(uc, GM.primaryIndustry, primary)
        evidence = dims.modalities.get(cluster.id) or []
        if not evidence:
            # No item says it: fall back on the list's context (its title, the tools its
            # preamble names), then on a broader use case, then on the default.
            dims.lacking_modality += 1
            evidence = dims.fallback.get(cluster.id) or [
                Evidence(e.modality, e.cue, "broader use case", e.item) for b in sorted(parents.get(cluster.id, ())) for e in dims.modalities.get(b, [])
            ] or [Evidence(DEFAULT_MODALITY, "no cue", "default")]
        by_modality: dict[NamedNode, list[Evidence]] = defaultdict(list)
        for e in evidence:
            by_modality[e.modality].append(e)
        for modality in sorted(by_modality, key=lambda n: n.value):
            t.add(uc, GM.modality, modality)
            cues = by_modality[modality]
            items = sorted({g.item_iri(e.item) for e in cues if e.item is not None}, key=lambda n: n.value)
            node = g.emit_mapping(
                t, uc, GM.modality, modality, score=1.0, method="gm-graph modality evidence", justification="semapv:LexicalMatching", derived_from=items
            )
            for e in sorted(cues, key=lambda e: (e.kind, e.cue, e.item.line if e.item else 0)):
                where = f" ({e.item.source}:{e.item.line})" if e.item else ""
                t.add(node, RDFS.comment, f"{e.kind} '{e.cue}'{where}")
