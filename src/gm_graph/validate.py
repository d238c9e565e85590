"""SHACL validation of a built graph against ``ontology/shapes.ttl``.

The shapes file is the single statement of the rules. Checking is split for speed:
core constraints (counts, classes, datatypes) go to pySHACL on an rdflib copy of the
graph; each SHACL-SPARQL constraint's SELECT runs once over the whole graph in pyoxigraph
with ``$this`` left open, instead of once per focus node (pySHACL's way, ~100x slower
here), and its rows are kept for the focus nodes the shape targets. ``validate(...,
engine="pyshacl")`` runs everything through pySHACL; tests check both agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from gm_graph.errors import GmError, rel
from gm_graph.namespace import GM, PREFIXES, RDF, RDFS, SH
from gm_graph.store import parse_file

_SUBCLASS_CLOSURE = """
SELECT DISTINCT ?node ?cls WHERE { ?node rdf:type/rdfs:subClassOf* ?cls }
"""


@dataclass(frozen=True)
class Violation:
    focus: str  # IRI of the focus node
    shape: str  # IRI (or label) of the shape
    path: str  # property path, "" for node-level constraints
    message: str
    value: str = ""
    source: str = ""  # "file:line" of the focus node, when it has one


@dataclass
class Report:
    violations: list[Violation] = field(default_factory=list)
    checked_shapes: int = 0

    @property
    def conforms(self) -> bool:
        return not self.violations


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _rdflib_term(term):
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def _to_rdflib(quads, predicates: set | None = None):
    """An rdflib copy of the triples (only those with ``predicates``, when given)."""
    import rdflib

    g = rdflib.Graph()
    seen = set()
    for q in quads:
        t = q.triple
        if (predicates is not None and t.predicate not in predicates) or t in seen:
            continue
        seen.add(t)
        g.add((_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object)))
    return g


def _shape_predicates(shapes: ox.Store) -> set:
    """Every predicate the core shapes read: their paths (and inverse paths), targets and typing."""
    preds = {RDF.type, RDFS.subClassOf}
    for q in shapes.quads_for_pattern(None, SH.path, None):
        if isinstance(q.object, ox.NamedNode):
            preds.add(q.object)
        else:
            preds.update(i.object for i in shapes.quads_for_pattern(q.object, SH.inversePath, None))
    for q in shapes.quads_for_pattern(None, SH.targetSubjectsOf, None):
        preds.add(q.object)
    return preds


def _shape_label(store: ox.Store, shape) -> str:
    for s in store.quads_for_pattern(shape, RDFS.label, None):
        return s.object.value
    return str(shape)


def _targets(data: ox.Store, shapes: ox.Store, shape) -> set:
    focus = set()
    for q in shapes.quads_for_pattern(shape, SH.targetClass, None):
        for sol in data.query(_SUBCLASS_CLOSURE, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions={ox.Variable("cls"): q.object}):
            focus.add(sol["node"])
    for q in shapes.quads_for_pattern(shape, SH.targetSubjectsOf, None):
        focus.update(t.subject for t in data.quads_for_pattern(None, q.object, None))
    for q in shapes.quads_for_pattern(shape, SH.targetNode, None):
        focus.add(q.object)
    return focus


def _sparql_violations(data: ox.Store, shapes: ox.Store) -> tuple[list[Violation], int]:
    out: list[Violation] = []
    n = 0
    for q in shapes.quads_for_pattern(None, SH.sparql, None):
        shape, constraint = q.subject, q.object
        n += 1
        fast = next(shapes.quads_for_pattern(constraint, GM.wholeGraphSelect, None), None)
        select = (fast or next(shapes.quads_for_pattern(constraint, SH.select, None))).object.value
        message = next((m.object.value for m in shapes.quads_for_pattern(constraint, SH.message, None)), "SPARQL constraint violated")
        targets = _targets(data, shapes, shape)
        for sol in data.query(select, prefixes=PREFIXES, use_default_graph_as_union=True):
            this = sol["this"]
            if this not in targets:
                continue
            try:
                value = sol["value"]
            except (KeyError, IndexError):
                value = None
            text = message.replace("{?value}", value.value if value is not None else "").replace("{$value}", value.value if value is not None else "")
            out.append(Violation(this.value, _shape_label(shapes, shape), "", text, value.value if value is not None else ""))
    return out, n


def _core_violations(quads, shapes_quads, shapes: ox.Store) -> list[Violation]:
    import pyshacl
    import rdflib

    data = _to_rdflib(quads, _shape_predicates(shapes))
    sg = rdflib.Graph()
    core = [q.triple for q in shapes_quads]
    # Drop the SPARQL constraints: they are checked in pyoxigraph.
    sparql_nodes = {t.object for t in core if t.predicate == SH.sparql}
    kept = [t for t in core if t.predicate != SH.sparql and t.subject not in sparql_nodes]
    sg.parse(data=ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=sg, inference="none", advanced=False, abort_on_first=False, allow_warnings=True)
    return _from_pyshacl(results)


def _from_pyshacl(results) -> list[Violation]:
    import rdflib
    from rdflib.namespace import SH as RSH

    out = []
    for r in results.subjects(rdflib.RDF.type, RSH.ValidationResult):
        focus = results.value(r, RSH.focusNode)
        path = results.value(r, RSH.resultPath)
        msg = results.value(r, RSH.resultMessage)
        value = results.value(r, RSH.value)
        shape = results.value(r, RSH.sourceShape)
        parent = next(results.subjects(RSH.property, shape), None) if shape is not None else None
        out.append(Violation(str(focus), str(parent or shape), str(path or ""), str(msg or ""), str(value or "")))
    return out


def validate(quads, shapes_path: Path, engine: str = "split") -> Report:
    shapes_quads = parse_file(shapes_path)
    shapes = ox.Store()
    shapes.bulk_extend(shapes_quads)
    if not any(True for _ in shapes.quads_for_pattern(None, RDF.type, SH.NodeShape)):
        raise GmError(rel(shapes_path), "no sh:NodeShape in this file", "pass a SHACL shapes file")
    data = ox.Store()
    data.bulk_extend(quads)
    report = Report()
    if engine == "pyshacl":
        import pyshacl
        import rdflib

        sg = rdflib.Graph().parse(str(shapes_path), format="turtle")
        _, results, _ = pyshacl.validate(_to_rdflib(quads), shacl_graph=sg, inference="none", advanced=True)
        report.violations = _from_pyshacl(results)
    else:
        from gm_graph import shacl_core

        sparql, n = _sparql_violations(data, shapes)
        if shacl_core.supports(shapes):
            core = [
                Violation(focus.value, "", path or "", message, value.value if value is not None else "")
                for focus, path, message, value in shacl_core.check(data, shapes)
            ]
        else:
            core = _core_violations(quads, shapes_quads, shapes)
        report.violations = core + sparql
        report.checked_shapes = n
    _locate(report, data)
    report.violations.sort(key=lambda v: (v.source, v.focus, v.message))
    return report


_LOCATE = """
SELECT ?node ?file ?line WHERE {
  ?node gm:line ?line .
  { ?node gm:inSourceList/gm:sourceFile/gm:path ?file }
  UNION { ?node prov:wasDerivedFrom/gm:sourceFile/gm:path ?file }
}
"""


def _locate(report: Report, data: ox.Store) -> None:
    """Attach file:line to focus nodes that come from a source line (or whose items do)."""
    if not report.violations:
        return
    where = {}
    for sol in data.query(_LOCATE, prefixes=PREFIXES, use_default_graph_as_union=True):
        where[sol["node"].value] = f"{sol['file'].value}:{sol['line'].value}"
    for sol in data.query("SELECT ?uc ?item WHERE { ?item gm:canonicalUseCase ?uc }", prefixes=PREFIXES, use_default_graph_as_union=True):
        where.setdefault(sol["uc"].value, where.get(sol["item"].value, ""))
    report.violations = [
        Violation(v.focus, v.shape, v.path, v.message, v.value, where.get(v.focus, "")) for v in report.violations
    ]


def validate_file(graph_path: Path, shapes_path: Path) -> Report:
    return validate(parse_file(graph_path), shapes_path)


def format_report(report: Report, graph_path: Path) -> str:
    from gm_graph.query import compact

    if report.conforms:
        return f"{rel(graph_path)}: conforms to the shapes"
    lines = [f"{rel(graph_path)}: {len(report.violations)} violation(s)"]
    for v in report.violations:
        focus = compact(ox.NamedNode(v.focus)) if v.focus.startswith("http") else v.focus
        at = f" [{v.source}]" if v.source else ""
        path = f" {compact(ox.NamedNode(v.path))}" if v.path.startswith("http") else ""
        lines.append(f"- {focus}{at}{path}: {v.message}")
    return "\n".join(lines)
