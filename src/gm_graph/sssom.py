"""The mapping set as SSSOM TSV: every merge, hierarchy and rejected-pair decision with its why."""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import yaml

from gm_graph import __version__
from gm_graph.namespace import PREFIXES, curie

COLUMNS = [
    "subject_id",
    "subject_label",
    "predicate_id",
    "predicate_modifier",
    "object_id",
    "object_label",
    "mapping_justification",
    "confidence",
    "mapping_tool",
    "subject_source",
    "object_source",
    "comment",
]

_MAPPINGS = """
SELECT ?m ?s ?p ?o ?just ?conf ?tool ?status ?mod ?sl ?ol ?ss ?os
  (GROUP_CONCAT(?part; separator=", ") AS ?parts)
WHERE {
  ?m a gm:Mapping ; owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o ;
     sssom:mapping_justification ?just .
  OPTIONAL { ?m sssom:confidence ?conf }
  OPTIONAL { ?m sssom:mapping_tool ?tool }
  OPTIONAL { ?m gm:reviewStatus ?status }
  OPTIONAL { ?m sssom:predicate_modifier ?mod }
  OPTIONAL { ?m gm:scorePart ?part }
  OPTIONAL { ?s skos:prefLabel|rdfs:label ?sl }
  OPTIONAL { ?o skos:prefLabel|rdfs:label ?ol }
  OPTIONAL { ?s gm:inSourceList ?ss }
  OPTIONAL { ?o gm:inSourceList ?os }
}
GROUP BY ?m ?s ?p ?o ?just ?conf ?tool ?status ?mod ?sl ?ol ?ss ?os
"""

HEADER_KEYS = ("gm", "gmu", "gmx", "gmi", "gmm", "gmh", "gms", "gmt", "skos", "semapv", "owl", "dcterms")


def _curie(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    return curie(term.value)


def write_sssom(quads) -> str:
    store = ox.Store()
    store.bulk_extend(quads)
    rows = {}
    for sol in store.query(_MAPPINGS, prefixes=PREFIXES, use_default_graph_as_union=True):
        status = _curie(sol["status"]) or "accepted"
        comment = f"status={status}"
        if sol["parts"] is not None and sol["parts"].value:
            comment += "; " + sol["parts"].value
        key = (_curie(sol["s"]), _curie(sol["p"]), _curie(sol["o"]))
        rows[key] = {
            "subject_id": key[0],
            "subject_label": _curie(sol["sl"]),
            "predicate_id": key[1],
            "predicate_modifier": "Not" if _curie(sol["mod"]) == "Not" else "",
            "object_id": key[2],
            "object_label": _curie(sol["ol"]),
            "mapping_justification": _curie(sol["just"]),
            "confidence": _curie(sol["conf"]),
            "mapping_tool": _curie(sol["tool"]),
            "subject_source": _curie(sol["ss"]),
            "object_source": _curie(sol["os"]),
            "comment": comment,
        }
    header = {
        "curie_map": {k: PREFIXES[k] for k in HEADER_KEYS},
        "mapping_set_id": "https://w3id.org/gm-graph/id/mapping-set",
        "mapping_set_version": __version__,
        "mapping_set_description": "gm-graph merge decisions: source items to canonical use cases, canonical hierarchy, and candidate pairs left apart.",
        "license": "https://creativecommons.org/publicdomain/zero/1.0/",
        "mapping_tool": f"gm-graph {__version__}",
    }
    out = io.StringIO()
    for line in yaml.safe_dump(header, sort_keys=False, allow_unicode=True).splitlines():
        out.write(f"#{line}\n")
    w = csv.DictWriter(out, COLUMNS, delimiter="\t", lineterminator="\n")
    w.writeheader()
    for key in sorted(rows):
        w.writerow(rows[key])
    return out.getvalue()
