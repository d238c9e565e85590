"""Run SPARQL query files against the graph and format their results."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox

from gm_graph.errors import GmError, rel
from gm_graph.namespace import PREFIXES, curie


def read_query(path: Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise GmError(rel(path), "query file not found", "pass a .rq file, e.g. queries/canonical-list.rq")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise GmError(rel(path), "query file is not UTF-8 text", "save it as UTF-8") from None


def parse_binding(text: str) -> tuple[str, ox.NamedNode | ox.Literal]:
    """``name=prefix:local``, ``name=<iri>`` or ``name=literal`` -> (variable name, term)."""
    if "=" not in text:
        raise GmError("--bind", f"{text!r} is not NAME=VALUE", "e.g. --bind industry=gmi:real-estate")
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?$")
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return name, ox.NamedNode(value[1:-1])
    prefix, _, local = value.partition(":")
    if prefix in PREFIXES and local:
        return name, ox.NamedNode(PREFIXES[prefix] + local)
    if value.startswith(("http://", "https://")):
        return name, ox.NamedNode(value)
    return name, ox.Literal(value)


def run(store: ox.Store, text: str, where: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None):
    subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
    try:
        return store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES, substitutions=subs or None)
    except SyntaxError as exc:
        msg = str(exc).splitlines()[0]
        raise GmError(where, f"invalid SPARQL: {msg}", "fix the query; it must be SPARQL 1.1") from None
    except RuntimeError as exc:
        msg = str(exc).splitlines()[0]
        if "projection" in msg and bindings:
            raise GmError(where, f"cannot bind: {msg}", "--bind only sets variables the SELECT clause names") from None
        raise GmError(where, f"the query failed: {msg}", "check the query") from None


def compact(term) -> str:
    """Show a term the way a person reads it: prefixed IRIs, plain literal values."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return curie(term.value)
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def rows(solutions) -> tuple[list[str], list[list]]:
    variables = [v.value for v in solutions.variables]
    return variables, [[sol[v] for v in variables] for sol in solutions]


def format_table(variables: list[str], data: list[list]) -> str:
    cells = [[compact(t) for t in row] for row in data]
    widths = [len(v) for v in variables]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = min(max(widths[i], len(c)), 48)

    def fit(c: str, w: int) -> str:
        return (c if len(c) <= w else c[: w - 1] + "…").ljust(w)

    lines = ["  ".join(fit(v, w) for v, w in zip(variables, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(fit(c, w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _w3c(solutions_iter, variables, data, fmt: ox.QueryResultsFormat) -> str:
    # Re-create the solutions in W3C formats from the rows we already hold.
    out = io.StringIO()
    if fmt == ox.QueryResultsFormat.JSON:
        bindings = []
        for row in data:
            b = {}
            for v, t in zip(variables, row):
                if t is None:
                    continue
                if isinstance(t, ox.NamedNode):
                    b[v] = {"type": "uri", "value": t.value}
                elif isinstance(t, ox.BlankNode):
                    b[v] = {"type": "bnode", "value": t.value}
                else:
                    lit = {"type": "literal", "value": t.value}
                    if t.language:
                        lit["xml:lang"] = t.language
                    elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                        lit["datatype"] = t.datatype.value
                    b[v] = lit
            bindings.append(b)
        json.dump({"head": {"vars": variables}, "results": {"bindings": bindings}}, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return out.getvalue()
    if fmt == ox.QueryResultsFormat.CSV:
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(variables)
        for row in data:
            w.writerow(["" if t is None else (t.value if isinstance(t, (ox.NamedNode, ox.Literal)) else str(t)) for t in row])
        return out.getvalue()
    # TSV: terms in their SPARQL/Turtle syntax, as the W3C TSV results format asks.
    out.write("\t".join("?" + v for v in variables) + "\n")
    for row in data:
        out.write("\t".join("" if t is None else str(t) for t in row) + "\n")
    return out.getvalue()


def _format_w3c(fmt):
    return lambda variables, data: _w3c(None, variables, data, fmt)


FORMATTERS = {
    "table": format_table,
    "csv": _format_w3c(ox.QueryResultsFormat.CSV),
    "tsv": _format_w3c(ox.QueryResultsFormat.TSV),
    "json": _format_w3c(ox.QueryResultsFormat.JSON),
}


def render(result, fmt: str) -> str:
    """Format SELECT solutions, an ASK boolean or CONSTRUCT triples."""
    if isinstance(result, ox.QueryBoolean):
        return ("true" if bool(result) else "false") + "\n"
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(list(result), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")
    variables, data = rows(result)
    return FORMATTERS[fmt](variables, data)
