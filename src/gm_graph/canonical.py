"""``gm-graph canonical``: the canonical list, i.e. the result of queries/canonical-list.rq."""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from gm_graph import query as q
from gm_graph.paths import Paths
from gm_graph.errors import GmError
from gm_graph.namespace import GM, PREFIXES
from gm_graph.project import ensure_built, load

QUERY = "canonical-list.rq"

# --industry/--modality/--tool keep the use cases these query files return for the bound value.
FILTERS = (
    ("industry", GM.Industry, "--industry", "usecases-of-industry.rq", "industry"),
    ("modality", GM.MediaModality, "--modality", "usecases-of-modality.rq", "modality"),
    ("tool", GM.Tool, "--tool", "usecases-of-tool.rq", "tool"),
)

_FIND = """
SELECT DISTINCT ?c ?class ?text WHERE {
  ?c a ?class .
  { ?c skos:prefLabel ?l } UNION { ?c skos:altLabel ?l } UNION { ?c skos:hiddenLabel ?l } UNION { ?c skos:notation ?l }
  FILTER (LCASE(STR(?l)) = LCASE(?text))
}
"""


def resolve(store: ox.Store, text: str, cls: ox.NamedNode, option: str) -> ox.NamedNode:
    """Find a concept by IRI, prefixed name, label, alternative label or notation."""
    name, term = q.parse_binding(f"x={text}")
    if isinstance(term, ox.NamedNode):
        return term
    found = [s["c"] for s in store.query(_FIND, use_default_graph_as_union=True, prefixes=PREFIXES, substitutions={ox.Variable("class"): cls, ox.Variable("text"): ox.Literal(text)})]
    if len(found) == 1:
        return found[0]
    if not found:
        raise GmError(option, f"no {cls.value.rsplit('#', 1)[-1]} is called {text!r}", "give its label or IRI; `gm-graph query` on the vocabulary lists them")
    names = ", ".join(q.compact(f) for f in found)
    raise GmError(option, f"{text!r} is ambiguous ({names})", "give the IRI instead")


def canonical_list(paths: Paths, fmt: str, *, industry=None, modality=None, tool=None, log=None) -> str:
    query_path = paths.queries / QUERY
    text = q.read_query(query_path)
    store = load(ensure_built(paths, log))
    keep: set | None = None
    for value, cls, option, query_file, var in FILTERS:
        wanted = {"--industry": industry, "--modality": modality, "--tool": tool}[option]
        if not wanted:
            continue
        term = resolve(store, wanted, cls, option)
        filter_text = q.read_query(paths.queries / query_file)
        found = {sol["usecase"] for sol in q.run(store, filter_text, f"queries/{query_file}", {var: term})}
        keep = found if keep is None else keep & found
    variables, data = q.rows(q.run(store, text, f"queries/{QUERY}"))
    if keep is not None:
        col = variables.index("usecase")
        data = [row for row in data if row[col] in keep]
    if fmt == "markdown":
        return markdown(variables, data)
    return q.FORMATTERS[fmt](variables, data)


def markdown(variables: list[str], data: list[list]) -> str:
    """The canonical list grouped by industry, as a person would publish it."""
    col = {v: i for i, v in enumerate(variables)}
    groups: dict[str, list[list]] = defaultdict(list)
    for row in data:
        industries = q.compact(row[col["industries"]]) or "Unassigned"
        for ind in industries.split("; "):
            groups[ind].append(row)
    out = ["# Canonical list of generative media use cases", ""]
    total = len(data)
    out.append(f"{total} canonical use cases, grouped by industry (a use case in several industries is listed under each).")
    for ind in sorted(groups):
        out += ["", f"## {ind}", ""]
        for row in sorted(groups[ind], key=lambda r: q.compact(r[col["label"]]).casefold()):
            label = q.compact(row[col["label"]])
            extras = []
            if row[col["broader"]] is not None:
                extras.append(f"under {q.compact(row[col['broader']])}")
            if row[col["modalities"]] is not None:
                extras.append(q.compact(row[col["modalities"]]))
            n = int(q.compact(row[col["sources"]]) or 0)
            extras.append(f"{n} source list{'s' if n != 1 else ''}")
            out.append(f"- **{label}** ({'; '.join(extras)})")
    return "\n".join(out) + "\n"
