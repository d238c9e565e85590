"""A fast SHACL Core checker for the constraint components our shapes use, in pyoxigraph.

Each property shape becomes a few SPARQL queries over the whole graph (one per constraint
component), instead of pySHACL's per-node Python walk: ~50x faster on our builds. Only the
components listed in ``SUPPORTED`` are handled; :func:`supports` tells the caller when a
shapes file uses anything else, so it can hand the file to pySHACL (the reference engine,
which tests compare this checker with).
"""

from __future__ import annotations

import pyoxigraph as ox

from gm_graph.namespace import PREFIXES, RDF, SH

SUPPORTED = {
    SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.minLength, SH["in"], SH.pattern,
    SH.minInclusive, SH.maxInclusive, SH.message, SH.path, SH.name, SH.description,
}
NODE_LEVEL = {SH.targetClass, SH.targetSubjectsOf, SH.targetNode, SH.property, SH.sparql, RDF.type}

# Lexical forms checked for the XSD datatypes our shapes use (pySHACL checks these too).
LEXICAL = {
    "http://www.w3.org/2001/XMLSchema#positiveInteger": "^[+]?0*[1-9][0-9]*$",
    "http://www.w3.org/2001/XMLSchema#decimal": "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$",
}

_FOCUS = {
    "targetClass": "?this rdf:type/rdfs:subClassOf* {t} .",
    "targetSubjectsOf": "?this {t} ?anyObject .",
    "targetNode": "VALUES ?this {{ {t} }}",
}


def _one(store: ox.Store, s, p):
    return next((q.object for q in store.quads_for_pattern(s, p, None)), None)


def _list(store: ox.Store, head) -> list:
    out = []
    while head is not None and head != RDF.nil:
        out.append(_one(store, head, RDF.first))
        head = _one(store, head, RDF.rest)
    return out


def _path(store: ox.Store, path) -> str | None:
    if isinstance(path, ox.NamedNode):
        return str(path)
    inverse = _one(store, path, SH.inversePath)
    if isinstance(inverse, ox.NamedNode):
        return f"^{inverse}"
    return None


def supports(shapes: ox.Store) -> bool:
    """True when every property shape uses only components this checker implements."""
    for q in shapes.quads_for_pattern(None, SH.property, None):
        for c in shapes.quads_for_pattern(q.object, None, None):
            if c.predicate not in SUPPORTED:
                return False
        if _path(shapes, _one(shapes, q.object, SH.path)) is None:
            return False
    return True


def _focus_pattern(shapes: ox.Store, shape) -> str:
    parts = []
    for kind, template in _FOCUS.items():
        for q in shapes.quads_for_pattern(shape, SH[kind], None):
            parts.append("{ " + template.format(t=str(q.object)) + " }")
    return " UNION ".join(parts)


def check(data: ox.Store, shapes: ox.Store):
    """Yield ``(focus, path, message, value)`` for every core violation."""
    for ps in shapes.quads_for_pattern(None, SH.property, None):
        shape, prop = ps.subject, ps.object
        focus = _focus_pattern(shapes, shape)
        if not focus:
            continue
        path = _path(shapes, _one(shapes, prop, SH.path))
        path_iri = _one(shapes, prop, SH.path)
        shown = path_iri.value if isinstance(path_iri, ox.NamedNode) else path
        custom = _one(shapes, prop, SH.message)
        for has_value, query, default in _queries(shapes, prop, focus, path):
            message = custom.value if custom is not None else default
            for sol in data.query(query, prefixes=PREFIXES, use_default_graph_as_union=True):
                yield sol["this"], shown, message, sol["value"] if has_value else None


def _queries(shapes: ox.Store, prop, focus: str, path: str):
    select_value = f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {path} ?value . "
    n = _one(shapes, prop, SH.minCount)
    if n is not None and int(n.value) > 0:
        q = f"SELECT ?this WHERE {{ {{ SELECT DISTINCT ?this WHERE {{ {focus} }} }} OPTIONAL {{ ?this {path} ?v }} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {int(n.value)})"
        yield False, q, f"Less than {n.value} values on {path}"
    n = _one(shapes, prop, SH.maxCount)
    if n is not None:
        q = f"SELECT ?this WHERE {{ {{ SELECT DISTINCT ?this WHERE {{ {focus} }} }} ?this {path} ?v }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(n.value)})"
        yield False, q, f"More than {n.value} values on {path}"
    c = _one(shapes, prop, SH["class"])
    if c is not None:
        yield True, select_value + f"FILTER NOT EXISTS {{ ?value rdf:type/rdfs:subClassOf* {c} }} }}", f"Value does not have class {c}"
    d = _one(shapes, prop, SH.datatype)
    if d is not None:
        yield True, select_value + f"FILTER (!isLiteral(?value) || datatype(?value) != {d}) }}", f"Value is not of datatype {d}"
        lexical = LEXICAL.get(d.value)
        if lexical:
            yield True, select_value + f"FILTER (isLiteral(?value) && datatype(?value) = {d} && !REGEX(STR(?value), {ox.Literal(lexical)})) }}", f"Value is not a valid {d}"
    n = _one(shapes, prop, SH.minLength)
    if n is not None:
        yield True, select_value + f"FILTER (isBlank(?value) || STRLEN(STR(?value)) < {int(n.value)}) }}", f"Value shorter than {n.value}"
    head = _one(shapes, prop, SH["in"])
    if head is not None:
        allowed = " ".join(str(v) for v in _list(shapes, head))
        yield True, select_value + f"FILTER (?value NOT IN ({', '.join(str(v) for v in _list(shapes, head))})) }}", f"Value not in ({allowed})"
    p = _one(shapes, prop, SH.pattern)
    if p is not None:
        yield True, select_value + f"FILTER (isBlank(?value) || !REGEX(STR(?value), {ox.Literal(p.value)})) }}", f"Value does not match {p.value}"
    for comp, op in ((SH.minInclusive, "<"), (SH.maxInclusive, ">")):
        b = _one(shapes, prop, comp)
        if b is not None:
            yield True, select_value + f"FILTER (!(?value >= {b} || ?value <= {b}) || ?value {op} {b}) }}", f"Value {op} {b.value}"
