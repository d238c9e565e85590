"""SPARQL queries the curator commands (explain, review, report) run on the built graph.

One query per ``.rq`` file in this folder, shipped as package data, each with a header
comment saying what it answers. Values are never pasted into query text: they are bound
with pyoxigraph ``substitutions``, so every bound variable is in the SELECT projection.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from gm_graph.namespace import PREFIXES
from gm_graph.query import compact
from gm_graph.store import new_store, parse_file, rdf_format

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger")}
_DECIMALS = {_XSD + t for t in ("decimal", "double", "float")}


def load_graph(path: Path) -> ox.Store:
    """The built graph in a store, for reading only.

    pyoxigraph loads the file itself (two to three times faster than going through Python
    quads); a file it cannot read is handed to :func:`gm_graph.store.parse_file`, whose
    error names the file and line.
    """
    path = Path(path)
    store = ox.Store()
    try:
        store.load(path=str(path), format=rdf_format(path), base_iri=path.resolve().as_uri())
    except (SyntaxError, OSError):
        return new_store(parse_file(path))
    return store


@cache
def text(name: str) -> str:
    """The text of the packaged query ``name`` (e.g. ``"explain-members.rq"``)."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def select(store: ox.Store, name: str, **bindings: ox.NamedNode | ox.Literal) -> list[dict[str, object]]:
    """Run a packaged SELECT query with ``bindings``; rows as dicts of pyoxigraph terms (None if unbound)."""
    subs = {ox.Variable(k): v for k, v in bindings.items()}
    solutions = store.query(text(name), use_default_graph_as_union=True, prefixes=PREFIXES, substitutions=subs or None)
    variables = [v.value for v in solutions.variables]
    return [{v: sol[v] for v in variables} for sol in solutions]


def value(term) -> object:
    """A term as a plain Python value: IRIs and strings as ``str``, numbers as ``int``/``float``."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt in _INTEGERS:
            return int(term.value)
        if dt in _DECIMALS:
            return float(term.value)
        return term.value
    return term.value


def curie(term) -> str:
    """An IRI as a prefixed name where a prefix fits (``gmu:virtual-try-on``)."""
    return compact(term)


def parts(term) -> dict[str, float]:
    """``gm:scorePart`` values joined by spaces ("label=0.905 fuzzy=0.586") as a sorted dict."""
    out: dict[str, float] = {}
    for piece in (value(term) or "").split():
        name, _, number = piece.partition("=")
        try:
            out[name] = float(number)
        except ValueError:
            continue
    return dict(sorted(out.items()))
